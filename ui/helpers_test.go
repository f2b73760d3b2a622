package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// testIDs names the boxes of testDoc.
type testIDs struct {
	unit, head, agent, support domain.NodeID
}

// testDoc is a small department: a unit headed by a manager, with two
// positions; the agent has two duties, support has none.
func testDoc(t *testing.T) (*domain.Document, testIDs) {
	t.Helper()
	d := domain.NewDocument()
	h := domain.NewHistory(d)
	do := func(c domain.Command) {
		t.Helper()
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
	}
	var ids testIDs
	unit := domain.AddChild(0, domain.KindUnit, "客户服务部")
	do(unit)
	head := domain.AddChild(unit.ID, domain.KindPosition, "客服经理")
	head.Init.Planned = 1
	head.Init.Duties = []string{"负责部门管理"}
	do(head)
	do(&domain.SetHead{ID: head.ID, On: true})
	agent := domain.AddChild(unit.ID, domain.KindPosition, "客服专员")
	agent.Init.Planned = 3
	agent.Init.Filled = 2
	agent.Init.Duties = []string{"接听客户来电", "记录客户问题"}
	do(agent)
	support := domain.AddChild(unit.ID, domain.KindPosition, "技术支持")
	support.Init.Planned = 1
	do(support)
	ids.unit, ids.head, ids.agent, ids.support = unit.ID, head.ID, agent.ID, support.ID
	return d, ids
}

// newTestEditor returns a main window in English (unless the test
// switches) editing testDoc as a new, unsaved document (kept in a recovery
// file from its first edit, as the editor does), on a fresh test app whose
// storage folder is the test's own.
func newTestEditor(t *testing.T, opts Options) (*MainWindow, testIDs) {
	t.Helper()
	a := newRecoveryApp(t)
	if opts.DocumentsDir == "" {
		opts.DocumentsDir = t.TempDir()
	}
	m := NewMainWindow(a, opts)
	m.Window.Resize(fyne.NewSize(1280, 800))
	d, ids := testDoc(t)
	s, err := NewRecoverableSession(d, m.recoveryDir())
	if err != nil {
		t.Fatal(err)
	}
	m.SetSession(s)
	t.Cleanup(func() { m.session.Close() })
	return m, ids
}

// visibleObjects returns o and everything drawn inside it that is
// visible, skipping hidden containers and widgets with their contents.
func visibleObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	var children []fyne.CanvasObject
	switch w := o.(type) {
	case *fyne.Container:
		children = w.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(w).Objects()
	}
	for _, c := range children {
		out = append(out, visibleObjects(c)...)
	}
	return out
}

// texts returns every text shown by o and the objects inside it: labels,
// buttons, entries, check boxes, cards, plain canvas text.
func texts(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range visibleObjects(o) {
		switch w := obj.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.Text)
		case *widget.Check:
			out = append(out, w.Text)
		case *widget.Card:
			out = append(out, w.Title, w.Subtitle)
		case *canvas.Text:
			out = append(out, w.Text)
		}
	}
	return out
}

