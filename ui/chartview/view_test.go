package chartview

import (
	"errors"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"orgdraft/domain"
	"orgdraft/ui/chart"
)

// drawnTexts returns the text drawn for box id.
func drawnTexts(t *testing.T, v *View, id domain.NodeID) []string {
	t.Helper()
	it := v.board.r.item(id)
	if it == nil {
		t.Fatalf("box %d has no canvas objects", id)
	}
	var out []string
	for _, o := range it.objects {
		if tx, ok := o.(*canvas.Text); ok && slices.Contains(it.texts, tx) {
			out = append(out, tx.Text)
		}
	}
	return out
}

func TestRenameInPlace(t *testing.T) {
	c := newCompany(t)
	v, hs, w := open(t, c.d)

	v.board.DoubleTapped(&fyne.PointEvent{Position: centre(t, v, c.memberB)})
	if v.Renaming() != c.memberB {
		t.Fatal("double click does not start renaming")
	}
	// The entry lies over the box.
	if !within(v.entry.Position().AddXY(v.entry.Size().Width/2, v.entry.Size().Height/2), centre(t, v, c.memberB), 1) {
		t.Fatalf("entry at %v, box centre %v", v.entry.Position(), centre(t, v, c.memberB))
	}

	// An empty name is refused with a message; the entry stays.
	v.entry.SetText("  ")
	key(t, w, fyne.KeyReturn)
	if c.d.Node(c.memberB).Name != "回访专员" {
		t.Fatal("an empty name was accepted")
	}
	if v.Renaming() != c.memberB || v.hint.Text == "" || !slices.Contains(v.board.r.objects, fyne.CanvasObject(v.hint)) {
		t.Fatal("refusing an empty name shows no message by the entry")
	}
	if hs.h.CanUndo() || w.Canvas().Focused() != v.entry {
		t.Fatal("refusing an empty name made an edit or took the focus from the entry")
	}
	// Typing again hides the message.
	typeText(t, w, "回")
	if v.hint.Text != "" {
		t.Fatal("the message stays while typing")
	}

	// Escape cancels.
	v.entry.SetText("不要")
	key(t, w, fyne.KeyEscape)
	if v.Renaming() != 0 || c.d.Node(c.memberB).Name != "回访专员" {
		t.Fatal("Escape did not cancel renaming")
	}
	if slices.Contains(v.board.r.objects, fyne.CanvasObject(v.entry)) {
		t.Fatal("the entry is still drawn after Escape")
	}

	// Renaming again; Enter commits one undoable edit.
	press(v, centre(t, v, c.memberB), 0)
	v.StartRename(c.memberB)
	v.entry.SetText("回访专员（客服）")
	key(t, w, fyne.KeyReturn)
	if c.d.Node(c.memberB).Name != "回访专员（客服）" {
		t.Fatalf("F2 + Enter: name %q", c.d.Node(c.memberB).Name)
	}
	if hs.h.UndoLabel() != "Rename" {
		t.Fatalf("undo label %q", hs.h.UndoLabel())
	}
}

func within(a, b fyne.Position, tol float32) bool {
	return abs32(a.X-b.X) <= tol && abs32(a.Y-b.Y) <= tol
}

