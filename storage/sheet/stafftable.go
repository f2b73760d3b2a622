package sheet

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"orgdraft/domain"
)

// A staffing table as people keep it (人员编制表) has a row per position:
// 序号 | 部门 | 岗位名称 | 编制人数 | 直接上级 | 岗位职责, in Excel, WPS or
// LibreOffice. Its reading:
//
//   - The units come from the unit column. A blank unit cell means the
//     same as the row above (so does a cell merged down over the rows,
//     see ReadXLSX). "客服部/热线组" is 热线组 inside 客服部; a 上级部门
//     column nests a unit in another.
//   - The superior column names a position: first one of the same unit,
//     then one of the whole table (or "部门+岗位", or a unit, meaning its
//     head). An ambiguous or unknown name is an error that names the row
//     and the candidates.
//   - A unit's head is the position the unit's other rows name as their
//     superior (or, when no row names one, the only row whose superior is
//     outside the unit). A position without a superior reports to its
//     unit's head; one whose superior is another position of its unit
//     goes under it. A unit whose head (or, without a head, every row)
//     reports to a position elsewhere goes under that position's unit
//     when that position heads it, else under the position itself.
//   - Duties in one cell split at numbered items (1、 (1) 一、) and at
//     line breaks; "3人" and "３" are numbers; "(兼)" after a name marks a
//     post held concurrently; a 合计 row is the table's stated total.

// field is a column of a staffing table.
type field int

const (
	fUnit field = iota
	fParentUnit
	fPosition
	fPlanned
	fFilled
	fSuperior
	fGrade
	fDuties
	fQualifications
	fNotes
	fHours
	numFields
)

// fieldNames are each field's name in the summary and the headers read
// as it (matched as headerKeys matches).
var fieldNames = [numFields]struct {
	zh, en   string
	headings []string
}{
	fUnit:           {"部门", "unit", []string{"部门", "所属部门", "科室", "组别", "部门名称", "所属科室", "班组", "department", "dept", "unit"}},
	fParentUnit:     {"上级部门", "parent unit", []string{"上级部门", "上级单位", "所属中心", "parent unit", "parent department"}},
	fPosition:       {"岗位", "position", []string{"岗位", "岗位名称", "职位", "职务", "职位名称", "职务名称", "名称", "position", "job title", "post"}},
	fPlanned:        {"编制", "planned", []string{"编制", "编制人数", "定编", "定员", "人数", "定编人数", "定员人数", "编制数", "planned", "headcount", "planned headcount"}},
	fFilled:         {"在岗", "filled", []string{"在岗", "现有人数", "实有人数", "在编", "在岗人数", "在编人数", "实际人数", "filled", "actual", "filled headcount"}},
	fSuperior:       {"直接上级", "superior", []string{"直接上级", "上级", "直属上级", "汇报对象", "上级岗位", "汇报上级", "直接上级岗位", "reports to", "superior"}},
	fGrade:          {"职务等级", "grade", []string{"职级", "职务等级", "岗位级别", "级别", "职等", "岗位等级", "grade", "level"}},
	fDuties:         {"岗位职责", "duties", []string{"岗位职责", "职责", "工作内容", "主要职责", "工作职责", "职责描述", "duties", "responsibilities"}},
	fQualifications: {"任职资格", "qualifications", []string{"任职资格", "任职要求", "任职条件", "qualifications", "requirements"}},
	fNotes:          {"备注", "notes", []string{"备注", "说明", "notes", "remarks"}},
	fHours:          {"工作时间", "hours", []string{"工作时间", "班次", "hours", "working hours"}},
}

var fieldByKey = func() map[string]field {
	m := map[string]field{}
	for f, n := range fieldNames {
		for _, h := range n.headings {
			m[headerKey(h)] = field(f)
		}
	}
	return m
}()

// staffField returns the field of a staffing table a header names.
func staffField(header string) (field, bool) {
	for _, k := range headerKeys(header) {
		if f, ok := fieldByKey[k]; ok {
			return f, true
		}
	}
	return 0, false
}

// ignoredHeading reports whether a header is a row number (序号), which
// neither reading uses.
func ignoredHeading(header string) bool {
	switch headerKey(header) {
	case "序号", "no.", "no", "#", "行号":
		return true
	}
	return false
}

