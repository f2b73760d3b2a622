package pdf

import (
	"fmt"
	"strings"

	"orgdraft/domain"
	"orgdraft/domain/layout"
	"orgdraft/ui/chart"
)

// The chart PDF: the title block across the top of the first page, the
// sign-off block and legend across its bottom, the chart in between, and
// on later pages (tiles, split units) a one-line running header.

// chartDocument lays out the chart PDF.
func (c *composer) chartDocument() ([]*sheet, error) {
	const m = chartMargin
	views, err := c.planChart(c.chartFrame())
	if err != nil {
		return nil, err
	}
	var sheets []*sheet
	for i, page := range sheetsOf(views) {
		s := newSheet(page[0].page)
		if i == 0 {
			c.titleBlock(s, page[0].page)
			c.signOffBlock(s, page[0].page, legendOf(views))
		}
		for _, v := range page {
			c.drawView(s, v)
		}
		sheets = append(sheets, s)
	}
	c.drawRefs(1)
	for i, s := range sheets {
		if i > 0 {
			c.chartHeader(s)
		}
		c.footer(s, i, len(sheets), m, m)
	}
	return sheets, nil
}

// chartFrame says where the chart goes on the chart PDF's pages: between
// the title block and the sign-off block on the first, under the running
// header on the others.
func (c *composer) chartFrame() frame {
	const m = chartMargin
	bottomBand := c.signOffHeight()
	return frame{
		upright:   c.paper,
		landscape: c.o.Landscape,
		first: func(p paper) layout.Rect {
			top := m + c.titleBlock(nil, p) + 8
			bottom := p.h - m - bottomBand - 8
			return layout.Rect{X: m, Y: top, W: p.w - 2*m, H: bottom - top}
		},
		rest: func(p paper) layout.Rect {
			return layout.Rect{X: m, Y: m + headerH, W: p.w - 2*m, H: p.h - 2*m - headerH}
		},
	}
}

// infoLine returns the document's particulars in one line: version,
// status, effective date, confidentiality and the planned total.
func (c *composer) infoLine() string {
	i := c.d.Info
	colon := c.pick("：", ": ")
	parts := []string{
		c.pick("版本", "Version") + colon + orDash(i.Version),
		c.pick("状态", "Status") + colon + c.statusName(i.Status),
		c.pick("生效日期", "Effective") + colon + orDash(i.EffectiveDate),
		c.pick("密级", "Confidentiality") + colon + orDash(i.Confidentiality),
		c.pick("编制合计", "Planned total") + colon + c.totalText(),
	}
	return strings.Join(parts, c.pick("　", "   "))
}

// totalText is the planned total, with the total the document states when
// the two differ.
func (c *composer) totalText() string {
	t := fmt.Sprintf(c.pick("%d 人", "%d"), c.total.Planned)
	if st := c.d.Info.StatedTotal; st != 0 && st != c.total.Planned {
		t += fmt.Sprintf(c.pick("（文件写明 %d 人）", " (the document states %d)"), st)
	}
	return t
}

// statusName is the status as printed, and stamped on the chart.
func (c *composer) statusName(s domain.Status) string {
	if s == domain.Approved {
		return c.pick("已批准", "Approved")
	}
	return c.pick("草稿", "Draft")
}

// orDash returns s, or a dash for a field left empty.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// titleBlock draws the company, the title and the particulars centred at
// the top of the page, with the status stamped at the right, and returns
// the block's height. With a nil sheet it only measures.
func (c *composer) titleBlock(s *sheet, p paper) float64 {
	const m = chartMargin
	w := p.w - 2*m
	y := float64(m)
	company := font{size: 11, color: grey}
	stamp := font{size: 12, bold: true, color: vacantRed}
	label := c.statusName(c.d.Info.Status)
	sw := c.m.Width(label, stamp.size) + 12
	// The lines are centred: kept clear of the stamp at the right, they
	// are as far from the left edge.
	room := w - max(90, 2*(sw+6))
	draw := func(t string, f font, n int) {
		for _, l := range c.wrapAtMost(t, f, room, n) {
			if s != nil {
				c.textIn(s, m, w, y+c.baseline(f), f, alignCenter, l)
			}
			y += c.lineHeight(f)
		}
	}
	if c.d.Info.Company != "" {
		draw(c.d.Info.Company, company, 1)
	}
	draw(orDash(c.d.Info.Title), fH1, 2)
	draw(c.infoLine(), fSmall, 2)
	if s != nil {
		if c.d.Info.Status == domain.Approved {
			// A green stamp for an approved document.
			stamp.color = approved
		}
		s.rect(m+w-sw, m, sw, 22, pen{width: 1.2, color: stamp.color}, nil)
		c.textIn(s, m+w-sw, sw, m+11+stamp.size/2.8, stamp, alignCenter, label)
		s.line(m, y+3, m+w, y+3, pen{width: 0.6, color: lightGrey})
	}
	return y - m + 4
}