func TestDragOntoAnotherBoxChangesSuperior(t *testing.T) {
	c := newCompany(t)
	v, hs, _ := open(t, c.d)
	if c.d.Superior(c.memberB) != c.leadB {
		t.Fatal("test document: 回访专员 should report to 回访组长")
	}
	from, to := centre(t, v, c.memberB), centre(t, v, c.leadA)

	// Half way, hovering over 热线组长: it is marked as an allowed target.
	dragSteps(v, from, to, 8, false)
	it := v.board.r.item(c.leadA)
	if it.look.drop != 1 || it.outline.StrokeColor != dropOKColor {
		t.Fatalf("target not highlighted as allowed: drop=%d colour %v", it.look.drop, it.outline.StrokeColor)
	}
	if !v.board.r.ghost.show(v) {
		t.Fatal("no ghost follows the pointer")
	}
	v.board.DragEnd()

	if got := c.d.Node(c.memberB).Parent; got != c.leadA {
		t.Fatalf("parent after drop = %d, want %d", got, c.leadA)
	}
	if c.d.Superior(c.memberB) != c.leadA {
		t.Fatal("superior did not change")
	}
	if len(hs.errs) != 0 {
		t.Fatalf("errors: %v", hs.errs)
	}
	if v.board.r.item(c.leadA).look.drop != 0 {
		t.Fatal("the target stays highlighted after the drop")
	}

	if ok, _ := hs.h.Undo(); !ok {
		t.Fatal("nothing to undo")
	}
	if c.d.Node(c.memberB).Parent != c.leadB || c.d.Superior(c.memberB) != c.leadB {
		t.Fatal("undo did not move the box back")
	}
	// Undo redraws: the box is drawn under its old superior again.
	b, _ := v.chart.Box(c.memberB)
	pos, _ := v.boardRect(b.Rect)
	if v.board.r.item(c.memberB).frame.Position() != pos {
		t.Fatal("the canvas does not show the undone move")
	}
}

func TestDragOntoOwnSubordinateIsRefused(t *testing.T) {
	c := newCompany(t)
	v, hs, _ := open(t, c.d)
	before, _ := v.chart.Box(c.groupB)
	home, _ := v.boardRect(before.Rect)

	dragSteps(v, centre(t, v, c.groupB), centre(t, v, c.memberB), 6, false)
	it := v.board.r.item(c.memberB)
	if it.look.drop != 2 || it.outline.StrokeColor != dropBadColor {
		t.Fatal("a subordinate is not marked as a refused target while hovering")
	}
	v.board.DragEnd()

	if len(hs.errs) != 1 || !errors.Is(hs.errs[0], domain.ErrCycle) {
		t.Fatalf("host errors = %v, want ErrCycle", hs.errs)
	}
	if c.d.Node(c.groupB).Parent != c.dept || c.d.Node(c.groupB).Offset != (domain.Offset{}) {
		t.Fatal("the refused drop changed the document")
	}
	if hs.h.CanUndo() {
		t.Fatal("the refused drop left an undo step")
	}
	// The box snapped back.
	if got := v.board.r.item(c.groupB).frame.Position(); got != home {
		t.Fatalf("box at %v after the refused drop, want %v", got, home)
	}
	if v.board.r.ghost.show(v) {
		t.Fatal("the ghost is still drawn")
	}
}

func TestDragToPaperArrangesAndAutoLayoutResets(t *testing.T) {
	c := newCompany(t)
	v, hs, _ := open(t, c.d)
	b, _ := v.chart.Box(c.groupB)
	start := b.Rect
	from := centre(t, v, c.groupB)
	// Down and to the right, where there is no box.
	to := from.AddXY(0, float32(v.chart.Bounds.H*v.scale()))
	dragSteps(v, from, to, 5, true)

	n := c.d.Node(c.groupB)
	wantY := float64(to.Y-from.Y) / v.scale()
	if n.Offset.X != 0 || abs32(float32(n.Offset.Y-wantY)) > 0.01 {
		t.Fatalf("offset %v, want (0, %.2f)", n.Offset, wantY)
	}
	b, _ = v.chart.Box(c.groupB)
	if abs32(float32(b.Rect.Y-start.Y-wantY)) > 0.01 {
		t.Fatalf("box moved from %v to %v", start, b.Rect)
	}

	// A second drag adds to the offset.
	from = centre(t, v, c.groupB)
	dragSteps(v, from, from.AddXY(40, 0), 2, true)
	if n := c.d.Node(c.groupB); abs32(float32(n.Offset.X-40/v.scale())) > 0.01 || abs32(float32(n.Offset.Y-wantY)) > 0.01 {
		t.Fatalf("offset after a second drag %v", n.Offset)
	}

	// Resetting the offsets (View ▸ Auto Layout) redraws the boxes where
	// they were.
	hs.h.Do(domain.ResetOffsets(c.d, nil))
	if c.d.Node(c.groupB).Offset != (domain.Offset{}) {
		t.Fatal("auto layout kept the offset")
	}
	if hs.h.UndoLabel() != "Auto layout" {
		t.Fatalf("undo label %q", hs.h.UndoLabel())
	}
	b, _ = v.chart.Box(c.groupB)
	if b.Rect != start {
		t.Fatalf("box at %v after auto layout, want %v", b.Rect, start)
	}
	hs.h.Undo()
	if c.d.Node(c.groupB).Offset == (domain.Offset{}) {
		t.Fatal("undoing auto layout did not bring the offset back")
	}
}

