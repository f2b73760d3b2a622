package chartview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"orgdraft/domain"
)

// host stands in for the main window: it runs edits through a history
// (telling the view what changed, as the session does) and records what
// the view reports.
type host struct {
	h     *domain.History
	errs  []error
	sels  [][]domain.NodeID
	zooms []int
	keys  []fyne.KeyName
}

// open shows d in a view inside a 900×700 test window.
func open(t testing.TB, d *domain.Document) (*View, *host, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	v := New()
	hs := &host{h: domain.NewHistory(d)}
	hs.h.OnChange = func(ch domain.Change) error { v.Changed(ch); return nil }
	v.SetHost(Host{
		Do: func(c domain.Command) error {
			err := hs.h.Do(c)
			if err != nil {
				hs.errs = append(hs.errs, err)
			}
			return err
		},
		SelectionChanged: func(ids []domain.NodeID) { hs.sels = append(hs.sels, ids) },
		ZoomChanged:      func(p int) { hs.zooms = append(hs.zooms, p) },
		Key: func(ev *fyne.KeyEvent) bool {
			hs.keys = append(hs.keys, ev.Name)
			return true
		},
	})
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(900, 700))
	v.SetDocument(d)
	return v, hs, w
}

// company is a small department: a unit with a head, two groups with
// members, and an assistant.
type company struct {
	d                            *domain.Document
	dept, manager, assistant     domain.NodeID
	groupA, leadA, memberA       domain.NodeID
	groupB, leadB, memberB, temp domain.NodeID
}

func newCompany(t testing.TB) *company {
	t.Helper()
	d := domain.NewDocument()
	h := domain.NewHistory(d)
	add := func(parent domain.NodeID, kind domain.Kind, name string, planned int) domain.NodeID {
		c := domain.AddChild(parent, kind, name)
		c.Init.Planned = planned
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	c := &company{d: d}
	c.dept = add(0, domain.KindUnit, "客户服务部", 0)
	c.manager = add(c.dept, domain.KindPosition, "客服经理", 1)
	if err := h.Do(&domain.SetHead{ID: c.manager, On: true}); err != nil {
		t.Fatal(err)
	}
	c.assistant = add(c.dept, domain.KindAssistant, "经理助理", 1)
	c.groupA = add(c.dept, domain.KindUnit, "热线组", 0)
	c.leadA = add(c.groupA, domain.KindPosition, "热线组长", 1)
	c.memberA = add(c.leadA, domain.KindPosition, "热线专员", 6)
	c.groupB = add(c.dept, domain.KindUnit, "回访组", 0)
	c.leadB = add(c.groupB, domain.KindPosition, "回访组长", 1)
	c.memberB = add(c.leadB, domain.KindPosition, "回访专员", 3)
	c.temp = add(c.leadB, domain.KindPosition, "实习生", 2)
	return c
}

// centre returns the middle of box id on the board.
func centre(t testing.TB, v *View, id domain.NodeID) fyne.Position {
	t.Helper()
	b, ok := v.chart.Box(id)
	if !ok {
		t.Fatalf("box %d is not drawn", id)
	}
	pos, size := v.boardRect(b.Rect)
	return pos.AddXY(size.Width/2, size.Height/2)
}

// press clicks at board position p as the desktop driver does: mouse
// down (with modifiers), then the tap.
func press(v *View, p fyne.Position, mods fyne.KeyModifier) {
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary, Modifier: mods}
	v.board.MouseDown(ev)
	v.board.MouseUp(ev)
	v.board.Tapped(&ev.PointEvent)
}

// dragSteps sends the events of a mouse drag from one board position to
// another in n moves, as the desktop driver does: the button goes down,
// every drag event carries the pointer's position and the distance since
// the previous event, the button comes up. (test.Drag sends one event
// whose position is the start, which is not what the driver does.)
func dragSteps(v *View, from, to fyne.Position, n int, end bool) {
	v.board.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	prev := from
	for i := 1; i <= n; i++ {
		f := float32(i) / float32(n)
		p := fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f)
		v.board.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)})
		prev = p
	}
	if end {
		v.board.DragEnd()
		v.board.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: desktop.MouseButtonPrimary})
	}
}

// key types a key on whatever has the focus of w's canvas.
func key(t testing.TB, w fyne.Window, k fyne.KeyName) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has the focus to type %s on", k)
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}

// typeText types s on whatever has the focus of w's canvas.
func typeText(t testing.TB, w fyne.Window, s string) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has the focus to type %q on", s)
	}
	for _, r := range s {
		f.TypedRune(r)
	}
}

// item returns the canvas objects of a visible box, or nil.
func (r *boardRenderer) item(id domain.NodeID) *boxItem { return r.items[id] }
