package ui

import (
	"bytes"
	"fmt"
	"image/png"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"orgdraft/domain"
	"orgdraft/ui/imageclip"
)

// Copy and paste of boxes, driven on the real canvas: clicks on boxes,
// the shortcuts as the desktop driver delivers them, menu items.

// pressShortcut does what the desktop driver does with a key combination:
// the main menu's item with that shortcut runs first (before the focused
// widget sees it).
func pressShortcut(t *testing.T, m *MainWindow, sc fyne.Shortcut) {
	t.Helper()
	var find func(items []*fyne.MenuItem) *fyne.MenuItem
	find = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
				return it
			}
			if it.ChildMenu != nil {
				if got := find(it.ChildMenu.Items); got != nil {
					return got
				}
			}
		}
		return nil
	}
	for _, menu := range m.Window.MainMenu().Items {
		if it := find(menu.Items); it != nil {
			it.Action()
			return
		}
	}
	t.Fatalf("no menu item has the shortcut %s", sc.ShortcutName())
}

var (
	ctrlC = &fyne.ShortcutCopy{}
	ctrlX = &fyne.ShortcutCut{}
	ctrlV = &fyne.ShortcutPaste{}
	ctrlD = &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault}
)

// childNamed returns the child of parent named name, or nil.
func childNamed(d *domain.Document, parent domain.NodeID, name string) *domain.Node {
	for _, id := range d.ChildIDs(parent) {
		if n := d.Node(id); n.Name == name {
			return n
		}
	}
	return nil
}

func TestCopyAndPasteABoxUnderAnotherWithANumberAndOneUndo(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	clickBox(t, m, ids.agent)
	pressShortcut(t, m, ctrlC)
	text := m.App.Clipboard().Content()
	// Readable as text, in WeChat or Notepad.
	for _, want := range []string{"客服专员（3人，在岗2人）", "岗位职责：", "1、接听客户来电", "2、记录客户问题"} {
		if !strings.Contains(text, want) {
			t.Errorf("the clipboard text has no %q:\n%s", want, text)
		}
	}
	before := snapshotJSON(t, d)
	clickBox(t, m, ids.unit)
	pressShortcut(t, m, ctrlV)
	pasted := childNamed(d, ids.unit, "客服专员 (2)")
	if pasted == nil {
		t.Fatalf("no 客服专员 (2) under the unit after the paste; it has %q", names(d, d.ChildIDs(ids.unit)))
	}
	if pasted.Planned != 3 || pasted.Filled != 2 || !slices.Equal(pasted.Duties, []string{"接听客户来电", "记录客户问题"}) {
		t.Errorf("the pasted box lost fields: %+v", *pasted)
	}
	if !slices.Equal(m.Chart().Selection(), []domain.NodeID{pasted.ID}) {
		t.Errorf("the pasted box is not selected: %v", m.Chart().Selection())
	}
	if _, _, ok := m.Chart().BoxOnScreen(pasted.ID); !ok {
		t.Error("the pasted box is not drawn")
	}
	if got := m.UndoMenuLabel(); got != "Undo Paste" {
		t.Errorf("the Edit menu offers %q", got)
	}
	m.Undo()
	if snapshotJSON(t, d) != before {
		t.Error("one undo does not take the paste away")
	}
}

func TestCutAndPasteMovesABranchAndUndoBringsItBack(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	before := snapshotJSON(t, d)
	clickBox(t, m, ids.agent)
	pressShortcut(t, m, ctrlX)
	if d.Node(ids.agent) != nil {
		t.Fatal("cut left the box in place")
	}
	if !strings.Contains(m.status.Message(), `Cut "客服专员"`) {
		t.Errorf("status %q", m.status.Message())
	}
	if got := m.UndoMenuLabel(); got != "Undo Cut" {
		t.Errorf("the Edit menu offers %q after a cut", got)
	}
	clickBox(t, m, ids.support)
	pressShortcut(t, m, ctrlV)
	moved := childNamed(d, ids.support, "客服专员")
	if moved == nil || moved.Planned != 3 {
		t.Fatalf("the cut box is not under 技术支持: %q", names(d, d.ChildIDs(ids.support)))
	}
	m.Undo() // the paste
	m.Undo() // the cut
	if snapshotJSON(t, d) != before {
		t.Error("undoing the paste and the cut does not give the document back")
	}
}

