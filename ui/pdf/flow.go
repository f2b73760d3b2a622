package pdf

import "strconv"

// flow pours headings, paragraphs, numbered lists and tables down a
// sequence of pages of the same size, breaking pages where the content
// needs it:
//
//   - text breaks between lines, never inside one;
//   - a heading moves to the next page unless what must follow it (its
//     first lines, or a table's header and first row) fits under it;
//   - a table row that does not fit moves to the next page, where the
//     column titles are repeated; only a row taller than a whole page is
//     split, and then between lines.
type flow struct {
	c      *composer
	p      paper
	sheets []*sheet
	s      *sheet // the current page, nil before the first
	left   float64
	width  float64
	top    float64 // first baseline slot of a page
	bottom float64 // lowest y content may reach
	y      float64 // top of the next free line
	fresh  float64 // y of the current page before any content of its own
	// cont is the heading of the section being laid out, repeated with
	// （续） at the top of every page the section continues on; empty
	// between sections.
	cont string
	// chapter is the current chapter's heading, for the running header.
	chapter string
	// headTop is the top of the last heading placed, where its anchor goes.
	headTop float64
}

// Margins of the book's text pages, in points: about 20 mm at the sides,
// with room above and below for the running header and footer.
const (
	bookSide   = 56
	bookTop    = 68
	bookBottom = 60
)

func (c *composer) newFlow(p paper) *flow {
	return &flow{c: c, p: p, left: bookSide, width: p.w - 2*bookSide, top: bookTop, bottom: p.h - bookBottom}
}

// page starts a new page.
func (f *flow) page() {
	f.s = newSheet(f.p)
	f.s.chapter = f.chapter
	f.sheets = append(f.sheets, f.s)
	f.y = f.top
	if f.cont != "" {
		for _, l := range f.c.wrap(f.cont+f.c.pick("（续）", " (continued)"), fH3, f.width) {
			f.c.text(f.s, f.left, f.y+f.c.baseline(fH3), fH3, l)
			f.y += f.c.lineHeight(fH3)
		}
		f.y += f.c.lineHeight(fH3) * 0.25
	}
	f.fresh = f.y
}

// pageBreak makes the next content start a new page.
func (f *flow) pageBreak() { f.s = nil }

// atTop reports whether nothing has been placed on the current page.
func (f *flow) atTop() bool { return f.s != nil && f.y == f.fresh }

// ensure starts a new page unless h points fit below the cursor. On an
// empty page it does nothing: content taller than a page must break
// somewhere.
func (f *flow) ensure(h float64) {
	if f.s == nil || (f.y+h > f.bottom && !f.atTop()) {
		f.page()
	}
}

// space adds vertical space, unless at the top of a page.
func (f *flow) space(h float64) {
	if f.s != nil && !f.atTop() {
		f.y += h
	}
}

// heading places a heading that must stay with the follow points of
// content after it, and returns the page index it landed on.
func (f *flow) heading(t string, fn font, follow float64) int {
	lines := f.c.wrap(t, fn, f.width)
	lh := f.c.lineHeight(fn)
	f.space(lh * 0.6)
	f.ensure(float64(len(lines))*lh + follow)
	f.headTop = f.y
	for _, l := range lines {
		f.line(l, fn, 0)
	}
	f.y += lh * 0.25
	return len(f.sheets) - 1
}

// line places one already-wrapped line at indent x, breaking the page
// first if it does not fit.
func (f *flow) line(t string, fn font, x float64) {
	lh := f.c.lineHeight(fn)
	f.ensure(lh)
	f.c.text(f.s, f.left+x, f.y+f.c.baseline(fn), fn, t)
	f.y += lh
}

// paragraph places wrapped text indented by x.
func (f *flow) paragraph(t string, fn font, x float64) {
	for _, l := range f.c.wrap(t, fn, f.width-x) {
		f.line(l, fn, x)
	}
}

