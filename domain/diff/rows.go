package diff

import (
	"fmt"
	"strconv"
	"strings"

	"orgdraft/domain"
)

// The stable names of the fields a FieldChange names.
const (
	FieldKind       = "kind"
	FieldHead       = "head"
	FieldConcurrent = "concurrent"
	FieldGrade      = "grade"
	FieldHours      = "hours"
	FieldNotes      = "notes"
	FieldLeaves     = "leaves"
	FieldOffset     = "offset"
	FieldCollapsed  = "collapsed"
	FieldPlanned    = "planned"
	FieldFilled     = "filled"

	FieldTitle           = "title"
	FieldCompany         = "company"
	FieldVersion         = "version"
	FieldStatus          = "status"
	FieldEffectiveDate   = "effectiveDate"
	FieldConfidentiality = "confidentiality"
	FieldStatedTotal     = "statedTotal"
	FieldDocNotes        = "documentNotes"
	FieldSignOff         = "signOff"
	FieldPaper           = "paper"
	FieldLandscape       = "landscape"
	FieldLeftToRight     = "leftToRight"
	FieldCompactLeaves   = "compactLeaves"
	FieldPrintLanguage   = "printLanguage"
	FieldBookPaper       = "bookPaper"
	FieldBookOrder       = "bookOrder"
	FieldCodes           = "codes"
	FieldStaffing        = "staffing"
)

// words are the labels of the report in Chinese and English.
var words = map[string][2]string{
	FieldKind:            {"类型", "Kind"},
	FieldHead:            {"部门负责人", "Head of unit"},
	FieldConcurrent:      {"兼职", "Concurrent"},
	FieldGrade:           {"职务等级", "Grade"},
	FieldHours:           {"工作时间", "Working hours"},
	FieldNotes:           {"备注", "Notes"},
	FieldLeaves:          {"下级排列", "Leaf arrangement"},
	FieldOffset:          {"手动位置", "Manual position"},
	FieldCollapsed:       {"折叠", "Collapsed"},
	FieldPlanned:         {"编制", "Planned"},
	FieldFilled:          {"在岗", "Filled"},
	FieldTitle:           {"标题", "Title"},
	FieldCompany:         {"公司", "Company"},
	FieldVersion:         {"版本", "Version"},
	FieldStatus:          {"状态", "Status"},
	FieldEffectiveDate:   {"生效日期", "Effective date"},
	FieldConfidentiality: {"保密级别", "Confidentiality"},
	FieldStatedTotal:     {"文件写明的合计", "Stated total"},
	FieldDocNotes:        {"文档备注", "Document notes"},
	FieldSignOff:         {"签字栏", "Sign-off"},
	FieldPaper:           {"纸张", "Paper"},
	FieldLandscape:       {"横向", "Landscape"},
	FieldLeftToRight:     {"从左到右", "Left to right"},
	FieldCompactLeaves:   {"紧凑排列", "Compact leaves"},
	FieldPrintLanguage:   {"打印语言", "Print language"},
	"documentFields":     {"文档信息有修改", "document details changed"},
	FieldBookPaper:       {"说明书纸张", "Book paper"},
	FieldBookOrder:       {"说明书章节", "Book chapters"},
	FieldCodes:           {"岗位编号规则", "Position codes"},
	FieldStaffing:        {"排班定编", "Staffing plan"},
	"bookOrder:kind":     {"按类型", "by kind"}, "bookOrder:unit": {"按部门分章", "a chapter per unit"},
	"job.code":         {"岗位编号", "Position code"},
	"job.payGrade":     {"薪资等级", "Pay grade"},
	"job.summary":      {"岗位概述", "Summary"},
	"job.education":    {"学历", "Education"},
	"job.major":        {"专业", "Major"},
	"job.experience":   {"工作经验", "Experience"},
	"job.skills":       {"技能", "Skills"},
	"job.certificates": {"证书", "Certificates"},
	"job.other":        {"其他要求", "Other requirements"},
	"job.internal":     {"内部协作", "Internal relations"},
	"job.external":     {"外部联系", "External contacts"},
	"job.superior":     {"架构图外的直接上级", "Superior outside the chart"},
	"authority":        {"工作权限", "Authority"}, "kpis": {"考核指标", "KPI"},
	"zh": {"中文", "Chinese"}, "en": {"英文", "English"},

	"unit": {"部门", "unit"}, "position": {"岗位", "position"}, "assistant": {"助理", "assistant"},
	"true": {"是", "yes"}, "false": {"否", "no"},
	"draft": {"草稿", "draft"}, "approved": {"已批准", "approved"},
	"default": {"默认", "default"}, "column": {"竖排", "column"}, "row": {"横排", "row"},

	"duties": {"岗位职责", "Duty"}, "qualifications": {"任职资格", "Qualification"}, "functions": {"部门职能", "Function"},

	"document":  {"文档", "Document"},
	"added":     {"新增", "Added"},
	"changed":   {"修改", "Changed"},
	"removed":   {"删除", "Removed"},
	"renamed":   {"改名", "Renamed"},
	"moved":     {"调整上级", "Moved"},
	"order":     {"下级顺序", "Order of subordinates"},
	"roots":     {"顶层顺序", "Order of top-level boxes"},
	"link":      {"虚线汇报", "Dotted-line link"},
	"linkLabel": {"虚线说明", "Dotted-line label"},
	"unitSum":   {"部门编制合计", "Unit planned total"},
	"unitFill":  {"部门在岗合计", "Unit filled total"},
	"total":     {"合计", "Total"},
	"top":       {"（顶层）", "(top level)"},
	"byName":    {"按名称匹配", "matched by name"},
}

