package staffing

import (
	"fmt"
	"math"
)

// Rota is a rota pattern: how the people of a post take turns at its
// shifts.
type Rota int

// The rota patterns.
const (
	// NoRota: no rota check.
	NoRota Rota = iota
	// ThreeTeamsTwoShifts is 三班两运转: three teams take two 12-hour
	// shifts in turn, so each post needs 3 people.
	ThreeTeamsTwoShifts
	// FourTeamsThreeShifts is 四班三运转: four teams take three 8-hour
	// shifts in turn, so each post needs 4 people.
	FourTeamsThreeShifts
	// FourTeamsTwoShifts is 四班两运转: four teams take two 12-hour shifts
	// in turn.
	FourTeamsTwoShifts
	// SixOnOneOff is 做六休一: each person works six days and rests one.
	SixOnOneOff
	// FiveOnTwoOff is 做五休二: each person works five days and rests two.
	FiveOnTwoOff
)

var rotaNames = [...]string{"", "3-teams-2-shifts", "4-teams-3-shifts", "4-teams-2-shifts", "6-on-1-off", "5-on-2-off"}

// Rotas lists the rota patterns in the order the editor offers them.
var Rotas = []Rota{NoRota, ThreeTeamsTwoShifts, FourTeamsThreeShifts, FourTeamsTwoShifts, SixOnOneOff, FiveOnTwoOff}

// String returns the stable name used in files ("" for NoRota).
func (r Rota) String() string { return enumName(rotaNames[:], int(r), "rota") }

// ParseRota is the inverse of String.
func ParseRota(s string) (Rota, error) {
	i, err := enumIndex(rotaNames[:], s)
	if err != nil {
		return 0, fail("不认识的排班方式“%s”", "unknown rota pattern %q", clip(s))
	}
	return Rota(i), nil
}

// MarshalText implements encoding.TextMarshaler.
func (r Rota) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Rota) UnmarshalText(b []byte) error {
	v, err := ParseRota(string(b))
	*r = v
	return err
}

// teams returns, for a pattern of teams taking shifts in turn (N班M运转),
// the number of teams and of shifts; 0, 0 for other patterns.
func (r Rota) teams() (teams, shifts int) {
	switch r {
	case ThreeTeamsTwoShifts:
		return 3, 2
	case FourTeamsThreeShifts:
		return 4, 3
	case FourTeamsTwoShifts:
		return 4, 2
	}
	return 0, 0
}

// onDays returns, for a pattern of days on and off (做六休一), the days
// a person works in a week; 0 for other patterns.
func (r Rota) onDays() int {
	switch r {
	case SixOnOneOff:
		return 6
	case FiveOnTwoOff:
		return 5
	}
	return 0
}

// Shift is one shift of the rota (班次): a name and its times.
type Shift struct {
	Name string `json:"name,omitempty"`
	Time Hours  `json:"time"` // a range, e.g. 06:00-14:00
}

// validateRota checks the rota's inputs that a stored plan must obey; the
// fit of the shifts to the pattern is CheckRota's to judge, so that a
// user may choose the pattern before typing the shifts.
func (p *Plan) validateRota() error {
	if p.Rota < NoRota || int(p.Rota) >= len(rotaNames) {
		return fail("不认识的排班方式 %d", "unknown rota pattern %d", int(p.Rota))
	}
	if len(p.Shifts) > MaxShifts {
		return fail("班次太多：%d 个，最多 %d 个", "too many shifts: %d, at most %d", len(p.Shifts), MaxShifts)
	}
	for i, s := range p.Shifts {
		where := pair{fmtShift(i, s.Name, true), fmtShift(i, s.Name, false)}
		if err := checkName(s.Name); err != nil {
			return within(where, err)
		}
		if !s.Time.Range {
			return within(where, fail("班次时间应为时间段，如 06:00-14:00", "a shift's time must be a range such as 06:00-14:00"))
		}
		if err := checkHours(s.Time); err != nil {
			return within(where, err)
		}
	}
	return nil
}