func TestDuplicateKeepsTheHeadAndIsOneUndoStep(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	mustDoUI(t, m, domain.InsertItems(ids.head, domain.Qualifications, -1, "本科以上"))
	clickBox(t, m, ids.head)
	before := snapshotJSON(t, d)
	pressShortcut(t, m, ctrlD)
	sibs := d.ChildIDs(ids.unit)
	i := slices.Index(sibs, ids.head)
	dup := d.Node(sibs[i+1])
	if dup.Name != "客服经理 (2)" || !slices.Equal(dup.Qualifications, []string{"本科以上"}) {
		t.Fatalf("after the original: %+v", *dup)
	}
	if dup.Head || d.HeadOf(ids.unit) != ids.head {
		t.Error("the duplicate took the headship")
	}
	if !slices.Equal(m.Chart().Selection(), []domain.NodeID{dup.ID}) {
		t.Errorf("the duplicate is not selected")
	}
	m.Undo()
	if snapshotJSON(t, d) != before {
		t.Error("one undo does not take the duplicate away")
	}
	// The context menu offers the same.
	clickBox(t, m, ids.support)
	menuItem(t, m.boxMenu(ids.support), "Duplicate").Action()
	if childNamed(d, ids.unit, "技术支持 (2)") == nil {
		t.Error("the context menu's Duplicate made no copy")
	}
}

// A branch copied in one window pastes in another document, links and
// all, through the clipboard's text.
func TestCopyInOneWindowPasteInAnother(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	mustDoUI(t, m, &domain.AddLink{From: ids.agent, To: ids.support, Text: "协作"})
	mustDoUI(t, m, domain.SetGrade(ids.agent, "P2"))
	clickBox(t, m, ids.unit)
	pressShortcut(t, m, ctrlC)

	other := NewMainWindow(m.App, Options{DocumentsDir: t.TempDir()})
	other.Window.Resize(fyne.NewSize(1280, 800))
	s, err := NewRecoverableSession(domain.NewDocument(), other.recoveryDir())
	if err != nil {
		t.Fatal(err)
	}
	other.SetSession(s)
	t.Cleanup(func() { other.session.Close() })
	click(t, other, fyne.NewPos(30, 30), 0) // the empty paper: nothing selected
	pressShortcut(t, other, ctrlV)
	d := other.Session().Doc
	if len(d.Roots()) != 1 {
		t.Fatalf("the other document has %d top-level boxes", len(d.Roots()))
	}
	unit := d.Node(d.Roots()[0])
	if unit.Name != "客户服务部" || unit.Kind != domain.KindUnit || len(unit.Children()) != 3 {
		t.Fatalf("pasted %+v with %d boxes under it", *unit, len(unit.Children()))
	}
	head := childNamed(d, unit.ID, "客服经理")
	agent := childNamed(d, unit.ID, "客服专员")
	support := childNamed(d, unit.ID, "技术支持")
	if head == nil || !head.Head || agent == nil || agent.Grade != "P2" || agent.Filled != 2 || support == nil {
		t.Fatalf("the pasted boxes lost fields")
	}
	links := d.Links()
	if len(links) != 1 || links[0].From != agent.ID || links[0].To != support.ID || links[0].Label != "协作" {
		t.Errorf("the dotted-line link was not pasted: %+v", links)
	}
	if got := d.Total(); got != m.Session().Doc.Total() {
		t.Errorf("the pasted headcount %v differs from the original's %v", got, m.Session().Doc.Total())
	}
}

