package pdf

import (
	"fmt"
	"strings"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
)

// The book's 编制测算: under a position sized from a staffing plan (排班定编)
// its inputs, the working step by step (the very lines the editor and
// `orgdraft staffing` show, from staffing.Working) and the rota check; and
// in the staffing table's 说明 the positions sized this way.

var (
	wordStaffingCalc   = wordPair{"编制测算", "Staffing calculation"}
	wordSystem         = wordPair{"工时制度", "Working-time system"}
	wordAllowance      = wordPair{"休假余量", "Allowance for leave"}
	wordRounding       = wordPair{"取整方式", "Rounding"}
	wordShifts         = wordPair{"班次", "Shifts"}
	wordRota           = wordPair{"排班方式", "Rota pattern"}
	wordWorking        = wordPair{"测算过程", "Working"}
	wordRotaCheck      = wordPair{"排班核对", "Rota check"}
	wordNone           = wordPair{"无", "none"}
	wordDiffers        = wordPair{"注：测算结果 %d 人，本岗位编制 %d 人，相差 %d 人。", "Note: the calculation gives %d, the planned headcount is %d, a difference of %d."}
	wordSizedPositions = wordPair{"以下岗位的编制按排班定编测算，测算过程见各岗位说明的“编制测算”：", "These positions are sized from their posts and shifts; see “Staffing calculation” under each:"}
	wordSizedResult    = wordPair{"%s（测算 %d 人）", "%s (calculated %d)"}
	wordListSep        = wordPair{"、", ", "}
	wordPerWeek        = wordPair{"（每人每周 %s 小时）", " (%s h a week per person)"}
	wordPerMonth       = wordPair{"（每人每月 %s 小时 = %s 天 × %d 小时）", " (%s h a month per person = %s d × %d h)"}
)

// staffingZh says whether the book prints Chinese, for the calculator's
// own texts (staffing.Working and the labels of its values).
func (c *composer) staffingZh() bool { return c.o.Language != domain.English }

// staffingCalc places 编制测算 for position n, if it has a plan.
func (c *composer) staffingCalc(f *flow, n *domain.Node) {
	p := n.Staffing
	if p == nil {
		return
	}
	zh := c.staffingZh()
	f.space(6)
	f.heading(c.word(wordStaffingCalc), fH3, f.firstLines(4, fBody))
	system := p.System.Label(zh)
	switch p.System {
	case staffing.Comprehensive:
		system += fmt.Sprintf(c.word(wordPerMonth), staffing.Num(staffing.MonthHours), staffing.Num(staffing.MonthDays), staffing.StandardDayHours)
	case staffing.Custom:
		system += fmt.Sprintf(c.word(wordPerWeek), staffing.Num(p.WeekHours))
	default:
		system += fmt.Sprintf(c.word(wordPerWeek), staffing.Num(staffing.StandardWeekHours))
	}
	rows := []row{}
	t, kv := keyValue(f.width, alignLeft, 0)
	rows = append(rows, kv(c.word(wordSystem), system),
		kv(c.word(wordAllowance), staffing.Num(p.Allowance)+"%"),
		kv(c.word(wordRounding), p.Round.Label(zh)))
	if p.Rota != staffing.NoRota || len(p.Shifts) > 0 {
		var shifts []string
		for _, s := range p.Shifts {
			shifts = append(shifts, strings.TrimSpace(s.Name+" "+s.Time.Display()))
		}
		rows = append(rows, kv(c.word(wordRota), p.Rota.Label(zh)),
			kv(c.word(wordShifts), orDash(strings.Join(shifts, c.word(wordListSep)))))
	}
	f.table(t, rows)

	f.space(4)
	f.heading(c.word(wordWorking), labelFont(fBody), f.firstLines(2, fBody))
	r, err := staffing.Compute(p)
	if err != nil {
		f.paragraph(staffing.Message(err, zh), fBody, 0)
		return
	}
	f.list(staffing.Working(r, zh), fBody, "")
	if r.Total != n.Planned {
		f.space(2)
		f.paragraph(fmt.Sprintf(c.word(wordDiffers), r.Total, n.Planned, abs(r.Total-n.Planned)), fNote, 0)
	}
	if p.Rota == staffing.NoRota {
		return
	}
	f.space(4)
	f.heading(c.word(wordRotaCheck), labelFont(fBody), f.firstLines(2, fBody))
	rr, err := staffing.CheckRota(p)
	if err != nil {
		f.paragraph(staffing.Message(err, zh), fBody, 0)
		return
	}
	for _, l := range staffing.RotaLines(rr, zh) {
		f.paragraph(l, fBody, 0)
	}
}

// withStaffingNote returns the staffing table's 说明: the document's notes
// and, after them, the positions sized from a staffing plan.
func (c *composer) withStaffingNote(notes string) string {
	var sized []string
	c.d.Walk(func(n *domain.Node) bool {
		if !n.Kind.IsPosition() || n.Staffing == nil {
			return true
		}
		if r, err := staffing.Compute(n.Staffing); err == nil {
			sized = append(sized, fmt.Sprintf(c.word(wordSizedResult), c.label(n.ID), r.Total))
		}
		return true
	})
	if len(sized) == 0 {
		return notes
	}
	note := c.word(wordSizedPositions) + strings.Join(sized, c.word(wordListSep)) + c.word(wordPair{"。", "."})
	if strings.TrimSpace(notes) == "" {
		return note
	}
	return notes + "\n" + note
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
