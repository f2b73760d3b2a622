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
	head := fmt.Sprintf("%d %s", section, c.pick("组织架构图", "Organization chart"))
	toc = append(toc, tocEntry{level: 1, title: head, page: len(f.sheets)})
	if err := c.bookChart(f, head); err != nil {
		return nil, err
	}

	units := c.describedUnits()
	if len(units) > 0 {
		start(c.pick("部门职能", "Unit functions"))
		for i, u := range units {
			head := fmt.Sprintf("%d.%d %s", section, i+1, u.Name)
			toc = append(toc, tocEntry{level: 2, title: head, page: f.heading(head, fH2, f.firstLines(3, fBody))})
			c.unitSummary(f, u)
			f.list(u.Functions, fBody, c.pick("（未填写部门职能）", "(No functions entered.)"))
			c.notes(f, u.Notes)
		}
	}

	start(c.pick("人员编制表", "Staffing table"))
	c.staffingTable(f)
	c.notes(f, c.withStaffingNote(c.d.Info.Notes)) // staffing.go

	start(c.pick("岗位说明", "Position descriptions"))
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
		f.paragraph(c.pick("（尚未添加岗位）", "(No positions yet.)"), fBody, 0)
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
	colon := c.pick("：", ": ")
	if h := c.d.HeadOf(u.ID); h != 0 {
		parts = append(parts, c.pick("负责人", "Head")+colon+c.d.Node(h).Name)
	}
	parts = append(parts, fmt.Sprintf(c.pick("编制：%d 人", "Planned headcount: %d"), c.roll[u.ID].Planned))
	if strings.TrimSpace(u.Hours) != "" {
		parts = append(parts, c.pick("工作时间", "Working hours")+colon+u.Hours)
	}
	f.paragraph(strings.Join(parts, c.pick("　", "   ")), fNote, 0)
	f.space(4)
}