func TestPasteTakesAnOutlineTypedElsewhere(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	clickBox(t, m, ids.unit)
	m.App.Clipboard().SetContent("售后组\n\t售后主管（1人）\n\t售后专员(2人)\n\t\t1、处理退换货。\n")
	menuAction(t, m, "Paste")()
	g := childNamed(d, ids.unit, "售后组")
	if g == nil || len(g.Children()) != 2 {
		t.Fatalf("the typed outline was not pasted: %q", names(d, d.ChildIDs(ids.unit)))
	}
	if lead := childNamed(d, g.ID, "售后主管"); lead == nil || !lead.Head {
		t.Error("the typed 售后主管 does not head its group")
	}
	// Nothing on the clipboard: a word in the status bar, no change.
	m.App.Clipboard().SetContent("  ")
	n := d.Len()
	menuAction(t, m, "Paste")()
	if d.Len() != n || !strings.Contains(m.status.Message(), "nothing to paste") {
		t.Errorf("an empty clipboard: %d boxes, status %q", d.Len(), m.status.Message())
	}
}

// In a text field Ctrl+C and Ctrl+V are the field's: its text is copied,
// not the selected box.
func TestClipboardKeysInATextFieldWorkOnTheText(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	clickBox(t, m, ids.agent)
	name := m.inspector.name
	m.Window.Canvas().Focus(name)
	name.TypedShortcut(&fyne.ShortcutSelectAll{})
	pressShortcut(t, m, ctrlC)
	if got := m.App.Clipboard().Content(); got != "客服专员" {
		t.Fatalf("Ctrl+C in the name field put %q on the clipboard", got)
	}
	n := d.Len()
	m.App.Clipboard().SetContent("高级")
	pressShortcut(t, m, ctrlV)
	if d.Len() != n {
		t.Error("Ctrl+V in a text field pasted boxes")
	}
	if name.Text != "高级" {
		t.Errorf("the field holds %q after the paste", name.Text)
	}
}

