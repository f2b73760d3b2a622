package measure

import (
	"math"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// newPDF returns an fpdf document measuring in points with the bundled font
// loaded the way the PDF writer loads it.
func newPDF(t *testing.T) *fpdf.Fpdf {
	t.Helper()
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("wqy", "", fontBytes(t))
	pdf.SetFont("wqy", "", 10)
	if err := pdf.Error(); err != nil {
		t.Fatalf("fpdf cannot load the font: %v", err)
	}
	return pdf
}

// TestWidthAgreesWithFPDF checks that the measurer and the PDF writer agree
// on mixed Chinese and Latin strings, so a line that fits in the editor fits
// on paper.
func TestWidthAgreesWithFPDF(t *testing.T) {
	m := testMeasurer(t)
	pdf := newPDF(t)
	strs := []string{
		"负责ISO9001质量体系、“6S”活动的推进工作；",
		"V1.0 试用稿（对内公开）",
		"编制 3人 在岗 2人",
		"Customer Service Manager 客户服务经理",
		"社区文化管理员(兼)",
		"0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
		"emoji 😀 and rare 𠀀 print as boxes",
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for range 500 {
		strs = append(strs, randomText(rng, 60))
	}
	for _, size := range []float64{7, 8, 10, 10.5, 12, 16} {
		pdf.SetFontSize(size)
		for _, s := range strs {
			got, want := m.Width(s, size), pdf.GetStringWidth(s)
			if math.Abs(got-want) > 1e-9 {
				t.Errorf("size %v: Width(%q) = %v, fpdf GetStringWidth = %v", size, s, got, want)
			}
		}
	}
}

// TestEveryBMPRuneAgreesWithFPDF compares the advance of every character of
// the Basic Multilingual Plane (at 1000 pt, so widths are in font
// thousandths) with fpdf's, including the ones the font lacks.
func TestEveryBMPRuneAgreesWithFPDF(t *testing.T) {
	m := testMeasurer(t)
	pdf := newPDF(t)
	pdf.SetFontSize(1000)
	bad := 0
	for r := rune(1); r < 0x10000; r++ {
		if !utf8.ValidRune(r) {
			continue // surrogates cannot be in a Go string
		}
		s := string(r)
		if got, want := m.Width(s, 1000), pdf.GetStringWidth(s); got != want {
			if bad++; bad <= 10 {
				t.Errorf("%U: Width = %v, fpdf = %v", r, got, want)
			}
		}
	}
	if bad > 10 {
		t.Errorf("... %d runes disagree in all", bad)
	}
	// Beyond the BMP fpdf uses the .notdef width (U+10000 itself makes
	// fpdf v0.12.0 index out of range, so it is left out here).
	for _, r := range []rune{'😀', '\U00020000', '\U00010400'} {
		if got, want := m.Width(string(r), 1000), pdf.GetStringWidth(string(r)); got != want {
			t.Errorf("%U: Width = %v, fpdf = %v", r, got, want)
		}
	}
}
