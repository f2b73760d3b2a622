// Package measure is OrgDraft's one text measurer: it gives the width of a
// string, the height of a line, which characters the bundled font can draw,
// and wraps text by the rules of Chinese typesetting. The chart editor (Fyne)
// and the PDF writer (fpdf) both measure and wrap through this package, so
// a box holds the same lines on the screen and on paper.
//
// Widths are the ones the PDF writer uses: each glyph advance is rounded to
// a thousandth of an em, exactly as fpdf does when it loads a UTF-8 TrueType
// font and writes the font's /W width array. A PDF viewer positions glyphs by
// that array, so these rounded widths are what appears on paper, and
// Measurer.Width agrees with fpdf's GetStringWidth to the last bit.
//
// The package imports neither Fyne nor the PDF library.
package measure

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sync"

	"orgdraft/assets"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// bmpSize is the number of code points in the Basic Multilingual Plane. The
// PDF writer reads only the font's BMP character map (cmap format 4), so the
// measurer keeps a dense table for exactly these code points.
const bmpSize = 0x10000

// Measurer measures text set in one TrueType font. It is immutable after New
// and safe for concurrent use.
type Measurer struct {
	// widths holds each BMP rune's advance in thousandths of an em, rounded
	// as fpdf rounds them; runes without a glyph hold missing.
	widths [bmpSize]uint16
	// glyphs is a bit set of the BMP runes the font maps to a real glyph.
	glyphs [bmpSize / 64]uint64
	// missing is the advance, in thousandths of an em, that fpdf uses for a
	// rune the font lacks: the advance of glyph 0 (.notdef), or 500 when
	// that is zero.
	missing uint16
	// ascent, descent and height are the font's vertical metrics in
	// thousandths of an em (descent positive, height including line gap).
	ascent, descent, height float64
}

// Magic numbers at the start of font files (big-endian tags).
var (
	magicTTC  = []byte("ttcf")
	magicCFF  = []byte("OTTO")
	magicTT   = []byte{0, 1, 0, 0}
	magicTrue = []byte("true")
)

// New parses a TrueType (glyf) font and precomputes the advance of every
// character in the Basic Multilingual Plane (about 3 ms and 400 kB for the
// bundled font), so that measuring later costs one table look-up per rune.
//
// It rejects what the PDF writer cannot embed: font collections (.ttc),
// CFF-flavoured OpenType (.otf) and anything that is not a complete font.
func New(fontData []byte) (*Measurer, error) {
	if len(fontData) < 4 {
		return nil, errors.New("measure: not a font: too short")
	}
	switch magic := fontData[:4]; {
	case bytes.Equal(magic, magicTTC):
		return nil, errors.New("measure: font collection (.ttc) not supported: extract one face as a .ttf")
	case bytes.Equal(magic, magicCFF):
		return nil, errors.New("measure: CFF-based OpenType font (.otf) not supported: the PDF writer needs TrueType (glyf) outlines")
	case bytes.Equal(magic, magicTT), bytes.Equal(magic, magicTrue):
	default:
		return nil, fmt.Errorf("measure: not a TrueType font (starts with % x)", magic)
	}
	f, err := sfnt.Parse(fontData)
	if err != nil {
		return nil, fmt.Errorf("measure: cannot read font: %w", err)
	}
	upem := float64(f.UnitsPerEm())
	if upem <= 0 {
		return nil, errors.New("measure: font has no units per em")
	}
	// Asking for sizes of unitsPerEm pixels without hinting makes sfnt
	// return metrics in font units, which are then scaled to thousandths of
	// an em the way fpdf scales them.
	ppem := fixed.I(int(f.UnitsPerEm()))
	scale := 1000.0 / upem
	perMille := func(v fixed.Int26_6) uint16 {
		fontUnits := float64(v) / 64
		if fontUnits < 0 || fontUnits >= 1<<15 {
			// fpdf treats advances of 2^15 font units or more as zero.
			return 0
		}
		return uint16(math.Round(scale * fontUnits))
	}

	var buf sfnt.Buffer
	m := &Measurer{}
	notdef, err := f.GlyphAdvance(&buf, 0, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("measure: cannot read advance of .notdef: %w", err)
	}
	m.missing = perMille(notdef)
	if m.missing == 0 {
		m.missing = 500
	}
	for r := rune(1); r < bmpSize; r++ {
		m.widths[r] = m.missing
		g, err := f.GlyphIndex(&buf, r)
		if err != nil {
			return nil, fmt.Errorf("measure: cannot read character map at %U: %w", r, err)
		}
		if g == 0 || r == 0xFFFF {
			// 0xFFFF is the end marker of a format 4 cmap, never a
			// character; fpdf skips it too.
			continue
		}
		adv, err := f.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		if err != nil {
			return nil, fmt.Errorf("measure: cannot read advance of %U: %w", r, err)
		}
		m.widths[r] = perMille(adv)
		m.glyphs[r/64] |= 1 << (r % 64)
	}
	// NUL never reaches a document; measure it as a missing glyph.
	m.widths[0] = m.missing

	met, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("measure: cannot read vertical metrics: %w", err)
	}
	m.ascent = scale * float64(met.Ascent) / 64
	m.descent = scale * float64(met.Descent) / 64
	m.height = scale * float64(met.Height) / 64
	return m, nil
}