// signOffTable returns the sign-off block of the chart and the book's
// cover: one column per role, a row of names and a row of dates, each row
// at least minH points tall, left blank to be filled by hand.
//
// Every column is as wide as its widest entry, so that a name of four
// characters and a date written 2025年12月20日 stay on one line, and at
// least wide enough to sign in; only an entry longer than maxSignOffCol
// wraps.
func (c *composer) signOffTable(fn font, minH float64) (*table, []row) {
	so := c.d.Info.SignOffs
	if len(so) == 0 {
		return nil, nil
	}
	bold := labelFont(fn)
	fits := func(f font, texts ...string) float64 {
		w := 0.0
		for _, t := range texts {
			w = max(w, c.m.Width(t, f.size))
		}
		// A point of slack keeps rounding from wrapping an exact fit.
		return w + 2*cellPadX + 1
	}
	first := c.pick("签署", "Sign-off")
	names := row{cells: []string{c.pick("姓名", "Name")}, labelFirst: true, min: minH}
	dates := row{cells: []string{c.pick("日期", "Date")}, labelFirst: true, min: minH}
	t := &table{header: true, font: fn, cols: []column{{title: first, width: fits(bold, first, names.cells[0], dates.cells[0]), align: alignCenter}}}
	for _, r := range so {
		role := c.role(r.Role)
		w := max(fits(bold, role), fits(fn, r.Name, r.Date))
		t.cols = append(t.cols, column{title: role, width: min(max(w, minSignOffCol*fn.size), maxSignOffCol), align: alignCenter})
		names.cells = append(names.cells, r.Name)
		dates.cells = append(dates.cells, r.Date)
	}
	return t, []row{names, dates}
}

// The width of a sign-off column: at least room for a signature, eight
// characters of the table's text, and at most what leaves the chart's
// legend room beside the block.
const (
	minSignOffCol = 8
	maxSignOffCol = 160
)

// signOffHeight is the height of the band the sign-off block needs.
func (c *composer) signOffHeight() float64 {
	t, rows := c.signOffTable(fSmall, 20)
	if t == nil {
		return 40 // the legend alone
	}
	return c.placeTable(&sheet{}, t, 0, 0, rows)
}

// signOffBlock draws the sign-off block at the bottom right of the page and
// the legend at its left.
func (c *composer) signOffBlock(s *sheet, p paper, lg legend) {
	const m = chartMargin
	h := c.signOffHeight()
	y := p.h - m - h
	right := p.w - m
	if t, rows := c.signOffTable(fSmall, 20); t != nil {
		right -= t.width()
		c.placeTable(s, t, right, y, rows)
		right -= 16
	}
	c.drawLegend(s, lg, m, y, right-m)
}

// legend says which kinds of box and line a chart shows.
type legend struct {
	unit, position, head, assistant, concurrent, vacant, dotted bool
}

// legendOf returns what the views show.
func legendOf(views []view) legend {
	var lg legend
	seen := map[*chart.Chart]bool{}
	for _, v := range views {
		if seen[v.ch] {
			continue
		}
		seen[v.ch] = true
		for _, b := range v.ch.Boxes {
			lg.unit = lg.unit || b.Kind == domain.KindUnit
			lg.position = lg.position || b.Kind == domain.KindPosition
			lg.head = lg.head || b.Head
			lg.assistant = lg.assistant || b.Kind == domain.KindAssistant
			lg.concurrent = lg.concurrent || b.Concurrent
			lg.vacant = lg.vacant || b.Vacant
		}
		for _, l := range v.ch.Lines {
			lg.dotted = lg.dotted || l.Dotted
		}
	}
	return lg
}