func TestTinyDragSnapsBack(t *testing.T) {
	c := newCompany(t)
	v, hs, _ := open(t, c.d)
	p := centre(t, v, c.leadA)
	dragSteps(v, p, p.AddXY(2, 1), 1, true)
	if c.d.Node(c.leadA).Offset != (domain.Offset{}) || hs.h.CanUndo() {
		t.Fatal("a 2-unit drag made an edit")
	}
}

func TestPanByDraggingPaper(t *testing.T) {
	c := newCompany(t)
	v, _, _ := open(t, c.d)
	v.SetZoom(400) // larger than the window
	v.scrollTo(fyne.Position{})
	if content, view := v.scroll.Content.MinSize(), v.scroll.Size(); content.Width < view.Width+100 || content.Height < view.Height+50 {
		t.Fatalf("the chart (%v) must be larger than the view (%v) for this test", content, view)
	}
	empty := fyne.NewPos(5, 5) // the margin: no box there
	if _, ok := v.boxAt(empty, nil); ok {
		t.Fatal("test position is on a box")
	}
	dragSteps(v, empty.AddXY(100, 0), empty, 4, true) // the paper follows the pointer: leftwards
	dragSteps(v, fyne.NewPos(105, 5), fyne.NewPos(105, 5).AddXY(0, -50), 4, true)
	if !within(v.scroll.Offset, fyne.NewPos(100, 50), 0.01) {
		t.Fatalf("offset after panning %v, want (100, 50)", v.scroll.Offset)
	}
}

func TestClickSelectsCtrlClickAdds(t *testing.T) {
	c := newCompany(t)
	v, hs, _ := open(t, c.d)
	press(v, centre(t, v, c.leadA), 0)
	press(v, centre(t, v, c.leadB), fyne.KeyModifierControl)
	if got := v.Selection(); !slices.Equal(got, []domain.NodeID{c.leadB, c.leadA}) {
		t.Fatalf("selection %v, want [leadB leadA]", got)
	}
	if n := len(hs.sels); n != 2 || !slices.Equal(hs.sels[1], []domain.NodeID{c.leadB, c.leadA}) {
		t.Fatalf("host told %v", hs.sels)
	}
	// Both are drawn selected, the primary one more strongly.
	a, b := v.board.r.item(c.leadA), v.board.r.item(c.leadB)
	if a.look.selected != 1 || b.look.selected != 2 || !slices.Contains(a.objects, fyne.CanvasObject(a.outline)) {
		t.Fatal("selection is not drawn")
	}
	// Ctrl-click on a selected box removes it.
	press(v, centre(t, v, c.leadB), fyne.KeyModifierControl)
	if got := v.Selection(); !slices.Equal(got, []domain.NodeID{c.leadA}) {
		t.Fatalf("selection after ctrl-click on a selected box: %v", got)
	}
	// A plain click selects only the box clicked; a click on paper clears.
	press(v, centre(t, v, c.memberA), 0)
	if got := v.Selection(); !slices.Equal(got, []domain.NodeID{c.memberA}) {
		t.Fatalf("selection %v", got)
	}
	press(v, fyne.NewPos(3, 3), 0)
	if len(v.Selection()) != 0 {
		t.Fatal("a click on paper keeps the selection")
	}
	// test.Tap (no mouse-down) selects as well.
	test.TapAt(v.board, centre(t, v, c.leadB))
	if got := v.Selection(); !slices.Equal(got, []domain.NodeID{c.leadB}) {
		t.Fatalf("selection after test.TapAt %v", got)
	}
}

