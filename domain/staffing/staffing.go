// Package staffing sizes a position from the posts it keeps manned and the
// working-time system its people work under (排班定编): how many people a
// round-the-clock gate, a patrol or a hotline needs, with the working shown
// step by step, and a second check against the shifts and the rota pattern
// (三班两运转, 四班三运转, 做六休一 …) the position runs.
//
// It is pure arithmetic on plain values: no GUI, no database, no PDF, and
// not even the document model (package domain stores a Plan on a box and
// imports this package, not the other way round). The editor, the command
// line and the printed book all print the working with the one formatter
// of this package (Working), so they always agree.
package staffing

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on a plan's inputs. A plan comes from the editor, the command
// line, a file, a template or a spreadsheet; beyond these it is refused
// with a clear error rather than summed into nonsense.
const (
	// MaxPosts bounds the posts of one plan.
	MaxPosts = 50
	// MaxPeopleAtOnce bounds the people standing at one post at once.
	MaxPeopleAtOnce = 1000
	// MaxShifts bounds the shifts of one plan.
	MaxShifts = 12
	// MaxNameRunes bounds a post's or a shift's name (as a box name).
	MaxNameRunes = 100
	// MaxAllowance bounds the allowance for leave, in percent.
	MaxAllowance = 100
	// MinWeekHours and MaxWeekHours bound a custom number of hours a person
	// works in a week.
	MinWeekHours, MaxWeekHours = 1, 168
	// MaxTotal bounds a plan's result; it equals domain.MaxHeadcount (a
	// domain test checks that), so a result can always become a 编制.
	MaxTotal = 1000000
)

// Working-time figures of the Chinese labour rules.
const (
	// StandardDayHours and StandardWeekHours are the standard working
	// time (标准工时制): 8 hours a day, 40 hours a week (《国务院关于职工工作
	// 时间的规定》, 1995).
	StandardDayHours  = 8
	StandardWeekHours = 40
	// MonthDays is the average number of working days in a month, and
	// MonthHours the monthly standard hours under the comprehensive
	// system (综合计算工时制): (365 − 104 rest days − 11 public holidays)
	// ÷ 12 = 20.83 days, × 8 h = 166.64 h. Source: 原劳动和社会保障部
	// 《关于职工全年月平均工作时间和工资折算问题的通知》(劳社部发〔2008〕3号).
	MonthDays  = 20.83
	MonthHours = MonthDays * StandardDayHours // 166.64
	// OvertimeLimitMonth is the legal limit on overtime: as a rule no more
	// than 1 hour a day, and where needed no more than 3 hours a day and
	// 36 hours a month (《中华人民共和国劳动法》第四十一条).
	OvertimeLimitMonth = 36
	// WeeksPerMonth converts weekly hours to monthly ones: 365 ÷ 7 ÷ 12.
	WeeksPerMonth = 365.0 / 7 / 12
)

// ErrInvalid is what every input error of this package wraps, for
// errors.Is; the error itself is an *Error with its text in both
// languages.
var ErrInvalid = errors.New("invalid staffing input")

// Error is a refused input, said in Chinese and in English.
type Error struct {
	Zh, En string
}

// Error implements error, in English.
func (e *Error) Error() string { return e.En }

// Unwrap returns ErrInvalid.
func (e *Error) Unwrap() error { return ErrInvalid }

// Text returns the message in Chinese when zh is set, else in English.
func (e *Error) Text(zh bool) string {
	if zh {
		return e.Zh
	}
	return e.En
}

// Message returns err's text in the language chosen: an *Error in that
// language, any other error as it says itself.
func Message(err error, zh bool) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Text(zh)
	}
	return err.Error()
}

