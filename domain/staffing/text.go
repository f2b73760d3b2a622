package staffing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// StepKind says what one step of the working does.
type StepKind int

// The kinds of steps, in the order they come.
const (
	// StepPost: a post's hours a week, people × hours × days.
	StepPost StepKind = iota
	// StepSum: all posts' hours a week.
	StepSum
	// StepMonth: hours a week as hours a month (× 365 ÷ 7 ÷ 12).
	StepMonth
	// StepDivide: the hours divided by one person's hours.
	StepDivide
	// StepAllowance: the allowance for leave added.
	StepAllowance
	// StepRound: the result made whole people.
	StepRound
)

// Step is one step of the working, as values: the editor, the command line
// and the book print it with Text in the language they show.
type Step struct {
	Kind StepKind
	// StepPost: the post's name, people at once, hours a day (and the
	// time range, "" for a number), days a week.
	Post   string
	People int
	Hours  float64
	Range  string
	Days   float64
	// Share is the post's part of the people (allowance included) when
	// the plan has several posts; 0 for one.
	Share float64
	// In, By and Out: the value the step starts from, what it divides or
	// multiplies by (hours per person; the allowance in percent), and
	// what it gives.
	In, By, Out float64
	// StepDivide: whether By is a month's hours, and the system.
	Monthly bool
	System  System
	// StepRound: how, the whole number, and whether it was raised to 1.
	Round      Rounding
	Total      int
	AtLeastOne bool
}

// Text returns the step in Chinese when zh is set, else in English, e.g.
// "1 post × 24 h × 7 d = 168 h/week", "÷ 40 h (…) = 4.2",
// "× (1 + 5%) = 4.41", "rounded up to 5".
func (s Step) Text(zh bool) string {
	switch s.Kind {
	case StepPost:
		rng := ""
		if s.Range != "" {
			rng = pick(zh, "（"+s.Range+"）", " ("+s.Range+")")
		}
		name := ""
		if s.Post != "" {
			name = pick(zh, s.Post+"：", s.Post+": ")
		}
		share := ""
		if s.Share > 0 {
			share = pick(zh, "（约 "+num(s.Share)+" 人）", " (about "+num(s.Share)+" people)")
		}
		if zh {
			return fmt.Sprintf("%s%d 个岗位点 × %s 小时%s × %s 天 %s 小时/周%s", name, s.People, num(s.Hours), rng, num(s.Days), eq(s.Out), share)
		}
		return fmt.Sprintf("%s%d %s × %s h%s × %s d %s h/week%s", name, s.People, plural(s.People, "post", "posts"), num(s.Hours), rng, num(s.Days), eq(s.Out), share)
	case StepSum:
		return pick(zh, "各岗位点合计 "+num(s.Out)+" 小时/周", "all posts: "+num(s.Out)+" h/week")
	case StepMonth:
		return pick(zh, fmt.Sprintf("%s 小时/周 × 365 ÷ 7 ÷ 12 %s 小时/月", num(s.In), eq(s.Out)),
			fmt.Sprintf("%s h/week × 365 ÷ 7 ÷ 12 %s h/month", num(s.In), eq(s.Out)))
	case StepDivide:
		return fmt.Sprintf(pick(zh, "÷ %s 小时（%s）%s", "÷ %s h (%s) %s"), num(s.By), s.basis(zh), eq(s.Out))
	case StepAllowance:
		return pick(zh, fmt.Sprintf("×（1 + %s%%）%s（休假、缺勤余量）", num(s.By), eq(s.Out)),
			fmt.Sprintf("× (1 + %s%%) %s (allowance for leave and absence)", num(s.By), eq(s.Out)))
	case StepRound:
		var t string
		switch {
		case s.Round == RoundNearest && zh:
			t = fmt.Sprintf("四舍五入为 %d", s.Total)
		case s.Round == RoundNearest:
			t = fmt.Sprintf("rounded to the nearest: %d", s.Total)
		case zh:
			t = fmt.Sprintf("向上取整为 %d", s.Total)
		default:
			t = fmt.Sprintf("rounded up to %d", s.Total)
		}
		if s.AtLeastOne {
			t += pick(zh, "（岗位点有人值守，至少 1 人）", " (a covered post needs at least 1 person)")
		}
		return t
	}
	return ""
}

// basis says what one person's hours are: the system and its period.
func (s Step) basis(zh bool) string {
	switch {
	case s.Monthly:
		return pick(zh, fmt.Sprintf("综合计算工时制，每人每月 %s 天 × %d 小时", num(MonthDays), StandardDayHours),
			fmt.Sprintf("comprehensive hours, a month per person: %s d × %d h", num(MonthDays), StandardDayHours))
	case s.System == Custom:
		return pick(zh, "自定义工时，每人每周", "custom hours, a week per person")
	}
	return pick(zh, "标准工时制，每人每周", "standard hours, a week per person")
}