// chooseReading decides how to read a table from its header. A header
// with a column only staffing tables have (部门, 直接上级, …) is a staffing
// table, unless it also has our own parent-id or kind column (编号 and
// 上级编号 say the tree exactly). A header of only the columns both share
// (岗位名称, 编制, 岗位职责, …) is a staffing table when it names the
// position. Mixed says the header holds columns of both.
func chooseReading(rec record) (reading Reading, mixed bool) {
	var ownOnly, staffOnly, structural, position bool
	for _, cell := range rec.cells {
		if strings.TrimSpace(cell) == "" {
			continue
		}
		c, own := ownColumn(cell)
		f, staff := staffField(cell)
		switch {
		case own && !staff:
			ownOnly = true
			structural = structural || c == colParent || c == colKind
		case staff && !own:
			staffOnly = true
		}
		position = position || (staff && f == fPosition && headerKey(cell) != headerKey(columnNames[colName].zh) && headerKey(cell) != headerKey(columnNames[colName].en))
	}
	switch {
	case staffOnly && structural:
		return ReadingOwn, true
	case staffOnly:
		return ReadingStaffing, ownOnly
	case ownOnly || !position:
		return ReadingOwn, false
	}
	return ReadingStaffing, false
}

// staffRow is one position of a staffing table.
type staffRow struct {
	row      int
	unit     int    // index into units; -1 for none
	superior string // as written
	sup      int    // index of the superior's row; -1 for none
	supUnit  int    // a superior written as a unit's name: its head; -1
	node     domain.Node
}

// staffUnit is one unit of a staffing table.
type staffUnit struct {
	path   []string
	row    int // the first row that names it
	parent int // -1 at the top
	// fixedRow is the row whose path or 上级部门 put the unit in its
	// parent; 0 when none did.
	fixedRow int
	head     int // index of its head's row; -1 for none
}

// staffReader reads a staffing table, collecting every problem.
type staffReader struct {
	cols     [numFields]int
	headers  [numFields]string
	errs     ErrorList
	units    []staffUnit
	byPath   map[string]int   // a unit by its whole path
	bySuffix map[string][]int // the units whose path ends so, below the top
	byLast   map[string][]int // the units of that name
	rows     []staffRow
	stated   int
	// near is how many more missing superiors get a list of close
	// names: finding them costs a pass over the rows each.
	near int
}

func (r *staffReader) fail(row int, f field, zh, en string, args ...any) {
	name := ""
	if f >= 0 && f < numFields {
		name = r.headers[f]
	}
	r.errs = append(r.errs, RowError{Row: row, Column: name, Msg: fmt.Sprintf(en, args...), Zh: fmt.Sprintf(zh, args...)})
}

func (r *staffReader) cell(rec record, f field) string {
	i := r.cols[f]
	if i < 0 || i >= len(rec.cells) {
		return ""
	}
	return rec.cells[i]
}

// readStaffing reads the rows under a staffing table's header.
func readStaffing(header record, data []record, sum *Summary) (*domain.Document, error) {
	r := &staffReader{byPath: map[string]int{}, bySuffix: map[string][]int{}, byLast: map[string][]int{}, near: maxNearLists}
	for f := range r.cols {
		r.cols[f] = -1
	}
	for i, cell := range header.cells {
		name := strings.TrimSpace(cell)
		if name == "" {
			continue
		}
		f, ok := staffField(name)
		switch {
		case !ok || r.cols[f] >= 0:
			// A second column of the same field (职务 beside 岗位名称)
			// is left out like an unknown one: the first one counts.
			sum.Ignored = append(sum.Ignored, name)
		default:
			r.cols[f], r.headers[f] = i, name
			sum.Columns = append(sum.Columns, ColumnUse{Heading: name, Zh: fieldNames[f].zh, En: fieldNames[f].en})
		}
	}
	if r.cols[fPosition] < 0 && len(r.errs) == 0 {
		r.errs = append(r.errs, RowError{Row: header.row, Msg: "the table has no position column (岗位, 岗位名称, 职位 or 职务)", Zh: "表格缺少岗位列（岗位、岗位名称、职位或职务）"})
	}
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	if len(data) > MaxImportBoxes {
		return nil, tooManyRows(data[MaxImportBoxes].row)
	}
	r.read(data)
	if len(r.rows) == 0 && len(r.errs) == 0 {
		return nil, ErrorList{{Row: header.row, Msg: "the table has a header but no positions", Zh: "表格只有表头，没有岗位"}}
	}
	// The superiors are matched whatever else is wrong, so that every
	// problem is listed at once.
	r.resolveSuperiors()
	if len(r.errs) == 0 {
		r.findHeads()
	}
	var nodes []domain.Node
	var sups []written
	if len(r.errs) == 0 {
		nodes, sups = r.place()
	}
	if len(r.errs) > 0 {
		slices.SortStableFunc(r.errs, func(a, b RowError) int { return a.Row - b.Row })
		return nil, r.errs
	}
	info := domain.NewDocument().Info
	info.StatedTotal = r.stated
	d, err := domain.Restore(info, nodes, nil)
	if err != nil {
		// The checks above catch everything Restore refuses.
		return nil, fmt.Errorf("sheet: %w", err)
	}
	sum.Warnings = superiorWarnings(d, sups)
	return d, nil
}