func TestDraggingASelectionMovesAllOfIt(t *testing.T) {
	c := newCompany(t)
	v, _, _ := open(t, c.d)
	press(v, centre(t, v, c.memberB), 0)
	press(v, centre(t, v, c.temp), fyne.KeyModifierControl)
	dragSteps(v, centre(t, v, c.temp), centre(t, v, c.leadA), 5, true)
	for _, id := range []domain.NodeID{c.memberB, c.temp} {
		if c.d.Node(id).Parent != c.leadA {
			t.Fatalf("%s did not move with the selection", c.d.Node(id).Name)
		}
	}
}

func TestCollapseHidesSubtree(t *testing.T) {
	c := newCompany(t)
	v, hs, _ := open(t, c.d)
	v.ToggleFold(c.groupB)
	if !c.d.Node(c.groupB).Collapsed {
		t.Fatal("ToggleFold did not collapse")
	}
	for _, id := range []domain.NodeID{c.leadB, c.memberB, c.temp} {
		if _, ok := v.chart.Box(id); ok || v.board.r.item(id) != nil {
			t.Fatalf("%s is still drawn", c.d.Node(id).Name)
		}
	}
	texts := drawnTexts(t, v, c.groupB)
	if !slices.ContainsFunc(texts, func(s string) bool { return s == "（已折叠 3 个框）" }) {
		t.Fatalf("collapsed box shows %q, want the folded count", texts)
	}
	it := v.board.r.item(c.groupB)
	if it.foldText.Text != "+" || !slices.Contains(it.objects, fyne.CanvasObject(it.fold)) {
		t.Fatal("no + button on the collapsed box")
	}
	// Clicking the + button unfolds.
	press(v, it.fold.Position().AddXY(it.fold.Size().Width/2, it.fold.Size().Height/2), 0)
	if c.d.Node(c.groupB).Collapsed {
		t.Fatal("the + button did not expand")
	}
	if _, ok := v.chart.Box(c.memberB); !ok {
		t.Fatal("expanded subtree not drawn")
	}
	if hs.h.UndoLabel() != "Collapse" {
		t.Fatalf("undo label %q", hs.h.UndoLabel())
	}
	// Select shows a box folded away by unfolding its superior in the
	// view only: selecting makes no edit, so there is nothing to undo or
	// save.
	hs.h.Do(domain.SetCollapsed(c.groupB, true))
	label := hs.h.UndoLabel()
	undos := 0
	for hs.h.CanUndo() {
		hs.h.Undo()
		undos++
	}
	for i := 0; i < undos; i++ {
		hs.h.Redo()
	}
	v.Select(c.temp)
	if !c.d.Node(c.groupB).Collapsed {
		t.Fatal("Select changed the document: the folded superior is no longer collapsed")
	}
	if hs.h.UndoLabel() != label || !hs.h.CanUndo() || hs.h.CanRedo() {
		t.Fatalf("Select made an undo step: %q", hs.h.UndoLabel())
	}
	if _, ok := v.chart.Box(c.temp); !ok || !slices.Equal(v.Selection(), []domain.NodeID{c.temp}) {
		t.Fatal("Select did not show and select the box")
	}
	if v.Folded(c.groupB) {
		t.Fatal("the superior is still drawn folded")
	}
	// Folding it again only undoes the view's unfolding.
	v.ToggleFold(c.groupB)
	if _, ok := v.chart.Box(c.temp); ok || !c.d.Node(c.groupB).Collapsed || hs.h.UndoLabel() != label {
		t.Fatal("folding a box the view unfolded did not just hide it again")
	}
}

