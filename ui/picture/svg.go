package picture

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"orgdraft/domain/layout"
	"orgdraft/ui/chart"
)

// SVG writes the chart as an SVG picture, one user unit per point and
// sized in points, so that it prints at the size of the PDF. Every line
// of text is a real <text> element at the place the measurer gave it,
// set in the bundled font's family (FontFamily); each box is a group
// (id "box-N") whose <title> holds the box's full name. A viewer without
// the font falls back to another sans-serif face, and textLength keeps
// each line the width it was measured at, so it stays inside its box.
func SVG(w io.Writer, c *chart.Chart) error {
	bw := bufio.NewWriter(w)
	f := frame(c)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%spt" height="%spt" viewBox="%s %s %s %s" font-family="%s">`+"\n",
		num(f.W), num(f.H), num(f.X), num(f.Y), num(f.W), num(f.H), attr(FontFamily))
	p(`<rect x="%s" y="%s" width="%s" height="%s" fill="#ffffff"/>`+"\n", num(f.X), num(f.Y), num(f.W), num(f.H))

	p(`<g fill="none" stroke="%s" stroke-width="%s">`+"\n", hex(lineColor), num(lineWidth))
	for _, l := range c.Lines {
		if len(l.Points) < 2 {
			continue
		}
		p(`<polyline points="%s"`, points(l.Points))
		if l.Dotted {
			p(` stroke-width="%s" stroke-dasharray="0 %s" stroke-linecap="round"`, num(dotWidth), num(dotted.off))
		}
		p("/>\n")
	}
	p("</g>\n")

	for i := range c.Boxes {
		b := &c.Boxes[i]
		s := styleOf(b)
		r := b.Rect
		p(`<g id="box-%d">`, b.ID)
		p(`<title>%s</title>`, text(boxName(b)))
		p(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s" stroke-width="%s"`,
			num(r.X), num(r.Y), num(r.W), num(r.H), hex(s.fill), hex(s.stroke), num(s.width))
		if s.radius > 0 {
			p(` rx="%s"`, num(s.radius))
		}
		if s.dash != solid {
			p(` stroke-dasharray="%s %s"`, num(s.dash.on), num(s.dash.off))
		}
		p("/>")
		if s.fold > 0 {
			p(`<polygon points="%s" fill="%s"/>`, points([]layout.Point{{X: r.X + r.W - s.fold, Y: r.Y}, {X: r.X + r.W, Y: r.Y}, {X: r.X + r.W, Y: r.Y + s.fold}}), hex(lineColor))
		}
		for _, l := range b.Lines {
			t := printable(l.Text, nil)
			if t == "" {
				continue
			}
			p(`<text x="%s" y="%s" font-size="%s" fill="%s"`, num(r.X+l.X), num(r.Y+l.Y), num(l.Size), hex(ink))
			if l.Name && s.bold {
				p(` font-weight="bold"`)
			}
			if l.W > 0 {
				p(` textLength="%s" lengthAdjust="spacingAndGlyphs"`, num(l.W))
			}
			p(` xml:space="preserve">%s</text>`, text(t))
		}
		p("</g>\n")
	}
	p("</svg>\n")
	return bw.Flush()
}

// boxName joins the wrapped lines of a box's name again, with a space
// where a line break fell between two words of Latin letters or digits.
func boxName(b *chart.Box) string {
	var sb strings.Builder
	prev := rune(0)
	for _, l := range b.Lines {
		if !l.Name || l.Text == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(l.Text)
		if isWordRune(prev) && isWordRune(first) {
			sb.WriteByte(' ')
		}
		sb.WriteString(l.Text)
		prev, _ = utf8.DecodeLastRuneInString(l.Text)
	}
	return printable(sb.String(), nil)
}

func isWordRune(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// num formats a length in points with at most two decimals.
func num(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func points(ps []layout.Point) string {
	parts := make([]string, len(ps))
	for i, q := range ps {
		parts[i] = num(q.X) + "," + num(q.Y)
	}
	return strings.Join(parts, " ")
}

// text escapes character data; characters XML cannot hold become U+FFFD.
func text(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// attr escapes an attribute value.
func attr(s string) string { return text(s) }
