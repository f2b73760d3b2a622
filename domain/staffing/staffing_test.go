package staffing

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func mustHours(t testing.TB, s string) Hours {
	t.Helper()
	h, err := ParseHours(s)
	if err != nil {
		t.Fatalf("ParseHours(%q): %v", s, err)
	}
	return h
}

func mustCompute(t testing.TB, p *Plan) Result {
	t.Helper()
	r, err := Compute(p)
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	return r
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// The worked example: 1 post × 24 h × 7 d = 168 h/week; ÷ 40 h =
// 4.2; × (1 + 5%) = 4.41; rounded up to 5.
func TestWorkedExample(t *testing.T) {
	p := &Plan{Posts: []Post{{People: 1, Hours: Hours{N: 24}, Days: 7}}, Allowance: 5}
	r := mustCompute(t, p)
	if r.Total != 5 {
		t.Errorf("total %d, want 5", r.Total)
	}
	kinds := []StepKind{StepPost, StepDivide, StepAllowance, StepRound}
	outs := []float64{168, 4.2, 4.41}
	if len(r.Steps) != len(kinds) {
		t.Fatalf("steps %+v", r.Steps)
	}
	for i, s := range r.Steps {
		if s.Kind != kinds[i] || (i < len(outs) && !near(s.Out, outs[i])) {
			t.Errorf("step %d: %+v, want kind %d out %v", i, s, kinds[i], outs)
		}
	}
	en := Working(r, false)
	want := []string{"1 post × 24 h × 7 d = 168 h/week", "÷ 40 h (standard hours, a week per person) = 4.2",
		"× (1 + 5%) = 4.41 (allowance for leave and absence)", "rounded up to 5", "Result: 5 people"}
	if !slices.Equal(en, want) {
		t.Errorf("English working:\n%s\nwant\n%s", strings.Join(en, "\n"), strings.Join(want, "\n"))
	}
	zh := Working(r, true)
	wantZh := []string{"1 个岗位点 × 24 小时 × 7 天 = 168 小时/周", "÷ 40 小时（标准工时制，每人每周）= 4.2",
		"×（1 + 5%）= 4.41（休假、缺勤余量）", "向上取整为 5", "测算编制：5 人"}
	if !slices.Equal(zh, wantZh) {
		t.Errorf("Chinese working:\n%s\nwant\n%s", strings.Join(zh, "\n"), strings.Join(wantZh, "\n"))
	}
}

func TestComprehensiveUsesTheMonthlyStandard(t *testing.T) {
	if !near(MonthHours, 166.64) {
		t.Fatalf("MonthHours = %v, want 166.64", MonthHours)
	}
	p := &Plan{Posts: []Post{{People: 1, Hours: Hours{N: 24}, Days: 7}}, System: Comprehensive}
	r := mustCompute(t, p)
	// 168 h/week × 365 ÷ 7 ÷ 12 = 730 h/month; ÷ 166.64 = 4.38…
	if !near(r.Steps[1].Out, 730) || !near(r.Need, 730/166.64) || r.Total != 5 {
		t.Errorf("steps %+v, need %v, total %d", r.Steps, r.Need, r.Total)
	}
	if got := Working(r, false)[2]; got != "÷ 166.64 h (comprehensive hours, a month per person: 20.83 d × 8 h) ≈ 4.38" {
		t.Errorf("divide step %q", got)
	}
}

func TestCustomHoursAndNearest(t *testing.T) {
	p := &Plan{Posts: []Post{{People: 2, Hours: Hours{N: 12}, Days: 6}}, System: Custom, WeekHours: 44, Round: RoundNearest}
	r := mustCompute(t, p) // 144 ÷ 44 = 3.27 → 3
	if r.Total != 3 || !near(r.Need, 144.0/44) {
		t.Errorf("total %d need %v", r.Total, r.Need)
	}
	small := &Plan{Posts: []Post{{People: 1, Hours: Hours{N: 2}, Days: 5}}, Round: RoundNearest}
	if r := mustCompute(t, small); r.Total != 1 || !r.Steps[len(r.Steps)-1].AtLeastOne {
		t.Errorf("a covered post rounded to %d people", r.Total)
	}
	exact := &Plan{Posts: []Post{{People: 1, Hours: Hours{N: 8}, Days: 5}, {People: 1, Hours: Hours{N: 8}, Days: 5}}}
	if r := mustCompute(t, exact); r.Total != 2 {
		t.Errorf("80 h ÷ 40 h rounded up to %d, want exactly 2", r.Total)
	}
}

func TestParseHours(t *testing.T) {
	for s, span := range map[string]float64{
		"24": 24, "7.5": 7.5, "8h": 8, "8 小时": 8, "２４": 24,
		"22:00-06:00": 8, "22:00–6:00": 8, "6:00—22:00": 16, "06:00~14:00": 8, "14:00至22:00": 8,
		"２２：００－０６：００": 8, "8点-16点": 8, "0:00-24:00": 24, "8:00-8:00": 24, "23:30-00:15": 0.75,
	} {
		if got := mustHours(t, s).Span(); !near(got, span) {
			t.Errorf("%q spans %v h, want %v", s, got, span)
		}
	}
	for _, s := range []string{"", "abc", "25:00-06:00", "6:61-7:00", "24:30-1:00", "6:00-"} {
		if h, err := ParseHours(s); err == nil && h.Range {
			t.Errorf("%q read as %v", s, h)
		} else if err == nil {
			if checkHours(h) == nil {
				t.Errorf("%q accepted as %v", s, h)
			}
		}
	}
	if h := mustHours(t, "22:00-6:00"); h.String() != "22:00-06:00" || mustHours(t, h.String()) != h {
		t.Errorf("text form %q does not read back", h.String())
	}
}

// The seed's 秩序管理员: 23 on three shifts, 人行门岗4、车辆门岗4、监控岗4、
// 巡逻岗7、停车管理岗4. A round-the-clock post is 4.2 people by 标准工时制,
// 4 to the nearest, which 四班三运转 staffs at 42 h a week each; the
// patrol's 7 is two patrols by day and one by night.
func TestSeedSecurityFigures(t *testing.T) {
	gate := func() *Plan {
		return &Plan{Posts: []Post{{People: 1, Hours: Hours{N: 24}, Days: 7}}, Round: RoundNearest,
			Rota: FourTeamsThreeShifts, Shifts: []Shift{
				{Name: "早班", Time: mustHours(t, "08:00-16:00")},
				{Name: "中班", Time: mustHours(t, "16:00-24:00")},
				{Name: "夜班", Time: mustHours(t, "00:00-08:00")}}}
	}
	patrol := &Plan{Round: RoundNearest, Posts: []Post{
		{Name: "白班巡逻", People: 2, Hours: mustHours(t, "06:00-22:00"), Days: 7},
		{Name: "夜班巡逻", People: 1, Hours: mustHours(t, "22:00-06:00"), Days: 7}}}
	total := 0
	for name, want := range map[string]int{"人行门岗": 4, "车辆门岗": 4, "监控岗": 4, "停车管理岗": 4} {
		r := mustCompute(t, gate())
		if r.Total != want || !near(r.Exact, 4.2) {
			t.Errorf("%s: %d (%v), want %d", name, r.Total, r.Exact, want)
		}
		total += r.Total
	}
	r := mustCompute(t, patrol)
	if r.Total != 7 || !near(r.WeekHours, 280) {
		t.Errorf("巡逻岗: %d from %v h/week, want 7 from 280", r.Total, r.WeekHours)
	}
	if !near(r.Posts[0].People, 5.6) || !near(r.Posts[1].People, 1.4) {
		t.Errorf("posts' shares %v, %v; want 5.6 and 1.4", r.Posts[0].People, r.Posts[1].People)
	}
	if w := Working(r, true); w[0] != "白班巡逻：2 个岗位点 × 16 小时（06:00–22:00） × 7 天 = 224 小时/周（约 5.6 人）" || w[2] != "各岗位点合计 280 小时/周" {
		t.Errorf("patrol working %q", w)
	}
	if total += r.Total; total != 23 {
		t.Errorf("秩序管理员 %d, the seed says 23", total)
	}
	rr, err := CheckRota(gate())
	if err != nil {
		t.Fatal(err)
	}
	// 四班三运转 needs 4 people per post: 168 ÷ 4 = 42 h a week, 2 over 40,
	// about 8.69 h a month, inside the legal 36.
	if rr.Total != 4 || !near(rr.PersonWeek, 42) || !near(rr.OvertimeMonth, 2*365.0/84) || rr.OverLegal {
		t.Errorf("四班三运转: %+v", rr)
	}
	lines := RotaLines(rr, true)
	if !strings.Contains(lines[1], "每人每周 42 小时 | 标准工时制 40 小时") || !strings.Contains(lines[2], "8.69") {
		t.Errorf("rota lines %q", lines)
	}
}

// The hotline: 6:00–22:00 in two shifts, 做六休一, "3班到值班16小时服务".
func TestSeedHotline(t *testing.T) {
	p := &Plan{Posts: []Post{{Name: "热线", People: 1, Hours: mustHours(t, "06:00-22:00"), Days: 7}},
		Rota: SixOnOneOff, Shifts: []Shift{{Name: "早班", Time: mustHours(t, "6:00-14:00")}, {Name: "晚班", Time: mustHours(t, "14:00-22:00")}}}
	r := mustCompute(t, p) // 112 ÷ 40 = 2.8 → 3
	if r.Total != 3 {
		t.Errorf("hotline %d, want 3", r.Total)
	}
	rr, err := CheckRota(p)
	if err != nil {
		t.Fatal(err)
	}
	// 14 shifts a week, 6 each: 3 people, 48 h a week each, 8 over 40,
	// about 34.76 h a month: inside the 36 h limit, just.
	if rr.Total != 3 || !near(rr.PersonWeek, 48) || rr.OverLegal || !near(rr.OvertimeMonth, 8*365.0/84) {
		t.Errorf("做六休一: %+v", rr)
	}
}

func TestThreeTeamsTwoShiftsIsOverTheLegalLimit(t *testing.T) {
	p := &Plan{Posts: []Post{{People: 1, Hours: Hours{N: 24}, Days: 7}, {People: 2, Hours: Hours{N: 24}, Days: 7}},
		Rota: ThreeTeamsTwoShifts, Shifts: []Shift{{Time: mustHours(t, "8:00-20:00")}, {Time: mustHours(t, "20:00-8:00")}}}
	rr, err := CheckRota(p)
	if err != nil {
		t.Fatal(err)
	}
	if rr.Total != 9 || !slices.Equal(rr.PerPost, []int{3, 6}) || !near(rr.PersonWeek, 56) || !rr.OverLegal {
		t.Errorf("三班两运转: %+v", rr)
	}
	if l := RotaLines(rr, false); !strings.Contains(l[2], "more than the legal limit of 36 h") {
		t.Errorf("not flagged: %q", l)
	}
	p.Shifts = p.Shifts[:1]
	if _, err := CheckRota(p); !errors.Is(err, ErrInvalid) {
		t.Errorf("one shift for 三班两运转: %v", err)
	}
}

func TestInvalidInputsAreRefusedInBothLanguages(t *testing.T) {
	good := func() *Plan { return &Plan{Posts: []Post{{People: 1, Hours: Hours{N: 8}, Days: 5}}} }
	cases := map[string]func(p *Plan){
		"negative people": func(p *Plan) { p.Posts[0].People = -1 },
		"no people":       func(p *Plan) { p.Posts[0].People = 0 },
		"huge people":     func(p *Plan) { p.Posts[0].People = 1 << 40 },
		"NaN hours":       func(p *Plan) { p.Posts[0].Hours.N = math.NaN() },
		"25 hours":        func(p *Plan) { p.Posts[0].Hours.N = 25 },
		"negative hours":  func(p *Plan) { p.Posts[0].Hours.N = -8 },
		"8 days":          func(p *Plan) { p.Posts[0].Days = 8 },
		"Inf days":        func(p *Plan) { p.Posts[0].Days = math.Inf(1) },
		"allowance":       func(p *Plan) { p.Allowance = 150 },
		"NaN allowance":   func(p *Plan) { p.Allowance = math.NaN() },
		"custom 0":        func(p *Plan) { p.System = Custom },
		"custom huge":     func(p *Plan) { p.System, p.WeekHours = Custom, 1e9 },
		"stray week":      func(p *Plan) { p.WeekHours = 44 },
		"system":          func(p *Plan) { p.System = 7 },
		"rounding":        func(p *Plan) { p.Round = -1 },
		"rota":            func(p *Plan) { p.Rota = 99 },
		"bad name":        func(p *Plan) { p.Posts[0].Name = "a\x00b" },
		"long name":       func(p *Plan) { p.Posts[0].Name = strings.Repeat("岗", 101) },
		"many posts":      func(p *Plan) { p.Posts = make([]Post, MaxPosts+1) },
		"shift number":    func(p *Plan) { p.Shifts = []Shift{{Time: Hours{N: 8}}} },
	}
	for name, spoil := range cases {
		p := good()
		spoil(p)
		_, err := Compute(p)
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: Compute gave %v", name, err)
			continue
		}
		if e.Zh == "" || e.En == "" || e.Zh == e.En || Message(err, true) != e.Zh || Message(err, false) != e.En {
			t.Errorf("%s: messages %q / %q", name, e.Zh, e.En)
		}
	}
	if _, err := Compute(&Plan{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("a plan without posts: %v", err)
	}
	// The biggest plan within the limits stays a finite number, and one
	// over MaxTotal is refused.
	huge := &Plan{System: Custom, WeekHours: MinWeekHours, Allowance: MaxAllowance}
	for range MaxPosts {
		huge.Posts = append(huge.Posts, Post{People: MaxPeopleAtOnce, Hours: Hours{N: 24}, Days: 7})
	}
	if _, err := Compute(huge); !errors.Is(err, ErrInvalid) {
		t.Errorf("a result over MaxTotal: %v", err)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	p := &Plan{Posts: []Post{{Name: "车辆门岗", People: 1, Hours: mustHours(t, "22:00-06:00"), Days: 7}, {People: 2, Hours: Hours{N: 7.5}, Days: 5.5}},
		System: Custom, WeekHours: 44, Allowance: 5, Round: RoundNearest, Rota: SixOnOneOff,
		Shifts: []Shift{{Name: "早班", Time: mustHours(t, "6:00-14:00")}}}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q Plan
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	if !reflect.DeepEqual(p, &q) {
		t.Errorf("round trip:\n%+v\n%+v\n%s", p, q, b)
	}
	if err := json.Unmarshal([]byte(`{"posts":[{"people":1,"hours":24,"days":7}],"system":"weekly"}`), &q); err == nil {
		t.Error("an unknown system was read")
	}
}

// randomPlan returns a valid plan of a few posts.
func randomPlan(rng *rand.Rand) *Plan {
	p := &Plan{System: System(rng.IntN(3)), Allowance: float64(rng.IntN(30)), Round: Rounding(rng.IntN(2))}
	if p.System == Custom {
		p.WeekHours = float64(20 + rng.IntN(40))
	}
	for range 1 + rng.IntN(4) {
		post := Post{People: 1 + rng.IntN(3), Days: float64(1 + rng.IntN(7))}
		if rng.IntN(2) == 0 {
			post.Hours = Hours{N: float64(1+rng.IntN(48)) / 2}
		} else {
			post.Hours = Hours{Range: true, From: rng.IntN(48) * 30, To: rng.IntN(48) * 30}
		}
		p.Posts = append(p.Posts, post)
	}
	return p
}

// More posts, hours, days or people never lower the result; more hours per
// person never raise it.
func TestMonotone(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2026))
	for i := range 2000 {
		p := randomPlan(rng)
		base := mustCompute(t, p).Total
		grow := []func(q *Plan){
			func(q *Plan) { q.Posts = append(q.Posts, randomPlan(rng).Posts[0]) },
			func(q *Plan) {
				k := rng.IntN(len(q.Posts))
				q.Posts[k].Hours = Hours{N: math.Min(24, q.Posts[k].Hours.Span()+0.5)}
			},
			func(q *Plan) { k := rng.IntN(len(q.Posts)); q.Posts[k].Days = math.Min(7, q.Posts[k].Days+1) },
			func(q *Plan) { q.Posts[rng.IntN(len(q.Posts))].People++ },
			func(q *Plan) { q.Allowance = math.Min(MaxAllowance, q.Allowance+5) },
		}
		for j, g := range grow {
			q := p.Clone()
			g(q)
			if got := mustCompute(t, q).Total; got < base {
				t.Fatalf("plan %d, change %d: %d people became %d\n%+v\n%+v", i, j, base, got, p, q)
			}
		}
		q := p.Clone()
		q.System, q.WeekHours = Custom, p.PersonWeekHours()+float64(1+rng.IntN(20))
		if got := mustCompute(t, q).Total; got > base {
			t.Fatalf("plan %d: more hours per person (%v h) raised %d to %d", i, q.WeekHours, base, got)
		}
	}
}