func TestZoomChangesDrawnSize(t *testing.T) {
	c := newCompany(t)
	v, hs, _ := open(t, c.d)
	w100 := v.board.r.item(c.dept).frame.Size().Width
	v.SetZoom(200)
	if v.Zoom() != 200 {
		t.Fatalf("zoom %d", v.Zoom())
	}
	v.Reveal(c.dept)
	w200 := v.board.r.item(c.dept).frame.Size().Width
	if abs32(w200-2*w100) > 0.5 {
		t.Fatalf("box %v wide at 100%%, %v at 200%%", w100, w200)
	}
	b, _ := v.chart.Box(c.dept)
	if want := float32(b.Rect.W * 2 * unitsPerPoint); abs32(w200-want) > 0.5 {
		t.Fatalf("box %v wide at 200%%, want %v", w200, want)
	}
	if len(hs.zooms) != 0 {
		t.Fatal("SetZoom from the host was reported back to it")
	}
	v.ZoomIn()
	if v.Zoom() != 250 || len(hs.zooms) != 1 || hs.zooms[0] != 250 {
		t.Fatalf("ZoomIn: zoom %d, reported %v", v.Zoom(), hs.zooms)
	}
	v.SetZoom(5)
	if v.Zoom() != 10 {
		t.Fatalf("zoom clamped to %d, want 10", v.Zoom())
	}
	v.ZoomToFit()
	size := v.board.Size()
	bounds := v.contentSize()
	if bounds.Width > v.scroll.Size().Width+0.5 || bounds.Height > v.scroll.Size().Height+0.5 || v.Zoom() > 100 {
		t.Fatalf("fit: chart %v in view %v (board %v) at %d%%", bounds, v.scroll.Size(), size, v.Zoom())
	}
}

func TestZoomKeepsPointUnderPointer(t *testing.T) {
	d, _ := bigDoc(t, 300)
	v, _, _ := open(t, d)
	v.scrollTo(fyne.NewPos(400, 100))
	id, ok := v.boxAt(v.viewCentre(), nil)
	if !ok {
		id = v.chart.Boxes[len(v.chart.Boxes)/2].ID
	}
	v.Reveal(id)
	at := centre(t, v, id)
	onScreen := at.Subtract(v.scroll.Offset)
	v.zoomAbout(1.5, at, true)
	if got := centre(t, v, id).Subtract(v.scroll.Offset); !within(got, onScreen, 1) {
		t.Fatalf("box centre moved on screen from %v to %v", onScreen, got)
	}
}

func TestArrowsMoveSelection(t *testing.T) {
	c := newCompany(t)
	v, hs, w := open(t, c.d)
	press(v, centre(t, v, c.groupA), 0)
	steps := []struct {
		k    fyne.KeyName
		want domain.NodeID
	}{
		{fyne.KeyDown, c.leadA},
		{fyne.KeyDown, c.memberA},
		{fyne.KeyUp, c.leadA},
		{fyne.KeyUp, c.groupA},
		{fyne.KeyRight, c.groupB},
		{fyne.KeyRight, c.groupB}, // no next sibling: stays
		{fyne.KeyLeft, c.groupA},
		{fyne.KeyUp, c.dept},
	}
	for _, s := range steps {
		key(t, w, s.k)
		if got := v.Selection(); !slices.Equal(got, []domain.NodeID{s.want}) {
			t.Fatalf("after %s: %v, want %s", s.k, got, c.d.Node(s.want).Name)
		}
	}
	// Keys the canvas does not use go to the host.
	key(t, w, fyne.KeyF5)
	if !slices.Equal(hs.keys, []fyne.KeyName{fyne.KeyF5}) {
		t.Fatalf("host keys %v", hs.keys)
	}
	key(t, w, fyne.KeyEscape)
	if len(v.Selection()) != 0 {
		t.Fatal("Escape did not clear the selection")
	}
}

func TestChangedDropsDeletedFromSelection(t *testing.T) {
	c := newCompany(t)
	v, hs, _ := open(t, c.d)
	v.Select(c.memberA, c.memberB)
	n := len(hs.sels)
	hs.h.Do(&domain.DeleteNode{ID: c.memberA})
	if got := v.Selection(); !slices.Equal(got, []domain.NodeID{c.memberB}) {
		t.Fatalf("selection %v", got)
	}
	if len(hs.sels) != n {
		t.Fatal("SelectionChanged called for a quiet change")
	}
}

