package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"orgdraft/domain"
	"orgdraft/ui/measure"
)

// rgb is a colour, 0–255 per channel.
type rgb struct{ r, g, b uint8 }

// The colours of the printed pages: black text on white, a blue tint for
// units and table headers, red for vacancies.
var (
	ink       = rgb{34, 34, 34}    // body text and box borders
	grey      = rgb{110, 110, 110} // running headers, footers, captions
	lightGrey = rgb{200, 200, 200} // rules
	paleGrey  = rgb{240, 240, 240} // subtotal rows
	unitTint  = rgb{221, 233, 247} // unit boxes, table headers
	unitLine  = rgb{46, 84, 134}   // unit box borders, tile marks
	vacantRed = rgb{192, 57, 43}   // vacancy outlines
	white     = rgb{255, 255, 255} // box fills
	lineColor = rgb{80, 80, 80}    // connectors
	approved  = rgb{39, 122, 62}   // the 已批准 (approved) stamp
	overlap   = rgb{236, 242, 250} // where neighbouring tiles overlap
)

// pen is how a line is stroked. A zero width means no stroke.
type pen struct {
	width float64
	color rgb
	dash  dash
}

// dash is a dash pattern: on and off lengths in points. A zero on length
// draws dots (round caps).
type dash struct{ on, off float64 }

// The dash patterns.
var (
	solid  = dash{}
	dashed = dash{3, 2}
	dotted = dash{0, 2.2}
)

// markKind says what a mark draws.
type markKind uint8

const (
	markText   markKind = iota // one line of text at a baseline
	markRect                   // a rectangle, maybe rounded, stroked and/or filled
	markPath                   // an open polyline or a closed polygon
	markClip                   // start clipping to a rectangle
	markUnclip                 // end the innermost clip
	markLink                   // a clickable area leading to an anchor
)

// mark is one thing drawn on a sheet. Coordinates are points from the
// page's top-left corner, y growing downward, like the layout's.
type mark struct {
	kind       markKind
	x, y, w, h float64 // text: x = left end, y = baseline
	radius     float64 // rounded corners of a rect
	pts        []pt    // path points
	closed     bool    // the path is a polygon
	text       string
	size       float64 // font size of text
	bold       bool
	color      rgb // text colour
	fill       *rgb
	stroke     pen
	target     int // link: the anchor's id
}

// anchor is a place on a sheet that links and the PDF outline lead to:
// a chapter's or a section's heading.
type anchor struct {
	id    int
	level int // 1 a chapter, 2 a section in it
	title string
	y     float64 // the heading's top
}

// pt is a point on a sheet.
type pt struct{ x, y float64 }

// sheet is one page before it is written: its size and its marks in
// drawing order.
type sheet struct {
	w, h  float64
	marks []mark
	// plain marks the book's cover, which carries no running header or
	// footer.
	plain bool
	// anchors are the places on the page that links and the PDF outline
	// lead to.
	anchors []anchor
	// chapter is the chapter the page belongs to, for the running header.
	chapter string
}

func newSheet(p paper) *sheet { return &sheet{w: p.w, h: p.h} }

// rect draws a rectangle.
func (s *sheet) rect(x, y, w, h float64, st pen, fill *rgb) {
	s.marks = append(s.marks, mark{kind: markRect, x: x, y: y, w: w, h: h, stroke: st, fill: fill})
}

// roundRect draws a rectangle with rounded corners of radius r.
func (s *sheet) roundRect(x, y, w, h, r float64, st pen, fill *rgb) {
	s.marks = append(s.marks, mark{kind: markRect, x: x, y: y, w: w, h: h, radius: r, stroke: st, fill: fill})
}

// line draws a straight line.
func (s *sheet) line(x1, y1, x2, y2 float64, st pen) {
	s.path([]pt{{x1, y1}, {x2, y2}}, false, st, nil)
}

