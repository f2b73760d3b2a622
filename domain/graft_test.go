package domain

import (
	"slices"
	"testing"
)

// A graft copies the other document's tree under the box, with heads,
// duties and links, as one undo step; redo brings back the same boxes.
func TestGraftIsOneUndoStep(t *testing.T) {
	src, err := Restore(NewDocument().Info, []Node{
		{ID: 1, Kind: KindUnit, Name: "客服部"},
		{ID: 2, Parent: 1, Kind: KindPosition, Name: "客服经理", Planned: 1, Head: true, Duties: []string{"全面负责"}},
		{ID: 3, Parent: 1, Kind: KindPosition, Name: "专员", Planned: 3},
		{ID: 4, Kind: KindPosition, Name: "顾问", Planned: 1},
	}, []Link{{ID: 1, From: 3, To: 4, Label: "咨询"}})
	if err != nil {
		t.Fatal(err)
	}
	d := NewDocument()
	h := NewHistory(d)
	top := AddChild(0, KindUnit, "公司")
	if err := h.Do(top); err != nil {
		t.Fatal(err)
	}
	g := &Graft{Parent: top.ID, From: src}
	if err := h.Do(g); err != nil {
		t.Fatal(err)
	}
	outline := func() []string {
		var out []string
		d.Walk(func(n *Node) bool {
			out = append(out, n.Name)
			return true
		})
		return out
	}
	want := []string{"公司", "客服部", "客服经理", "专员", "顾问"}
	if got := outline(); !slices.Equal(got, want) {
		t.Fatalf("tree %q", got)
	}
	added := g.Added()
	if len(added) != 2 || d.Node(added[0]).Name != "客服部" || d.Node(added[1]).Parent != top.ID {
		t.Fatalf("added %v", added)
	}
	mgr := d.HeadOf(added[0])
	if mgr == 0 || d.Node(mgr).Name != "客服经理" || !slices.Equal(d.Node(mgr).Duties, []string{"全面负责"}) {
		t.Fatalf("head %v", d.Node(mgr))
	}
	if l := d.Links(); len(l) != 1 || d.Node(l[0].From).Name != "专员" || d.Node(l[0].To).Name != "顾问" || l[0].Label != "咨询" {
		t.Fatalf("links %+v", l)
	}
	if src.Len() != 4 || src.Node(2).Head != true {
		t.Fatal("the source changed")
	}
	h.Undo()
	if got := outline(); !slices.Equal(got, []string{"公司"}) || len(d.Links()) != 0 {
		t.Fatalf("after one undo: %q", got)
	}
	h.Redo()
	if got := outline(); !slices.Equal(got, want) || d.HeadOf(added[0]) != mgr {
		t.Fatalf("after redo: %q", got)
	}
}