// maxUnitDepth bounds the levels of a unit cell ("客服部/热线组" has two):
// deeper than any organisation, and it keeps a cell of thousands of
// slashes from costing their square.
const maxUnitDepth = 20

// totalWords start a row that totals the table rather than naming a
// position; the first three state the table's total.
var totalWords = []string{"合计", "总计", "共计", "小计", "total"}

// totalRow reports whether a row is a total, its first cell (序号, unit
// or position, often merged over them) saying 合计, and whether it is the
// table's grand total rather than a unit's 小计.
func (r *staffReader) totalRow(rec record) (total, grand bool) {
	for _, c := range rec.cells {
		k := headerKey(c)
		if k == "" {
			continue
		}
		for i, w := range totalWords {
			// "合计", "合计：54人", "合计(人)", but not a unit named 合计部.
			if rest, ok := strings.CutPrefix(k, w); ok && (rest == "" || strings.ContainsAny(rest[:1], ":(0123456789") || strings.HasPrefix(rest, "（") || strings.HasPrefix(rest, "：")) {
				return true, i != 3
			}
		}
		return false, false
	}
	return false, false
}

// read reads every row: its unit, its position and its cells.
func (r *staffReader) read(data []record) {
	type unitRef struct {
		path   []string
		parent string
	}
	parentPath := make([][]string, 0, len(data))
	refs := make([]unitRef, 0, len(data))
	var rows []record
	var above unitRef
	for _, rec := range data {
		for f := field(0); f < numFields; f++ {
			if v := r.cell(rec, f); !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0 {
				r.fail(rec.row, f, "含有无效字符", "holds invalid characters")
			}
		}
		if total, grand := r.totalRow(rec); total {
			if n, zh, _ := parseCount(r.cell(rec, fPlanned)); grand && zh == "" && r.stated == 0 {
				r.stated = n
			}
			continue
		}
		ref := unitRef{path: r.path(rec, fUnit), parent: strings.TrimSpace(r.cell(rec, fParentUnit))}
		if len(ref.path) == 0 {
			// Blank means "the same as above".
			ref.path = above.path
			if ref.parent == "" {
				ref.parent = above.parent
			}
		}
		above = ref
		for _, s := range ref.path {
			if utf8.RuneCountInString(s) > domain.MaxNameRunes {
				r.fail(rec.row, fUnit, "部门名称太长（最多 %d 个字）", "the unit's name is too long (at most %d characters)", domain.MaxNameRunes)
			}
		}
		refs = append(refs, ref)
		rows = append(rows, rec)
		parentPath = append(parentPath, r.path(record{row: rec.row, cells: []string{ref.parent}}, -1))
	}
	// The units: first every path of more than one level, so that a
	// single name can then be found as the end of one of them.
	unitOf := make([]int, len(rows))
	for i, ref := range refs {
		unitOf[i] = -1
		if len(ref.path) > 1 {
			unitOf[i] = r.unitAt(ref.path, rows[i].row, true)
		}
	}
	for i, ref := range refs {
		if len(ref.path) == 1 {
			unitOf[i] = r.findUnit(ref.path, rows[i].row, fUnit, true)
		}
	}
	for i, ref := range refs {
		if ref.parent == "" || unitOf[i] < 0 {
			continue
		}
		child := unitOf[i]
		if len(ref.path) > 1 {
			child = r.byPath[pathKey(ref.path[:1])]
		}
		p := r.findUnit(parentPath[i], rows[i].row, fParentUnit, true)
		r.setParent(child, p, rows[i].row)
	}
	for i, rec := range rows {
		name := strings.TrimSpace(r.cell(rec, fPosition))
		if name == "" {
			if refs[i].path != nil && r.onlyUnit(rec) {
				continue // a row that names a unit only
			}
			r.fail(rec.row, fPosition, "岗位名称为空", "the position's name is empty")
			continue
		}
		r.rows = append(r.rows, r.position(rec, name, unitOf[i]))
	}
}