func TestDottedLink(t *testing.T) {
	c := newCompany(t)
	v, hs, _ := open(t, c.d)
	v.StartLink(c.memberA)
	press(v, centre(t, v, c.leadB), 0)
	links := c.d.Links()
	if len(links) != 1 || links[0].From != c.memberA || links[0].To != c.leadB {
		t.Fatalf("links %v", links)
	}
	if v.linkFrom != 0 {
		t.Fatal("still choosing a link target")
	}
	// The link is drawn as dashes in the link colour.
	dashes := 0
	for _, l := range v.board.r.lines[:v.board.r.usedLines] {
		if l.StrokeColor == dottedColor {
			dashes++
		}
	}
	if dashes < 3 {
		t.Fatalf("%d dashes drawn for the dotted link", dashes)
	}
	if hs.h.UndoLabel() != "Add dotted-line link" {
		t.Fatalf("undo label %q", hs.h.UndoLabel())
	}
}

func TestOrientationAndCompactRelayout(t *testing.T) {
	c := newCompany(t)
	v, hs, _ := open(t, c.d)
	b, _ := v.chart.Box(c.memberA)
	before := b.Rect
	if err := hs.h.Do(domain.SetLeftToRight(true)); err != nil {
		t.Fatal(err)
	}
	b, _ = v.chart.Box(c.memberA)
	if b.Rect == before {
		t.Fatal("chart not laid out again after the orientation changed")
	}
	// 回访专员 and 实习生 are two leaves: stacked or in a row.
	temp, _ := v.chart.Box(c.temp)
	was := temp.Rect
	if err := hs.h.Do(domain.SetCompactLeaves(!c.d.Info.Page.CompactLeaves)); err != nil {
		t.Fatal(err)
	}
	if temp, _ = v.chart.Box(c.temp); temp.Rect == was {
		t.Fatal("chart not laid out again after compact columns changed")
	}
	hs.h.Undo()
	hs.h.Undo()
	if b, _ = v.chart.Box(c.memberA); b.Rect != before {
		t.Fatal("undoing both edits did not bring the drawing back")
	}
}

func TestOnlyVisibleBoxesBecomeObjects(t *testing.T) {
	d, _ := bigDoc(t, 1000)
	v, _, _ := open(t, d)
	v.SetZoom(100)
	if v.Zoom() != 100 {
		t.Fatalf("zoom %d", v.Zoom())
	}
	r := v.board.r
	objs, items := len(r.Objects()), len(r.items)
	t.Logf("1,000 boxes at 100%% in 900×700: %d boxes drawn, %d canvas objects, %d line pieces", items, objs, r.usedLines)
	if items == 0 || items > 150 {
		t.Fatalf("%d boxes turned into objects, want only the visible ones", items)
	}
	if objs > 1000 {
		t.Fatalf("%d canvas objects for 1,000 boxes", objs)
	}
	// Scrolling re-uses the pooled objects.
	pool := len(r.items) + len(r.spare)
	v.scrollTo(fyne.NewPos(v.board.Size().Width/2, v.board.Size().Height/2))
	if len(r.items)+len(r.spare) > pool+len(r.items) {
		t.Fatal("the pool grew more than needed")
	}
	for id := range r.items {
		pos, size := v.boardRect(mustBox(t, v, id).Rect)
		off, view := v.viewport()
		if pos.X > off.X+view.Width+100 || pos.X+size.Width < off.X-100 {
			t.Fatalf("box %d far outside the view has objects", id)
		}
	}
	if _, ok := v.chart.Box(d.Roots()[0]); !ok {
		t.Fatal("root not in chart")
	}
}

func mustBox(t *testing.T, v *View, id domain.NodeID) *chart.Box {
	b, ok := v.chart.Box(id)
	if !ok {
		t.Fatalf("box %d not drawn", id)
	}
	return b
}

