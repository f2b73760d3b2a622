// Package outline reads an org chart typed as an indented outline, the way
// people keep charts in Word or a text file, and turns it into boxes:
//
//	售后服务部
//		部门职能：
//			1、负责售后服务工作的整体规划与管理；
//		售后经理(1人)
//			1、负责售后服务工作的整体规划与日常管理工作；
//			2、对不良品和维修配件的退换、发放进行审查控制。
//		配件组
//			打单员(1人)
//			发货员(1人)
//	合计：4人
//
// One line is one box or one list item; nesting is by indentation. The
// rules, in the order they are applied:
//
//   - Indentation is tabs, spaces or full-width spaces (U+3000, worth two
//     spaces). A line indented deeper than the line above belongs to it; a
//     line indented less belongs to the nearest line above that is indented
//     less than it. Tabs and spaces may be mixed only where the nesting
//     comes out the same whatever a tab is worth (1, 2, 4 or 8 spaces);
//     otherwise the line is an error. Blank lines are ignored.
//   - A headcount in half- or full-width brackets after a name, "(3人)",
//     "（2名）", "（共23人）", or plainly "秩序员23人", is the planned
//     headcount (编制). "(兼)", "(兼职)" or "(兼任)" marks a concurrent
//     position; "(直属)" or "(助理)" an assistant. Several marks may share
//     one bracket: "（1人，兼）". Brackets holding anything else, such as
//     "出纳员(兼文员)", stay part of the name. What a copied branch writes
//     (Format) may be typed as well: "(在岗2人)" is the filled headcount,
//     "(负责人)" makes a position its unit's head, "(部门)" and "(岗位)"
//     state a box's kind, which is then not guessed.
//   - "虚线汇报：客服部/质检主管" under a box is a dotted-line link from it
//     to the box at that path (names from the top level, "/" between);
//     a label may follow in brackets.
//   - "部门职能：", "岗位职责：", "任职资格：" (and their usual variants, see
//     headings) are headings: the lines under them are that list's items,
//     and text after the colon is an item too. "备注：", "工作时间：" and
//     "职务等级：" set the box's notes, working hours and grade. The lines
//     of the rest of a 岗位说明书 ("岗位概述：", "学历：", "工作权限：",
//     "考核指标：", …, see jobwords.go) go to their fields, and
//     "直属上级：总经理" names the superior outside the chart that a top
//     position prints. Lines such as "直接下级：…" are passed over: the
//     nesting already says who reports to whom.
//   - "合计：54人" (or 总计, 共计, 编制合计, 编制人数) at the left margin is
//     the total the document states; the check report compares it with the
//     boxes.
//   - A line that starts with an item number or bullet ("1、", "1.",
//     "(1)", "（一）", "一、", "①", "- ", "•") is a list item, unless it
//     carries a bracketed headcount or other mark, or has lines under it:
//     then it is a box and the number is dropped ("1、客服部经理(1名)").
//   - A line without a number that reads as a sentence (it contains "。"
//     or "；", or ends in punctuation, or is longer than any name) is a
//     list item too, and so is a plain line directly under a position
//     with a headcount, unless its name ends like a unit's ("部", "组",
//     "中心", …): a duty typed without its number.
//   - Every other line is a box. Items under a position are its duties
//     (岗位职责), under a unit its functions (部门职能).
//
// A box's kind:
//
//   - an assistant if it is marked "(直属)" or its name ends in 助理 or 秘书;
//   - a position if it carries a headcount or "(兼)" — except a line whose
//     headcount is a subtotal of the boxes under it: marked "共"/"合计",
//     or named like a unit, or (for 2 people or more) exactly the sum of
//     the boxes under it, as in "秩序管理员(23人)" over its five posts.
//     Such a line is a unit, and a subtotal that does not match is an
//     error;
//   - a unit if it has boxes under it, has a 部门职能 heading, or its name
//     ends like a unit's (部, 组, 中心, 室, 科, 处, …);
//   - otherwise a position whose headcount is not yet known: planned 0,
//     to be filled in. A position marked only "(兼)" is planned 1: one
//     post, held by someone counted elsewhere, so the total is unchanged.
//
// In every unit the outline creates, the first position whose name ends
// in a leader's title (经理, 主管, 主任, 部长, 组长, 总监, 班长, …, but not
// a deputy's 副…) becomes the unit's head, so that the others report to it.
//
// Everything that cannot be understood is an error naming its line, all of
// them at once (ErrorList), and then nothing is imported.
package outline

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"orgdraft/domain"
)

// Limits that keep the time and memory of a parse in proportion to its
// text, with a message when an outline goes past them.
const (
	// MaxBoxes is the most boxes one outline may create (100,000).
	MaxBoxes = 100000
	// MaxLines is the most non-blank lines one outline may have: room for
	// MaxBoxes boxes with several duties each.
	MaxLines = 1000000
)

// LineError is one line of the outline that could not be understood.
type LineError struct {
	Line int    // 1-based line number; 0 for the outline as a whole
	Text string // the line as typed, without its indentation
	Msg  string // what is wrong, in English
	Zh   string // the same in Chinese
}

// Error implements error, in English.
func (e LineError) Error() string { return e.format(false) }

func (e LineError) format(zh bool) string {
	text := e.Text
	if utf8.RuneCountInString(text) > 40 {
		text = string([]rune(text)[:40]) + "…"
	}
	if e.Line == 0 {
		return pick(zh, e.Zh, e.Msg)
	}
	if zh {
		if text == "" {
			return fmt.Sprintf("第 %d 行：%s", e.Line, e.Zh)
		}
		return fmt.Sprintf("第 %d 行“%s”：%s", e.Line, text, e.Zh)
	}
	if text == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d %q: %s", e.Line, text, e.Msg)
}

// ErrorList is every problem found in an outline, in line order. Parse
// and Insert return it (as an error) when there is at least one.
type ErrorList []LineError

// Error implements error: one line per problem, in English.
func (l ErrorList) Error() string { return l.Text(false) }

// Text returns one line per problem, in Chinese when zh is set.
func (l ErrorList) Text(zh bool) string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.format(zh)
	}
	return strings.Join(lines, "\n")
}

func pick(zh bool, zhText, enText string) string {
	if zh {
		return zhText
	}
	return enText
}

// Parse reads an outline into a new document. Only the tree comes from
// the outline (and the stated total, when it has a 合计 line); the other
// document fields are those of domain.NewDocument. On any error it
// returns an ErrorList and no document.
func Parse(text string) (*domain.Document, error) {
	f, err := parse(text, false, nil)
	if err != nil {
		return nil, err
	}
	info := domain.NewDocument().Info
	info.StatedTotal = f.total
	b := f.branch()
	for i := range b.Nodes {
		if b.Nodes[i].Parent == 0 {
			b.Nodes[i].Head = false // a top-level box has no unit to head
		}
	}
	return domain.Restore(info, b.Nodes, b.Links)
}