// onlyUnit reports whether a row has nothing but its unit cells.
func (r *staffReader) onlyUnit(rec record) bool {
	for f := field(0); f < numFields; f++ {
		if f != fUnit && f != fParentUnit && strings.TrimSpace(r.cell(rec, f)) != "" {
			return false
		}
	}
	return true
}

// position reads a position's row.
func (r *staffReader) position(rec record, name string, unit int) staffRow {
	p := staffRow{row: rec.row, unit: unit, sup: -1, supUnit: -1, superior: strings.TrimSpace(r.cell(rec, fSuperior))}
	n := &p.node
	n.Kind = domain.KindPosition
	n.Name, n.Concurrent = concurrentName(name)
	if utf8.RuneCountInString(n.Name) > domain.MaxNameRunes {
		r.fail(rec.row, fPosition, "名称太长（最多 %d 个字）", "the name is too long (at most %d characters)", domain.MaxNameRunes)
	}
	for _, c := range []struct {
		f  field
		to *int
	}{{fPlanned, &n.Planned}, {fFilled, &n.Filled}} {
		v, zh, en := parseCount(r.cell(rec, c.f))
		if zh != "" {
			r.fail(rec.row, c.f, "%[1]s", "%[2]s", zh, en)
		}
		*c.to = v
	}
	n.Grade, n.Hours, n.Notes = strings.TrimSpace(r.cell(rec, fGrade)), strings.TrimSpace(r.cell(rec, fHours)), strings.TrimSpace(r.cell(rec, fNotes))
	for _, f := range []field{fGrade, fHours, fNotes} {
		if utf8.RuneCountInString(r.cell(rec, f)) > domain.MaxTextRunes {
			r.fail(rec.row, f, "文字太长（最多 %d 个字）", "the text is too long (at most %d characters)", domain.MaxTextRunes)
		}
	}
	for _, c := range []struct {
		f  field
		to *[]string
	}{{fDuties, &n.Duties}, {fQualifications, &n.Qualifications}} {
		*c.to = domain.SplitItems(r.cell(rec, c.f))
		if zh, en := listProblem(*c.to); zh != "" {
			r.fail(rec.row, c.f, "%[1]s", "%[2]s", zh, en)
		}
	}
	return p
}

// concurrentName takes "(兼)" or "（兼职）" off a position's name: the post
// is held concurrently.
func concurrentName(name string) (string, bool) {
	for _, mark := range []string{"(兼)", "（兼）", "(兼职)", "（兼职）", "(兼任)", "（兼任）"} {
		if s, ok := strings.CutSuffix(name, mark); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s), true
		}
	}
	return name, false
}

// path reads a unit cell as its levels (see unitPath), reporting a path
// deeper than maxUnitDepth and keeping its first levels. With f < 0 the
// cell is rec's only cell, a 上级部门 value filled down from above.
func (r *staffReader) path(rec record, f field) []string {
	cell := ""
	if f >= 0 {
		cell = r.cell(rec, f)
	} else {
		cell, f = rec.cells[0], fParentUnit
	}
	p := unitPath(cell)
	if len(p) > maxUnitDepth {
		r.fail(rec.row, f, "部门的层级太多（最多 %d 级）", "the unit's path has too many levels (at most %d)", maxUnitDepth)
		p = p[:maxUnitDepth]
	}
	return p
}

