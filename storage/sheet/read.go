package sheet

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"orgdraft/domain"
)

// record is one row of a table with its row number.
type record struct {
	row   int
	cells []string
}

// entry is one data row on its way to becoming a box.
type entry struct {
	row       int
	key       string // the id as written; "" for none
	parentKey string
	kindGiven bool
	links     []string // the dotted-line cell's lines
	node      domain.Node
	parent    int // index of the parent entry; -1 at the top
	children  int
}

// reader turns records into a document, collecting every problem.
type reader struct {
	cols    [numColumns]int // index of each column in a row; -1 when absent
	headers [numColumns]string
	errs    ErrorList
}

func (r *reader) fail(row int, col column, zh, en string, args ...any) {
	name := ""
	if col >= 0 && col < numColumns {
		name = r.headers[col]
	}
	r.errs = append(r.errs, RowError{Row: row, Column: name, Msg: fmt.Sprintf(en, args...), Zh: fmt.Sprintf(zh, args...)})
}

// document reads a table: a header row (after any title rows) and then
// one row per box.
func document(records []record) (*domain.Document, error) {
	d, _, err := readTable(records)
	return d, err
}

// readTable reads a table and says how it read it: in our own columns or
// as a staffing table as people keep it (see staffing.go). The summary
// comes back with the errors too, once the header was found, so that a
// preview can show both.
func readTable(records []record) (*domain.Document, *Summary, error) {
	for _, rec := range records {
		for i, c := range rec.cells {
			// One kind of line end, whatever the file had: CSV writers
			// turn a lone CR into nothing or into CRLF.
			if strings.Contains(c, "\r") {
				rec.cells[i] = strings.ReplaceAll(strings.ReplaceAll(c, "\r\n", "\n"), "\r", "\n")
			}
		}
	}
	records = slices.DeleteFunc(records, func(rec record) bool { return blank(rec.cells) })
	if len(records) > maxRecords {
		return nil, nil, tooManyRows(records[maxRecords].row)
	}
	h := headerIndex(records)
	if h < 0 {
		return nil, nil, ErrorList{{Row: 1, Msg: "the table is empty: it needs a header row and a row per box", Zh: "表格是空的：需要一行表头，每个框一行"}}
	}
	sum := &Summary{HeaderRow: records[h].row}
	sum.Reading, sum.Mixed = chooseReading(records[h])
	data := records[h+1:]
	if sum.Reading == ReadingStaffing {
		d, err := readStaffing(records[h], data, sum)
		return d, sum, err
	}
	r := &reader{}
	if !r.header(records[h], sum) {
		return nil, sum, r.errs
	}
	if len(data) == 0 {
		return nil, sum, ErrorList{{Row: records[h].row, Msg: "the table has a header but no rows", Zh: "表格只有表头，没有内容"}}
	}
	if len(data) > MaxImportBoxes {
		return nil, sum, tooManyRows(data[MaxImportBoxes].row)
	}
	entries := make([]entry, len(data))
	for i, rec := range data {
		entries[i] = r.entry(rec)
	}
	r.tree(entries)
	r.heads(entries)
	links := r.links(entries)
	if len(r.errs) > 0 {
		slices.SortStableFunc(r.errs, func(a, b RowError) int { return a.Row - b.Row })
		return nil, sum, r.errs
	}
	nodes := make([]domain.Node, len(entries))
	for i, e := range entries {
		nodes[i] = e.node
		nodes[i].ID = domain.NodeID(i + 1)
		if e.parent >= 0 {
			nodes[i].Parent = domain.NodeID(e.parent + 1)
		}
	}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, links)
	if err != nil {
		// The checks above catch everything Restore refuses.
		return nil, sum, fmt.Errorf("sheet: %w", err)
	}
	return d, sum, nil
}

// maxRecords is how many non-blank rows the readers keep: MaxImportBoxes
// boxes and room for the header and title rows. Past it they stop
// reading, and document reports the row where they stopped.
const maxRecords = MaxImportBoxes + 100