func fail(zh, en string, args ...any) error {
	return &Error{Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
}

// ---- the inputs ----

// Hours is how long something is covered in a day: a number of hours, or
// a time range such as 22:00–06:00 (which crosses midnight and lasts 8
// hours). Its text form, which the editor, the command line, the JSON form
// and the spreadsheet column all use, is "24", "7.5" or "22:00-06:00".
type Hours struct {
	// From and To are minutes after midnight when Range is set (To may be
	// 1440, i.e. 24:00); a range from a time to the same time is 24 hours.
	From, To int
	Range    bool
	// N is the number of hours when Range is not set.
	N float64
}

// Span returns the hours a day: N, or the length of the range.
func (h Hours) Span() float64 {
	if !h.Range {
		return h.N
	}
	m := ((h.To-h.From)%1440 + 1440) % 1440
	if m == 0 {
		m = 1440
	}
	return float64(m) / 60
}

// String returns the text form ("24", "22:00-06:00").
func (h Hours) String() string {
	if !h.Range {
		return num(h.N)
	}
	return clock(h.From) + "-" + clock(h.To)
}

// Display returns the range with an en dash, or "" for a number of hours:
// for the working, where the number of hours is printed anyway.
func (h Hours) Display() string {
	if !h.Range {
		return ""
	}
	return clock(h.From) + "–" + clock(h.To)
}

func clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// rangeDashes are the ways people write "from … to" between two times.
var rangeDashes = []string{"--", "-", "–", "—", "~", "～", "至", "到", "－"}

// ParseHours reads hours a day as people type them: "24", "7.5", "24h",
// "24小时", or a range "6:00-14:00", "22:00–6:00", "8点-16点", full-width
// digits and colons too.
func ParseHours(s string) (Hours, error) {
	t := normalize(s)
	for _, d := range rangeDashes {
		a, b, ok := strings.Cut(t, d)
		if !ok || strings.TrimSpace(a) == "" {
			continue
		}
		from, err1 := parseClock(a)
		to, err2 := parseClock(b)
		if err1 != nil || err2 != nil {
			return Hours{}, fail("“%s”不是时间段（应如 22:00-06:00）", "%q is not a time range (write it as 22:00-06:00)", clip(s))
		}
		return Hours{From: from, To: to, Range: true}, nil
	}
	for _, suffix := range []string{"小时", "h", "hours", "hour", "hrs"} {
		t = strings.TrimSpace(strings.TrimSuffix(t, suffix))
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return Hours{}, fail("“%s”不是每天的小时数或时间段（应如 24 或 22:00-06:00）", "%q is neither hours a day nor a time range (write 24 or 22:00-06:00)", clip(s))
	}
	return Hours{N: v}, nil
}

// parseClock reads "6:00", "06:00", "6", "6点", "24:00".
func parseClock(s string) (int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "点"))
	hs, ms, hasMin := strings.Cut(s, ":")
	h, err := strconv.Atoi(strings.TrimSpace(hs))
	if err != nil {
		return 0, err
	}
	m := 0
	if hasMin {
		if m, err = strconv.Atoi(strings.TrimSpace(ms)); err != nil {
			return 0, err
		}
	}
	if h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0) {
		return 0, errors.New("out of range")
	}
	return h*60 + m, nil
}

// normalize turns full-width digits, colons, dots and spaces into ASCII.
func normalize(s string) string {
	return strings.TrimSpace(strings.ToLower(strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '：':
			return ':'
		case r == '．' || r == '。':
			return '.'
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)))
}

// MarshalText implements encoding.TextMarshaler (the text form).
func (h Hours) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler (ParseHours). A JSON
// number is taken too.
func (h *Hours) UnmarshalText(b []byte) error {
	v, err := ParseHours(string(b))
	if err == nil {
		*h = v
	}
	return err
}