// unitPath splits a unit cell into its levels: "客服部/热线组".
func unitPath(cell string) []string {
	var path []string
	for _, s := range strings.FieldsFunc(cell, func(r rune) bool { return strings.ContainsRune("/／\\＼>＞\n", r) }) {
		if s = strings.TrimSpace(s); s != "" {
			path = append(path, s)
		}
	}
	return path
}

func pathKey(path []string) string { return strings.Join(path, "\x00") }

// unitAt returns the unit at path, making it and the units above it
// where they are new.
func (r *staffReader) unitAt(path []string, row int, create bool) int {
	parent := -1
	for depth := range path {
		key := pathKey(path[:depth+1])
		u, ok := r.byPath[key]
		if !ok {
			if !create {
				return -1
			}
			u = len(r.units)
			up := slices.Clone(path[:depth+1])
			r.units = append(r.units, staffUnit{path: up, row: row, parent: parent, head: -1})
			if parent >= 0 {
				r.units[u].fixedRow = row
			}
			r.byPath[key] = u
			for k := 1; k < len(up); k++ {
				r.bySuffix[pathKey(up[k:])] = append(r.bySuffix[pathKey(up[k:])], u)
			}
			r.byLast[up[len(up)-1]] = append(r.byLast[up[len(up)-1]], u)
		}
		r.units[u].row = min(r.units[u].row, row)
		parent = u
	}
	return parent
}

// findUnit returns the unit a cell names: the unit at that path, else the
// one unit whose path ends so ("热线组" for 客服部/热线组), else a new one at
// the top. Several such units are an error naming them.
func (r *staffReader) findUnit(path []string, row int, f field, create bool) int {
	if len(path) == 0 {
		return -1
	}
	if u, ok := r.byPath[pathKey(path)]; ok {
		r.units[u].row = min(r.units[u].row, row)
		return u
	}
	found := r.bySuffix[pathKey(path)]
	switch len(found) {
	case 0:
		return r.unitAt(path, row, create)
	case 1:
		r.units[found[0]].row = min(r.units[found[0]].row, row)
		return found[0]
	}
	var names []string
	for _, u := range found[:min(len(found), maxListed)] {
		names = append(names, strings.Join(r.units[u].path, "/"))
	}
	if len(found) > maxListed {
		names = append(names, "…")
	}
	r.fail(row, f, "有多个部门叫“%s”：%s；请写出完整的路径，如“%s”", "several units are called %q: %s; write the whole path, such as %q",
		clip(strings.Join(path, "/")), strings.Join(names, "、"), names[0])
	return -1
}

// setParent puts unit child in unit p, as a row's 上级部门 says.
func (r *staffReader) setParent(child, p, row int) {
	if child < 0 || p < 0 {
		return
	}
	c := &r.units[child]
	switch {
	case child == p:
		r.fail(row, fParentUnit, "上级部门是它自己", "the parent unit is the unit itself")
	case c.parent == p:
	case c.fixedRow != 0:
		was := "（顶层）"
		wasEn := "(none)"
		if c.parent >= 0 {
			was = strings.Join(r.units[c.parent].path, "/")
			wasEn = was
		}
		r.fail(row, fParentUnit, "“%[1]s”的上级部门与第 %[2]d 行不同（那里是“%[3]s”）", "the parent unit of %[1]q differs from row %[2]d (%[4]q there)",
			clip(c.path[len(c.path)-1]), c.fixedRow, was, wasEn)
	default:
		c.parent, c.fixedRow = p, row
	}
}

// unitName is the name of a unit as a message shows it.
func (r *staffReader) unitName(u int) string {
	if u < 0 {
		return ""
	}
	return strings.Join(r.units[u].path, "/")
}