// tooManyRows is the error of a table longer than MaxImportBoxes rows,
// at the first row past the limit.
func tooManyRows(row int) ErrorList {
	return ErrorList{{Row: row,
		Msg: fmt.Sprintf("the table has more than %d rows; nothing is imported: import it in parts", MaxImportBoxes),
		Zh:  fmt.Sprintf("表格超过 %d 行，未导入：请分成几份导入", MaxImportBoxes)}}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// headerScan is how many rows from the top may hold the header: the
// title, a date line and blank rows above it are a few.
const headerScan = 30

// headerIndex returns the index of the header record: among the first
// rows, the one with the most cells that name a column, of our own or of a
// staffing table; the first one with more than one cell filled when none
// does. The rows before it are titles such as "物业部人员编制表".
func headerIndex(records []record) int {
	best, bestKnown := -1, 0
	for i, rec := range records[:min(len(records), headerScan)] {
		known := 0
		for _, c := range rec.cells {
			if strings.TrimSpace(c) == "" {
				continue
			}
			_, own := ownColumn(c)
			_, staff := staffField(c)
			if own || staff || ignoredHeading(c) {
				known++
			}
		}
		if known > bestKnown {
			best, bestKnown = i, known
		}
	}
	if best >= 0 {
		return best
	}
	for i, rec := range records {
		filled := 0
		for _, c := range rec.cells {
			if strings.TrimSpace(c) != "" {
				filled++
			}
		}
		if filled > 1 {
			return i
		}
	}
	return -1
}

// header maps the header row's cells to columns; a cell that names none
// of them is ignored and listed in the summary.
func (r *reader) header(rec record, sum *Summary) bool {
	for c := range r.cols {
		r.cols[c] = -1
	}
	for i, cell := range rec.cells {
		name := strings.TrimSpace(cell)
		if name == "" {
			continue // a column without a header is ignored
		}
		c, ok := ownColumn(name)
		switch {
		case !ok:
			sum.Ignored = append(sum.Ignored, name)
		case r.cols[c] >= 0:
			r.errs = append(r.errs, RowError{Row: rec.row, Column: name,
				Msg: fmt.Sprintf("the column %q appears twice", name), Zh: fmt.Sprintf("“%s”列出现了两次", name)})
		default:
			r.cols[c], r.headers[c] = i, name
			sum.Columns = append(sum.Columns, ColumnUse{Heading: name, Zh: columnNames[c].zh, En: columnNames[c].en})
		}
	}
	if r.cols[colName] < 0 && len(r.errs) == 0 {
		r.errs = append(r.errs, RowError{Row: rec.row, Msg: "the table has no name column (名称) nor a position column (岗位)", Zh: "表格缺少“名称”列，也没有“岗位”列"})
	}
	return len(r.errs) == 0
}

// cell returns a row's value in a column, "" when the column or the cell
// is absent.
func (r *reader) cell(rec record, c column) string {
	i := r.cols[c]
	if i < 0 || i >= len(rec.cells) {
		return ""
	}
	return rec.cells[i]
}

// entry reads one data row.
func (r *reader) entry(rec record) entry {
	e := entry{row: rec.row, parent: -1}
	get := func(c column) string { return r.cell(rec, c) }
	// The document takes only valid UTF-8 without NUL (domain's limits):
	// say here which cell breaks that, rather than refusing the whole
	// table later without a row.
	for c := column(0); c < numColumns; c++ {
		if v := get(c); !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0 {
			r.fail(rec.row, c, "含有无效字符", "holds invalid characters")
		}
	}
	n := &e.node
	e.key = strings.TrimSpace(get(colID))
	e.parentKey = strings.TrimSpace(get(colParent))
	n.Name = strings.TrimSpace(get(colName))
	switch {
	case n.Name == "":
		r.fail(rec.row, colName, "名称为空", "the name is empty")
	case utf8.RuneCountInString(n.Name) > domain.MaxNameRunes:
		r.fail(rec.row, colName, "名称太长（最多 %d 个字）", "the name is too long (at most %d characters)", domain.MaxNameRunes)
	}
	if k := strings.TrimSpace(get(colKind)); k != "" {
		kind, ok := parseKind(k)
		if !ok {
			r.fail(rec.row, colKind, "不认识的类型“%s”（应为 部门、岗位 或 助理）", "unknown kind %q (want unit, position or assistant, or 部门, 岗位, 助理)", clip(k))
		}
		n.Kind, e.kindGiven = kind, true
	}
	n.Planned = r.count(rec, colPlanned)
	n.Filled = r.count(rec, colFilled)
	n.Concurrent = r.flag(rec, colConcurrent)
	n.Head = r.flag(rec, colHead)
	n.Grade, n.Hours, n.Notes = get(colGrade), get(colHours), get(colNotes)
	for _, c := range []column{colGrade, colHours, colNotes} {
		if utf8.RuneCountInString(get(c)) > domain.MaxTextRunes {
			r.fail(rec.row, c, "文字太长（最多 %d 个字）", "the text is too long (at most %d characters)", domain.MaxTextRunes)
		}
	}
	n.Duties = r.list(rec, colDuties)
	n.Qualifications = r.list(rec, colQualifications)
	n.Functions = r.list(rec, colFunctions)
	n.Staffing = r.staffing(rec)
	r.job(rec, n)
	for _, l := range strings.FieldsFunc(get(colLinks), func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			e.links = append(e.links, l)
		}
	}
	return e
}

// count reads a headcount cell, reporting a problem at its row.
func (r *reader) count(rec record, c column) int {
	n, zh, en := parseCount(r.cell(rec, c))
	if zh != "" {
		r.fail(rec.row, c, "%[1]s", "%[2]s", zh, en)
	}
	return n
}

