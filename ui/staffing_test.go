package ui

import (
	"strings"
	"testing"

	"orgdraft/domain/staffing"
)

// A position is sized in the inspector: the plan is started, its inputs
// typed, the working shown live, and Apply sets the 编制 as one undoable
// step; undo restores the old 编制 exactly.
func TestStaffingSectionApplyAndUndo(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.agent)
	i := m.Inspector()
	s := i.staffing
	if !s.Content.Visible() || !s.start.Visible() || s.body.Visible() {
		t.Fatal("a position without a plan should offer to start one")
	}
	tapButton(t, i.Content, "Size this position from its posts and shifts")
	doc := func() *staffing.Plan { return m.Session().Doc.Node(ids.agent).Staffing }
	if p := doc(); p == nil || len(p.Posts) != 1 || len(s.postRows) != 1 {
		t.Fatalf("starting gave %+v", p)
	}
	typeInto(m, s.allowance, "5")
	if p := doc(); p.Allowance != 5 {
		t.Fatalf("allowance %v", p.Allowance)
	}
	want := "1 post × 24 h × 7 d = 168 h/week\n÷ 40 h (standard hours, a week per person) = 4.2\n× (1 + 5%) = 4.41 (allowance for leave and absence)\nrounded up to 5\nResult: 5 people"
	if got := i.StaffingWorking(); got != want {
		t.Fatalf("working shown:\n%s\nwant\n%s", got, want)
	}
	old := m.Session().Doc.Node(ids.agent).Planned
	tapButton(t, i.Content, "Apply: set the planned headcount to 5")
	if got := m.Session().Doc.Node(ids.agent).Planned; got != 5 || i.planned.Text != "5" {
		t.Fatalf("编制 %d after Apply (field %q)", got, i.planned.Text)
	}
	if got := m.UndoMenuLabel(); got != "Undo Apply staffing" {
		t.Errorf("Undo menu = %q", got)
	}
	if !s.apply.Disabled() {
		t.Error("Apply stays enabled when the 编制 is the result")
	}
	m.Undo()
	if got := m.Session().Doc.Node(ids.agent).Planned; got != old {
		t.Fatalf("编制 %d after undo, want the old %d", got, old)
	}
	if p := doc(); p == nil || p.Allowance != 5 {
		t.Errorf("undoing Apply changed the plan: %+v", p)
	}
}

func TestStaffingSectionInputs(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.agent)
	i := m.Inspector()
	s := i.staffing
	tapButton(t, i.Content, "Size this position from its posts and shifts")
	doc := func() *staffing.Plan { return m.Session().Doc.Node(ids.agent).Staffing }
	typeInto(m, s.postRows[0].name, "车辆门岗")
	typeInto(m, s.postRows[0].hours, "22:00-6:00")
	if p := doc(); p.Posts[0].Name != "车辆门岗" || p.Posts[0].Hours.Span() != 8 {
		t.Fatalf("post %+v", p.Posts[0])
	}
	if !strings.HasPrefix(i.StaffingWorking(), "车辆门岗: 1 post × 8 h (22:00–06:00) × 7 d = 56 h/week") {
		t.Errorf("working %q", i.StaffingWorking())
	}
	// A value out of range is refused with a message, and changes nothing.
	typeInto(m, s.postRows[0].days, "9")
	if p := doc(); p.Posts[0].Days != 7 || !strings.Contains(i.Message(), "days a week") || s.postRows[0].days.Text != "7" {
		t.Errorf("9 days: plan %v, message %q, field %q", p.Posts[0].Days, i.Message(), s.postRows[0].days.Text)
	}
	typeInto(m, s.postRows[0].hours, "abc")
	if !strings.Contains(i.Message(), "time range") {
		t.Errorf("message %q", i.Message())
	}
	tapButton(t, i.Content, "Add post")
	if p := doc(); len(p.Posts) != 2 || len(s.postRows) != 2 {
		t.Fatalf("posts %d, rows %d", len(p.Posts), len(s.postRows))
	}
	s.system.SetSelected(staffing.Custom.Label(false))
	if p := doc(); p.System != staffing.Custom || p.WeekHours != 40 || !s.weekRow.Visible() {
		t.Fatalf("custom system: %+v", p)
	}
	typeInto(m, s.weekHours, "44")
	if doc().WeekHours != 44 {
		t.Errorf("week hours %v", doc().WeekHours)
	}

	// The rota check: 三班两运转 wants two shifts, then flags 56 h a week.
	s.rota.SetSelected(staffing.ThreeTeamsTwoShifts.Label(false))
	if !strings.Contains(s.rotaCheck.Text, "enter the shifts") {
		t.Errorf("rota check without shifts: %q", s.rotaCheck.Text)
	}
	tapButton(t, i.Content, "Add shift")
	typeInto(m, s.shiftRows[0].time, "8:00-20:00")
	tapButton(t, i.Content, "Add shift")
	if p := doc(); len(p.Shifts) != 2 || p.Shifts[1].Time.String() != "20:00-04:00" {
		t.Fatalf("shifts %+v", p.Shifts)
	}
	typeInto(m, s.shiftRows[1].time, "20:00-8:00")
	if !strings.Contains(s.rotaCheck.Text, "hours per person a week: 56 | custom hours: 44") ||
		!strings.Contains(s.rotaCheck.Text, "more than the legal limit of 36 h") {
		t.Errorf("rota check %q", s.rotaCheck.Text)
	}
	// Undo brings back the plan as it was, a step at a time.
	m.Undo()
	if p := doc(); p.Shifts[1].Time.String() != "20:00-04:00" || s.shiftRows[1].time.Text != "20:00-04:00" {
		t.Errorf("after undo: %v, field %q", p.Shifts[1].Time, s.shiftRows[1].time.Text)
	}
	tapButton(t, i.Content, "Remove staffing plan")
	if doc() != nil || !s.start.Visible() {
		t.Error("the plan was not removed")
	}
	m.Select(ids.unit)
	if s.Content.Visible() {
		t.Error("a unit shows the staffing section")
	}
}