// path draws a polyline, or a polygon when closed.
func (s *sheet) path(p []pt, closed bool, st pen, fill *rgb) {
	s.marks = append(s.marks, mark{kind: markPath, pts: p, closed: closed, stroke: st, fill: fill})
}

// clip confines the following marks to a rectangle until unclip.
func (s *sheet) clip(x, y, w, h float64) {
	s.marks = append(s.marks, mark{kind: markClip, x: x, y: y, w: w, h: h})
}

func (s *sheet) unclip() { s.marks = append(s.marks, mark{kind: markUnclip}) }

// font is how a run of text is set.
type font struct {
	size  float64
	bold  bool
	color rgb
}

// The fonts of the printed pages.
var (
	fBody    = font{size: 10.5, color: ink}
	fSmall   = font{size: 9, color: ink}
	fCaption = font{size: 8, color: grey} // running headers and footers
	fNote    = font{size: 9, color: grey} // notes under headings and tables
	fH1      = font{size: 16, bold: true, color: ink}
	fH2      = font{size: 13, bold: true, color: ink}
	fH3      = font{size: 11, bold: true, color: ink}
)

// align is the horizontal alignment of text in a span.
type align uint8

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// composer lays out one export: it knows the document, the paper, the
// measurer and the character substitutions made so far.
type composer struct {
	d        *domain.Document
	o        Options
	paper    paper // the paper, upright: the book's text pages
	m        *measure.Measurer
	clean    *cleaner
	warnings []string
	names    map[string]int           // how many positions bear each name, once counted
	anchors  int                      // the last anchor id given
	codes    map[domain.NodeID]string // every position's 岗位编号, once worked out
	roll     map[domain.NodeID]domain.Headcount
	total    domain.Headcount
	refs     []pageRef // notes 见第 N 页 waiting for page numbers (pack.go)
}

func newComposer(d *domain.Document, o Options) (*composer, error) {
	p, err := pageSize(o.Paper)
	if err != nil {
		return nil, err
	}
	m := measure.Default()
	// The document does not change during an export: its roll-up is
	// computed once.
	return &composer{d: d, o: o, paper: p, m: m, clean: newCleaner(m), roll: d.Rollup(), total: d.Total()}, nil
}

// warn records a message for the report, once.
func (c *composer) warn(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !slices.Contains(c.warnings, msg) {
		c.warnings = append(c.warnings, msg)
	}
}

// meta returns the document properties written into the PDF.
func (c *composer) meta() meta {
	i := c.d.Info
	return meta{title: c.clean.clean(i.Title), author: c.clean.clean(i.Company), subject: c.clean.clean(i.Version),
		lang: c.o.Language, saved: c.o.Saved}
}

// text draws one line of text with its left end at x and its baseline at
// y. It is the one way text reaches a page: every string passes the
// cleaner here, so a character the font lacks never reaches the PDF writer.
func (c *composer) text(s *sheet, x, y float64, f font, t string) {
	t = c.clean.clean(t)
	if t == "" {
		return
	}
	s.marks = append(s.marks, mark{kind: markText, x: x, y: y, text: t, size: f.size, bold: f.bold, color: f.color})
}

// textIn draws one line aligned within the span [x, x+w].
func (c *composer) textIn(s *sheet, x, w, y float64, f font, a align, t string) {
	t = c.clean.clean(t)
	switch a {
	case alignCenter:
		x += (w - c.m.Width(t, f.size)) / 2
	case alignRight:
		x += w - c.m.Width(t, f.size)
	}
	c.text(s, x, y, f, t)
}

// wrap cleans t and breaks it into lines no wider than w at font f.
func (c *composer) wrap(t string, f font, w float64) []string {
	return c.m.Wrap(c.clean.clean(t), f.size, w)
}

