package pdf

import (
	"cmp"
	"fmt"
	"strings"

	"orgdraft/domain"
	"orgdraft/domain/layout"
)

// The job-responsibility book (岗位职责说明书) on paper: a cover with the
// particulars and the sign-off table, the 修订记录 once there are approved
// versions (revisions.go), the contents (目录) with page numbers and links,
// then the composed body (compose.go) poured down the pages.
//
// The body is laid out first, which tells on which page every section
// starts; the contents are then laid out with those numbers shifted by the
// cover and the contents' own length, which does not depend on the
// numbers.

// tocEntry is one line of the table of contents and one entry of the PDF
// outline.
type tocEntry struct {
	level  int // 1 for a chapter, 2 for a unit or position
	title  string
	page   int // index among the body's pages
	anchor int // the anchor the entry leads to
}

// headingFont is the font of a heading of the given level.
func headingFont(level int) font {
	switch level {
	case 1:
		return fH1
	case 2:
		return fH2
	}
	return fH3
}

// book lays out the whole book.
func (c *composer) book() ([]*sheet, error) {
	f := c.newFlow(c.paper)
	var toc []tocEntry
	// mark anchors the heading just placed and lists it in the contents.
	mark := func(level int, title string, page int, y float64) {
		a := c.anchorAt(f.sheets[page], level, title, y)
		toc = append(toc, tocEntry{level: level, title: title, page: page, anchor: a})
	}
	for _, p := range c.bookPieces() {
		switch p.kind {
		case pChart:
			if p.level <= 1 {
				f.chapter, f.cont = p.text, ""
			}
			first := len(f.sheets)
			if err := c.bookChart(f, p.text, max(p.level, 1), p.root); err != nil {
				return nil, err
			}
			mark(max(p.level, 1), p.text, first, bookTop)
		case pHeading:
			if p.newPage {
				f.pageBreak()
			}
			if p.level == 1 {
				f.chapter, f.cont = p.text, ""
			}
			hf := headingFont(p.level)
			if p.font != (font{}) {
				hf = p.font
			}
			page := f.heading(p.text, hf, p.keep)
			if p.level == 1 {
				f.s.chapter = p.text // the page may have been started before
			}
			if p.toc {
				mark(p.level, p.text, page, f.headTop)
			}
			if p.cont {
				f.cont = p.text
			}
		case pPara:
			fn := fBody
			if p.note {
				fn = fNote
			}
			if p.font != (font{}) {
				fn = p.font
			}
			f.paragraph(p.text, fn, 0)
		case pList:
			f.list(p.items, fBody)
		case pTable:
			f.table(p.t, p.rows)
		case pSpace:
			f.space(cmp.Or(p.keep, 6))
		case pEnd:
			f.cont = ""
		}
	}

	body := f.sheets
	revisions := c.revisionHistory() // 修订记录 after the cover (revisions.go)
	tocLen := len(c.contents(toc, 0))
	contents := c.contents(toc, 1+len(revisions)+tocLen)
	c.drawRefs(2 + len(revisions) + tocLen) // the chart is the body's first section (pack.go)
	sheets := append([]*sheet{c.cover()}, revisions...)
	sheets = append(sheets, contents...)
	sheets = append(sheets, body...)
	for i, s := range sheets {
		if !s.plain {
			c.bookHeader(s)
			c.footer(s, i, len(sheets), bookSide, bookBottom)
		}
	}
	return sheets, nil
}

// bookChart adds a chart section: the pages of the chart of root's subtree
// (0: the whole chart), each turned to suit its part of the chart, the
// first under the section heading of the given level.
func (c *composer) bookChart(f *flow, head string, level int, root domain.NodeID) error {
	hf := headingFont(level)
	headH := c.lineHeight(hf) * 1.5
	area := func(p paper) layout.Rect {
		return layout.Rect{X: bookSide, Y: bookTop, W: p.w - 2*bookSide, H: p.h - bookTop - bookBottom}
	}
	fr := frame{
		upright: c.paper,
		turn:    true,
		first: func(p paper) layout.Rect {
			r := area(p)
			r.Y += headH
			r.H -= headH
			return r
		},
		rest: area,
	}
	views, err := c.planChartOf(fr, root)
	if err != nil {
		return err
	}
	for i, page := range sheetsOf(views) {
		s := newSheet(page[0].page)
		s.chapter = f.chapter
		if i == 0 {
			c.text(s, bookSide, bookTop+c.baseline(hf), hf, head)
		}
		for _, v := range page {
			c.drawView(s, v)
		}
		f.sheets = append(f.sheets, s)
	}
	f.pageBreak()
	return nil
}