// resolveSuperiors finds the row each superior cell names.
func (r *staffReader) resolveSuperiors() {
	byName := map[string][]int{}
	byUnitAndName := map[string][]int{}
	// "客服部经理" and "客服部/经理" name the position 经理 of 客服部.
	byUnitName := map[string][]int{}
	unitNames := func(p staffRow) []string {
		if p.unit < 0 {
			return nil
		}
		u := r.units[p.unit].path
		last := u[len(u)-1]
		keys := []string{last + p.node.Name, last + "/" + p.node.Name}
		if len(u) > 1 {
			keys = append(keys, strings.Join(u, "/")+"/"+p.node.Name)
		}
		return keys
	}
	for i, p := range r.rows {
		byName[p.node.Name] = append(byName[p.node.Name], i)
		k := fmt.Sprint(p.unit, "\x00", p.node.Name)
		byUnitAndName[k] = append(byUnitAndName[k], i)
		for _, k := range unitNames(p) {
			byUnitName[k] = append(byUnitName[k], i)
		}
	}
	for i := range r.rows {
		p := &r.rows[i]
		s, _ := concurrentName(p.superior)
		if s == "" {
			continue
		}
		// The rows of a name but row i itself: how many, and the first
		// few, without copying lists as long as the table.
		others := func(list []int, self bool) (int, []int) {
			n := len(list)
			if self {
				n--
			}
			var first []int
			for _, j := range list {
				if j != i {
					if first = append(first, j); len(first) > maxListed {
						break
					}
				}
			}
			return n, first
		}
		n, cands := others(byUnitAndName[fmt.Sprint(p.unit, "\x00", s)], p.node.Name == s)
		if n == 0 {
			n, cands = others(byName[s], p.node.Name == s)
		}
		if n == 0 {
			n, cands = others(byUnitName[s], slices.Contains(unitNames(*p), s))
		}
		switch {
		case n == 1:
			p.sup = cands[0]
			continue
		case n > 1:
			r.fail(p.row, fSuperior, "直接上级“%[1]s”不明确：%[2]s 都叫这个名字", "the superior %[1]q is ambiguous: %[3]s all have that name",
				clip(s), r.rowList(cands, n, true), r.rowList(cands, n, false))
			continue
		case p.node.Name == s:
			r.fail(p.row, fSuperior, "直接上级是它自己", "the superior is the position itself")
			continue
		}
		if u := r.unitNamed(s); u >= 0 {
			if u != p.unit {
				p.supUnit = u
			}
			continue
		}
		var near []int
		if r.near > 0 {
			r.near--
			for j, q := range r.rows {
				if j != i && len(near) < maxListed && (strings.Contains(q.node.Name, s) || strings.Contains(s, q.node.Name)) {
					near = append(near, j)
				}
			}
		}
		if len(near) > 0 {
			r.fail(p.row, fSuperior, "表中没有叫“%[1]s”的岗位；相近的有：%[2]s", "no position in the table is called %[1]q; close ones: %[3]s",
				clip(s), r.rowList(near, len(near), true), r.rowList(near, len(near), false))
		} else {
			r.fail(p.row, fSuperior, "表中没有叫“%s”的岗位", "no position in the table is called %q", clip(s))
		}
	}
}

// unitNamed returns the one unit whose name (or path) is s, else -1.
func (r *staffReader) unitNamed(s string) int {
	found := slices.Clone(r.byLast[s])
	if u, ok := r.byPath[pathKey(unitPath(s))]; ok && !slices.Contains(found, u) {
		found = append(found, u)
	}
	if len(found) != 1 {
		return -1
	}
	return found[0]
}

// Bounds on what one message lists, so that a table of thousands of rows
// of one name gives short messages rather than a list of every row in
// each of them.
const (
	maxListed    = 5  // rows or units named in one message
	maxNearLists = 20 // missing superiors that get a list of close names
)

// rowList names rows for a message: "第 3 行“经理”（客服部）、第 9 行…",
// the first maxListed of them and how many more there are of total.
func (r *staffReader) rowList(rows []int, total int, zh bool) string {
	var parts []string
	for _, j := range rows[:min(len(rows), maxListed)] {
		p := r.rows[j]
		unit := r.unitName(p.unit)
		switch {
		case zh && unit != "":
			parts = append(parts, fmt.Sprintf("第 %d 行“%s”（%s）", p.row, p.node.Name, unit))
		case zh:
			parts = append(parts, fmt.Sprintf("第 %d 行“%s”", p.row, p.node.Name))
		case unit != "":
			parts = append(parts, fmt.Sprintf("row %d %q (%s)", p.row, p.node.Name, unit))
		default:
			parts = append(parts, fmt.Sprintf("row %d %q", p.row, p.node.Name))
		}
	}
	more := total - min(len(rows), maxListed)
	if zh {
		if more > 0 {
			parts = append(parts, fmt.Sprintf("另 %d 行", more))
		}
		return strings.Join(parts, "、")
	}
	if more > 0 {
		parts = append(parts, fmt.Sprintf("%s more", thousands(more)))
	}
	return strings.Join(parts, ", ")
}