// defaultMeasurer parses the bundled font once, on first use.
var defaultMeasurer = sync.OnceValue(func() *Measurer {
	m, err := New(assets.Font())
	if err != nil {
		// The font is compiled into the program; failing to read it is a
		// build error, not something a user can fix.
		panic("measure: bundled font: " + err.Error())
	}
	return m
})

// Default returns the measurer for the bundled WenQuanYi Micro Hei font,
// parsed on first use and shared afterwards. It is safe for concurrent use.
func Default() *Measurer { return defaultMeasurer() }

// units returns the advance of r in thousandths of an em, the quantity fpdf
// sums for GetStringWidth.
func (m *Measurer) units(r rune) int {
	if r >= 0 && r < bmpSize {
		return int(m.widths[r])
	}
	return int(m.missing)
}

// toPoints converts thousandths of an em at the given font size to points,
// with the same arithmetic as fpdf, so that the results agree exactly.
func toPoints(units int, size float64) float64 {
	return float64(units) * size / 1000
}

// Width returns the width in points of s set at size points: the sum of the
// glyph advances, without kerning (fpdf does not kern either). A character
// the font lacks counts as wide as the box fpdf prints for it (.notdef).
// Width treats s as a single line: a '\n' also counts as a missing glyph.
func (m *Measurer) Width(s string, size float64) float64 {
	u := 0
	for _, r := range s {
		u += m.units(r)
	}
	return toPoints(u, size)
}

// HasGlyph reports whether the font can draw r, both on the screen and in
// the PDF. It is false for characters outside the Basic Multilingual Plane
// even when the font has them (WenQuanYi has six, such as 𐐀), because the
// PDF writer reads only the BMP character map; so emoji and rare
// ideographs such as 𠀀 (U+20000) need a substitute.
func (m *Measurer) HasGlyph(r rune) bool {
	if r < 0 || r >= bmpSize {
		return false
	}
	return m.glyphs[r/64]&(1<<(r%64)) != 0
}

// LineHeight returns the distance in points between the baselines of two
// lines set at size points with no extra spacing: the font's ascent plus
// descent plus line gap (about 1.17 × size for WenQuanYi Micro Hei, the
// same height Fyne gives a line of this font). Extra spacing between lines
// is the caller's choice (see BoxStyle.LineGap). If a font's metrics are
// implausible (under 1 × or over 2 × the size) it returns 1.3 × size.
func (m *Measurer) LineHeight(size float64) float64 {
	if !m.plausibleMetrics() {
		return 1.3 * size
	}
	return m.height * size / 1000
}

// Baseline returns how far below the top of a line of height
// LineHeight(size) its baseline lies: the font's ascent, any line gap going
// below the descent. That is where Fyne puts the baseline of a canvas.Text
// (its top plus the ascent), so an editor that places text by the line's
// top and a PDF writer that draws at the baseline (fpdf's Text) agree.
func (m *Measurer) Baseline(size float64) float64 {
	if !m.plausibleMetrics() {
		// Split the fallback line like a typical CJK font: 80 % of the
		// ink height above the baseline, 20 % below, centred in the line.
		return (0.15 + 0.8) * size
	}
	return m.ascent * size / 1000
}

// plausibleMetrics reports whether the font's vertical metrics can be used
// as they are.
func (m *Measurer) plausibleMetrics() bool {
	return m.ascent > 0 && m.descent >= 0 && m.height >= 1000 && m.height <= 2000 &&
		m.ascent+m.descent <= m.height
}
