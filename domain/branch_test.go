package domain

import (
	"slices"
	"testing"
)

// subtreeNames lists the names under id in pre-order, for comparing
// branches by what a user sees.
func subtreeNames(d *Document, id NodeID) []string {
	var out []string
	d.WalkSubtree(id, func(n *Node) bool { out = append(out, n.Name); return true })
	return out
}

func TestPasteBranchCopiesEverythingAndIsOneUndoStep(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	mustDo(t, h, InsertItems(ids["热线员"], Duties, -1, "接听来电\n记录问题"))
	mustDo(t, h, InsertItems(ids["热线员"], Qualifications, -1, "普通话标准"))
	mustDo(t, h, InsertItems(ids["热线组"], Functions, -1, "受理热线"))
	mustDo(t, h, SetGrade(ids["热线员"], "P2"))
	mustDo(t, h, SetHours(ids["热线员"], "三班倒"))
	mustDo(t, h, SetFilled(ids["热线员"], 2))
	mustDo(t, h, &SetHead{ID: ids["组长"], On: true})
	mustDo(t, h, &AddLink{From: ids["热线员"], To: ids["组长"], Text: "质检"})
	mustDo(t, h, &AddLink{From: ids["热线员"], To: ids["经理"]}) // leaves the branch
	mustDo(t, h, SetOffset(ids["热线组"], Offset{X: 30}))
	before := snapshot(t, d)

	b := d.CopyBranch([]NodeID{ids["热线组"], ids["热线员"]}) // the second is inside the first
	if len(b.Nodes) != 3 || len(b.Links) != 1 {
		t.Fatalf("the copy holds %d boxes and %d links, want 3 and 1", len(b.Nodes), len(b.Links))
	}
	p := &PasteBranch{Parent: ids["客户服务部"], Index: -1, Branch: b}
	mustDo(t, h, p)
	if len(p.Added()) != 1 {
		t.Fatalf("added %v, want one top-level box", p.Added())
	}
	top := p.Added()[0]
	if got := d.Node(top).Name; got != "热线组 (2)" {
		t.Errorf("the pasted unit is named %q, want 热线组 (2) beside the original", got)
	}
	if got := subtreeNames(d, top); !slices.Equal(got, []string{"热线组 (2)", "热线员", "组长"}) {
		t.Errorf("pasted %q", got)
	}
	if d.Node(top).Offset != (Offset{}) {
		t.Error("the pasted box kept the original's manual offset")
	}
	kids := d.Node(top).Children()
	agent, lead := d.Node(kids[0]), d.Node(kids[1])
	if agent.Grade != "P2" || agent.Hours != "三班倒" || agent.Filled != 2 || agent.Planned != 3 ||
		!slices.Equal(agent.Duties, []string{"接听来电", "记录问题"}) || !slices.Equal(agent.Qualifications, []string{"普通话标准"}) {
		t.Errorf("the pasted position lost fields: %+v", *agent)
	}
	if !slices.Equal(d.Node(top).Functions, []string{"受理热线"}) {
		t.Errorf("the pasted unit's functions are %q", d.Node(top).Functions)
	}
	if !lead.Head || d.HeadOf(top) != lead.ID {
		t.Error("the pasted 组长 does not head the pasted unit")
	}
	if d.HeadOf(ids["热线组"]) != ids["组长"] {
		t.Error("the original unit lost its head")
	}
	var pastedLinks []Link
	for _, l := range d.Links() {
		if l.From == agent.ID {
			pastedLinks = append(pastedLinks, l)
		}
	}
	if len(pastedLinks) != 1 || pastedLinks[0].To != lead.ID || pastedLinks[0].Label != "质检" {
		t.Errorf("pasted links %+v, want one from the new 热线员 to the new 组长 labelled 质检", pastedLinks)
	}

	after := snapshot(t, d)
	if _, err := h.Undo(); err != nil {
		t.Fatal(err)
	}
	if snapshot(t, d) != before {
		t.Error("one undo does not take the whole paste away")
	}
	if _, err := h.Redo(); err != nil {
		t.Fatal(err)
	}
	if snapshot(t, d) != after {
		t.Error("redo does not give the same paste (same ids) again")
	}
}

func TestPasteBranchNumbersClashingNames(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	b := d.CopyBranch([]NodeID{ids["文员"]})
	for _, want := range []string{"文员 (2)", "文员 (3)"} {
		p := &PasteBranch{Parent: ids["客户服务部"], Index: -1, Branch: b}
		mustDo(t, h, p)
		if got := d.Node(p.Added()[0]).Name; got != want {
			t.Errorf("pasted as %q, want %q", got, want)
		}
	}
	// A copy of "文员 (3)" pasted again counts on, not "文员 (3) (2)".
	last := d.ChildIDs(ids["客户服务部"])
	p := &PasteBranch{Parent: ids["客户服务部"], Index: -1, Branch: d.CopyBranch(last[len(last)-1:])}
	mustDo(t, h, p)
	if got := d.Node(p.Added()[0]).Name; got != "文员 (4)" {
		t.Errorf("pasted as %q, want 文员 (4)", got)
	}
	// Under another superior the name is free.
	p = &PasteBranch{Parent: ids["热线组"], Index: -1, Branch: b}
	mustDo(t, h, p)
	if got := d.Node(p.Added()[0]).Name; got != "文员" {
		t.Errorf("pasted under 热线组 as %q, want 文员", got)
	}
	if !d.Node(p.Added()[0]).Concurrent {
		t.Error("the concurrent flag was not copied")
	}
}

func TestPastedHeadTakesNoHeadshipAway(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	b := d.CopyBranch([]NodeID{ids["经理"]})
	// Into its own unit, which has a head: the copy is an ordinary post.
	p := &PasteBranch{Parent: ids["客户服务部"], Index: d.IndexOf(ids["经理"]) + 1, Branch: b, Name: "Duplicate"}
	mustDo(t, h, p)
	if d.HeadOf(ids["客户服务部"]) != ids["经理"] || d.Node(p.Added()[0]).Head {
		t.Error("the duplicate took the headship from the original")
	}
	if got := d.IndexOf(p.Added()[0]); got != d.IndexOf(ids["经理"])+1 {
		t.Errorf("the duplicate is at %d, want right after the original", got)
	}
	if h.UndoLabel() != "Duplicate" {
		t.Errorf("the undo step is %q", h.UndoLabel())
	}
	// Into a unit without a head: it heads it.
	p = &PasteBranch{Parent: ids["热线组"], Index: -1, Branch: b}
	mustDo(t, h, p)
	if d.HeadOf(ids["热线组"]) != p.Added()[0] {
		t.Error("a pasted head does not head a unit that had none")
	}
	// At the top level there is no unit to head.
	p = &PasteBranch{Parent: 0, Index: -1, Branch: b}
	mustDo(t, h, p)
	if d.Node(p.Added()[0]).Head {
		t.Error("a top-level box is marked head")
	}
}

func TestPasteBranchRefusesAMissingParent(t *testing.T) {
	h, ids := sample(t)
	before := snapshot(t, h.Doc)
	err := h.Do(&PasteBranch{Parent: 999, Index: -1, Branch: h.Doc.CopyBranch([]NodeID{ids["经理"]})})
	if err == nil {
		t.Fatal("pasting under a box that does not exist was accepted")
	}
	if snapshot(t, h.Doc) != before {
		t.Error("a refused paste changed the document")
	}
}
