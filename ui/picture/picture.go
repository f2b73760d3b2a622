// Package picture draws a chart (ui/chart) as a picture for slides and chat
// messages: an SVG with real, selectable text, or a PNG at any scale. The
// boxes, their styles and the connectors are the PDF's (ui/pdf): units
// tinted with a blue border, heads with a heavier border, assistants with
// rounded corners, a vacancy's red dashed outline, a concurrent (兼)
// position's folded corner, dotted lines for dotted-line links. Text sits
// where the measurer placed it, so the picture shows the same lines as
// the editor and the paper.
//
// It imports neither fyne nor the PDF library.
package picture

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"unicode"

	"orgdraft/domain"
	"orgdraft/domain/layout"
	"orgdraft/ui/chart"
	"orgdraft/ui/measure"
)

// Margin is the white space around the chart, in points.
const Margin = 12

// FontFamily is the SVG's font: the bundled font by name; where it is not
// installed, the usual Chinese sans-serif faces of Windows, macOS and
// Linux, whose widths are close to it; then any sans-serif face.
const FontFamily = "'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif"

// The colours, the PDF's (ui/pdf/sheet.go).
var (
	ink       = color.RGBA{34, 34, 34, 255}    // text and box borders
	unitTint  = color.RGBA{221, 233, 247, 255} // unit boxes
	unitLine  = color.RGBA{46, 84, 134, 255}   // unit box borders
	vacantRed = color.RGBA{192, 57, 43, 255}   // vacancy outlines
	white     = color.RGBA{255, 255, 255, 255} // box fills and background
	lineColor = color.RGBA{80, 80, 80, 255}    // connectors
)

// dash is a dash pattern in points: on and off lengths. A zero on length
// draws dots.
type dash struct{ on, off float64 }

var (
	solid  = dash{}
	dashed = dash{3, 2}
	dotted = dash{0, 2.2}
)

// Line widths in points, the PDF's at full size.
const (
	lineWidth = 0.8
	headWidth = lineWidth * 1.8 // a head's border
	dotWidth  = lineWidth * 1.4 // a dotted-line link
	boldPen   = 0.035           // fake bold: the glyphs thickened by this much of the font size
)

// boxStyle is how one box is drawn.
type boxStyle struct {
	fill, stroke color.RGBA
	width        float64
	dash         dash
	radius       float64 // rounded corners, 0 for square
	fold         float64 // size of the concurrent mark's folded corner, 0 for none
	bold         bool    // the name's lines in bold
}

// styleOf returns the PDF's style for a box (ui/pdf/chartpage.go drawBox).
func styleOf(b *chart.Box) boxStyle {
	s := boxStyle{fill: white, stroke: ink, width: lineWidth}
	switch {
	case b.Kind == domain.KindUnit:
		s.fill, s.stroke, s.bold = unitTint, unitLine, true
	case b.Head:
		s.width = headWidth
	}
	if b.Vacant {
		s.stroke, s.dash = vacantRed, dashed
	}
	w, h := b.Rect.W, b.Rect.H
	if b.Kind == domain.KindAssistant {
		s.radius = min(6, w/4, h/4)
	}
	if b.Concurrent {
		s.fold = min(10, h/3)
	}
	return s
}

// frame returns the picture's extent in points: the chart's bounds and
// the margin around them.
func frame(c *chart.Chart) layout.Rect {
	b := c.Bounds
	return layout.Rect{X: b.X - Margin, Y: b.Y - Margin, W: max(b.W, 0) + 2*Margin, H: max(b.H, 0) + 2*Margin}
}

// Size returns the size in pixels of the PNG of c at the given scale.
func Size(c *chart.Chart, scale float64) (w, h int) {
	f := frame(c)
	return int(math.Ceil(f.W * scale)), int(math.Ceil(f.H * scale))
}

// printable returns the text as it can be drawn: invisible control and
// format characters dropped, tabs as spaces, and, when m is set, every
// character its font lacks as □, as on paper.
func printable(s string, m *measure.Measurer) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r):
		case m != nil && !m.HasGlyph(r):
			b.WriteRune('□')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
