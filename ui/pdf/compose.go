package pdf

import (
	"fmt"
	"strings"

	"orgdraft/domain"
)

// The book is composed once, as a list of pieces (headings, paragraphs,
// numbered lists, tables, the chart), and that one composition is poured
// onto PDF pages (book.go) and written as a Word file (docx.go). Neither
// writer decides what the book says or in which order: only how it looks.
// Tables are the package's one table type (table.go), so whatever code
// makes a table for the book fits both writers unchanged.

// pieceKind says what a piece is.
type pieceKind uint8

const (
	pHeading pieceKind = iota // a heading; level 1 a chapter, 2 a unit or position, 3 a sub-heading
	pPara                     // a paragraph
	pList                     // a numbered list
	pTable                    // a table
	pChart                    // the org chart, or a unit's own, under its heading
	pSpace                    // a little vertical space
	pEnd                      // the end of a section whose heading repeats on its continuation pages
)

// piece is one element of the composed book.
type piece struct {
	kind  pieceKind
	level int    // heading level
	text  string // heading, paragraph or the chart's chapter heading
	note  bool   // a paragraph set small and grey
	items []string
	t     *table
	rows  []row
	root  domain.NodeID // a chart's top box; 0 for the whole chart
	// newPage starts the piece (a heading) on a new page.
	newPage bool
	// keep is how much content, in points, a heading keeps with it on
	// its page (PDF).
	keep float64
	// cont repeats the heading, marked （续）, at the top of every page its
	// section continues on, until the next pEnd.
	cont bool
	// toc puts the heading into the contents and the PDF outline.
	toc bool
	// font sets a heading or paragraph in a font of its own rather than
	// its level's (PDF); zero: the level's.
	font font
}

// pieces records pieces through the calls a flow takes (space, heading,
// paragraph, list, table), so that code written to place content on a
// flow composes it for both writers instead.
type pieces struct {
	c     *composer
	ps    []piece
	width float64 // of the text, in points
}

func (p *pieces) space(h float64) { p.ps = append(p.ps, piece{kind: pSpace, keep: h}) }

// heading records a heading; its font tells its level.
func (p *pieces) heading(t string, fn font, follow float64) int {
	level := 3
	switch fn {
	case fH1:
		level = 1
	case fH2:
		level = 2
	}
	p.ps = append(p.ps, piece{kind: pHeading, level: level, text: t, keep: follow, font: fn})
	return 0
}

func (p *pieces) paragraph(t string, fn font, _ float64) {
	p.ps = append(p.ps, piece{kind: pPara, text: t, font: fn, note: fn == fNote})
}

// list records a numbered list, or the paragraph empty when there are no
// items (nothing when empty is empty too).
func (p *pieces) list(items []string, fn font, empty string) {
	switch {
	case len(items) > 0:
		p.ps = append(p.ps, piece{kind: pList, items: items})
	case empty != "":
		p.paragraph(empty, fn, 0)
	}
}

func (p *pieces) table(t *table, rows []row) {
	p.ps = append(p.ps, piece{kind: pTable, t: t, rows: rows})
}

// add records pieces composed already.
func (p *pieces) add(ps ...piece) { p.ps = append(p.ps, ps...) }

func (p *pieces) firstLines(n int, fn font) float64 { return float64(n) * p.c.lineHeight(fn) }