// UnmarshalJSON takes the text form or a plain number ("hours": 24).
func (h *Hours) UnmarshalJSON(b []byte) error {
	var f float64
	if json.Unmarshal(b, &f) == nil {
		*h = Hours{N: f}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	return h.UnmarshalText([]byte(s))
}

// Post is one place to keep manned (岗位点): a gate, a monitor desk, a
// patrol, a hotline seat.
type Post struct {
	// Name is what the post is called (车辆门岗); it may be empty.
	Name string `json:"name,omitempty"`
	// People is how many people stand at it at once.
	People int `json:"people"`
	// Hours is how long it is covered each day it is covered.
	Hours Hours `json:"hours"`
	// Days is how many days a week it is covered (7 for every day; 5.5
	// for Saturday mornings).
	Days float64 `json:"days"`
}

// WeekHours returns the post's hours to cover in a week: people × hours ×
// days.
func (p Post) WeekHours() float64 { return float64(p.People) * p.Hours.Span() * p.Days }

// System is the working-time system the position's people work under.
type System int

// The working-time systems.
const (
	// Standard is 标准工时制: 40 hours a week.
	Standard System = iota
	// Comprehensive is 综合计算工时制: hours averaged over a month,
	// MonthHours (166.64) a month.
	Comprehensive
	// Custom is a number of hours a week of the user's own (Plan.WeekHours).
	Custom
)

var systemNames = [...]string{"standard", "comprehensive", "custom"}

// String returns "standard", "comprehensive" or "custom".
func (s System) String() string { return enumName(systemNames[:], int(s), "system") }

// ParseSystem is the inverse of String; "" means Standard.
func ParseSystem(s string) (System, error) {
	if s == "" {
		return Standard, nil
	}
	i, err := enumIndex(systemNames[:], s)
	if err != nil {
		return 0, fail("不认识的工时制度“%s”（应为 standard、comprehensive 或 custom）", "unknown working-time system %q (want standard, comprehensive or custom)", clip(s))
	}
	return System(i), nil
}

// MarshalText implements encoding.TextMarshaler.
func (s System) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *System) UnmarshalText(b []byte) error {
	v, err := ParseSystem(string(b))
	*s = v
	return err
}

// Rounding says how the result becomes whole people.
type Rounding int

// The roundings.
const (
	// RoundUp rounds any fraction up (4.2 → 5): every hour covered.
	RoundUp Rounding = iota
	// RoundNearest rounds to the nearest whole person, halves up (4.2 → 4;
	// 4.5 → 5), and never below 1 for a post that is covered at all.
	RoundNearest
)

var roundNames = [...]string{"up", "nearest"}

// String returns "up" or "nearest".
func (r Rounding) String() string { return enumName(roundNames[:], int(r), "rounding") }

// ParseRounding is the inverse of String; "" means RoundUp.
func ParseRounding(s string) (Rounding, error) {
	if s == "" {
		return RoundUp, nil
	}
	i, err := enumIndex(roundNames[:], s)
	if err != nil {
		return 0, fail("不认识的取整方式“%s”（应为 up 或 nearest）", "unknown rounding %q (want up or nearest)", clip(s))
	}
	return Rounding(i), nil
}

// MarshalText implements encoding.TextMarshaler.
func (r Rounding) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Rounding) UnmarshalText(b []byte) error {
	v, err := ParseRounding(string(b))
	*r = v
	return err
}

// Plan is what a position is sized from: its posts, the working-time
// system, the allowance for leave and absence, the rounding, and
// optionally the shifts and the rota pattern for the second check.
type Plan struct {
	Posts  []Post `json:"posts"`
	System System `json:"system"`
	// WeekHours is the hours a person works in a week under Custom.
	WeekHours float64 `json:"weekHours,omitempty"`
	// Allowance is added for annual leave, sick and personal leave and
	// training (年休假、病事假、培训), in percent (5 for 5%).
	Allowance float64  `json:"allowance,omitempty"`
	Round     Rounding `json:"round"`
	// Shifts and Rota are the rota check's inputs (see CheckRota).
	Shifts []Shift `json:"shifts,omitempty"`
	Rota   Rota    `json:"rota,omitempty"`
}

// Clone returns a deep copy of p; nil for nil.
func (p *Plan) Clone() *Plan {
	if p == nil {
		return nil
	}
	c := *p
	c.Posts = slices.Clone(p.Posts)
	c.Shifts = slices.Clone(p.Shifts)
	return &c
}