// Ctrl-click and a Shift rubber band select several boxes; the
// inspector then sets 编制 for all of them as one undo step.
func TestMultiSelectionEditsPlannedForAllInOneStep(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	clickBox(t, m, ids.agent)
	click(t, m, onBoard(t, m, ids.support), fyne.KeyModifierControl)
	if sel := m.Chart().Selection(); len(sel) != 2 || !slices.Contains(sel, ids.agent) || !slices.Contains(sel, ids.support) {
		t.Fatalf("Ctrl-click selected %v", sel)
	}
	if !m.inspector.multi.Content.Visible() || !shows(m.inspector.Content, "2 boxes are selected") {
		t.Fatalf("the inspector shows %q", texts(m.inspector.Content))
	}

	// The rubber band around the three positions, from empty paper.
	click(t, m, fyne.NewPos(5, 5), 0)
	start, end := bandAround(t, m, ids.head, ids.agent, ids.support)
	if _, ok := m.Chart().Chart().Box(ids.unit); !ok {
		t.Fatal("the unit is not drawn")
	}
	dragOnPaper(t, m, start, end, fyne.KeyModifierShift)
	sel := m.Chart().Selection()
	for _, id := range []domain.NodeID{ids.head, ids.agent, ids.support} {
		if !slices.Contains(sel, id) {
			t.Errorf("the band did not select %q: %q", d.Node(id).Name, names(d, sel))
		}
	}
	if slices.Contains(sel, ids.unit) {
		t.Errorf("the band selected the unit above it: %q", names(d, sel))
	}
	if !shows(m.inspector.Content, "3 boxes are selected") {
		t.Fatalf("the inspector shows %q", texts(m.inspector.Content))
	}
	// Planned differs (1, 3, 1): the field is empty.
	if p := m.inspector.multi.planned; p.Text != "" || p.PlaceHolder != "(various)" {
		t.Errorf("the common planned field shows %q (placeholder %q) for differing values", p.Text, p.PlaceHolder)
	}
	if g := m.inspector.multi.grade; g.Text != "" || g.PlaceHolder != "" {
		t.Errorf("the grade, empty for all, shows %q (placeholder %q)", g.Text, g.PlaceHolder)
	}
	before := snapshotJSON(t, d)
	typeInto(m, m.inspector.multi.planned, "5")
	for _, id := range []domain.NodeID{ids.head, ids.agent, ids.support} {
		if got := d.Node(id).Planned; got != 5 {
			t.Errorf("%s planned %d, want 5", d.Node(id).Name, got)
		}
	}
	if got := m.inspector.multi.planned.Text; got != "5" {
		t.Errorf("the common field shows %q after the edit", got)
	}
	typeInto(m, m.inspector.multi.grade, "P1")
	if d.Node(ids.agent).Grade != "P1" || d.Node(ids.head).Grade != "P1" {
		t.Error("the grade did not reach all")
	}
	m.Undo()
	m.Undo()
	if snapshotJSON(t, d) != before {
		t.Error("two undos do not take the two edits of three boxes away")
	}
	// Delete works on the set, as one step.
	click(t, m, fyne.NewPos(5, 5), 0)
	dragOnPaper(t, m, start, end, fyne.KeyModifierShift)
	pressKey(m, fyne.KeyDelete)
	if len(d.ChildIDs(ids.unit)) != 0 {
		t.Fatalf("Delete left %q", names(d, d.ChildIDs(ids.unit)))
	}
	m.Undo()
	if snapshotJSON(t, d) != before {
		t.Error("one undo does not bring the three deleted boxes back")
	}
	// Copy works on the set: the three go under 技术支持 in one paste.
	click(t, m, fyne.NewPos(5, 5), 0)
	dragOnPaper(t, m, start, end, fyne.KeyModifierShift)
	pressShortcut(t, m, ctrlC)
	clickBox(t, m, ids.support)
	pressShortcut(t, m, ctrlV)
	if got := names(d, d.ChildIDs(ids.support)); !slices.Equal(got, []string{"客服经理", "客服专员", "技术支持"}) {
		t.Errorf("pasted under 技术支持: %q", got)
	}
	m.Undo()
	// The kind, for all of them at once.
	m.Select(ids.agent, ids.support)
	m.inspector.multi.kind.SetSelected("Assistant")
	if d.Node(ids.agent).Kind != domain.KindAssistant || d.Node(ids.support).Kind != domain.KindAssistant {
		t.Error("the kind did not reach both")
	}
	m.Undo()
	if snapshotJSON(t, d) != before {
		t.Error("one undo does not take the kind of both back")
	}
	// A drag on paper without Shift pans and keeps the selection.
	m.Select(ids.agent)
	dragOnPaper(t, m, start, end, 0)
	if !slices.Equal(m.Chart().Selection(), []domain.NodeID{ids.agent}) {
		t.Errorf("a plain drag on paper changed the selection to %v", m.Chart().Selection())
	}
}

// bandAround returns board positions just outside the boxes ids, top-left
// and bottom-right, on empty paper.
func bandAround(t *testing.T, m *MainWindow, ids ...domain.NodeID) (fyne.Position, fyne.Position) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	origin := d.AbsolutePositionForObject(m.Chart()).Subtract(d.AbsolutePositionForObject(board(t, m)))
	lo, hi := fyne.NewPos(1e9, 1e9), fyne.NewPos(-1e9, -1e9)
	for _, id := range ids {
		pos, size, ok := m.Chart().BoxOnScreen(id)
		if !ok {
			t.Fatalf("box %d is not drawn", id)
		}
		pos = pos.Add(origin)
		lo = fyne.NewPos(min(lo.X, pos.X), min(lo.Y, pos.Y))
		hi = fyne.NewPos(max(hi.X, pos.X+size.Width), max(hi.Y, pos.Y+size.Height))
	}
	return lo.SubtractXY(6, 6), hi.AddXY(6, 6)
}

