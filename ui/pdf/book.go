package pdf

import (
	"fmt"
	"strings"

	"orgdraft/domain"
	"orgdraft/domain/layout"
)

// The job-responsibility book (岗位职责说明书):
//
//	cover: company, title, particulars, sign-off table
//	修订记录: the approved versions, once there are any (revisions.go)
//	目录: the table of contents with page numbers
//	1 组织架构图: the chart, on a page turned to suit it
//	2 部门职能: every unit's functions
//	3 人员编制表: the staffing table with subtotals and the total
//	4 岗位说明: one section per position, each starting a page
//
// The body is laid out first, which tells on which page every section
// starts; the contents are then laid out with those numbers shifted by the
// cover and the contents' own length, which does not depend on the
// numbers.

// tocEntry is one line of the table of contents.
type tocEntry struct {
	level int // 1 for a section, 2 for a unit or position
	title string
	page  int // index among the body's pages
}

// book lays out the whole book.
func (c *composer) book() ([]*sheet, error) {
	f := c.newFlow(c.paper)
	var toc []tocEntry
	section := 0
	start := func(title string) {
		section++
		f.pageBreak() // every section starts a page
		head := fmt.Sprintf("%d %s", section, title)
		toc = append(toc, tocEntry{level: 1, title: head, page: f.heading(head, fH1, f.firstLines(3, fBody))})
	}

	section++
	head := fmt.Sprintf("%d 组织架构图", section)
	toc = append(toc, tocEntry{level: 1, title: head, page: len(f.sheets)})
	if err := c.bookChart(f, head); err != nil {
		return nil, err
	}

	units := c.describedUnits()
	if len(units) > 0 {
		start("部门职能")
		for i, u := range units {
			head := fmt.Sprintf("%d.%d %s", section, i+1, u.Name)
			toc = append(toc, tocEntry{level: 2, title: head, page: f.heading(head, fH2, f.firstLines(3, fBody))})
			c.unitSummary(f, u)
			f.list(u.Functions, fBody, "（未填写部门职能）")
			c.notes(f, u.Notes)
		}
	}

	start("人员编制表")
	c.staffingTable(f)
	c.notes(f, c.d.Info.Notes)

	start("岗位说明")
	first := true
	n := 0
	c.d.Walk(func(nd *domain.Node) bool {
		if !nd.Kind.IsPosition() {
			return true
		}
		n++
		if !first {
			f.pageBreak() // each position on a page of its own, to hand out
		}
		first = false
		head := fmt.Sprintf("%d.%d %s", section, n, c.label(nd.ID))
		// The heading keeps the first row of the fact sheet with it.
		toc = append(toc, tocEntry{level: 2, title: head, page: f.heading(head, fH2, f.firstLines(1, fBody)+2*cellPadY)})
		c.positionSection(f, nd)
		return true
	})
	if n == 0 {
		f.paragraph("（尚未添加岗位）", fBody, 0)
	}

	body := f.sheets
	revisions := c.revisionHistory() // 修订记录 after the cover (revisions.go)
	tocLen := len(c.contents(toc, 0))
	contents := c.contents(toc, 1+len(revisions)+tocLen)
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

// bookChart adds the chart section: the chart's pages, each turned to suit
// its part of the chart, the first under the section heading.
func (c *composer) bookChart(f *flow, head string) error {
	headH := c.lineHeight(fH1) * 1.5
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
	views, err := c.planChart(fr)
	if err != nil {
		return err
	}
	for i, v := range views {
		s := newSheet(v.page)
		if i == 0 {
			c.text(s, bookSide, bookTop+c.baseline(fH1), fH1, head)
		}
		c.drawView(s, v)
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

// unitSummary places a unit's head, headcount and working hours under its
// heading.
func (c *composer) unitSummary(f *flow, u *domain.Node) {
	parts := []string{}
	if h := c.d.HeadOf(u.ID); h != 0 {
		parts = append(parts, "负责人："+c.d.Node(h).Name)
	}
	parts = append(parts, fmt.Sprintf("编制：%d 人", c.roll[u.ID].Planned))
	if strings.TrimSpace(u.Hours) != "" {
		parts = append(parts, "工作时间："+u.Hours)
	}
	f.paragraph(strings.Join(parts, "　"), fNote, 0)
	f.space(4)
}

// notes places a note under the heading 说明, if there is one.
func (c *composer) notes(f *flow, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	f.space(6)
	f.heading("说明", fH3, f.firstLines(2, fBody))
	f.paragraph(text, fBody, 0)
}

// positionName is a position's name as the book prints it: concurrent
// positions marked (兼).
func positionName(n *domain.Node) string {
	if n.Concurrent {
		return n.Name + "（兼）"
	}
	return n.Name
}

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
	name := positionName(n)
	if u := c.d.UnitOf(id); u != 0 && c.names[n.Name] > 1 && n.Kind.IsPosition() {
		name += "（" + c.d.Node(u).Name + "）"
	}
	return name
}

// staffingTable places the staffing table: every position grouped under
// its unit, a subtotal after each unit and the grand total. Concurrent
// positions are listed but not counted, as in the roll-up.
func (c *composer) staffingTable(f *flow) {
	tracks := c.total.Filled > 0
	t := &table{header: true, font: fSmall, cols: []column{
		{title: "部门", width: 90},
		{title: "岗位", width: 112},
		{title: "职务等级", width: 62},
		{title: "编制", width: 44, align: alignRight},
		{title: "在岗", width: 44, align: alignRight},
		{title: "直接上级", width: f.width - 352},
	}}
	roll := c.roll
	var groups []domain.NodeID
	members := map[domain.NodeID][]*domain.Node{}
	c.d.Walk(func(n *domain.Node) bool {
		if n.Kind.IsPosition() {
			u := c.d.UnitOf(n.ID)
			if _, ok := members[u]; !ok {
				groups = append(groups, u)
			}
			members[u] = append(members[u], n)
		}
		return true
	})
	filled := func(v int) string {
		if !tracks {
			return "—"
		}
		return fmt.Sprint(v)
	}
	var rows []row
	concurrent := false
	for _, u := range groups {
		unit := "（无所属部门）"
		if u != 0 {
			unit = c.d.Node(u).Name
		}
		var sub domain.Headcount
		for _, n := range members[u] {
			planned := fmt.Sprint(n.Planned)
			if n.Concurrent {
				planned += "（兼）"
				concurrent = true
			} else {
				sub = sub.Add(domain.Headcount{Planned: n.Planned, Filled: n.Filled})
			}
			sup := "—"
			if s := c.d.Superior(n.ID); s != 0 {
				sup = c.label(s)
			}
			rows = append(rows, row{cells: []string{unit, positionName(n), orDash(n.Grade), planned, filled(n.Filled), sup}})
		}
		note := ""
		if u != 0 && roll[u].Planned != sub.Planned {
			note = fmt.Sprintf("含下级部门共 %d 人", roll[u].Planned)
		}
		rows = append(rows, row{cells: []string{unit, "小计", "", fmt.Sprint(sub.Planned), filled(sub.Filled), note},
			font: labelFont(fSmall), fill: &paleGrey})
	}
	total := c.total
	note := ""
	if st := c.d.Info.StatedTotal; st != 0 && st != total.Planned {
		note = fmt.Sprintf("文件写明 %d 人，与各岗位合计不符", st)
	}
	rows = append(rows, row{cells: []string{"合计", "", "", fmt.Sprint(total.Planned), filled(total.Filled), note},
		font: labelFont(fSmall), fill: &unitTint})
	f.table(t, rows)
	if concurrent {
		f.space(4)
		f.paragraph("注：标“（兼）”的岗位由其他岗位人员兼任，不计入小计与合计。", fNote, 0)
	}
}

// positionSection places one position's fact sheet, duties and
// qualifications.
func (c *composer) positionSection(f *flow, n *domain.Node) {
	unit := "—"
	if u := c.d.UnitOf(n.ID); u != 0 {
		unit = c.d.Node(u).Name
	}
	sup := "—"
	if s := c.d.Superior(n.ID); s != 0 {
		sup = c.label(s)
	}
	var subs []string
	for _, s := range c.d.Subordinates(n.ID) {
		subs = append(subs, c.label(s))
	}
	count := fmt.Sprintf("%d 人", n.Planned)
	if c.total.Filled > 0 {
		count += fmt.Sprintf("（在岗 %d 人）", n.Filled)
	}
	if n.Concurrent {
		count += "，兼任，不计入编制合计"
	}
	t, kv := keyValue(f.width, alignLeft, 0)
	f.table(t, []row{
		kv("岗位名称", positionName(n)),
		kv("所属部门", unit),
		kv("职务等级", orDash(n.Grade)),
		kv("编制人数", count),
		kv("直接上级", sup),
		kv("直接下级", orDash(strings.Join(subs, "、"))),
		kv("工作时间", orDash(n.Hours)),
	})
	lists := []struct {
		title string
		items []string
	}{{"岗位职责", n.Duties}, {"任职资格", n.Qualifications}}
	for _, l := range lists {
		f.space(6)
		f.heading(l.title, fH3, f.firstLines(2, fBody))
		f.list(l.items, fBody, "（未填写）")
	}
	c.notes(f, n.Notes)
}

// keyValue returns a two-column table of labels and values, width points
// wide, and a function making its rows, each at least minH points tall.
func keyValue(width float64, a align, minH float64) (*table, func(k, v string) row) {
	t := &table{font: fBody, cols: []column{{title: "项目", width: 84, align: alignCenter}, {title: "内容", width: width - 84, align: a}}}
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
	if !strings.Contains(i.Title, "岗位职责说明书") {
		y += 6
		centred("岗位职责说明书", font{size: 15, color: grey})
	}
	y += 40

	kw := 260.0
	info, kv := keyValue(kw, alignCenter, 22)
	y += c.placeTable(s, info, (s.w-kw)/2, y, []row{
		kv("版本", orDash(i.Version)),
		kv("状态", statusName(i.Status)),
		kv("生效日期", orDash(i.EffectiveDate)),
		kv("密级", orDash(i.Confidentiality)),
		kv("编制合计", c.totalText()),
	})
	y += 36

	if len(i.SignOffs) > 0 {
		sw := 340.0
		t := &table{header: true, font: fBody, cols: []column{
			{title: "签署", width: 70, align: alignCenter},
			{title: "姓名", width: 150, align: alignCenter},
			{title: "日期", width: sw - 220, align: alignCenter},
		}}
		var rows []row
		for _, r := range i.SignOffs {
			// An empty name leaves a tall blank cell to sign in.
			rows = append(rows, row{cells: []string{r.Role, r.Name, r.Date}, labelFirst: true, min: 30})
		}
		c.placeTable(s, t, (s.w-sw)/2, y, rows)
	}
	return s
}

// contents lays out the table of contents with page numbers shifted by
// offset (the pages before the body).
func (c *composer) contents(toc []tocEntry, offset int) []*sheet {
	f := c.newFlow(c.paper)
	f.page()
	c.textIn(f.s, f.left, f.width, f.y+c.baseline(fH1), fH1, alignCenter, "目　录")
	f.y += c.lineHeight(fH1) * 1.6
	const numW = 36
	for _, e := range toc {
		fn, indent := fBody, 0.0
		if e.level > 1 {
			fn, indent = fSmall, 2*fBody.size
		}
		lines := c.wrap(e.title, fn, f.width-indent-numW-12)
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
	}
	return f.sheets
}

// bookHeader draws the running header: the title at the left, the
// version at the right, a rule under them.
func (c *composer) bookHeader(s *sheet) {
	i := c.d.Info
	f := fCaption
	w := s.w - 2*bookSide
	y := bookTop - 24.0
	version := c.oneLine(i.Version, f, w/3)
	c.textIn(s, bookSide, w, y, f, alignLeft, c.oneLine(i.Title, f, w-c.m.Width(version, f.size)-12))
	c.textIn(s, bookSide, w, y, f, alignRight, version)
	s.line(bookSide, y+4, s.w-bookSide, y+4, pen{width: 0.4, color: lightGrey})
}