// Word returns the label of key (a field name, a kind, a list, an item
// operation, …) in Chinese or English; an unknown key is returned as it is.
func Word(key string, zh bool) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	if zh {
		return w[0]
	}
	return w[1]
}

// FieldLabel returns the label of a field change, with the sign-off role
// it is about.
func FieldLabel(c FieldChange, zh bool) string {
	if c.Key != "" {
		return Word(c.Field, zh) + " " + c.Key
	}
	return Word(c.Field, zh)
}

// value shows a field's value: kinds, flags, statuses and arrangements
// by their words, the rest as written.
func value(field, v string, zh bool) string {
	switch field {
	case FieldBookOrder:
		return Word("bookOrder:"+v, zh)
	case FieldKind, FieldHead, FieldConcurrent, FieldCollapsed, FieldLeaves, FieldStatus,
		FieldLandscape, FieldLeftToRight, FieldCompactLeaves, FieldPrintLanguage:
		return Word(v, zh)
	}
	return v
}

// Row is one line of the comparison table (变更对照表): a box (or the
// document), what changed and the text before and after.
type Row struct {
	Status Status
	// Old and New are the box's ids in the two versions (0 for the
	// document, the totals or a side where it is not).
	Old, New domain.NodeID
	Box      string // the box's path, "文档", a unit or "合计"
	What     string // what changed: "新增", "职务等级", "岗位职责 第2条 修改", …
	Before   string
	After    string
}

// Rows returns the report as the lines of a comparison table in Chinese
// or English: the document's fields, every box change, the links, then
// the headcount per unit and the totals. The text report, the PDF and the
// workbook all print these rows.
func (r *Report) Rows(zh bool) []Row {
	var out []Row
	doc := Word("document", zh)
	for _, c := range r.Info {
		out = append(out, Row{Box: doc, What: FieldLabel(c, zh), Before: value(c.Field, c.Before, zh), After: value(c.Field, c.After, zh)})
	}
	if r.RootsBefore != nil {
		out = append(out, Row{Box: doc, What: Word("roots", zh), Before: list(r.RootsBefore, zh), After: list(r.RootsAfter, zh)})
	}
	for i := range r.Boxes {
		out = append(out, r.Boxes[i].rows(zh)...)
	}
	for _, l := range r.Links {
		row := Row{Status: l.Status, Box: Path(l.From), What: Word("link", zh) + " " + Word(l.Status.String(), zh)}
		to := "→ " + Path(l.To)
		switch l.Status {
		case Added:
			row.After = labelled(to, l.After, zh)
		case Removed:
			row.Before = labelled(to, l.Before, zh)
		default:
			row.What = Word("linkLabel", zh)
			row.Before, row.After = labelled(to, l.Before, zh), labelled(to, l.After, zh)
		}
		out = append(out, row)
	}
	for _, u := range r.Units {
		out = append(out, u.Headcount.rows(u.Status, u.Old, u.New, Path(u.Path), Word("unitSum", zh), Word("unitFill", zh))...)
	}
	if r.Total.Changed() {
		out = append(out, r.Total.rows(Changed, 0, 0, Word("total", zh), Word(FieldPlanned, zh), Word(FieldFilled, zh))...)
	}
	return out
}