// drawLegend draws a sample of every kind of box and line the chart shows,
// with its name, flowing in rows across width w from (x, y).
func (c *composer) drawLegend(s *sheet, lg legend, x, y, w float64) {
	f := font{size: 8, color: ink}
	const sw, sh = 18, 10 // sample size
	type entry struct {
		on    bool
		label string
		draw  func(x, y float64)
	}
	box := func(b chart.Box) func(x, y float64) {
		return func(x, y float64) {
			b.Rect = layout.Rect{W: sw, H: sh}
			c.drawBox(s, &b, x, y, 1, false)
		}
	}
	entries := []entry{
		{lg.unit, c.pick("部门", "Unit"), box(chart.Box{Kind: domain.KindUnit})},
		{lg.position, c.pick("岗位", "Position"), box(chart.Box{Kind: domain.KindPosition})},
		{lg.head, c.pick("负责人", "Head"), box(chart.Box{Kind: domain.KindPosition, Head: true})},
		{lg.assistant, c.pick("助理/直属", "Assistant / staff"), box(chart.Box{Kind: domain.KindAssistant})},
		{lg.concurrent, c.pick("兼任（不计编制）", "Concurrent (not counted)"), box(chart.Box{Kind: domain.KindPosition, Concurrent: true})},
		{lg.vacant, c.pick("有空缺", "Vacancy"), box(chart.Box{Kind: domain.KindPosition, Vacant: true})},
		{lg.dotted, c.pick("虚线汇报", "Dotted-line report"), func(x, y float64) {
			s.line(x, y+sh/2, x+sw, y+sh/2, pen{width: 1.1, color: lineColor, dash: dotted})
		}},
	}
	if lg == (legend{}) {
		return // an empty chart
	}
	title := c.pick("图例", "Legend")
	tf := font{size: 8, bold: true, color: ink}
	c.text(s, x, y+f.size, tf, title)
	// The samples start after the title, which is longer in English.
	indent := max(30, c.m.Width(title, tf.size)+8)
	cx, cy := x+indent, y
	for _, e := range entries {
		if !e.on {
			continue
		}
		ew := sw + 4 + c.m.Width(e.label, f.size) + 12
		if cx+ew > x+w && cx > x+indent {
			cx, cy = x+indent, cy+sh+6
		}
		e.draw(cx, cy)
		c.text(s, cx+sw+4, cy+sh-1.5, f, e.label)
		cx += ew
	}
}

// chartHeader draws the running header of the chart PDF's later pages.
func (c *composer) chartHeader(s *sheet) {
	const m = chartMargin
	i := c.d.Info
	f := fCaption
	w := s.w - 2*m
	version := c.oneLine(i.Version, f, w/3)
	left := c.oneLine(strings.TrimSpace(i.Company+" "+i.Title), f, w-c.m.Width(version, f.size)-12)
	c.textIn(s, m, w, m+8, f, alignLeft, left)
	c.textIn(s, m, w, m+8, f, alignRight, version)
	s.line(m, m+11, s.w-m, m+11, pen{width: 0.4, color: lightGrey})
}

// footer draws 第 x 页 共 y 页 in the middle of the bottom margin, with the
// version at the left and the confidentiality at the right, side points in
// from the edges.
func (c *composer) footer(s *sheet, i, n int, side, bottom float64) {
	f := fCaption
	y := s.h - bottom/2 + 3
	w := s.w - 2*side
	c.textIn(s, side, w, y, f, alignCenter, fmt.Sprintf(c.pick("第 %d 页 共 %d 页", "Page %d of %d"), i+1, n))
	c.textIn(s, side, w, y, f, alignLeft, c.oneLine(c.d.Info.Version, f, w/3-30))
	c.textIn(s, side, w, y, f, alignRight, c.oneLine(c.d.Info.Confidentiality, f, w/3-30))
}