// shows reports whether some text in o contains want.
func shows(o fyne.CanvasObject, want string) bool {
	for _, s := range texts(o) {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

// topDialog returns the topmost overlay (dialog) of the window, failing
// the test if there is none.
func topDialog(t *testing.T, m *MainWindow) fyne.CanvasObject {
	t.Helper()
	top := m.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	return top
}

// dialogShows fails the test unless the topmost dialog shows want.
func dialogShows(t *testing.T, m *MainWindow, want string) {
	t.Helper()
	top := topDialog(t, m)
	if !shows(top, want) {
		t.Fatalf("the dialog does not show %q; it shows %q", want, texts(top))
	}
}

// tapButton taps the visible button labelled label inside o.
func tapButton(t *testing.T, o fyne.CanvasObject, label string) {
	t.Helper()
	for _, obj := range visibleObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q among %q", label, texts(o))
}

// firstEntry returns the first visible entry inside o.
func firstEntry(t *testing.T, o fyne.CanvasObject) *widget.Entry {
	t.Helper()
	for _, obj := range visibleObjects(o) {
		if e, ok := obj.(*widget.Entry); ok {
			return e
		}
	}
	t.Fatalf("no entry among %q", texts(o))
	return nil
}

// pasteInto focuses e, replaces its text by pasting s from the
// clipboard, and leaves the field.
func pasteInto(m *MainWindow, e *commitEntry, s string) {
	c := m.Window.Canvas()
	c.Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	clip := m.App.Clipboard()
	clip.SetContent(s)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	c.Unfocus()
}

// typeInto focuses e, replaces its text by typing s, and leaves the field
// (which commits it), as a user would.
func typeInto(m *MainWindow, e *commitEntry, s string) {
	c := m.Window.Canvas()
	c.Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	test.Type(e, s)
	c.Unfocus()
}

// board returns the chart canvas's drawing surface: the object that takes
// the pointer's presses and drags, as the desktop driver finds it.
func board(t testing.TB, m *MainWindow) fyne.CanvasObject {
	t.Helper()
	for _, o := range test.LaidOutObjects(m.Chart()) {
		if _, ok := o.(desktop.Mouseable); !ok {
			continue
		}
		if _, ok := o.(fyne.Draggable); ok {
			return o
		}
	}
	t.Fatal("the chart has no surface taking the mouse")
	return nil
}

// onBoard returns the middle of box id in the board's coordinates, after
// scrolling it into view as a user would before clicking it.
func onBoard(t testing.TB, m *MainWindow, id domain.NodeID) fyne.Position {
	t.Helper()
	m.Chart().Reveal(id)
	pos, size, ok := m.Chart().BoxOnScreen(id)
	if !ok {
		t.Fatalf("box %d is not drawn", id)
	}
	d := fyne.CurrentApp().Driver()
	abs := d.AbsolutePositionForObject(m.Chart()).Add(pos).AddXY(size.Width/2, size.Height/2)
	return abs.Subtract(d.AbsolutePositionForObject(board(t, m)))
}

// click presses and releases the primary button at board position p, as
// the desktop driver does: mouse down (with modifiers), up, then the tap.
func click(t testing.TB, m *MainWindow, p fyne.Position, mods fyne.KeyModifier) {
	t.Helper()
	b := board(t, m)
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary, Modifier: mods}
	b.(desktop.Mouseable).MouseDown(ev)
	b.(desktop.Mouseable).MouseUp(ev)
	b.(fyne.Tappable).Tapped(&ev.PointEvent)
}

// clickBox clicks the middle of box id.
func clickBox(t testing.TB, m *MainWindow, id domain.NodeID) {
	t.Helper()
	click(t, m, onBoard(t, m, id), 0)
}

// dragBoxOnto drags box from onto box to in steps, as the desktop driver
// reports a drag: every event carries the pointer's position and the
// distance since the one before.
func dragBoxOnto(t testing.TB, m *MainWindow, from, to domain.NodeID) {
	t.Helper()
	b := board(t, m)
	start, end := onBoard(t, m, from), onBoard(t, m, to)
	b.(desktop.Mouseable).MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: start}, Button: desktop.MouseButtonPrimary})
	prev := start
	for i := 1; i <= 6; i++ {
		f := float32(i) / 6
		p := fyne.NewPos(start.X+(end.X-start.X)*f, start.Y+(end.Y-start.Y)*f)
		b.(fyne.Draggable).Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)})
		prev = p
	}
	b.(fyne.Draggable).DragEnd()
	b.(desktop.Mouseable).MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: end}, Button: desktop.MouseButtonPrimary})
}

// typeOn types s on whatever has the keyboard focus.
func typeOn(t testing.TB, m *MainWindow, s string) {
	t.Helper()
	f := m.Window.Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has the focus to type %q on", s)
	}
	for _, r := range s {
		f.TypedRune(r)
	}
}
