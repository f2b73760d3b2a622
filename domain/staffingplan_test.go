package domain

import (
	"bytes"
	"errors"
	"testing"

	"orgdraft/domain/staffing"
)

func gatePlan() *staffing.Plan {
	return &staffing.Plan{Posts: []staffing.Post{{Name: "车辆门岗", People: 1, Hours: staffing.Hours{N: 24}, Days: 7}}, Allowance: 5}
}

func TestStaffingLimitIsTheHeadcountLimit(t *testing.T) {
	if staffing.MaxTotal != MaxHeadcount {
		t.Errorf("staffing.MaxTotal %d, MaxHeadcount %d: a result could not become a 编制", staffing.MaxTotal, MaxHeadcount)
	}
}

// Applying the result sets the 编制 in one step, and undo restores the old
// 编制 exactly; the plan stays.
func TestApplyStaffingAndUndo(t *testing.T) {
	h, ids := sample(t)
	id := ids["热线员"]
	old := h.Doc.Node(id).Planned
	mustDo(t, h, SetStaffing(id, gatePlan()))
	if h.Doc.Node(id).Planned != old {
		t.Fatal("setting the plan changed the 编制")
	}
	before := snapshot(t, h.Doc)
	mustDo(t, h, ApplyStaffing(id))
	if got := h.Doc.Node(id).Planned; got != 5 {
		t.Fatalf("编制 %d after apply, want 5", got)
	}
	if h.UndoLabel() != "Apply staffing" {
		t.Errorf("undo label %q", h.UndoLabel())
	}
	if _, err := h.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := h.Doc.Node(id).Planned; got != old || snapshot(t, h.Doc) != before {
		t.Errorf("after undo 编制 %d, want %d, and the document as before", got, old)
	}
	if _, err := h.Redo(); err != nil || h.Doc.Node(id).Planned != 5 {
		t.Errorf("redo: %v, 编制 %d", err, h.Doc.Node(id).Planned)
	}
	// Undoing the plan itself removes it.
	h.Undo()
	h.Undo()
	if h.Doc.Node(id).Staffing != nil {
		t.Error("undo left the plan")
	}
}

func TestStaffingRefusals(t *testing.T) {
	h, ids := sample(t)
	id := ids["热线员"]
	if err := h.Do(ApplyStaffing(id)); !errors.Is(err, ErrNoStaffing) {
		t.Errorf("apply without a plan: %v", err)
	}
	bad := gatePlan()
	bad.Posts[0].Days = 9
	if err := h.Do(SetStaffing(id, bad)); !errors.Is(err, staffing.ErrInvalid) {
		t.Errorf("a plan of 9 days a week: %v", err)
	}
	if h.Doc.Node(id).Staffing != nil {
		t.Error("a refused plan was kept")
	}
	// The plan set is a copy: changing the caller's value changes nothing.
	p := gatePlan()
	mustDo(t, h, SetStaffing(id, p))
	p.Posts[0].People = 9
	if h.Doc.Node(id).Staffing.Posts[0].People != 1 {
		t.Error("the document shares the caller's plan")
	}
	// A plan of no posts may be kept while it is being filled in, but
	// gives nothing to apply.
	mustDo(t, h, SetStaffing(id, &staffing.Plan{}))
	if err := h.Do(ApplyStaffing(id)); !errors.Is(err, staffing.ErrInvalid) {
		t.Errorf("apply of a plan without posts: %v", err)
	}
}

func TestStaffingInJSON(t *testing.T) {
	h, ids := sample(t)
	p := gatePlan()
	p.Posts[0].Hours, _ = staffing.ParseHours("22:00-06:00")
	p.Rota = staffing.SixOnOneOff
	mustDo(t, h, SetStaffing(ids["热线员"], p))
	text := snapshot(t, h.Doc)
	d, err := DecodeJSON(bytes.NewBufferString(text))
	if err != nil {
		t.Fatal(err)
	}
	if snapshot(t, d) != text {
		t.Errorf("JSON round trip changed the document:\n%s\n%s", text, snapshot(t, d))
	}
	if !bytes.Contains([]byte(text), []byte(`"hours": "22:00-06:00"`)) {
		t.Errorf("the plan is not in the JSON form:\n%s", text)
	}
	bad := bytes.Replace([]byte(text), []byte(`"days": 7`), []byte(`"days": -7`), 1)
	if _, err := DecodeJSON(bytes.NewReader(bad)); !errors.Is(err, staffing.ErrInvalid) {
		t.Errorf("a plan of -7 days was read: %v", err)
	}
}