// bookPieces composes the book's body, after the cover and the contents:
//
//	1 组织架构图: the chart
//	2 部门职能: every unit's functions
//	3 人员编制表: the staffing table with subtotals and the total
//	4 岗位说明书: one 岗位说明书 form per position, each starting a page
//
// Chapters and sections are numbered here, so both writers print the same
// numbers.
func (c *composer) bookPieces() []piece {
	if c.d.Info.Page.BookOrder == domain.BookByUnit {
		return c.unitPieces()
	}
	var ps []piece
	add := func(p ...piece) { ps = append(ps, p...) }
	section := 0
	chapter := func(title string, keep float64) {
		section++
		add(piece{kind: pHeading, level: 1, text: fmt.Sprintf("%d %s", section, title), newPage: true, keep: keep, toc: true})
	}

	section++
	add(piece{kind: pChart, level: 1, text: fmt.Sprintf("%d %s", section, c.pick("组织架构图", "Organization chart"))})

	if units := c.describedUnits(); len(units) > 0 {
		chapter(c.pick("部门职能", "Unit functions"), 3*c.lineHeight(fBody))
		for i, u := range units {
			add(piece{kind: pHeading, level: 2, text: fmt.Sprintf("%d.%d %s", section, i+1, u.Name), keep: 3 * c.lineHeight(fBody), toc: true})
			add(piece{kind: pPara, text: c.unitSummary(u), note: true}, piece{kind: pSpace})
			if len(u.Functions) > 0 {
				add(piece{kind: pList, items: u.Functions})
			}
			add(c.notes(u.Notes)...)
		}
	}

	chapter(c.pick("人员编制表", "Staffing table"), 3*c.lineHeight(fBody))
	st := &pieces{c: c, width: c.paper.w - 2*bookSide}
	c.staffingTable(st, c.withStaffingNote(c.d.Info.Notes)) // staffingtable.go, staffing.go
	add(st.ps...)

	chapter(c.pick("岗位说明书", "Job descriptions"), 3*c.lineHeight(fBody))
	n := 0
	c.d.Walk(func(nd *domain.Node) bool {
		if !nd.Kind.IsPosition() {
			return true
		}
		n++
		add(c.position(nd, fmt.Sprintf("%d.%d", section, n), n > 1)...)
		return true
	})
	if n == 0 {
		add(piece{kind: pPara, text: c.pick("（尚未添加岗位）", "(No positions yet.)")})
	}
	return ps
}

// position returns a position's section: its heading, numbered num, and
// its form. Each position starts a page of its own, to hand out, unless
// it is the first under its chapter's heading.
func (c *composer) position(n *domain.Node, num string, newPage bool) []piece {
	head := piece{kind: pHeading, level: 2, text: num + " " + c.label(n.ID), toc: true, cont: true, newPage: newPage,
		// The heading keeps the form's first two rows with it.
		keep: 2 * (c.lineHeight(fBody) + 2*cellPadY)}
	ps := append([]piece{head}, c.positionForm(n)...)
	return append(ps, piece{kind: pEnd})
}