// parseCount reads a headcount: a whole number, blank for 0; "3人", "3名"
// and "３" (full-width) are accepted, and "3.0" as Excel may show a
// number. A cell that is none of these gives a problem, in Chinese and
// English.
func parseCount(cell string) (n int, zh, en string) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return 0, "", ""
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "人"), "名")
	s = strings.Map(func(r rune) rune {
		if '０' <= r && r <= '９' {
			return r - '０' + '0'
		}
		switch r {
		case '－':
			return '-'
		case '．':
			return '.'
		}
		return r
	}, strings.TrimSpace(s))
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
		return 0, fmt.Sprintf("“%s”不是人数", clip(cell)), fmt.Sprintf("%q is not a number of people", clip(cell))
	case f < 0:
		return 0, "人数不能为负数", "a headcount cannot be negative"
	case f != math.Trunc(f):
		return 0, "人数应为整数", "a headcount must be a whole number"
	case f > domain.MaxHeadcount:
		return 0, fmt.Sprintf("人数过大（最多 %d 人）", domain.MaxHeadcount), fmt.Sprintf("the headcount is too large (at most %d)", domain.MaxHeadcount)
	}
	return int(f), "", ""
}

// flag reads a yes/no cell; blank is no.
func (r *reader) flag(rec record, c column) bool {
	s := strings.ToLower(strings.TrimSpace(r.cell(rec, c)))
	switch s {
	case "", "否", "不是", "无", "no", "n", "false", "0", "×", "x":
		return false
	case "是", "兼", "兼职", "yes", "y", "true", "1", "√", "✓", "✔":
		return true
	}
	r.fail(rec.row, c, "“%s”应为“是”或留空", "%q should be yes or blank", clip(r.cell(rec, c)))
	return false
}

// list reads a list cell: one item per line.
func (r *reader) list(rec record, c column) []string {
	items := domain.SplitLines(r.cell(rec, c))
	if zh, en := listProblem(items); zh != "" {
		r.fail(rec.row, c, "%[1]s", "%[2]s", zh, en)
	}
	return items
}

// listProblem says what is wrong with the items of a list cell, if
// anything, in Chinese and English.
func listProblem(items []string) (zh, en string) {
	if len(items) > domain.MaxItems {
		return fmt.Sprintf("最多 %d 条", domain.MaxItems), fmt.Sprintf("at most %d items", domain.MaxItems)
	}
	for _, s := range items {
		if utf8.RuneCountInString(s) > domain.MaxTextRunes {
			return fmt.Sprintf("有一条太长（最多 %d 个字）", domain.MaxTextRunes), fmt.Sprintf("an item is too long (at most %d characters)", domain.MaxTextRunes)
		}
	}
	return "", ""
}

// kindWords are the kinds' names in tables, Chinese and English.
var kindWords = map[string]domain.Kind{
	"部门": domain.KindUnit, "单位": domain.KindUnit, "组": domain.KindUnit, "unit": domain.KindUnit,
	"岗位": domain.KindPosition, "职位": domain.KindPosition, "position": domain.KindPosition,
	"助理": domain.KindAssistant, "直属": domain.KindAssistant, "assistant": domain.KindAssistant,
}

func parseKind(s string) (domain.Kind, bool) {
	k, ok := kindWords[strings.ToLower(s)]
	return k, ok
}

// tree links the entries to their parents and reports unknown parents,
// duplicate ids and cycles, then settles blank kinds.
func (r *reader) tree(entries []entry) {
	byKey := map[string]int{}
	for i, e := range entries {
		if e.key == "" {
			continue
		}
		if first, dup := byKey[e.key]; dup {
			r.fail(e.row, colID, "编号“%s”与第 %d 行重复", "the id %q is also on row %d", clip(e.key), entries[first].row)
			continue
		}
		byKey[e.key] = i
	}
	for i := range entries {
		e := &entries[i]
		if e.parentKey == "" {
			continue
		}
		p, ok := byKey[e.parentKey]
		switch {
		case !ok:
			r.fail(e.row, colParent, "没有编号为“%s”的行", "no row has the id %q", clip(e.parentKey))
		case p == i:
			r.fail(e.row, colParent, "上级编号是它自己的编号", "the parent id is the row's own id")
		default:
			e.parent = p
			entries[p].children++
		}
	}
	r.cycles(entries)
	for i := range entries {
		e := &entries[i]
		if !e.kindGiven && e.children > 0 {
			e.node.Kind = domain.KindUnit
		} else if !e.kindGiven {
			e.node.Kind = domain.KindPosition
		}
	}
}