// Working returns the working of r, one step a line, and the result on the
// last line: the text the editor shows, the command line prints and the
// book carries.
func Working(r Result, zh bool) []string {
	lines := make([]string, 0, len(r.Steps)+1)
	for _, s := range r.Steps {
		lines = append(lines, s.Text(zh))
	}
	return append(lines, ResultLine(r.Total, zh))
}

// ResultLine says the result: "测算编制：5 人", "Result: 5 people".
func ResultLine(total int, zh bool) string {
	return pick(zh, fmt.Sprintf("测算编制：%d 人", total), fmt.Sprintf("Result: %d %s", total, plural(total, "person", "people")))
}

// RotaLines returns the rota check of r in the language chosen: the people
// the rota needs, each one's hours beside the system's, and, when over,
// the overtime a month beside the legal limit.
func RotaLines(r *RotaResult, zh bool) []string {
	if r == nil {
		return nil
	}
	var lines []string
	per := ""
	if len(r.PerPost) > 1 {
		parts := make([]string, len(r.PerPost))
		for i, n := range r.PerPost {
			parts[i] = strconv.Itoa(n)
		}
		per = pick(zh, "（"+strings.Join(parts, " + ")+"）", " ("+strings.Join(parts, " + ")+")")
	}
	lines = append(lines, pick(zh,
		fmt.Sprintf("%s：各班次合计每天 %s 小时，需 %d 人%s", r.Rota.Label(true), num(r.ShiftHours), r.Total, per),
		fmt.Sprintf("%s: the shifts cover %s h a day; the rota needs %d %s%s", r.Rota.Label(false), num(r.ShiftHours), r.Total, plural(r.Total, "person", "people"), per)))
	limit := pick(zh, r.System.Label(true), r.System.Label(false))
	lines = append(lines, pick(zh,
		fmt.Sprintf("每人每周 %s 小时 | %s %s 小时", num(r.PersonWeek), limit, num(r.LimitWeek)),
		fmt.Sprintf("hours per person a week: %s | %s: %s", num(r.PersonWeek), limit, num(r.LimitWeek))))
	if !r.Over() {
		return append(lines, pick(zh, "未超出工时制度", "within the working-time system"))
	}
	if r.OverLegal {
		return append(lines, pick(zh,
			fmt.Sprintf("超出工时制度：每人每月加班约 %s 小时，超过法定上限 %d 小时（《劳动法》第四十一条）", num(r.OvertimeMonth), OvertimeLimitMonth),
			fmt.Sprintf("over the working-time system: about %s h of overtime a month per person, more than the legal limit of %d h (Labour Law, art. 41)", num(r.OvertimeMonth), OvertimeLimitMonth)))
	}
	return append(lines, pick(zh,
		fmt.Sprintf("超出工时制度：每人每月加班约 %s 小时，在法定上限 %d 小时以内", num(r.OvertimeMonth), OvertimeLimitMonth),
		fmt.Sprintf("over the working-time system: about %s h of overtime a month per person, within the legal limit of %d h", num(r.OvertimeMonth), OvertimeLimitMonth)))
}

// Label names the system for people: 标准工时制, "standard hours".
func (s System) Label(zh bool) string {
	switch s {
	case Comprehensive:
		return pick(zh, "综合计算工时制", "comprehensive hours")
	case Custom:
		return pick(zh, "自定义工时", "custom hours")
	}
	return pick(zh, "标准工时制", "standard hours")
}

// Label names the rounding for people.
func (r Rounding) Label(zh bool) string {
	if r == RoundNearest {
		return pick(zh, "四舍五入", "to the nearest")
	}
	return pick(zh, "向上取整", "up")
}

// Label names the rota pattern for people: 四班三运转, "4 teams, 3 shifts".
func (r Rota) Label(zh bool) string {
	switch r {
	case ThreeTeamsTwoShifts:
		return pick(zh, "三班两运转", "3 teams on 2 shifts (三班两运转)")
	case FourTeamsThreeShifts:
		return pick(zh, "四班三运转", "4 teams on 3 shifts (四班三运转)")
	case FourTeamsTwoShifts:
		return pick(zh, "四班两运转", "4 teams on 2 shifts (四班两运转)")
	case SixOnOneOff:
		return pick(zh, "做六休一", "6 days on, 1 off (做六休一)")
	case FiveOnTwoOff:
		return pick(zh, "做五休二", "5 days on, 2 off (做五休二)")
	}
	return pick(zh, "不核对排班", "no rota check")
}

// num prints a number as the working shows it: at most two decimals,
// without trailing zeros (4.2, 168, 166.64).
func num(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// Num is num for callers that print the inputs beside the working.
func Num(x float64) string { return num(x) }

// eq prints "= x", or "≈ x" when x has more decimals than shown.
func eq(x float64) string {
	if math.Abs(math.Round(x*100)/100-x) > epsilon {
		return "≈ " + num(x)
	}
	return "= " + num(x)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func pick(zh bool, zhText, enText string) string {
	if zh {
		return zhText
	}
	return enText
}