// describedUnits returns the units with something to say beyond the
// chart: functions, working hours or notes, in chart order.
func (c *composer) describedUnits() []*domain.Node {
	var out []*domain.Node
	c.d.Walk(func(n *domain.Node) bool {
		if n.Kind == domain.KindUnit && (len(n.Functions) > 0 || strings.TrimSpace(n.Hours+n.Notes) != "") {
			out = append(out, n)
		}
		return true
	})
	return out
}

// unitSummary returns the line under a unit's heading: its head, its
// headcount and its working hours.
func (c *composer) unitSummary(u *domain.Node) string {
	parts := []string{}
	colon := c.pick("：", ": ")
	if h := c.d.HeadOf(u.ID); h != 0 {
		parts = append(parts, c.pick("负责人", "Head")+colon+c.d.Node(h).Name)
	}
	parts = append(parts, fmt.Sprintf(c.pick("编制：%d 人", "Planned headcount: %d"), c.roll[u.ID].Planned))
	if strings.TrimSpace(u.Hours) != "" {
		parts = append(parts, c.pick("工作时间", "Working hours")+colon+u.Hours)
	}
	return strings.Join(parts, c.pick("　", "   "))
}

// positionName is a position's name as the book prints it: concurrent
// positions marked (兼).
func (c *composer) positionName(n *domain.Node) string {
	if n.Concurrent {
		return n.Name + c.concurrentMark()
	}
	return n.Name
}

// concurrentMark follows a concurrent position's name or headcount.
func (c *composer) concurrentMark() string { return c.pick("（兼）", " (concurrent)") }

// inParens returns s in brackets after a name.
func (c *composer) inParens(s string) string { return c.pick("（"+s+"）", " ("+s+")") }

// label names a position where the reader needs to tell it from others,
// in headings and as someone's superior or subordinate: its name, marked
// (兼) when concurrent, and followed by its unit when another position has
// the same name (a group has many a 总经理).
func (c *composer) label(id domain.NodeID) string {
	if c.names == nil {
		c.names = map[string]int{}
		c.d.Walk(func(n *domain.Node) bool {
			if n.Kind.IsPosition() {
				c.names[n.Name]++
			}
			return true
		})
	}
	n := c.d.Node(id)
	name := c.positionName(n)
	if u := c.d.UnitOf(id); u != 0 && c.names[n.Name] > 1 && n.Kind.IsPosition() {
		name += c.inParens(c.d.Node(u).Name)
	}
	return name
}

// keyValue returns a two-column table of labels and values, width points
// wide, and a function making its rows, each at least minH points tall.
func keyValue(width float64, a align, minH float64) (*table, func(k, v string) row) {
	// Without a header the column titles are not printed: none is needed.
	t := &table{font: fBody, cols: []column{{width: 84, align: alignCenter}, {width: width - 84, align: a}}}
	return t, func(k, v string) row { return row{cells: []string{k, v}, labelFirst: true, min: minH} }
}