func (h Headcount) rows(s Status, old, new domain.NodeID, box, planned, filled string) []Row {
	var out []Row
	if h.Planned.Changed() {
		out = append(out, Row{Status: s, Old: old, New: new, Box: box, What: planned, Before: strconv.Itoa(h.Planned.Before), After: strconv.Itoa(h.Planned.After)})
	}
	if h.Filled.Changed() {
		out = append(out, Row{Status: s, Old: old, New: new, Box: box, What: filled, Before: strconv.Itoa(h.Filled.Before), After: strconv.Itoa(h.Filled.After)})
	}
	return out
}

// rows returns the lines of one box change.
func (c *BoxChange) rows(zh bool) []Row {
	box := Path(c.Path)
	row := func(what, before, after string) Row {
		return Row{Status: c.Status, Old: c.Old, New: c.New, Box: box, What: what, Before: before, After: after}
	}
	// An added or removed box is one line: its kind and headcount.
	what := Word(c.Kind, zh)
	if h := c.Headcount; h != nil && c.Status != Changed {
		n := max(h.Planned.Before, h.Planned.After)
		what += pick(zh, fmt.Sprintf("，编制 %d", n), fmt.Sprintf(", %d planned", n))
		if f := max(h.Filled.Before, h.Filled.After); f > 0 {
			what += pick(zh, fmt.Sprintf("，在岗 %d", f), fmt.Sprintf(", %d filled", f))
		}
	}
	switch c.Status {
	case Added:
		return []Row{row(Word("added", zh), "", what)}
	case Removed:
		return []Row{row(Word("removed", zh), what, "")}
	}
	var out []Row
	if c.OldName != "" {
		what := Word("renamed", zh)
		if c.Match == MatchRename {
			what += pick(zh, "（按下级识别）", " (known by its subordinates)")
		}
		out = append(out, row(what, c.OldName, c.Name))
	}
	if c.Moved {
		out = append(out, row(Word("moved", zh), parent(c.OldParent, zh), parent(c.NewParent, zh)))
	}
	if c.OrderBefore != nil {
		out = append(out, row(Word("order", zh), list(c.OrderBefore, zh), list(c.OrderAfter, zh)))
	}
	if h := c.Headcount; h != nil {
		out = append(out, h.rows(c.Status, c.Old, c.New, box, Word(FieldPlanned, zh), Word(FieldFilled, zh))...)
	}
	for _, f := range c.Fields {
		out = append(out, row(FieldLabel(f, zh), value(f.Field, f.Before, zh), value(f.Field, f.After, zh)))
	}
	for _, l := range c.Lists {
		for _, it := range l.Items {
			out = append(out, row(itemWhat(l.Name, it, zh), it.Before, it.After))
		}
	}
	return out
}

// itemWhat names a list item change: "岗位职责 第2条 修改", "Duty 2 edited".
func itemWhat(list string, it ItemChange, zh bool) string {
	n := it.NewIndex
	if n < 0 {
		n = it.OldIndex
	}
	if zh {
		what := map[ItemOp]string{ItemAdded: "新增", ItemRemoved: "删除", ItemEdited: "修改", ItemMoved: "移动"}[it.Op]
		if it.Op == ItemMoved {
			return fmt.Sprintf("%s 第%d条 %s（原第%d条）", Word(list, zh), n+1, what, it.OldIndex+1)
		}
		return fmt.Sprintf("%s 第%d条 %s", Word(list, zh), n+1, what)
	}
	if it.Op == ItemMoved {
		return fmt.Sprintf("%s %d moved (was %d)", Word(list, zh), n+1, it.OldIndex+1)
	}
	return fmt.Sprintf("%s %d %s", Word(list, zh), n+1, it.Op)
}

// Path joins a box's path of names for display.
func Path(p []string) string { return strings.Join(p, " › ") }

func parent(p []string, zh bool) string {
	if len(p) == 0 {
		return Word("top", zh)
	}
	return Path(p)
}

// maxListed is the most names a row lists: the order of a unit's
// hundreds of boxes is shown by its first ones.
const maxListed = 30

func list(names []string, zh bool) string {
	more := ""
	if len(names) > maxListed {
		more = pick(zh, fmt.Sprintf("……共 %d 个", len(names)), fmt.Sprintf(", … %d in all", len(names)))
		names = names[:maxListed]
	}
	return strings.Join(names, pick(zh, "、", ", ")) + more
}

func labelled(to, label string, zh bool) string {
	if label == "" {
		return to
	}
	return to + pick(zh, "：", ": ") + label
}

func pick(zh bool, zhText, enText string) string {
	if zh {
		return zhText
	}
	return enText
}