// wrapAtMost wraps like wrap but keeps at most n lines, for text on a
// page of fixed layout (the title block, the cover, a running header). A
// cut text ends in an ellipsis and the report says so.
func (c *composer) wrapAtMost(t string, f font, w float64, n int) []string {
	lines := c.wrap(t, f, w)
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	last := []rune(lines[n-1])
	for len(last) > 0 && c.m.Width(string(last)+"…", f.size) > w {
		last = last[:len(last)-1]
	}
	lines[n-1] = string(last) + "…"
	short := []rune(t)
	if len(short) > 20 {
		short = append(short[:20], '…')
	}
	c.warn(c.say("“%s”太长，页面上只印出前 %d 行", "“%s” is too long: the page prints only its first %d lines"), string(short), n)
	return lines
}

// oneLine returns t cut to fit width w at font f, ending in an ellipsis
// when cut: for running headers and footers, which repeat what the cover
// or title block prints in full.
func (c *composer) oneLine(t string, f font, w float64) string {
	t = c.clean.clean(strings.ReplaceAll(t, "\n", " "))
	if c.m.Width(t, f.size) <= w {
		return t
	}
	room := w - c.m.Width("…", f.size)
	for i, r := range t {
		if room -= c.m.Width(string(r), f.size); room < 0 {
			return t[:i] + "…"
		}
	}
	return t
}

// lineHeight is the distance between baselines of body text at size: the
// font's own line height and a little air, as Chinese documents are set.
func (c *composer) lineHeight(f font) float64 { return c.m.LineHeight(f.size) * 1.25 }

// baseline is where the baseline lies below the top of a line slot of
// lineHeight(f).
func (c *composer) baseline(f font) float64 {
	return c.m.Baseline(f.size) + (c.lineHeight(f)-c.m.LineHeight(f.size))/2
}

// substitute is what an unprintable character becomes on paper: a white
// square, the usual mark for a missing character in Chinese typesetting.
const substitute = '□'

// cleaner replaces the characters the bundled font cannot print and
// remembers which they were, so the export can say so. fpdf v0.12.0 panics
// measuring characters beyond U+FFFF and prints none of them, so no other
// text may reach it.
type cleaner struct {
	m       *measure.Measurer
	runes   []rune          // distinct replaced characters, first seen first
	context map[rune]string // where each was first seen
}

func newCleaner(m *measure.Measurer) *cleaner {
	return &cleaner{m: m, context: map[rune]string{}}
}

// clean returns s with every character the font lacks replaced by □,
// invisible control and format characters dropped and tabs turned into
// spaces. Line breaks stay:
// the wrapper treats them as paragraph ends.
func (c *cleaner) clean(s string) string {
	if c.printable(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || c.m.HasGlyph(r):
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r):
			// Invisible on screen too (a carriage return, a zero-width
			// joiner, the selector after an emoji): nothing is lost by
			// leaving it out.
		default:
			if _, seen := c.context[r]; !seen {
				c.runes = append(c.runes, r)
				c.context[r] = s
			}
			b.WriteRune(substitute)
		}
	}
	return b.String()
}

// printable reports whether s needs no cleaning, the common case.
func (c *cleaner) printable(s string) bool {
	for _, r := range s {
		if r != '\n' && !c.m.HasGlyph(r) {
			return false
		}
	}
	return true
}

// warnings names every replaced character and where it first appeared,
// in the words say picks.
func (c *cleaner) warnings(say func(zh, en string) string) []string {
	out := make([]string, 0, len(c.runes))
	for _, r := range c.runes {
		ctx := []rune(c.context[r])
		if len(ctx) > 30 {
			ctx = append(ctx[:30], '…')
		}
		// The context is printed raw: it is for the user's terminal, not
		// the PDF.
		out = append(out, fmt.Sprintf(say("字符“%c”(U+%04X) 无法用内置字体打印，已替换为“%c”，见“%s”",
			"The character “%c” (U+%04X) cannot be printed in the bundled font and was replaced by “%c” in “%s”"),
			r, r, substitute, string(ctx)))
	}
	return out
}