// unitPieces composes the book's body with a chapter per department, as
// the customer's company document has it:
//
//	1 组织架构图: the whole chart
//	2 人员编制表: the staffing table
//	3 the top unit: its functions and the positions directly in it
//	4… each department: its functions and its sub-units', its own chart
//	  (岗位编制图) and every position in it
func (c *composer) unitPieces() []piece {
	var ps []piece
	add := func(p ...piece) { ps = append(ps, p...) }
	add(piece{kind: pChart, level: 1, text: "1 " + c.pick("组织架构图", "Organization chart")})
	add(piece{kind: pHeading, level: 1, text: "2 " + c.pick("人员编制表", "Staffing table"), newPage: true, keep: 3 * c.lineHeight(fBody), toc: true})
	st := &pieces{c: c, width: c.paper.w - 2*bookSide}
	c.staffingTable(st, c.withStaffingNote(c.d.Info.Notes)) // staffingtable.go, staffing.go
	add(st.ps...)

	top, deps := c.departments()
	chapter := 2
	// chapterOf adds the chapter of unit u: units are the units whose
	// functions it prints, positions its positions, chart whether it
	// draws u's own chart.
	chapterOf := func(title string, units, positions []*domain.Node, chart domain.NodeID) {
		chapter++
		add(piece{kind: pHeading, level: 1, text: fmt.Sprintf("%d %s", chapter, title), newPage: true, keep: 3 * c.lineHeight(fBody), toc: true})
		sec := 0
		var described []*domain.Node
		for _, u := range units {
			if len(u.Functions) > 0 || strings.TrimSpace(u.Hours+u.Notes) != "" {
				described = append(described, u)
			}
		}
		if len(described) > 0 {
			sec++
			add(piece{kind: pHeading, level: 2, text: fmt.Sprintf("%d.%d %s", chapter, sec, c.pick("部门职能", "Unit functions")), keep: 3 * c.lineHeight(fBody), toc: true})
			for _, u := range described {
				add(piece{kind: pHeading, level: 3, text: u.Name, keep: 2 * c.lineHeight(fBody)})
				add(piece{kind: pPara, text: c.unitSummary(u), note: true}, piece{kind: pSpace})
				if len(u.Functions) > 0 {
					add(piece{kind: pList, items: u.Functions})
				}
				add(c.notes(u.Notes)...)
			}
		}
		if chart != 0 {
			sec++
			add(piece{kind: pChart, level: 2, root: chart, text: fmt.Sprintf("%d.%d %s", chapter, sec, c.pick("岗位编制图", "Unit chart"))})
		}
		for i, p := range positions {
			sec++
			// The first position follows the functions on their page
			// when there is no chart between.
			add(c.position(p, fmt.Sprintf("%d.%d", chapter, sec), i > 0 || chart != 0 || len(described) > 0)...)
		}
	}
	// inUnit lists u and the units below it, and the positions in them,
	// in chart order; with own, only u and the positions directly in it
	// (u = 0: the positions in no unit).
	inUnit := func(u domain.NodeID, own bool) (units, positions []*domain.Node) {
		if own {
			if u != 0 {
				units = append(units, c.d.Node(u))
			}
			c.walkIn(u, func(n *domain.Node) {
				if n.Kind.IsPosition() && c.d.UnitOf(n.ID) == u {
					positions = append(positions, n)
				}
			})
			return units, positions
		}
		c.walkIn(u, func(n *domain.Node) {
			if n.Kind == domain.KindUnit {
				units = append(units, n)
			} else if n.Kind.IsPosition() {
				positions = append(positions, n)
			}
		})
		return units, positions
	}
	if units, positions := inUnit(top, true); len(positions) > 0 || (top != 0 && len(units) > 0 && len(units[0].Functions) > 0) {
		title := c.pick("其他岗位", "Other positions")
		if top != 0 {
			title = c.d.Node(top).Name
		}
		chapterOf(title, units, positions, 0)
	}
	for _, u := range deps {
		units, positions := inUnit(u, false)
		chapterOf(c.d.Node(u).Name, units, positions, u)
	}
	if len(deps) == 0 && top == 0 {
		add(piece{kind: pPara, text: c.pick("（尚未添加岗位）", "(No positions yet.)")})
	}
	return ps
}

// departments returns the units that get a chapter each in the order by
// unit, and the unit above them whose own positions (a general manager)
// open those chapters, 0 for the positions in no unit. The departments are
// the units right below the top unit; a top unit holding nothing but one
// unit hands its place down to that unit.
func (c *composer) departments() (top domain.NodeID, deps []domain.NodeID) {
	// below returns the units whose nearest unit above is u (0: the
	// top-level units).
	below := func(u domain.NodeID) []domain.NodeID {
		var out []domain.NodeID
		c.walkIn(u, func(n *domain.Node) {
			if n.ID != u && n.Kind == domain.KindUnit && c.d.UnitOf(n.ID) == u {
				out = append(out, n.ID)
			}
		})
		return out
	}
	// owns reports whether a position is directly in u.
	owns := func(u domain.NodeID) bool {
		found := false
		c.walkIn(u, func(n *domain.Node) {
			found = found || (n.Kind.IsPosition() && c.d.UnitOf(n.ID) == u)
		})
		return found
	}
	deps = below(0)
	for len(deps) == 1 && !owns(top) {
		top, deps = deps[0], below(deps[0])
	}
	if len(deps) == 0 && top != 0 {
		// A unit with no units below: the whole book is its chapter.
		return 0, []domain.NodeID{top}
	}
	return top, deps
}

// walkIn visits u's subtree (u = 0: the whole chart) in chart order.
func (c *composer) walkIn(u domain.NodeID, fn func(n *domain.Node)) {
	visit := func(n *domain.Node) bool { fn(n); return true }
	if u == 0 {
		c.d.Walk(visit)
	} else {
		c.d.WalkSubtree(u, visit)
	}
}