// cycles reports every circle of parents once, at its first row, naming
// its rows (abbreviated when there are many, see circleRows), and cuts
// the rows loose so later checks can run. It takes time and memory linear
// in the rows, however long the circles.
func (r *reader) cycles(entries []entry) {
	eachCircle(len(entries), func(i int) int { return entries[i].parent }, func(circle []int) {
		rows := make([]int, len(circle))
		for k, j := range circle {
			rows[k] = entries[j].row
		}
		rows = startAtFirst(rows)
		zh, en := circleRows(rows)
		r.fail(rows[0], colParent, "上级编号形成了循环：%[1]s", "the parent ids go round in a circle: %[2]s", zh, en)
		for _, j := range circle {
			entries[j].parent = -1
		}
	})
}

// eachCircle calls found once for every circle of parents among n items,
// where parentOf(i) is item i's parent (-1 for none), with the circle's
// items in order; found cuts it loose, so that the walk stays linear in n
// however long the circles.
func eachCircle(n int, parentOf func(int) int, found func(circle []int)) {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]uint8, n)
	var path []int
	for start := range n {
		path = path[:0]
		i := start
		for i >= 0 && state[i] == unseen {
			state[i] = onPath
			path = append(path, i)
			i = parentOf(i)
		}
		if i >= 0 && state[i] == onPath {
			// The path ran into itself: from i on it is a circle.
			found(path[slices.Index(path, i):])
		}
		for _, j := range path {
			state[j] = done
		}
	}
}

// startAtFirst turns the rows of a circle round so that it starts at its
// first row, where the message goes.
func startAtFirst(rows []int) []int {
	first := 0
	for k := range rows {
		if rows[k] < rows[first] {
			first = k
		}
	}
	return append(rows[first:], rows[:first]...)
}

// circleShown is how many rows of a circle a message names: the first
// few and the last, with "…" between them.
const circleShown = 6

// circleRows names the rows of a circle of parents, in Chinese and in
// English: "rows 2 → 3 → 4 → 2", or for a long circle "rows 2 → 3 → 4 →
// 5 → … → 10001 → 2, 10,000 rows".
func circleRows(rows []int) (zh, en string) {
	var parts []string
	if len(rows) <= circleShown {
		for _, row := range rows {
			parts = append(parts, strconv.Itoa(row))
		}
	} else {
		for _, row := range rows[:circleShown-1] {
			parts = append(parts, strconv.Itoa(row))
		}
		parts = append(parts, "…", strconv.Itoa(rows[len(rows)-1]))
	}
	parts = append(parts, strconv.Itoa(rows[0]))
	list := strings.Join(parts, " → ")
	if len(rows) <= circleShown {
		return "第 " + list + " 行", "rows " + list
	}
	return fmt.Sprintf("第 %s 行，共 %d 行", list, len(rows)), fmt.Sprintf("rows %s, %s rows", list, thousands(len(rows)))
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// heads checks the head marks: only a position directly in a unit can
// head it, and a unit has one head.
func (r *reader) heads(entries []entry) {
	headOf := map[int]int{}
	for i, e := range entries {
		if !e.node.Head {
			continue
		}
		if e.node.Kind != domain.KindPosition || e.parent < 0 || entries[e.parent].node.Kind != domain.KindUnit {
			r.fail(e.row, colHead, "只有部门下直属的岗位才能做负责人", "only a position directly inside a unit can head it")
			continue
		}
		if first, dup := headOf[e.parent]; dup {
			r.fail(e.row, colHead, "所在部门已有负责人（第 %d 行）", "its unit already has a head (row %d)", entries[first].row)
			continue
		}
		headOf[e.parent] = i
	}
}

// links reads the dotted-line cells: each line names the id of the box
// the line goes to, and after a colon maybe its label.
func (r *reader) links(entries []entry) []domain.Link {
	byKey := map[string]int{}
	for i, e := range entries {
		if _, dup := byKey[e.key]; e.key != "" && !dup {
			byKey[e.key] = i
		}
	}
	var out []domain.Link
	for i, e := range entries {
		for _, l := range e.links {
			key, label := l, ""
			if _, whole := byKey[l]; !whole {
				if j := strings.IndexAny(l, ":："); j >= 0 {
					_, size := utf8.DecodeRuneInString(l[j:])
					key, label = strings.TrimSpace(l[:j]), strings.TrimSpace(l[j+size:])
				}
			}
			to, ok := byKey[key]
			switch {
			case !ok:
				r.fail(e.row, colLinks, "没有编号为“%s”的行", "no row has the id %q", clip(key))
			case to == i:
				r.fail(e.row, colLinks, "虚线汇报不能指向自己", "a dotted line cannot go to the box itself")
			default:
				out = append(out, domain.Link{ID: domain.LinkID(len(out) + 1), From: domain.NodeID(i + 1), To: domain.NodeID(to + 1), Label: label})
			}
		}
	}
	return out
}
