package chartview

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"orgdraft/domain"
)

// The board takes every pointer and keyboard event of the canvas.
var (
	_ fyne.Tappable          = (*board)(nil)
	_ fyne.DoubleTappable    = (*board)(nil)
	_ fyne.SecondaryTappable = (*board)(nil)
	_ fyne.Draggable         = (*board)(nil)
	_ fyne.Scrollable        = (*board)(nil)
	_ fyne.Focusable         = (*board)(nil)
	_ fyne.Tabbable          = (*board)(nil)
	_ desktop.Mouseable      = (*board)(nil)
	_ desktop.Hoverable      = (*board)(nil)
	_ desktop.Cursorable     = (*board)(nil)
)

// dragKind says what a drag does, decided by where it started.
type dragKind int

const (
	dragNone dragKind = iota
	dragBox           // a box (and the rest of the selection with it)
	dragPan           // empty paper: pans the view
	dragBand          // empty paper with Shift: a rubber band selects (band.go)
)

// dragState follows one drag gesture.
type dragState struct {
	kind   dragKind
	start  fyne.Position // board position where the pointer went down
	at     fyne.Position // board position now
	moved  bool          // the pointer moved far enough to count as a drag
	id     domain.NodeID // the box grabbed
	ids    []domain.NodeID
	target domain.NodeID // the box under the pointer, to report to
	// refused marks a target inside one of the dragged subtrees.
	refused bool
}

// delta is how far the pointer moved since the drag started.
func (d *dragState) delta() fyne.Position { return d.at.Subtract(d.start) }

// pressState remembers what the last mouse press did, because Fyne calls
// Tapped only after the double-click time has passed (the board is
// double-tappable): selecting on the press makes a click feel immediate.
type pressState struct {
	handled bool // the press already did what the tap would do
	// single asks the tap to select only this box: a press on a box
	// already selected keeps the selection, in case it starts a drag of
	// all of them.
	single domain.NodeID
	mods   fyne.KeyModifier // held at the press: Shift on paper starts a rubber band
}

// minDrag is how far, in screen units, a box must be dragged before it
// leaves its place; a shorter drag snaps back.
const minDrag = 4

// MouseDown implements desktop.Mouseable: it focuses the canvas and
// selects at once (see pressState).
func (b *board) MouseDown(ev *desktop.MouseEvent) {
	v := b.v
	v.finishRename() // a click beside the entry ends renaming
	v.focus()
	v.press = pressState{handled: true, mods: ev.Modifier}
	if ev.Button == desktop.MouseButtonSecondary {
		if id, ok := v.boxAt(ev.Position, nil); ok && !slices.Contains(v.sel, id) {
			v.selectByUser(id)
		}
		return
	}
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	v.pressAt(ev.Position, ev.Modifier)
}

// MouseUp implements desktop.Mouseable.
func (b *board) MouseUp(*desktop.MouseEvent) {}

// pressAt does what pressing the primary button at board position p does.
func (v *View) pressAt(p fyne.Position, mods fyne.KeyModifier) {
	if v.linkFrom != 0 {
		v.finishLink(p)
		return
	}
	if id, ok := v.foldAt(p); ok {
		v.ToggleFold(id)
		return
	}
	id, ok := v.boxAt(p, nil)
	switch {
	case !ok:
		// Empty paper: the tap clears the selection, but a press that
		// starts a pan must not.
		v.press.handled = false
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper|fyne.KeyModifierShift) != 0:
		v.toggleSelected(id)
	case slices.Contains(v.sel, id):
		v.press.single = id
	default:
		v.selectByUser(id)
	}
}

// Tapped implements fyne.Tappable.
func (b *board) Tapped(ev *fyne.PointEvent) {
	v := b.v
	press := v.press
	v.press = pressState{}
	if !press.handled {
		// A tap without a mouse press (touch, tests): do the press now.
		v.finishRename()
		v.focus()
		v.press.handled = true
		v.pressAt(ev.Position, 0)
		if !v.press.handled {
			v.selectByUser()
		}
		if v.press.single != 0 {
			v.selectByUser(v.press.single)
		}
		v.press = pressState{}
		return
	}
	if press.single != 0 {
		v.selectByUser(press.single)
	}
}

// DoubleTapped implements fyne.DoubleTappable: renaming in place.
func (b *board) DoubleTapped(ev *fyne.PointEvent) {
	v := b.v
	v.press = pressState{}
	// (A double click on a fold button is two presses, each of which
	// toggled it already.)
	if _, ok := v.foldAt(ev.Position); ok {
		return
	}
	if id, ok := v.boxAt(ev.Position, nil); ok {
		v.selectByUser(id)
		v.StartRename(id)
	}
}

