package outline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"orgdraft/domain"
)

// The words the outline reader recognises. They are the ones the
// customer's own documents use (see ../shared/seed).

// heading is a kind of heading line.
type heading uint8

const (
	hDuties         heading = iota // 岗位职责
	hFunctions                     // 部门职能
	hGeneral                       // 职责: a position's duties, a unit's functions
	hQualifications                // 任职资格
	hNotes                         // 备注
	hHours                         // 工作时间
	hGrade                         // 职务等级
	hDerived                       // 直接下级: follows from the tree, so ignored
	hLink                          // 虚线汇报: a dotted-line link to another box of the outline
	hJob                           // the first of the JobSpec's headings (jobwords.go)
)

var headings = map[string]heading{
	"岗位职责": hDuties, "工作职责": hDuties, "岗位职能": hDuties,
	"部门职能": hFunctions, "部门职责": hFunctions, "职能": hFunctions, "职能描述": hFunctions, "主要职能": hFunctions,
	"职责": hGeneral, "主要职责": hGeneral, "职责范围": hGeneral, "职责描述": hGeneral,
	"任职资格": hQualifications, "任职要求": hQualifications, "任职条件": hQualifications, "岗位要求": hQualifications,
	"备注": hNotes, "说明": hNotes,
	"工作时间": hHours, "上班时间": hHours, "班次": hHours,
	"职务等级": hGrade, "职级": hGrade,
	"虚线汇报": hLink, "虚线上级": hLink,
	"直接下级": hDerived, "所属部门": hDerived,
	// jobwords.go adds the words of the rest of the 岗位说明书 (岗位概述,
	// 直属上级, 工作权限, …).
}

// knownHeadings lists the main headings for messages.
const knownHeadings = "部门职能、岗位职责、任职资格、备注、工作时间、职务等级"

// headingOf recognises a heading: one of the words alone, or followed by
// a colon and maybe text ("任职资格：大专以上学历").
func headingOf(s string) (h heading, inline string, ok bool) {
	key, rest, colon := cutColon(s)
	h, ok = headings[strings.TrimSpace(key)]
	if !ok {
		return 0, "", false
	}
	if !colon {
		return h, "", true
	}
	return h, strings.TrimSpace(rest), true
}

// headingName returns the heading word of a heading line, for messages.
func headingName(s string) string {
	key, _, _ := cutColon(s)
	return strings.TrimSpace(key)
}

func cutColon(s string) (before, after string, found bool) {
	i := strings.IndexAny(s, ":：")
	if i < 0 {
		return s, "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[:i], s[i+size:], true
}

// totalWords introduce a stated total: "合计：54人".
var totalWords = []string{"编制合计", "人员合计", "人数合计", "编制总数", "编制人数", "定编人数", "总人数", "合计", "总计", "共计"}

// statedTotal recognises a line stating the whole document's headcount:
// "合计：54人。", "编制人数：拟定编制6人", "（共54人）".
func statedTotal(s string) (int, bool) {
	s = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune("。.;；", r) })
	if inner, before, ok := lastBracket(s); ok && strings.TrimSpace(before) == "" {
		s = strings.TrimSpace(inner)
	}
	for _, w := range totalWords {
		rest, ok := strings.CutPrefix(s, w)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, ":： ")
		if n, _, ok := countExpr(rest); ok {
			return n, true
		}
		return number(rest)
	}
	if strings.HasPrefix(s, "共") {
		if n, _, ok := countExpr(s); ok {
			return n, true
		}
	}
	return 0, false
}

// itemText removes a leading item number or bullet and reports whether
// there was one. Besides what domain.StripItemNumber knows ("1、", "1.",
// "(1)", "（一）", "一、", "- ", "• ") it takes circled numbers ("①"),
// more bullet signs (also Word's Symbol-font bullets, which reach plain
// text as private-use characters such as U+F0B7), "1)" and section
// numbers such as "1.2".
func itemText(s string) (string, bool) {
	if t := domain.StripItemNumber(s); t != s {
		return t, true
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case strings.ContainsRune("*•·●○◦■□◆◇▪‣⁃▶►➢✓√※–", r),
		0xF000 <= r && r <= 0xF0FF, // Word's Symbol and Wingdings bullets, copied as text
		0x2460 <= r && r <= 0x249B, // ① … ⑳, ⑴ … ⒇, ⒈ … ⒛
		0x2776 <= r && r <= 0x2793: // ❶ … ➓
		if rest := strings.TrimSpace(s[size:]); rest != "" {
			return strings.TrimLeft(rest, ".、．"), true
		}
		return s, false
	}
	// "1)" and "1.2 " / "1.2、"
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i == len(s) {
		return s, false
	}
	if s[i] == ')' || strings.HasPrefix(s[i:], "）") {
		if rest := strings.TrimSpace(strings.TrimLeft(s[i:], ")）")); rest != "" {
			return rest, true
		}
		return s, false
	}
	j := i
	for j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
		j++
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
	}
	if j == i || j == len(s) {
		return s, false
	}
	rest := strings.TrimLeft(s[j:], ".、．")
	if rest == s[j:] && !unicode.IsSpace(rune(s[j])) {
		return s, false // "1.5倍" is a number, not a label
	}
	if rest = strings.TrimSpace(rest); rest != "" {
		return rest, true
	}
	return s, false
}

// sentence reports whether a line reads as a sentence rather than a name:
// it contains a full stop or semicolon, ends in punctuation, or is longer
// than names are.
func sentence(s string) bool {
	if strings.ContainsAny(s, "。；;") {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("，,、：:！!？?…", last) || utf8.RuneCountInString(s) > 40
}

// unitSuffixes end the names of units: 客服部, 配件组, 呼叫中心, 总经办.
var unitSuffixes = []string{"部", "组", "中心", "室", "科", "处", "课", "办", "队", "所", "厂", "车间",
	"公司", "集团", "委员会", "董事会", "监事会", "股东会", "股东大会", "分部", "事业部"}

func unitName(name string) bool { return hasSuffix(name, unitSuffixes) }

// leaderSuffixes end the titles of the people who head units.
var leaderSuffixes = []string{"经理", "主管", "主任", "部长", "组长", "总监", "负责人", "科长", "处长", "课长",
	"厂长", "队长", "班长", "店长", "院长", "所长", "站长", "行长", "局长", "总裁", "董事长", "主席", "领班"}

// leaderName reports whether a position's name is a leader's title, not
// a deputy's.
func leaderName(name string) bool {
	return hasSuffix(name, leaderSuffixes) && !strings.HasPrefix(name, "副") && !strings.Contains(name, "副经理")
}

func assistantName(name string) bool { return hasSuffix(name, []string{"助理", "秘书"}) }

func hasSuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