// outside reports whether row i's superior is outside its unit.
func (r *staffReader) outside(i int) bool {
	p := r.rows[i]
	return (p.sup >= 0 && r.rows[p.sup].unit != p.unit) || p.supUnit >= 0
}

// findHeads marks each unit's head: the position its other rows name as
// their superior, at the top of the unit's own chain; when none of its
// rows names one, the one position that rows of other units name; else
// the only row whose superior is outside the unit, if the others have
// none. Then a superior written as a unit's name becomes its head.
func (r *staffReader) findHeads() {
	members := make([][]int, len(r.units))
	for i, p := range r.rows {
		if p.unit >= 0 {
			members[p.unit] = append(members[p.unit], i)
		}
	}
	namedAnywhere := map[int]bool{}
	for _, p := range r.rows {
		if p.sup >= 0 {
			namedAnywhere[p.sup] = true
		}
	}
	for u, ms := range members {
		named := map[int]bool{}
		for _, i := range ms {
			if s := r.rows[i].sup; s >= 0 && r.rows[s].unit == u {
				named[s] = true
			}
		}
		// The top of the unit's chain: named by its rows (or, when none
		// is, by the rows of other units), itself reporting to no one
		// in the unit.
		var tops, topsAnywhere, out []int
		for _, i := range ms {
			top := r.rows[i].sup < 0 || r.outside(i)
			if named[i] && top {
				tops = append(tops, i)
			}
			if namedAnywhere[i] && top {
				topsAnywhere = append(topsAnywhere, i)
			}
			if r.outside(i) {
				out = append(out, i)
			}
		}
		switch {
		case len(tops) == 1:
			r.units[u].head = tops[0]
		case len(tops) > 0 || len(named) > 0:
		case len(topsAnywhere) == 1:
			r.units[u].head = topsAnywhere[0]
		case len(topsAnywhere) == 0 && len(out) == 1 && len(ms) > 1 && out[0] == ms[0]:
			// The unit's first row reports elsewhere, the others
			// to no one: it leads them.
			r.units[u].head = out[0]
		case len(ms) == 1 && r.rows[ms[0]].sup < 0 && r.rows[ms[0]].supUnit < 0 && r.rows[ms[0]].node.Planned <= 1:
			// The one post of a unit, of one person, reporting to
			// no one.
			r.units[u].head = ms[0]
		}
	}
	for i := range r.rows {
		p := &r.rows[i]
		if p.supUnit < 0 {
			continue
		}
		h := r.units[p.supUnit].head
		if h < 0 {
			r.fail(p.row, fSuperior, "直接上级写的是部门“%s”，但看不出它的负责人；请写负责人的岗位名称", "the superior is the unit %q, whose head the table does not show; write the head's position",
				clip(r.unitName(p.supUnit)))
			continue
		}
		p.sup, p.supUnit = h, -1
	}
}

// written is a position box whose row names its superior.
type written struct {
	row           int
	box, superior domain.NodeID
}

