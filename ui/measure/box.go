package measure

import "strings"

// BoxStyle sets how the text of a chart box is sized. All lengths are in
// points (1/72 inch), the unit of the PDF and of the layout.
type BoxStyle struct {
	NameSize     float64 // font size of the box's name
	DetailSize   float64 // font size of the detail lines (headcount, grade)
	PadX, PadY   float64 // space between the box's edge and its text
	MaxTextWidth float64 // lines longer than this wrap
	MinWidth     float64 // the box is at least this wide, border included
	MinHeight    float64 // the box is at least this tall
	LineGap      float64 // extra space between consecutive lines
}

// DefaultBoxStyle returns the style of an ordinary chart box: the name at
// 10 pt wrapping after 8 Han characters, details at 8 pt, 6 pt of padding
// left and right and 4 pt above and below.
func DefaultBoxStyle() BoxStyle {
	return BoxStyle{
		NameSize:     10,
		DetailSize:   8,
		PadX:         6,
		PadY:         4,
		MaxTextWidth: 80, // 8 Han characters at 10 pt
		MinWidth:     60, // names of up to 4 characters get boxes of one width
		MinHeight:    0,
		LineGap:      1,
	}
}

// PlacedLine is one line of text at its place inside a box. Coordinates are
// in points from the box's top-left corner, y growing downwards.
type PlacedLine struct {
	Text string  // the line, without trailing spaces
	Size float64 // font size in points
	Name bool    // whether the line belongs to the name (else a detail)
	// X is the left end of the text; lines are centred horizontally.
	X float64
	// Y is the baseline, where the PDF writer draws (fpdf's Text(x, y)).
	Y float64
	// Top is the top of the line's slot, LineHeight(Size) tall, where a
	// screen text object is placed; Y == Top + Baseline(Size).
	Top float64
	// W is the width of Text.
	W float64
}

// BoxLines is the measured text of one chart box.
type BoxLines struct {
	Name   []string // the wrapped name, at least one line
	Detail []string // the wrapped detail lines, in order
	W, H   float64  // the box's size in points, padding included
	placed []PlacedLine
}

// Lines returns every line of the box, name first, at the position where
// both the editor and the PDF draw it. The slice is shared: do not modify
// it.
func (b BoxLines) Lines() []PlacedLine { return b.placed }

// Box wraps a box's name and detail lines and computes the box's size. The
// caller builds the detail strings (such as "编制 3人") from the document;
// each may wrap onto several lines. An empty name still takes one line, so
// a box does not change height when its name is cleared.
//
// The box is as wide as its widest line plus padding (at least MinWidth)
// and as tall as its lines, gaps and padding (at least MinHeight); when the
// minimum makes it larger, the text block is centred in it.
//
// A box shows at most MaxNameLines lines of its name and MaxDetailLines
// detail lines; text past them is cut, the last line shown ending in "…".
// So a box stays of a size a chart can print whatever its text, and the
// work of measuring it is linear in the text.
func (m *Measurer) Box(name string, details []string, st BoxStyle) BoxLines {
	b := BoxLines{Name: m.cut(m.WrapBalanced(name, st.NameSize, st.MaxTextWidth), MaxNameLines, st.NameSize, st.MaxTextWidth)}
	for _, d := range details {
		b.Detail = append(b.Detail, m.WrapBalanced(d, st.DetailSize, st.MaxTextWidth)...)
		if len(b.Detail) > MaxDetailLines {
			break
		}
	}
	b.Detail = m.cut(b.Detail, MaxDetailLines, st.DetailSize, st.MaxTextWidth)

	b.placed = make([]PlacedLine, 0, len(b.Name)+len(b.Detail))
	textW, textH := 0.0, 0.0
	add := func(lines []string, size float64, isName bool) {
		for _, l := range lines {
			if len(b.placed) > 0 {
				textH += st.LineGap
			}
			l = strings.TrimRightFunc(l, isSpace)
			w := m.Width(l, size)
			textW = max(textW, w)
			b.placed = append(b.placed, PlacedLine{
				Text: l, Size: size, Name: isName, W: w,
				Top: textH, Y: textH + m.Baseline(size),
			})
			textH += m.LineHeight(size)
		}
	}
	add(b.Name, st.NameSize, true)
	add(b.Detail, st.DetailSize, false)

	b.W = max(st.MinWidth, textW+2*st.PadX)
	b.H = max(st.MinHeight, textH+2*st.PadY)
	// Shift the block down to its place: centred vertically, which is just
	// PadY below the top unless MinHeight made the box taller.
	dy := (b.H - textH) / 2
	for i := range b.placed {
		pl := &b.placed[i]
		pl.X = (b.W - pl.W) / 2
		pl.Top += dy
		pl.Y += dy
	}
	return b
}

// The most lines a box shows: every name within the editor's limit of
// characters fits in MaxNameLines lines, and the details (headcount,
// grade, hours) in MaxDetailLines.
const (
	MaxNameLines   = 30
	MaxDetailLines = 8
)

// cut keeps the first n of lines; when there are more, the last line kept
// loses characters from its end until it fits maxWidth with "…" after it.
func (m *Measurer) cut(lines []string, n int, size, maxWidth float64) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n:n]
	last := []rune(strings.TrimRightFunc(lines[n-1], isSpace))
	for len(last) > 0 && m.Width(string(last)+"…", size) > maxWidth {
		last = last[:len(last)-1]
	}
	lines[n-1] = string(last) + "…"
	return lines
}