// dragOnPaper drags from start to end with mods held at the press, as
// the desktop driver reports it.
func dragOnPaper(t *testing.T, m *MainWindow, start, end fyne.Position, mods fyne.KeyModifier) {
	t.Helper()
	b := board(t, m)
	b.(desktop.Mouseable).MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: start}, Button: desktop.MouseButtonPrimary, Modifier: mods})
	prev := start
	for i := 1; i <= 5; i++ {
		f := float32(i) / 5
		p := fyne.NewPos(start.X+(end.X-start.X)*f, start.Y+(end.Y-start.Y)*f)
		b.(fyne.Draggable).Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)})
		prev = p
	}
	b.(fyne.Draggable).DragEnd()
	b.(desktop.Mouseable).MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: end}, Button: desktop.MouseButtonPrimary})
}

func TestCopyChartAsPicture(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	var got []byte
	writeClipboardPNG = func(b []byte) error { got = b; return nil }
	t.Cleanup(func() { writeClipboardPNG = imageclip.WritePNG })
	size := func() (int, int) {
		t.Helper()
		img, err := png.Decode(bytes.NewReader(got))
		if err != nil {
			t.Fatalf("the clipboard got no PNG: %v", err)
		}
		return img.Bounds().Dx(), img.Bounds().Dy()
	}
	click(t, m, fyne.NewPos(5, 5), 0)
	menuAction(t, m, "Copy Chart as Picture")()
	allW, allH := size()
	if !strings.Contains(m.status.Message(), "picture of the chart") {
		t.Errorf("status %q", m.status.Message())
	}
	clickBox(t, m, ids.agent)
	got = nil
	menuItem(t, m.boxMenu(ids.agent), "Copy as Picture").Action()
	w, h := size()
	if w >= allW || h >= allH {
		t.Errorf("the picture of one box is %d×%d, the whole chart %d×%d", w, h, allW, allH)
	}
	// The paper's context menu copies the whole chart.
	got = nil
	menuItem(t, m.boxMenu(0), "Copy Chart as Picture").Action()
	if w, h := size(); w != allW || h != allH {
		t.Errorf("the paper's menu copied %d×%d, not the chart", w, h)
	}

	// Without a clipboard to reach, the user is told so.
	writeClipboardPNG = func([]byte) error { return fmt.Errorf("%w: no display", imageclip.ErrUnavailable) }
	menuAction(t, m, "Copy Chart as Picture")()
	dialogShows(t, m, "The system clipboard cannot be reached")
}

// The Undo menu names the new edits in Chinese too.
func TestClipboardEditsAreTranslated(t *testing.T) {
	zh := readTranslations(t, "orgdraft.zh_Hans.json")
	for _, label := range []string{"Paste", "Cut", "Duplicate", "Change kind", "Set planned headcount", "Set grade", "Set working hours"} {
		if zh[label] == "" {
			t.Errorf("%q has no Chinese translation", label)
		}
	}
}

// menuItem returns the item labelled label of a context menu.
func menuItem(t *testing.T, menu *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range menu.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("the menu has no %q", label)
	return nil
}

func mustDoUI(t *testing.T, m *MainWindow, c domain.Command) {
	t.Helper()
	if err := m.Do(c); err != nil {
		t.Fatal(err)
	}
}

func names(d *domain.Document, ids []domain.NodeID) []string {
	var out []string
	for _, id := range ids {
		if n := d.Node(id); n != nil {
			out = append(out, n.Name)
		}
	}
	return out
}

func snapshotJSON(t *testing.T, d *domain.Document) string {
	t.Helper()
	var b strings.Builder
	if err := domain.EncodeJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