// notes places a note under the heading 说明 (Notes), if there is one.
func (c *composer) notes(f *flow, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	f.space(6)
	f.heading(c.pick("说明", "Notes"), fH3, f.firstLines(2, fBody))
	f.paragraph(text, fBody, 0)
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

// staffingTable places the staffing table: every position grouped under
// its unit, a subtotal after each unit and the grand total. Concurrent
// positions are listed but not counted, as in the roll-up.
func (c *composer) staffingTable(f *flow) {
	tracks := c.total.Filled > 0
	t := &table{header: true, font: fSmall, cols: []column{
		{title: c.pick("部门", "Unit"), width: 90},
		{title: c.pick("岗位", "Position"), width: 112},
		{title: c.pick("职务等级", "Grade"), width: 62},
		{title: c.pick("编制", "Planned"), width: 44, align: alignRight},
		{title: c.pick("在岗", "Filled"), width: 44, align: alignRight},
		{title: c.pick("直接上级", "Reports to"), width: f.width - 352},
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
		unit := c.pick("（无所属部门）", "(No unit)")
		if u != 0 {
			unit = c.d.Node(u).Name
		}
		var sub domain.Headcount
		for _, n := range members[u] {
			planned := fmt.Sprint(n.Planned)
			if n.Concurrent {
				// The English mark would not fit the narrow column; the
				// position's name carries it.
				planned += c.pick("（兼）", "")
				concurrent = true
			} else {
				sub = sub.Add(domain.Headcount{Planned: n.Planned, Filled: n.Filled})
			}
			sup := "—"
			if s := c.d.Superior(n.ID); s != 0 {
				sup = c.label(s)
			}
			rows = append(rows, row{cells: []string{unit, c.positionName(n), orDash(n.Grade), planned, filled(n.Filled), sup}})
		}
		note := ""
		if u != 0 && roll[u].Planned != sub.Planned {
			note = fmt.Sprintf(c.pick("含下级部门共 %d 人", "%d with the units below"), roll[u].Planned)
		}
		rows = append(rows, row{cells: []string{unit, c.pick("小计", "Subtotal"), "", fmt.Sprint(sub.Planned), filled(sub.Filled), note},
			font: labelFont(fSmall), fill: &paleGrey})
	}
	total := c.total
	note := ""
	if st := c.d.Info.StatedTotal; st != 0 && st != total.Planned {
		note = fmt.Sprintf(c.pick("文件写明 %d 人，与各岗位合计不符", "The document states %d, which differs from the positions' sum"), st)
	}
	rows = append(rows, row{cells: []string{c.pick("合计", "Total"), "", "", fmt.Sprint(total.Planned), filled(total.Filled), note},
		font: labelFont(fSmall), fill: &unitTint})
	f.table(t, rows)
	if concurrent {
		f.space(4)
		f.paragraph(c.pick("注：标“（兼）”的岗位由其他岗位人员兼任，不计入小计与合计。",
			"Note: positions marked (concurrent) are held by people of other positions and are not counted in the subtotals and the total."), fNote, 0)
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
	count := fmt.Sprintf(c.pick("%d 人", "%d"), n.Planned)
	if c.total.Filled > 0 {
		count += fmt.Sprintf(c.pick("（在岗 %d 人）", " (%d in post)"), n.Filled)
	}
	if n.Concurrent {
		count += c.pick("，兼任，不计入编制合计", "; held concurrently, not counted in the total")
	}
	t, kv := keyValue(f.width, alignLeft, 0)
	f.table(t, []row{
		kv(c.pick("岗位名称", "Position"), c.positionName(n)),
		kv(c.pick("所属部门", "Unit"), unit),
		kv(c.pick("职务等级", "Grade"), orDash(n.Grade)),
		kv(c.pick("编制人数", "Planned headcount"), count),
		kv(c.pick("直接上级", "Reports to"), sup),
		kv(c.pick("直接下级", "Direct reports"), orDash(strings.Join(subs, c.pick("、", ", ")))),
		kv(c.pick("工作时间", "Working hours"), orDash(n.Hours)),
	})
	lists := []struct {
		title string
		items []string
	}{{c.pick("岗位职责", "Duties"), n.Duties}, {c.pick("任职资格", "Qualifications"), n.Qualifications}}
	for _, l := range lists {
		f.space(6)
		f.heading(l.title, fH3, f.firstLines(2, fBody))
		f.list(l.items, fBody, c.pick("（未填写）", "(None entered.)"))
	}
	c.staffingCalc(f, n) // 编制测算, staffing.go
	c.notes(f, n.Notes)
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
	if kind := c.pick("岗位职责说明书", "Job Responsibility Book"); !strings.Contains(strings.ToLower(i.Title), strings.ToLower(kind)) {
		y += 6
		centred(kind, font{size: 15, color: grey})
	}
	y += 40

	kw := 260.0
	info, kv := keyValue(kw, alignCenter, 22)
	y += c.placeTable(s, info, (s.w-kw)/2, y, []row{
		kv(c.pick("版本", "Version"), orDash(i.Version)),
		kv(c.pick("状态", "Status"), c.statusName(i.Status)),
		kv(c.pick("生效日期", "Effective date"), orDash(i.EffectiveDate)),
		kv(c.pick("密级", "Confidentiality"), orDash(i.Confidentiality)),
		kv(c.pick("编制合计", "Planned total"), c.totalText()),
	})
	y += 36

	if len(i.SignOffs) > 0 {
		sw := 340.0
		t := &table{header: true, font: fBody, cols: []column{
			{title: c.pick("签署", "Sign-off"), width: 70, align: alignCenter},
			{title: c.pick("姓名", "Name"), width: 150, align: alignCenter},
			{title: c.pick("日期", "Date"), width: sw - 220, align: alignCenter},
		}}
		var rows []row
		for _, r := range i.SignOffs {
			// An empty name leaves a tall blank cell to sign in.
			rows = append(rows, row{cells: []string{c.role(r.Role), r.Name, r.Date}, labelFirst: true, min: 30})
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
	c.textIn(f.s, f.left, f.width, f.y+c.baseline(fH1), fH1, alignCenter, c.pick("目　录", "Contents"))
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