// Validate checks every input against its range: people 1 to
// MaxPeopleAtOnce, hours over 0 and at most 24, days over 0 and at most 7,
// names of valid text, an allowance of 0 to 100%, custom hours a week of
// 1 to 168, the shifts (see CheckRota). NaN and infinities are refused
// with the rest.
func (p *Plan) Validate() error {
	if len(p.Posts) > MaxPosts {
		return fail("岗位点太多：%d 个，最多 %d 个", "too many posts: %d, at most %d", len(p.Posts), MaxPosts)
	}
	for i, post := range p.Posts {
		if err := checkPost(post); err != nil {
			return within(postName(i, post.Name), err)
		}
	}
	if p.System < Standard || p.System > Custom {
		return fail("不认识的工时制度 %d", "unknown working-time system %d", int(p.System))
	}
	if p.System == Custom && !(p.WeekHours >= MinWeekHours && p.WeekHours <= MaxWeekHours) {
		return fail("每人每周工时应为 %d 到 %d 小时，而不是 %s", "the hours a person works in a week must be %d to %d, not %s", MinWeekHours, MaxWeekHours, num(p.WeekHours))
	}
	if p.System != Custom && p.WeekHours != 0 {
		// A leftover of a custom system would print as if it counted.
		return fail("只有自定义工时制度才填每周工时", "weekly hours are set only with the custom system")
	}
	if !(p.Allowance >= 0 && p.Allowance <= MaxAllowance) {
		return fail("休假余量应为 0 到 %d%%，而不是 %s%%", "the allowance must be 0 to %d%%, not %s%%", MaxAllowance, num(p.Allowance))
	}
	if p.Round < RoundUp || p.Round > RoundNearest {
		return fail("不认识的取整方式 %d", "unknown rounding %d", int(p.Round))
	}
	return p.validateRota()
}

// checkPost checks one post's inputs.
func checkPost(post Post) error {
	if err := checkName(post.Name); err != nil {
		return err
	}
	if post.People < 1 || post.People > MaxPeopleAtOnce {
		return fail("同时在岗人数应为 1 到 %d，而不是 %d", "the people at once must be 1 to %d, not %d", MaxPeopleAtOnce, post.People)
	}
	if err := checkHours(post.Hours); err != nil {
		return err
	}
	if !(post.Days > 0 && post.Days <= 7) {
		return fail("每周天数应大于 0、不超过 7，而不是 %s", "the days a week must be over 0 and at most 7, not %s", num(post.Days))
	}
	return nil
}

// within prefixes an *Error with where it happened.
func within(where pair, err error) error {
	e := err.(*Error)
	return &Error{Zh: where.zh + "：" + e.Zh, En: where.en + ": " + e.En}
}

// pair is a text in Chinese and English.
type pair struct{ zh, en string }

// postName names post i in messages.
func postName(i int, name string) pair {
	if name != "" {
		return pair{fmt.Sprintf("岗位点“%s”", clip(name)), fmt.Sprintf("post %q", clip(name))}
	}
	return pair{fmt.Sprintf("第 %d 个岗位点", i+1), fmt.Sprintf("post %d", i+1)}
}

func checkName(s string) error {
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		return fail("名称含有无效字符", "the name holds invalid characters")
	}
	if n := utf8.RuneCountInString(s); n > MaxNameRunes {
		return fail("名称太长：%d 个字，最多 %d 个", "the name is too long: %d characters, at most %d", n, MaxNameRunes)
	}
	return nil
}

func checkHours(h Hours) error {
	if h.Range {
		if h.From < 0 || h.From > 1440 || h.To < 0 || h.To > 1440 {
			return fail("时间段超出 0:00 到 24:00", "the time range is outside 0:00 to 24:00")
		}
		return nil
	}
	if !(h.N > 0 && h.N <= 24) {
		return fail("每天小时数应大于 0、不超过 24，而不是 %s", "the hours a day must be over 0 and at most 24, not %s", num(h.N))
	}
	return nil
}

// ---- the result ----

// PostResult is one post's part of the result.
type PostResult struct {
	Post      Post
	WeekHours float64 // hours to cover a week
	// People is the post's share of the total before rounding, allowance
	// included (the posts of one position share its people, so only the
	// total is rounded).
	People float64
}

// Result is a plan's outcome: the posts' parts, the steps of the working
// and the whole number of people.
type Result struct {
	Posts     []PostResult
	WeekHours float64 // all posts' hours a week
	// PersonHours is what one person works: a week under Standard and
	// Custom, a month under Comprehensive (Monthly set).
	PersonHours float64
	Monthly     bool
	Need        float64 // people before the allowance
	Exact       float64 // people with the allowance, before rounding
	Total       int     // the result: the 编制 it proposes
	Steps       []Step
}