// place builds the boxes: every unit and position with its parent, in
// the order of their first rows. It returns them and the superiors the
// rows name, in the order of the rows.
func (r *staffReader) place() ([]domain.Node, []written) {
	nu := len(r.units)
	// Box b < nu is unit b, box nu+i is row i.
	parent := make([]int, nu+len(r.rows))
	for i := range parent {
		parent[i] = -1
	}
	isHead := make([]bool, len(r.rows))
	for _, u := range r.units {
		if u.head >= 0 {
			isHead[u.head] = true
		}
	}
	for i, p := range r.rows {
		box := nu + i
		switch {
		case p.unit < 0 && p.sup >= 0:
			parent[box] = nu + p.sup
		case p.unit < 0:
		case isHead[i] || p.sup < 0 || r.outside(i) || r.units[p.unit].head == p.sup:
			parent[box] = p.unit
		default:
			parent[box] = nu + p.sup
		}
	}
	members := make([][]int, nu)
	for i, p := range r.rows {
		if p.unit >= 0 {
			members[p.unit] = append(members[p.unit], i)
		}
	}
	for u := range r.units {
		unit := r.units[u]
		parent[u] = unit.parent
		// The position the unit reports to: its head's superior, or
		// the one superior outside the unit all its rows name.
		above := -1
		if h := unit.head; h >= 0 {
			if r.outside(h) {
				above = r.rows[h].sup
			}
		} else {
			for _, i := range members[u] {
				switch s := r.rows[i].sup; {
				case !r.outside(i):
				case above == -1:
					above = s
				case above != s:
					above = -2
				}
			}
		}
		if above < 0 {
			continue
		}
		s := r.rows[above]
		switch {
		case unit.fixedRow != 0:
			// Its place is written; inside it, it may still go under
			// one of its parent unit's positions.
			if s.unit == unit.parent && s.unit >= 0 && r.units[s.unit].head != above {
				parent[u] = nu + above
			}
		case s.unit >= 0 && r.units[s.unit].head == above:
			parent[u] = s.unit
		default:
			parent[u] = nu + above
		}
	}
	rowOf := func(b int) int {
		if b < nu {
			if h := r.units[b].head; h >= 0 {
				return r.rows[h].row
			}
			return r.units[b].row
		}
		return r.rows[b-nu].row
	}
	r.cycles(parent, rowOf)
	if len(r.errs) > 0 {
		return nil, nil
	}
	// Boxes in the order of their first rows, a unit before the
	// positions of its row; that order is the order of siblings.
	order := make([]int, len(parent))
	for b := range order {
		order[b] = b
	}
	first := func(b int) int {
		if b < nu {
			return r.units[b].row
		}
		return r.rows[b-nu].row
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(first(a), first(b)) })
	id := make([]domain.NodeID, len(parent))
	for k, b := range order {
		id[b] = domain.NodeID(k + 1)
	}
	nodes := make([]domain.Node, 0, len(parent))
	var sups []written
	for _, b := range order {
		var n domain.Node
		if b < nu {
			path := r.units[b].path
			n = domain.Node{Kind: domain.KindUnit, Name: path[len(path)-1]}
		} else {
			p := r.rows[b-nu]
			n = p.node
			n.Head = isHead[b-nu]
			if p.sup >= 0 {
				sups = append(sups, written{row: p.row, box: id[b], superior: id[nu+p.sup]})
			}
		}
		n.ID = id[b]
		if parent[b] >= 0 {
			n.Parent = id[parent[b]]
		}
		nodes = append(nodes, n)
	}
	return nodes, sups
}

// cycles reports every circle of parents among the boxes once, by the
// rows of its boxes, and cuts it loose.
func (r *staffReader) cycles(parent []int, rowOf func(int) int) {
	eachCircle(len(parent), func(i int) int { return parent[i] }, func(circle []int) {
		var rows []int
		for _, c := range circle {
			if row := rowOf(c); len(rows) == 0 || rows[len(rows)-1] != row {
				rows = append(rows, row)
			}
		}
		if len(rows) > 1 && rows[0] == rows[len(rows)-1] {
			rows = rows[:len(rows)-1]
		}
		rows = startAtFirst(rows)
		zh, en := circleRows(rows)
		r.fail(rows[0], fSuperior, "直接上级形成了循环：%[1]s", "the superiors go round in a circle: %[2]s", zh, en)
		for _, c := range circle {
			parent[c] = -1
		}
	})
}

// superiorWarnings names the rows whose written superior is not the one
// the chart shows, which happens when a position's superior is in
// another unit than its own: the unit column wins.
func superiorWarnings(d *domain.Document, sups []written) ErrorList {
	var out ErrorList
	all := d.Superiors()
	for _, w := range sups {
		got := all[w.box]
		if got == w.superior {
			continue
		}
		n, want := d.Node(w.box), d.Node(w.superior)
		shown, shownEn := "（无）", "none"
		if g := d.Node(got); g != nil {
			shown, shownEn = "“"+g.Name+"”", fmt.Sprintf("%q", g.Name)
		}
		out = append(out, RowError{Row: w.row,
			Msg: fmt.Sprintf("%q reports to %q in the table, but its unit puts it under %s", n.Name, want.Name, shownEn),
			Zh:  fmt.Sprintf("“%s”的直接上级写的是“%s”，按所在部门，图中的直接上级是%s", n.Name, want.Name, shown)})
	}
	return out
}
