package domain

import "testing"

// Typing in one field, saved at every pause, is one undo step: undo goes
// back to the text before the field edit, never to a half-typed word.
func TestContinuedEditsAreOneUndoStep(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	id := ids["热线员"]
	before := snapshot(t, d)
	steps := 0
	h.OnChange = func(Change) error { steps++; return nil }

	var last Command
	for _, s := range []string{"客", "客服", "客服专员"} {
		c := Continue(last, Rename(id, s))
		mustDo(t, h, c)
		last = c
	}
	if got := d.Node(id).Name; got != "客服专员" {
		t.Fatalf("name = %q", got)
	}
	if steps != 3 {
		t.Errorf("OnChange ran %d times, want 3 (every pause is saved)", steps)
	}
	if got := h.UndoLabel(); got != "Rename" {
		t.Errorf("undo label %q", got)
	}
	if _, err := h.Undo(); err != nil {
		t.Fatal(err)
	}
	if snapshot(t, d) != before {
		t.Fatalf("one undo left %q, want the document before the field edit", d.Node(id).Name)
	}
	if _, err := h.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := d.Node(id).Name; got != "客服专员" {
		t.Fatalf("redo gave %q", got)
	}

	// A continuation of an edit that is no longer the last step (another
	// edit came between) is a step of its own.
	mustDo(t, h, SetGrade(id, "P3"))
	mustDo(t, h, Continue(last, Rename(id, "客服代表")))
	if _, err := h.Undo(); err != nil {
		t.Fatal(err)
	}
	if d.Node(id).Name != "客服专员" || d.Node(id).Grade != "P3" {
		t.Fatalf("undo reverted more than the separate step: %q %q", d.Node(id).Name, d.Node(id).Grade)
	}

	// A refused continuation changes nothing and keeps the step.
	mustDo(t, h, Rename(id, "坐席"))
	first := Continue(nil, Rename(id, "坐席员"))
	mustDo(t, h, first)
	if err := h.Do(Continue(first, Rename(id, " "))); err == nil {
		t.Fatal("an empty name was accepted")
	}
	if _, err := h.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := d.Node(id).Name; got != "坐席" {
		t.Fatalf("after a refused continuation, undo gave %q", got)
	}
}

// A list item typed into the new-item field, saved, and finished in its
// own row is one step named after the adding.
func TestContinuedAcrossCommands(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	id := ids["热线员"]
	add := Continue(nil, InsertItems(id, Duties, -1, "接听"))
	mustDo(t, h, add)
	mustDo(t, h, Continue(add, EditItem(id, Duties, 0, "接听客户来电")))
	if got := d.Node(id).Duties; len(got) != 1 || got[0] != "接听客户来电" {
		t.Fatalf("duties %q", got)
	}
	if got := h.UndoLabel(); got != "Add duties" {
		t.Errorf("undo label %q", got)
	}
	if _, err := h.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := d.Node(id).Duties; len(got) != 0 {
		t.Fatalf("after undo duties %q", got)
	}
}