func TestPreviewImage(t *testing.T) {
	c := newCompany(t)
	img := PreviewImage(c.d, 240, 160)
	if img.Bounds().Dx() != 240 || img.Bounds().Dy() != 160 {
		t.Fatalf("size %v", img.Bounds())
	}
	// Some pixels carry the unit tint, some the border.
	tinted, edges := 0, 0
	for y := 0; y < 160; y++ {
		for x := 0; x < 240; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			switch {
			case r>>8 == uint32(unitFill.R) && g>>8 == uint32(unitFill.G) && b>>8 == uint32(unitFill.B):
				tinted++
			case r>>8 == uint32(unitEdge.R) && g>>8 == uint32(unitEdge.G) && b>>8 == uint32(unitEdge.B):
				edges++
			}
		}
	}
	if tinted < 100 || edges < 50 {
		t.Fatalf("preview looks empty: %d tinted, %d edge pixels", tinted, edges)
	}
	if o := Preview(c.d, fyne.NewSize(120, 80)); o.MinSize() != fyne.NewSize(120, 80) {
		t.Fatalf("preview object min size %v", o.MinSize())
	}
	// An empty document gives a blank picture, not a panic.
	PreviewImage(domain.NewDocument(), 10, 10)
}

func TestWheelScrollsAndRevealShowsBox(t *testing.T) {
	d, _ := bigDoc(t, 400)
	v, _, _ := open(t, d)
	v.SetZoom(100)
	v.scrollTo(fyne.Position{})
	v.board.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-120, 0)})
	if v.scroll.Offset.X != 120 {
		t.Fatalf("wheel: offset %v, want x 120", v.scroll.Offset)
	}
	// The last box is far to the right; Reveal brings it into view and
	// gives it canvas objects.
	last := v.chart.Boxes[len(v.chart.Boxes)-1].ID
	if v.board.r.item(last) != nil {
		t.Fatal("test chart too small: the last box is already in view")
	}
	v.Reveal(last)
	pos, size := v.boardRect(mustBox(t, v, last).Rect)
	off, view := v.viewport()
	if pos.X < off.X || pos.Y < off.Y || pos.X+size.Width > off.X+view.Width || pos.Y+size.Height > off.Y+view.Height {
		t.Fatalf("box at %v %v, view %v %v", pos, size, off, view)
	}
	if v.board.r.item(last) == nil {
		t.Fatal("revealed box has no objects")
	}
}

func TestEmptyDocument(t *testing.T) {
	d := domain.NewDocument()
	v, _, _ := open(t, d)
	if len(v.board.r.items) != 0 {
		t.Fatal("objects for an empty chart")
	}
	v.SetDocument(nil)
	v.ZoomIn()
	v.ToggleFold(1)
	v.StartRename(1)
	if len(v.board.r.objects) != 1 {
		t.Fatalf("%d objects without a document", len(v.board.r.objects))
	}
}

func TestRenameEndsWhenFocusMovesOnNotWhenWindowIsLeft(t *testing.T) {
	c := newCompany(t)
	v, _, w := open(t, c.d)

	// Another program comes to the front: the entry is told it lost the
	// focus but keeps the canvas's focus. Renaming goes on.
	v.StartRename(c.memberA)
	v.entry.SetText("热线客服")
	v.entry.FocusLost()
	if v.Renaming() != c.memberA {
		t.Fatal("leaving the window ended renaming")
	}

	// The user clicks another widget: the focus moves, then (on the next
	// turn of the main loop, which the test driver runs at once, so the
	// test calls it again after the move) the typed name is kept.
	w.Canvas().Unfocus()
	v.entryLeft()
	if v.Renaming() != 0 || c.d.Node(c.memberA).Name != "热线客服" {
		t.Fatalf("moving the focus away: renaming %d, name %q", v.Renaming(), c.d.Node(c.memberA).Name)
	}
	if w.Canvas().Focused() != nil {
		t.Fatal("the chart took the focus back from where the user put it")
	}

	// A click on the chart beside the entry keeps the name too, and
	// selects what was clicked.
	v.StartRename(c.memberB)
	v.entry.SetText("回访客服")
	press(v, centre(t, v, c.leadA), 0)
	if v.Renaming() != 0 || c.d.Node(c.memberB).Name != "回访客服" {
		t.Fatal("a click beside the entry did not keep the name")
	}
	if !slices.Equal(v.Selection(), []domain.NodeID{c.leadA}) || w.Canvas().Focused() != v.board {
		t.Fatal("the click did not select and focus the chart")
	}
	// An empty name left behind keeps the old one, quietly.
	v.StartRename(c.leadA)
	v.entry.SetText("")
	press(v, fyne.NewPos(2, 2), 0)
	if v.Renaming() != 0 || c.d.Node(c.leadA).Name != "热线组长" {
		t.Fatal("an empty name left behind was not dropped")
	}
}