// PersonWeekHours returns the hours a person works in a week under the
// plan's system: 40, the custom figure, or the monthly 166.64 h as a
// weekly average (38.35 h).
func (p *Plan) PersonWeekHours() float64 {
	switch p.System {
	case Comprehensive:
		return MonthHours / WeeksPerMonth
	case Custom:
		return p.WeekHours
	}
	return StandardWeekHours
}

// Compute sizes the plan. It validates the plan first and refuses a plan
// without posts and a result over MaxTotal.
func Compute(p *Plan) (Result, error) {
	if p == nil || len(p.Posts) == 0 {
		return Result{}, fail("还没有岗位点：请添加至少一个岗位点", "there are no posts yet: add at least one")
	}
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	var r Result
	for _, post := range p.Posts {
		h := post.WeekHours()
		r.WeekHours += h
		r.Posts = append(r.Posts, PostResult{Post: post, WeekHours: h})
		r.Steps = append(r.Steps, Step{Kind: StepPost, Post: post.Name, People: post.People,
			Hours: post.Hours.Span(), Range: post.Hours.Display(), Days: post.Days, Out: h})
	}
	if len(p.Posts) > 1 {
		r.Steps = append(r.Steps, Step{Kind: StepSum, Out: r.WeekHours})
	}
	hours := r.WeekHours
	switch p.System {
	case Comprehensive:
		r.Monthly, r.PersonHours = true, MonthHours
		month := hours * WeeksPerMonth
		r.Steps = append(r.Steps, Step{Kind: StepMonth, In: hours, Out: month})
		hours = month
	case Custom:
		r.PersonHours = p.WeekHours
	default:
		r.PersonHours = StandardWeekHours
	}
	r.Need = hours / r.PersonHours
	r.Steps = append(r.Steps, Step{Kind: StepDivide, In: hours, By: r.PersonHours, Monthly: r.Monthly, System: p.System, Out: r.Need})
	r.Exact = r.Need
	if p.Allowance > 0 {
		r.Exact = r.Need * (1 + p.Allowance/100)
		r.Steps = append(r.Steps, Step{Kind: StepAllowance, In: r.Need, By: p.Allowance, Out: r.Exact})
	}
	for i := range r.Posts {
		r.Posts[i].People = r.Exact * r.Posts[i].WeekHours / r.WeekHours
		if len(r.Posts) > 1 {
			r.Steps[i].Share = r.Posts[i].People // the post's steps come first
		}
	}
	total, atLeastOne := round(r.Exact, p.Round)
	if total > MaxTotal {
		return Result{}, fail("测算结果 %s 人，超过上限 %d 人", "the result, %s people, is over the limit of %d", num(r.Exact), MaxTotal)
	}
	r.Total = total
	r.Steps = append(r.Steps, Step{Kind: StepRound, In: r.Exact, Round: p.Round, Total: total, AtLeastOne: atLeastOne})
	return r, nil
}

// epsilon absorbs the floating-point error of the sums, so that exactly
// 4 people (160 h ÷ 40 h) is not rounded up to 5.
const epsilon = 1e-9

// round makes x whole people; atLeastOne says that rounding to the
// nearest gave 0 and 1 was taken instead.
func round(x float64, how Rounding) (int, bool) {
	if how == RoundNearest {
		n := math.Floor(x + 0.5 + epsilon)
		if n < 1 && x > 0 {
			return 1, true
		}
		return int(n), false
	}
	return int(math.Ceil(x - epsilon)), false
}

// ---- small helpers ----

func enumName(names []string, v int, what string) string {
	if v < 0 || v >= len(names) {
		return fmt.Sprintf("%s(%d)", what, v)
	}
	return names[v]
}

func enumIndex(names []string, s string) (int, error) {
	if i := slices.Index(names, strings.ToLower(strings.TrimSpace(s))); i >= 0 {
		return i, nil
	}
	return 0, errors.New("unknown")
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	if utf8.RuneCountInString(s) > 30 {
		return string([]rune(s)[:30]) + "…"
	}
	return s
}