// notes returns a note under the heading 说明 (Notes), if there is one.
func (c *composer) notes(text string) []piece {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	return []piece{{kind: pSpace}, {kind: pHeading, level: 3, text: c.pick("说明", "Notes"), keep: 2 * c.lineHeight(fBody)},
		{kind: pPara, text: text}}
}

// numbered returns items as lines numbered 1. 2. …, for a cell of a form.
func numbered(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%d. %s", i+1, strings.TrimSpace(it))
	}
	return b.String()
}

// positionForm returns a position's 岗位说明书 as the usual bordered form:
// 基本信息 two label–value pairs a row, then one row per part that has
// content (岗位概述, 岗位职责, 工作权限, 任职资格, 工作关系, 考核指标), and
// the signature row for 任职者, 直接上级 and 人力资源部, each with a date.
// A part the user has not written is left out, never printed as a
// placeholder.
func (c *composer) positionForm(n *domain.Node) []piece {
	j := n.Job
	colon := c.pick("：", ": ")
	unit := "—"
	if u := c.d.UnitOf(n.ID); u != 0 {
		unit = c.d.Node(u).Name
	}
	sup := "—"
	if s := c.d.Superior(n.ID); s != 0 {
		sup = c.label(s)
	} else if strings.TrimSpace(j.Superior) != "" {
		// A top position reports to someone outside the chart.
		sup = strings.TrimSpace(j.Superior)
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

	const labelW = 76
	w := c.paper.w - 2*bookSide
	valW := (w - 2*labelW) / 2
	t := &table{font: fBody, cols: []column{
		{width: labelW, align: alignCenter}, {width: valW}, {width: labelW, align: alignCenter}, {width: valW},
	}}
	band := func(title string) row {
		return row{cells: []string{title}, spans: []int{4}, font: labelFont(fBody), fill: &unitTint}
	}
	// A part: its label, and its text across the other three columns.
	part := func(label, text string) row {
		return row{cells: []string{label, text}, spans: []int{1, 3}, labelFirst: true}
	}

	type pair struct{ k, v string }
	basics := []pair{{c.pick("岗位名称", "Position"), c.positionName(n)}}
	if code := c.positionCode(n.ID); code != "" {
		basics = append(basics, pair{c.pick("岗位编号", "Position code"), code})
	}
	basics = append(basics, pair{c.pick("所属部门", "Unit"), unit}, pair{c.pick("直接上级", "Reports to"), sup},
		pair{c.pick("编制人数", "Planned headcount"), count})
	if g := strings.TrimSpace(n.Grade); g != "" {
		basics = append(basics, pair{c.pick("职务等级", "Grade"), g})
	}
	if p := strings.TrimSpace(j.PayGrade); p != "" {
		basics = append(basics, pair{c.pick("薪资等级", "Pay grade"), p})
	}
	if h := strings.TrimSpace(n.Hours); h != "" {
		basics = append(basics, pair{c.pick("工作时间", "Working hours"), h})
	}
	rows := []row{band(c.pick("基本信息", "Particulars"))}
	for i := 0; i < len(basics); i += 2 {
		if i+1 < len(basics) {
			rows = append(rows, row{cells: []string{basics[i].k, basics[i].v, basics[i+1].k, basics[i+1].v}, keyed: true})
		} else {
			rows = append(rows, part(basics[i].k, basics[i].v))
		}
	}
	rows = append(rows, part(c.pick("直接下级", "Direct reports"), orDash(strings.Join(subs, c.pick("、", ", ")))))

	var body []row
	if s := strings.TrimSpace(j.Summary); s != "" {
		body = append(body, part(c.pick("岗位概述", "Purpose"), s))
	}
	if len(n.Duties) > 0 {
		body = append(body, part(c.pick("岗位职责", "Duties"), numbered(n.Duties)))
	}
	if len(j.Authority) > 0 {
		body = append(body, part(c.pick("工作权限", "Authority"), numbered(j.Authority)))
	}
	var quals []string
	for _, q := range []struct{ k, v string }{
		{c.pick("学历", "Education"), j.Education},
		{c.pick("专业", "Major"), j.Major},
		{c.pick("工作经验", "Experience"), j.Experience},
		{c.pick("技能", "Skills"), j.Skills},
		{c.pick("证书", "Certificates"), j.Certificates},
		{c.pick("其他", "Other"), j.Other},
	} {
		if v := strings.TrimSpace(q.v); v != "" {
			quals = append(quals, q.k+colon+v)
		}
	}
	if len(n.Qualifications) > 0 {
		quals = append(quals, numbered(n.Qualifications))
	}
	if len(quals) > 0 {
		body = append(body, part(c.pick("任职资格", "Qualifications"), strings.Join(quals, "\n")))
	}
	var rel []string
	if v := strings.TrimSpace(j.Internal); v != "" {
		rel = append(rel, c.pick("内部协作", "Internal")+colon+v)
	}
	if v := strings.TrimSpace(j.External); v != "" {
		rel = append(rel, c.pick("外部联系", "External")+colon+v)
	}
	if len(rel) > 0 {
		body = append(body, part(c.pick("工作关系", "Working relations"), strings.Join(rel, "\n")))
	}
	if len(j.KPIs) > 0 {
		body = append(body, part(c.pick("考核指标", "Assessment"), numbered(j.KPIs)))
	}
	if len(body) > 0 {
		rows = append(rows, band(c.pick("岗位职责与任职要求", "Duties and requirements")))
		rows = append(rows, body...)
	}

	ps := []piece{{kind: pTable, t: t, rows: rows}, {kind: pSpace}, c.signatureRow()}
	calc := &pieces{c: c, width: w}
	c.staffingCalc(calc, n) // 编制测算, staffing.go
	ps = append(ps, calc.ps...)
	return append(ps, c.notes(n.Notes)...)
}

// positionCode returns the code (岗位编号) position id prints, by the
// document's numbering, worked out once for the whole book.
func (c *composer) positionCode(id domain.NodeID) string {
	if c.codes == nil {
		c.codes = c.d.PositionCodes()
	}
	return strings.TrimSpace(c.codes[id])
}

// signatureRow returns the form's signature row: 任职者, 直接上级 and
// 人力资源部, each with room to sign and a date to fill in.
func (c *composer) signatureRow() piece {
	w := (c.paper.w - 2*bookSide) / 3
	t := &table{header: true, font: fBody, cols: []column{
		{title: c.pick("任职者", "Holder"), width: w, align: alignCenter},
		{title: c.pick("直接上级", "Superior"), width: w, align: alignCenter},
		{title: c.pick("人力资源部", "Human resources"), width: w, align: alignCenter},
	}}
	cell := c.pick("签字：\n\n日期：　　年　　月　　日", "Signature:\n\nDate:")
	return piece{kind: pTable, t: t, rows: []row{{cells: []string{cell, cell, cell}, min: 56}}}
}

// coverTables returns the cover's particulars (version, status, dates,
// confidentiality, total) and its sign-off table, nil when the document
// has no sign-off rows; the PDF cover and the Word file's first page
// print the same.
func (c *composer) coverTables() (info *table, infoRows []row, sign *table, signRows []row) {
	i := c.d.Info
	info, kv := keyValue(260, alignCenter, 22)
	infoRows = []row{
		kv(c.pick("版本", "Version"), orDash(i.Version)),
		kv(c.pick("状态", "Status"), c.statusName(i.Status)),
		kv(c.pick("生效日期", "Effective date"), orDash(i.EffectiveDate)),
		kv(c.pick("密级", "Confidentiality"), orDash(i.Confidentiality)),
		kv(c.pick("编制合计", "Planned total"), c.totalText()),
	}
	// An empty name leaves a tall blank cell to sign in.
	sign, signRows = c.signOffTable(fBody, 30)
	return info, infoRows, sign, signRows
}

// bookKind is the kind of document, printed under the title unless the
// title says it already.
func (c *composer) bookKind() string {
	kind := c.pick("岗位职责说明书", "Job Responsibility Book")
	if strings.Contains(strings.ToLower(c.d.Info.Title), strings.ToLower(kind)) {
		return ""
	}
	return kind
}