// chartOnScreen returns where the whole chart is drawn, relative to the
// view's top-left corner.
func chartOnScreen(v *View) (fyne.Position, fyne.Size) {
	pos, size := v.boardRect(v.chart.Bounds)
	return pos.Subtract(v.scroll.Offset), size
}

func TestOpensFittedAndCentred(t *testing.T) {
	c := newCompany(t)
	v, _, _ := open(t, c.d)
	view := v.scroll.Size()
	pos, size := chartOnScreen(v)
	if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > view.Width || pos.Y+size.Height > view.Height {
		t.Fatalf("the chart at %v %v does not fit the view %v", pos, size, view)
	}
	left, right := pos.X, view.Width-(pos.X+size.Width)
	top, bottom := pos.Y, view.Height-(pos.Y+size.Height)
	if abs32(left-right) > 1 || abs32(top-bottom) > 1 {
		t.Fatalf("not centred: left %.1f right %.1f top %.1f bottom %.1f", left, right, top, bottom)
	}

	// Zoomed in and scrolled away, Fit to Window brings it back the same.
	v.SetZoom(300)
	v.scrollTo(fyne.NewPos(500, 400))
	v.ZoomToFit()
	if p2, s2 := chartOnScreen(v); !within(p2, pos, 0.5) || abs32(s2.Width-size.Width) > 0.5 {
		t.Fatalf("after Fit to Window the chart is at %v %v, want %v %v", p2, s2, pos, size)
	}

	// A chart too big to fit shows its top-level box, in the middle.
	d, _ := bigDoc(t, 1000)
	v.SetDocument(d)
	root := v.doc.Roots()[0]
	b := mustBox(t, v, root)
	bp, bs := v.boardRect(b.Rect)
	bp = bp.Subtract(v.scroll.Offset)
	if bp.Y < 0 || bp.Y+bs.Height > view.Height || abs32(bp.X+bs.Width/2-view.Width/2) > 1 {
		t.Fatalf("the top box of a big chart is at %v %v in a view of %v", bp, bs, view)
	}
}

func TestTheViewFollowsADroppedBox(t *testing.T) {
	d, h := bigDoc(t, 400)
	v, _, _ := open(t, d)
	v.SetZoom(100)
	root := d.Roots()[0]
	v.Reveal(root)
	// A box in view near the root; dropped on the root it becomes its
	// last subordinate, far to the right, out of view.
	var moved domain.NodeID
	for _, b := range v.chart.Boxes {
		if b.ID != root && d.Node(b.ID).Parent != root && v.board.r.item(b.ID) != nil && len(d.Node(b.ID).Children()) == 0 {
			moved = b.ID
			break
		}
	}
	if moved == 0 {
		t.Fatal("no leaf box in view to drag")
	}
	dragSteps(v, centre(t, v, moved), centre(t, v, root), 6, true)
	if d.Node(moved).Parent != root {
		t.Fatalf("the box was not moved under the root (undo says %q)", h.UndoLabel())
	}
	pos, size := v.boardRect(mustBox(t, v, moved).Rect)
	off, view := v.viewport()
	if pos.X < off.X || pos.Y < off.Y || pos.X+size.Width > off.X+view.Width || pos.Y+size.Height > off.Y+view.Height {
		t.Fatalf("the dropped box at %v %v is out of the view %v %v", pos, size, off, view)
	}
}