// TappedSecondary implements fyne.SecondaryTappable: the context menu.
func (b *board) TappedSecondary(ev *fyne.PointEvent) {
	v := b.v
	v.press = pressState{}
	v.cancelLink()
	id, ok := v.boxAt(ev.Position, nil)
	if ok && !slices.Contains(v.sel, id) {
		v.selectByUser(id)
	}
	v.showMenu(id, ev.AbsolutePosition)
}

// Dragged implements fyne.Draggable. A drag that starts on a box moves it
// (with the rest of the selection when it is selected); one that starts
// on empty paper pans the view.
func (b *board) Dragged(ev *fyne.DragEvent) {
	v := b.v
	d := &v.drag
	if d.kind == dragNone {
		mods := v.press.mods
		v.press = pressState{}
		// Fyne's first drag event carries the pointer's position now and
		// the distance from where the button went down.
		start := ev.Position.SubtractXY(ev.Dragged.DX, ev.Dragged.DY)
		*d = dragState{kind: dragPan, start: start, at: start}
		if id, ok := v.boxAt(start, nil); ok && v.linkFrom == 0 && v.editing != id && !v.readOnly {
			d.kind, d.id = dragBox, id
			d.ids = []domain.NodeID{id}
			if slices.Contains(v.sel, id) {
				d.ids = v.doc.Topmost(v.sel)
			}
		} else if _, onBox := v.boxAt(start, nil); !onBox && v.linkFrom == 0 && bandModifier(mods) {
			v.startBand(d, mods)
		}
	}
	switch d.kind {
	case dragBand:
		d.at = ev.Position
		v.board.updateView()
	case dragPan:
		v.scrollTo(v.scroll.Offset.SubtractXY(ev.Dragged.DX, ev.Dragged.DY))
	case dragBox:
		d.at = ev.Position
		v.dragBoxTo(d.at)
	}
}

// dragBoxTo moves the dragged box's ghost to board position p and marks
// the box under the pointer as the drop target: green when the dragged
// boxes may report there, red when it lies inside one of their subtrees.
func (v *View) dragBoxTo(p fyne.Position) {
	d := &v.drag
	delta := d.delta()
	if math.Hypot(float64(delta.X), float64(delta.Y)) >= minDrag {
		d.moved = true
	}
	d.target, d.refused = 0, false
	if d.moved {
		if id, ok := v.boxAt(p, func(id domain.NodeID) bool { return slices.Contains(d.ids, id) }); ok {
			d.target = id
			for _, m := range d.ids {
				if v.doc.IsAncestor(m, id) {
					d.refused = true
				}
			}
		}
	}
	v.board.updateView()
}

// DragEnd implements fyne.Draggable: drop the box.
func (b *board) DragEnd() {
	v := b.v
	d := v.drag
	v.drag = dragState{}
	v.press = pressState{}
	if d.kind == dragBand {
		v.endBand(&d)
		return
	}
	if d.kind != dragBox {
		return
	}
	switch {
	case !d.moved:
		v.board.updateView() // a tiny drag: stay put
	case d.target != 0:
		v.moveUnder(d.ids, d.target)
	default:
		v.arrange(d.ids, d.delta())
	}
}

// moveUnder makes the boxes report to target, unfolding a folded target
// in the same undo step so that the user sees where they went, and
// scrolls to the first of them. The domain refuses a target inside one of
// their own subtrees (ErrCycle); the host shows that message and the
// boxes snap back.
func (v *View) moveUnder(ids []domain.NodeID, target domain.NodeID) {
	var cmds []domain.Command
	for _, id := range ids {
		n := v.doc.Node(id)
		if n == nil || (n.Parent == target && id != target) {
			continue // already reports there: dropping changes nothing
		}
		cmds = append(cmds, &domain.Move{ID: id, NewParent: target, Index: -1})
	}
	if len(cmds) == 0 {
		v.board.updateView()
		return
	}
	if t := v.doc.Node(target); t != nil && t.Collapsed {
		cmds = append(cmds, domain.SetCollapsed(target, false))
	}
	if v.do(domain.Steps("Move box", cmds)) == nil {
		v.Reveal(ids[0])
	}
}

// arrange moves the boxes by hand by delta (screen units), adding to any
// offset they already have. Their subtrees move with them.
func (v *View) arrange(ids []domain.NodeID, delta fyne.Position) {
	s := v.scale()
	dx, dy := float64(delta.X)/s, float64(delta.Y)/s
	var cmds []domain.Command
	for _, id := range ids {
		if n := v.doc.Node(id); n != nil {
			cmds = append(cmds, domain.SetOffset(id, domain.Offset{X: n.Offset.X + dx, Y: n.Offset.Y + dy}))
		}
	}
	if len(cmds) > 0 && v.do(domain.Steps("Arrange", cmds)) == nil {
		v.Reveal(ids[0])
	}
}