func fmtShift(i int, name string, zh bool) string {
	switch {
	case name != "" && zh:
		return "班次“" + clip(name) + "”"
	case name != "":
		return "shift \"" + clip(name) + "\""
	case zh:
		return "第 " + num(float64(i+1)) + " 个班次"
	}
	return "shift " + num(float64(i+1))
}

// RotaResult is the rota check's outcome: the people the rota itself
// needs, the hours each of them works, and how that compares with the
// working-time system and the legal overtime limit.
type RotaResult struct {
	Rota Rota
	// ShiftHours is the hours the shifts cover a day, all added up.
	ShiftHours float64
	// PerPost is the people the rota needs at each post (a post of two
	// people at once needs twice the rota's people), and Total their sum.
	PerPost []int
	Total   int
	// PersonWeek is the hours a person works in a week on the rota, and
	// LimitWeek the working-time system's hours a week (the monthly
	// 166.64 h as a weekly average under 综合计算工时制).
	PersonWeek, LimitWeek float64
	System                System
	// OvertimeMonth is the hours a person works over the system in a
	// month (0 when within it); OverLegal says it is more than the legal
	// limit of OvertimeLimitMonth.
	OvertimeMonth float64
	OverLegal     bool
}

// Over reports whether a person on the rota works more than the system.
func (r *RotaResult) Over() bool { return r.OvertimeMonth > 0 }

// CheckRota applies the plan's rota pattern to its shifts and posts. It
// returns nil and no error when the plan chooses no pattern. The shifts
// must fit the pattern: 四班三运转 takes three shifts, 三班两运转 and
// 四班两运转 two; 做六休一 and 做五休二 any number.
func CheckRota(p *Plan) (*RotaResult, error) {
	if p == nil || p.Rota == NoRota {
		return nil, nil
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if len(p.Shifts) == 0 {
		return nil, &Error{Zh: "请填写" + p.Rota.Label(true) + "的班次（如 早班 06:00-14:00）",
			En: "enter the shifts of " + p.Rota.Label(false) + " (e.g. 早班 06:00-14:00)"}
	}
	r := &RotaResult{Rota: p.Rota, System: p.System, LimitWeek: p.PersonWeekHours()}
	for _, s := range p.Shifts {
		r.ShiftHours += s.Time.Span()
	}
	teams, shifts := p.Rota.teams()
	if teams > 0 && len(p.Shifts) != shifts {
		return nil, &Error{Zh: fmt.Sprintf("%s需要 %d 个班次，现有 %d 个", p.Rota.Label(true), shifts, len(p.Shifts)),
			En: fmt.Sprintf("%s takes %d shifts, there are %d", p.Rota.Label(false), shifts, len(p.Shifts))}
	}
	if r.ShiftHours > 24+epsilon {
		return nil, fail("各班次合计 %s 小时，超过一天 24 小时", "the shifts add up to %s hours, more than the 24 of a day", num(r.ShiftHours))
	}
	if teams > 0 {
		// The teams take the day's shifts in turn, every day of the week.
		r.PersonWeek = r.ShiftHours * 7 / float64(teams)
	} else {
		on := p.Rota.onDays()
		r.PersonWeek = float64(on) * r.ShiftHours / float64(len(p.Shifts))
	}
	for _, post := range p.Posts {
		n := teams
		if teams == 0 {
			// Each shift of each covered day is one person's day's work;
			// one person gives on days a week.
			n = int(math.Ceil(float64(len(p.Shifts))*post.Days/float64(p.Rota.onDays()) - epsilon))
		}
		r.PerPost = append(r.PerPost, n*post.People)
		r.Total += n * post.People
	}
	if over := r.PersonWeek - r.LimitWeek; over > epsilon {
		r.OvertimeMonth = over * WeeksPerMonth
		r.OverLegal = r.OvertimeMonth > OvertimeLimitMonth+epsilon
	}
	return r, nil
}