// item places one entry of a numbered list: the label ("1.") hangs in
// the indent and the text's lines align after it.
func (f *flow) item(label, t string, fn font, indent float64) {
	labelW := f.c.m.Width(label, fn.size)
	hang := max(indent, labelW+fn.size*0.4)
	lines := f.c.wrap(t, fn, f.width-hang)
	for i, l := range lines {
		if i == 0 {
			f.ensure(f.c.lineHeight(fn))
			f.c.text(f.s, f.left+hang-labelW-fn.size*0.4, f.y+f.c.baseline(fn), fn, label)
		}
		f.line(l, fn, hang)
	}
}

// list places a numbered list (1. 2. …).
func (f *flow) list(items []string, fn font) {
	indent := f.c.m.Width(strconv.Itoa(len(items))+".", fn.size) + fn.size*0.4
	for i, it := range items {
		f.item(strconv.Itoa(i+1)+".", it, fn, indent)
	}
}

// firstLines is the height of the first n lines of body text, what a
// heading keeps with it.
func (f *flow) firstLines(n int, fn font) float64 { return float64(n) * f.c.lineHeight(fn) }

// table places a table, breaking pages between rows (and repeating the
// column titles) or, for a row taller than a page, between its lines.
func (f *flow) table(t *table, rows []row) {
	x := f.left + (f.width-t.width())/2
	var head laidRow
	headH := 0.0
	if t.header {
		head = f.c.lay(t, t.headerRow())
		headH = head.height(0, head.n)
	}
	drawHead := func() {
		if t.header {
			f.c.drawRow(f.s, t, x, f.y, headH, &head, 0, head.n)
			f.y += headH
		}
	}
	laid := make([]laidRow, len(rows))
	for i, r := range rows {
		laid[i] = f.c.lay(t, r)
	}
	first := true
	for i := range laid {
		lr := &laid[i]
		h := lr.height(0, lr.n)
		need := h
		if i == 0 || !rows[i-1].keepNext {
			// A group of rows kept together moves to the next page as a
			// whole, unless it is taller than a page.
			need = f.keptHeight(t, laid, i)
			if need+headH > f.bottom-f.top {
				need = h
			}
		}
		if first {
			need += headH
		}
		// A row taller than a whole page is split whatever happens: it
		// starts where it is when a few of its lines fit, rather than
		// leave the rest of this page empty.
		splitHere := f.s != nil && h > f.bottom-f.top-headH &&
			int((f.bottom-f.y-need+h-2*cellPadY)/lr.lh) >= 3
		if splitHere {
			if first {
				drawHead()
			}
		} else if f.s == nil || f.y+need > f.bottom {
			if !f.atTop() {
				f.page()
			}
			drawHead()
			if c := rows[i].continued; c != "" && len(rows[i].cells) > 0 {
				r := rows[i]
				r.cells = append([]string{c}, r.cells[1:]...)
				*lr = f.c.lay(t, r)
				h = lr.height(0, lr.n)
			}
		} else if first {
			drawHead()
		}
		first = false
		if f.y+h <= f.bottom {
			f.c.drawRow(f.s, t, x, f.y, h, lr, 0, lr.n)
			f.y += h
			continue
		}
		// Taller than what a page leaves under the titles: split between
		// lines, as many per page as fit.
		from := 0
		for from < lr.n {
			fit := int((f.bottom - f.y - 2*cellPadY) / lr.lh)
			if fit < 1 {
				f.page()
				drawHead()
				continue
			}
			to := min(lr.n, from+fit)
			hh := lr.height(from, to)
			f.c.drawRow(f.s, t, x, f.y, hh, lr, from, to)
			f.y += hh
			from = to
			if from < lr.n {
				f.page()
				drawHead()
			}
		}
	}
}

// keptHeight returns the height of the rows from i that must share a page:
// row i and every row kept with the one before it, and the table's tail
// when the group ends the table.
func (f *flow) keptHeight(t *table, laid []laidRow, i int) float64 {
	h := 0.0
	for j := i; j < len(laid); j++ {
		h += laid[j].height(0, laid[j].n)
		if !laid[j].keepNext {
			if j == len(laid)-1 {
				h += t.tail
			}
			return h
		}
	}
	return h + t.tail
}