// Scrolled implements fyne.Scrollable: the wheel scrolls, and with Ctrl
// (Cmd on a Mac) held it zooms about the pointer.
func (b *board) Scrolled(ev *fyne.ScrollEvent) {
	v := b.v
	if zoomModifier() {
		// One wheel notch is 25 units on Linux and Windows, 10 on a Mac;
		// make a notch about 10 % and keep touchpads smooth.
		factor := math.Pow(1.1, float64(ev.Scrolled.DY)/20)
		v.zoomAbout(v.zoom*factor, ev.Position, true)
		return
	}
	v.scroll.Scrolled(ev)
}

// zoomModifier reports whether Ctrl or Cmd is held.
func zoomModifier() bool {
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	d, ok := app.Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
}

// MouseIn implements desktop.Hoverable.
func (b *board) MouseIn(ev *desktop.MouseEvent) { b.MouseMoved(ev) }

// MouseMoved implements desktop.Hoverable: it draws the line of a dotted
// link being made.
func (b *board) MouseMoved(ev *desktop.MouseEvent) {
	v := b.v
	v.pointer, v.hovering = ev.Position, true
	if v.linkFrom != 0 {
		b.updateView()
	}
}

// MouseOut implements desktop.Hoverable.
func (b *board) MouseOut() {
	b.v.hovering = false
	if b.v.linkFrom != 0 {
		b.updateView()
	}
}

// Cursor implements desktop.Cursorable: a cross while choosing the target
// of a dotted line.
func (b *board) Cursor() desktop.Cursor {
	if b.v.linkFrom != 0 {
		return desktop.CrosshairCursor
	}
	return desktop.DefaultCursor
}

// ---- keyboard ----

// FocusGained implements fyne.Focusable.
func (b *board) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (b *board) FocusLost() {}

// AcceptsTab implements fyne.Tabbable: Tab adds a subordinate instead of
// moving the focus.
func (b *board) AcceptsTab() bool { return true }

// TypedRune implements fyne.Focusable.
func (b *board) TypedRune(rune) {}

// TypedKey implements fyne.Focusable. The canvas keeps the keys that move
// around it (the arrows, Escape); the editing keys go to the host, whose
// verbs the menus share.
func (b *board) TypedKey(ev *fyne.KeyEvent) {
	v := b.v
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight:
		v.navigate(ev.Name)
	case fyne.KeyEscape:
		switch {
		case v.linkFrom != 0:
			v.cancelLink()
		case v.drag.kind != dragNone:
			v.drag = dragState{}
			v.board.updateView()
		default:
			v.selectByUser()
		}
	default:
		if v.host.Key != nil {
			v.host.Key(ev)
		}
	}
}

// navigate moves the selection with an arrow key: towards the superior
// (up), the first subordinate (down), or the previous and next sibling
// (left, right). In a left-to-right chart the arrows turn with the chart:
// left is the superior, right the first subordinate, up and down the
// siblings.
func (v *View) navigate(key fyne.KeyName) {
	if v.doc == nil {
		return
	}
	cur := v.doc.Node(v.primary())
	if cur == nil {
		// Nothing selected: start at the first box.
		if roots := v.doc.Roots(); len(roots) > 0 {
			v.selectByUser(roots[0])
			v.Reveal(roots[0])
		}
		return
	}
	if v.doc.Info.Page.LeftToRight {
		key = map[fyne.KeyName]fyne.KeyName{
			fyne.KeyLeft: fyne.KeyUp, fyne.KeyRight: fyne.KeyDown,
			fyne.KeyUp: fyne.KeyLeft, fyne.KeyDown: fyne.KeyRight,
		}[key]
	}
	next := domain.NodeID(0)
	switch key {
	case fyne.KeyUp:
		next = cur.Parent
	case fyne.KeyDown:
		if kids := cur.Children(); len(kids) > 0 && !cur.Collapsed {
			next = kids[0]
		}
	case fyne.KeyLeft, fyne.KeyRight:
		sibs := v.doc.ChildIDs(cur.Parent)
		i := slices.Index(sibs, cur.ID)
		if key == fyne.KeyLeft {
			i--
		} else {
			i++
		}
		if i >= 0 && i < len(sibs) {
			next = sibs[i]
		}
	}
	if next != 0 {
		v.selectByUser(next)
		v.Reveal(next)
	}
}

// focus gives the board the keyboard focus.
func (v *View) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.board); c != nil && c.Focused() != v.board {
		c.Focus(v.board)
	}
}