// cover lays out the cover page: company, title, the particulars and the
// sign-off table with room to sign by hand.
func (c *composer) cover() *sheet {
	s := newSheet(c.paper)
	s.plain = true
	i := c.d.Info
	w := s.w - 2*bookSide
	y := s.h * 0.2
	centred := func(t string, f font) {
		for _, l := range c.wrapAtMost(t, f, w, 3) {
			c.textIn(s, bookSide, w, y+c.baseline(f), f, alignCenter, l)
			y += c.lineHeight(f)
		}
	}
	if i.Company != "" {
		centred(i.Company, font{size: 16, color: ink})
		y += 12
	}
	centred(orDash(i.Title), font{size: 24, bold: true, color: ink})
	if kind := c.bookKind(); kind != "" {
		y += 6
		centred(kind, font{size: 15, color: grey})
	}
	y += 40

	info, infoRows, sign, signRows := c.coverTables()
	y += c.placeTable(s, info, (s.w-info.width())/2, y, infoRows)
	y += 36

	if sign != nil {
		c.placeTable(s, sign, (s.w-sign.width())/2, y, signRows)
	}
	return s
}

// contents lays out the table of contents with page numbers shifted by
// offset (the pages before the body). An entry moves to the next page
// with the one before it rather than leave it alone at the bottom, and
// every entry is a link to its heading.
func (c *composer) contents(toc []tocEntry, offset int) []*sheet {
	f := c.newFlow(c.paper)
	f.page()
	c.textIn(f.s, f.left, f.width, f.y+c.baseline(fH1), fH1, alignCenter, c.pick("目　录", "Contents"))
	f.y += c.lineHeight(fH1) * 1.6
	const numW = 36
	for k, e := range toc {
		fn, indent := tocFont(e.level), 0.0
		if e.level > 1 {
			indent = 2 * fBody.size
		}
		lines := c.wrap(e.title, fn, f.width-indent-numW-12)
		if r := len(toc) - k; r <= contentsTail {
			// The last entries go together, so the contents never end
			// with one or two entries alone on a page of their own.
			h := 0.0
			for _, e := range toc[k:] {
				h += c.lineHeight(tocFont(e.level))
			}
			f.ensure(max(h, float64(len(lines))*c.lineHeight(fn)))
		} else {
			f.ensure(float64(len(lines)) * c.lineHeight(fn))
		}
		top := f.y
		for j, l := range lines {
			f.line(l, fn, indent)
			if j < len(lines)-1 {
				continue
			}
			// The last line carries the leader dots and the page number.
			base := f.y - c.lineHeight(fn) + c.baseline(fn)
			x0 := f.left + indent + c.m.Width(l, fn.size) + 4
			x1 := f.left + f.width - numW
			if x1 > x0 {
				f.s.line(x0, base, x1, base, pen{width: 0.7, color: grey, dash: dotted})
			}
			c.textIn(f.s, x1, numW, base, fn, alignRight, fmt.Sprint(e.page+offset+1))
		}
		f.s.marks = append(f.s.marks, mark{kind: markLink, x: f.left, y: top, w: f.width, h: f.y - top, target: e.anchor})
	}
	return f.sheets
}

// contentsTail is how many entries at least the last page of the
// contents holds when the contents run to more than one page.
const contentsTail = 4

// tocFont is the font of a contents entry of the given level.
func tocFont(level int) font {
	if level > 1 {
		return fSmall
	}
	return fBody
}

// anchorAt records an anchor at height y of sheet s, for the outline
// (level 1 a chapter, 2 a section) and the contents' links, and returns
// its id.
func (c *composer) anchorAt(s *sheet, level int, title string, y float64) int {
	c.anchors++
	s.anchors = append(s.anchors, anchor{id: c.anchors, level: level, title: c.clean.clean(title), y: y})
	return c.anchors
}

// bookHeader draws the running header: the company and the title at the
// left, the chapter at the right, a rule under them. The version is in
// the footer, once a page.
func (c *composer) bookHeader(s *sheet) {
	i := c.d.Info
	f := fCaption
	w := s.w - 2*bookSide
	y := bookTop - 24.0
	chapter := c.oneLine(s.chapter, f, w/3)
	c.textIn(s, bookSide, w, y, f, alignLeft, c.oneLine(strings.TrimSpace(i.Company+"　"+i.Title), f, w-c.m.Width(chapter, f.size)-12))
	c.textIn(s, bookSide, w, y, f, alignRight, chapter)
	s.line(bookSide, y+4, s.w-bookSide, y+4, pen{width: 0.4, color: lightGrey})
}
