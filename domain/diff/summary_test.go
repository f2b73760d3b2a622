package diff

import (
	"strings"
	"testing"

	"orgdraft/domain"
)

// TestSuggestedNote: the approver of a revision is offered what changed
// since the last approved version, in either language; the first version
// gets no suggestion.
func TestSuggestedNote(t *testing.T) {
	d := domain.NewDocument()
	h := domain.NewHistory(d)
	do := func(c domain.Command) {
		t.Helper()
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
	}
	unit := domain.AddChild(0, domain.KindUnit, "客服部")
	do(unit)
	do(&domain.AddNode{Parent: unit.ID, Index: -1, Init: domain.Node{Kind: domain.KindPosition, Name: "文员", Planned: 1}})
	d.Info.SignOffs = []domain.SignOff{
		{Role: "编制", Name: "张三", Date: "2026-11-20"},
		{Role: "审核", Name: "李四", Date: "2026-11-25"},
		{Role: "批准", Name: "王五", Date: "2026-11-30"},
	}
	if got := SuggestedNote(d, true); got != "" {
		t.Fatalf("the first version is offered %q", got)
	}
	r, err := d.PrepareApproval(domain.Approval{Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Approve(r); err != nil {
		t.Fatal(err)
	}
	info, err := d.RevisedInfo("")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Revise(info); err != nil {
		t.Fatal(err)
	}
	if got := SuggestedNote(d, true); got != "文档信息有修改" {
		t.Errorf("after revising only the version label: %q", got)
	}
	do(&domain.AddNode{Parent: unit.ID, Index: -1, Init: domain.Node{Kind: domain.KindPosition, Name: "客服专员", Planned: 2}})
	for zh, want := range map[bool][]string{
		true:  {"新增 1 个框", "编制 1 → 3 人"},
		false: {"1 box added", "planned headcount 1 → 3"},
	} {
		got := SuggestedNote(d, zh)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("suggested %q, want it to say %q", got, w)
			}
		}
	}
}
