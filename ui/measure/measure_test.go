package measure

import (
	"math"
	"os"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontPath is the bundled font, read from disk so the tests do not depend on
// how package assets embeds it.
const fontPath = "../../assets/fonts/WenQuanYiMicroHei.ttf"

var loadFont = sync.OnceValues(func() ([]byte, error) { return os.ReadFile(fontPath) })

// fontBytes returns a fresh copy of the bundled font's bytes.
func fontBytes(t testing.TB) []byte {
	t.Helper()
	b, err := loadFont()
	if err != nil {
		t.Fatalf("reading the bundled font: %v", err)
	}
	return append([]byte(nil), b...)
}

var parsed = sync.OnceValues(func() (*Measurer, error) {
	b, err := loadFont()
	if err != nil {
		return nil, err
	}
	return New(b)
})

// testMeasurer returns a measurer for the bundled font, parsed once for all
// tests.
func testMeasurer(t testing.TB) *Measurer {
	t.Helper()
	m, err := parsed()
	if err != nil {
		t.Fatalf("New(bundled font): %v", err)
	}
	return m
}

// sfntAdvance returns the advance of r in font units and the font's units
// per em, read with sfnt directly, as an independent check on the table.
func sfntAdvance(t *testing.T, f *sfnt.Font, r rune) (adv, upem float64) {
	t.Helper()
	var buf sfnt.Buffer
	g, err := f.GlyphIndex(&buf, r)
	if err != nil || g == 0 {
		t.Fatalf("font has no glyph for %q (err %v)", r, err)
	}
	a, err := f.GlyphAdvance(&buf, g, fixed.I(int(f.UnitsPerEm())), font.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	return float64(a) / 64, float64(f.UnitsPerEm())
}

func TestWidthMatchesFontAdvances(t *testing.T) {
	m := testMeasurer(t)
	f, err := sfnt.Parse(fontBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []rune{'汉', 'A', 'W', 'i', '1', '，', ' ', '（', '“'} {
		adv, upem := sfntAdvance(t, f, r)
		for _, size := range []float64{8, 10, 12} {
			want := adv / upem * size
			got := m.Width(string(r), size)
			// The advance is rounded to 1/1000 em, as in the PDF.
			if math.Abs(got-want) > 0.0005*size {
				t.Errorf("Width(%q, %v) = %v, font advance gives %v", r, size, got, want)
			}
		}
	}
	// A Han character is exactly one em wide in this font.
	if got := m.Width("汉字", 10); got != 20 {
		t.Errorf("Width(汉字, 10) = %v, want 20", got)
	}
}

func TestWidthIsSumOfCharacters(t *testing.T) {
	m := testMeasurer(t)
	a, b := "负责ISO9001质量体系，", "V1.0 试用稿"
	if got, want := m.Width(a+b, 10), m.Width(a, 10)+m.Width(b, 10); math.Abs(got-want) > 1e-9 {
		t.Errorf("Width(a+b) = %v, Width(a)+Width(b) = %v", got, want)
	}
	if got := m.Width("", 10); got != 0 {
		t.Errorf("Width(\"\") = %v", got)
	}
	// A missing character counts as wide as the .notdef box fpdf prints.
	if m.Width("😀", 10) <= 0 {
		t.Errorf("a missing glyph has no width")
	}
}

func TestHasGlyph(t *testing.T) {
	m := testMeasurer(t)
	for _, r := range []rune{'汉', 'A', 'z', '1', '，', '。', '（', '“', ' ', '·'} {
		if !m.HasGlyph(r) {
			t.Errorf("HasGlyph(%q) = false, want true", r)
		}
	}
	for _, r := range []rune{'😀', '\U00020000', '\n', '\t', 0xFFFF, -1, 0x110000} {
		if m.HasGlyph(r) {
			t.Errorf("HasGlyph(%U) = true, want false", r)
		}
	}

	// Check against the font itself: 😀 and 𠀀 are really absent, while 𐐀
	// is present but outside the BMP, which the PDF writer cannot use.
	f, err := sfnt.Parse(fontBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for r, inFont := range map[rune]bool{'😀': false, '\U00020000': false, '\U00010400': true} {
		g, _ := f.GlyphIndex(&buf, r)
		if (g != 0) != inFont {
			t.Errorf("font glyph for %U: index %d, expected present=%v", r, g, inFont)
		}
		if m.HasGlyph(r) {
			t.Errorf("HasGlyph(%U) = true, want false (not printable by the PDF writer)", r)
		}
	}
}

func TestNewRejectsBadFonts(t *testing.T) {
	good := fontBytes(t)
	withMagic := func(magic string) []byte {
		b := append([]byte(nil), good...)
		copy(b, magic)
		return b
	}
	cases := map[string][]byte{
		"nil":           nil,
		"empty":         {},
		"text":          []byte("this is not a font at all, just some text"),
		"garbage":       withMagic("\x89PNG"),
		"header only":   good[:12],
		"first 1000 B":  good[:1000],
		"half":          good[:len(good)/2],
		"missing tail":  good[:len(good)-1000],
		"TTC":           withMagic("ttcf"),
		"CFF (OTTO)":    withMagic("OTTO"),
		"zeroed tables": append(append([]byte(nil), good[:12]...), make([]byte, 4096)...),
	}
	for name, b := range cases {
		m, err := New(b)
		if err == nil || m != nil {
			t.Errorf("New(%s) = %v, %v; want an error", name, m, err)
		}
	}
	if _, err := New(withMagic("ttcf")); err == nil || !strings.Contains(err.Error(), ".ttc") {
		t.Errorf("TTC error should name the problem, got %v", err)
	}
	if _, err := New(withMagic("OTTO")); err == nil || !strings.Contains(err.Error(), "CFF") {
		t.Errorf("CFF error should name the problem, got %v", err)
	}
}

func TestLineHeightAndBaseline(t *testing.T) {
	m := testMeasurer(t)
	f, err := sfnt.Parse(fontBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	upem := float64(f.UnitsPerEm())
	met, err := f.Metrics(&buf, fixed.I(int(f.UnitsPerEm())), font.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	wantLH := float64(met.Height) / 64 / upem * 10
	if got := m.LineHeight(10); math.Abs(got-wantLH) > 1e-9 {
		t.Errorf("LineHeight(10) = %v, want %v", got, wantLH)
	}
	if got := m.LineHeight(10); got < 10 || got > 13 {
		t.Errorf("LineHeight(10) = %v, not a plausible line height", got)
	}
	// The baseline sits one ascent below the top of the line, as in Fyne.
	wantBase := float64(met.Ascent) / 64 / upem * 10
	if got := m.Baseline(10); math.Abs(got-wantBase) > 1e-9 {
		t.Errorf("Baseline(10) = %v, want ascent %v", got, wantBase)
	}
	if got := m.LineHeight(20); math.Abs(got-2*m.LineHeight(10)) > 1e-9 {
		t.Errorf("LineHeight does not scale with size: %v vs %v", got, m.LineHeight(10))
	}

	odd := &Measurer{ascent: 3000, descent: 1000, height: 4000}
	if got := odd.LineHeight(10); got != 13 {
		t.Errorf("LineHeight with odd metrics = %v, want the 1.3 × size fallback", got)
	}
	if got := odd.Baseline(10); got <= 0 || got >= 13 {
		t.Errorf("Baseline with odd metrics = %v, want inside the 13 pt line", got)
	}
}

func TestDefault(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*Measurer, 8)
	for i := range got {
		wg.Go(func() { got[i] = Default() })
	}
	wg.Wait()
	for _, m := range got {
		if m != got[0] {
			t.Fatalf("Default returned different measurers: %p and %p", m, got[0])
		}
	}
	want := testMeasurer(t)
	s := "负责ISO9001质量体系“6S”活动的推进工作；"
	if a, b := got[0].Width(s, 10), want.Width(s, 10); a != b {
		t.Errorf("Default().Width = %v, New(font).Width = %v", a, b)
	}
}
