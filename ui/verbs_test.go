package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orgdraft/domain"
)

// The editing verbs, driven on the real chart canvas as a user drives
// them: clicks on boxes, keys on whatever has the focus, menu items.

func TestTabAddsASubordinateNamedByTyping(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	clickBox(t, m, ids.agent)
	if m.Selected() != ids.agent {
		t.Fatalf("clicking the box selected %d", m.Selected())
	}
	pressKey(m, fyne.KeyTab)
	added := m.Selected()
	n := d.Node(added)
	if n == nil || n.Parent != ids.agent || n.Kind != domain.KindPosition || n.Planned != 1 {
		t.Fatalf("Tab added %+v under the agent", n)
	}
	if m.Chart().Renaming() != added {
		t.Fatal("the new box is not being renamed in place")
	}
	// The default name is selected: typing replaces it.
	typeOn(t, m, "质检专员")
	pressKey(m, fyne.KeyReturn)
	if d.Node(added).Name != "质检专员" {
		t.Fatalf("typed name not taken: %q", d.Node(added).Name)
	}
	if m.Chart().Renaming() != 0 {
		t.Fatal("Enter did not end renaming")
	}
	// Enter now adds a sibling after it, ready to be named too.
	pressKey(m, fyne.KeyReturn)
	sib := m.Selected()
	if s := d.Node(sib); s == nil || s.Parent != ids.agent || d.IndexOf(sib) != d.IndexOf(added)+1 || m.Chart().Renaming() != sib {
		t.Fatalf("Enter did not add a sibling being renamed: %+v", s)
	}
	pressKey(m, fyne.KeyEscape)
	if d.Node(sib).Name != "New position" {
		t.Fatalf("Escape changed the name to %q", d.Node(sib).Name)
	}
}

func TestTabOnABlankDocumentAfterClickingThePaper(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	if err := m.NewFromTemplate(""); err != nil {
		t.Fatal(err)
	}
	d := m.Session().Doc
	click(t, m, fyne.NewPos(40, 40), 0)
	pressKey(m, fyne.KeyTab)
	if d.Len() != 1 {
		t.Fatalf("Tab on the paper of a blank document made %d boxes", d.Len())
	}
	unit := d.Roots()[0]
	if m.Selected() != unit || m.Chart().Renaming() != unit {
		t.Fatal("the new unit is not selected and being renamed")
	}
	typeOn(t, m, "客户服务部")
	pressKey(m, fyne.KeyReturn)
	if got := d.Node(unit).Name; got != "客户服务部" {
		t.Fatalf("typed text lost: the unit is named %q", got)
	}
}

func TestMenuAndKeysAddTheSameBox(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	h := m.Session().History
	// Fold the agent after giving it a subordinate.
	sub := domain.AddChild(ids.agent, domain.KindPosition, "实习生")
	if err := m.Do(sub); err != nil {
		t.Fatal(err)
	}
	if err := m.Do(domain.SetCollapsed(ids.agent, true)); err != nil {
		t.Fatal(err)
	}
	add := func(how string) *domain.Node {
		m.Select(ids.agent)
		if how == "menu" {
			menuAction(t, m, "Subordinate Position (Tab)")()
		} else {
			clickBox(t, m, ids.agent)
			pressKey(m, fyne.KeyTab)
		}
		pressKey(m, fyne.KeyEscape) // keep the default name
		return d.Node(m.Selected())
	}
	for _, how := range []string{"menu", "key"} {
		before := d.Node(ids.agent).Children()
		n := add(how)
		if n == nil || n.Parent != ids.agent || n.Planned != 1 || n.Kind != domain.KindPosition {
			t.Fatalf("%s added %+v", how, n)
		}
		if d.Node(ids.agent).Collapsed {
			t.Fatalf("%s: the folded superior was not unfolded", how)
		}
		// One undo takes the box away and folds the superior again.
		m.Undo()
		if d.Node(n.ID) != nil || !d.Node(ids.agent).Collapsed || !slices.Equal(d.Node(ids.agent).Children(), before) {
			t.Fatalf("%s: one undo did not take back the whole add", how)
		}
		if m.Selected() != ids.agent {
			t.Fatalf("%s: after undo the selection is %d, want the superior", how, m.Selected())
		}
	}
	if h.UndoLabel() != "Collapse" {
		t.Fatalf("undo history ends with %q", h.UndoLabel())
	}
}

func TestDeleteSaysWhatWentAndAsksBeforeALargeOne(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	// A small delete goes at once, says what went and selects the next box.
	clickBox(t, m, ids.agent)
	pressKey(m, fyne.KeyDelete)
	if d.Node(ids.agent) != nil {
		t.Fatal("Delete left the box")
	}
	if m.Selected() != ids.support {
		t.Fatalf("after delete the selection is %d, want the next sibling %d", m.Selected(), ids.support)
	}
	msg := m.status.Message()
	if !strings.Contains(msg, `Deleted "客服专员" (3 planned)`) || !strings.Contains(msg, "Ctrl+Z") && !strings.Contains(msg, "⌘Z") {
		t.Fatalf("status bar says %q", msg)
	}
	m.Undo()
	if d.Node(ids.agent) == nil || m.status.Message() != "" {
		t.Fatal("undo did not bring the box back or left the message")
	}

	// A unit with more than askDeleteAbove boxes asks first.
	for i := 0; i < askDeleteAbove; i++ {
		if err := m.Do(domain.AddChild(ids.support, domain.KindPosition, "工程师")); err != nil {
			t.Fatal(err)
		}
	}
	clickBox(t, m, ids.unit)
	total := d.Len()
	pressKey(m, fyne.KeyDelete)
	dlg := m.Window.Canvas().Overlays().Top()
	if dlg == nil || !shows(dlg, `Delete "客户服务部"`) || !shows(dlg, "boxes") {
		t.Fatal("no question before deleting the whole department")
	}
	tapButton(t, dlg, "Cancel")
	if d.Len() != total {
		t.Fatal("cancelling deleted something")
	}
	pressKey(m, fyne.KeyDelete)
	tapButton(t, m.Window.Canvas().Overlays().Top(), "Delete")
	if d.Len() != 0 {
		t.Fatalf("%d boxes left after deleting the department", d.Len())
	}
	if !strings.Contains(m.status.Message(), "Deleted 9 boxes (5 planned)") {
		t.Fatalf("status bar says %q", m.status.Message())
	}
}

func TestSelectingARevealedBoxMakesNoEdit(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	path := filepath.Join(t.TempDir(), "部门.orgdraft")
	if err := m.SaveAsPath(path, false); err != nil {
		t.Fatal(err)
	}
	if err := m.Do(domain.SetCollapsed(ids.unit, true)); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	label := m.Session().History.UndoLabel()
	// What Find and the checks panel do: select a box folded away.
	m.Select(ids.agent)
	if _, _, ok := m.Chart().BoxOnScreen(ids.agent); !ok {
		t.Fatal("the selected box is not shown")
	}
	clickBox(t, m, ids.support)
	if m.Session().History.UndoLabel() != label || !m.Session().Doc.Node(ids.unit).Collapsed {
		t.Fatalf("selecting made an edit: undo says %q", m.Session().History.UndoLabel())
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Fatal("selecting wrote the file")
	}
}

func TestContextMenuRunsTheSameVerbs(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	b := board(t, m)
	test.TapSecondaryAt(b.(fyne.SecondaryTappable), onBoard(t, m, ids.head))
	if m.Selected() != ids.head {
		t.Fatalf("right click selected %d", m.Selected())
	}
	pop := m.Window.Canvas().Overlays().Top()
	if pop == nil {
		t.Fatal("no context menu")
	}
	for _, want := range []string{"Add Subordinate Position", "Add Sibling", "Add Assistant", "Rename", "Delete", "Collapse Subtree", "Add Dotted-Line Link…"} {
		if !shows(pop, want) {
			t.Fatalf("context menu %q lacks %q", texts(pop), want)
		}
	}
	var assistant *fyne.MenuItem
	for _, it := range m.boxMenu(ids.head).Items {
		if it.Label == "Add Assistant" {
			assistant = it
		}
	}
	pop.Hide()
	assistant.Action()
	a := d.Node(m.Selected())
	if a == nil || a.Kind != domain.KindAssistant || a.Parent != ids.head || a.Planned != 1 || m.Chart().Renaming() != a.ID {
		t.Fatalf("Add Assistant made %+v", a)
	}
}

func TestDroppingABoxChangesItsSuperior(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	dragBoxOnto(t, m, ids.support, ids.agent)
	if d.Node(ids.support).Parent != ids.agent {
		t.Fatal("the dropped box does not report to the target")
	}
	if _, _, ok := m.Chart().BoxOnScreen(ids.support); !ok {
		t.Fatal("the moved box is not shown")
	}
	if m.Session().History.UndoLabel() != "Move box" {
		t.Fatalf("undo label %q", m.Session().History.UndoLabel())
	}
}

func TestVacancyMarkingIsAViewPreference(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	if m.Chart().MarkVacancies() {
		t.Fatal("vacancies are marked before the user asked")
	}
	label := m.Session().History.UndoLabel()
	menuAction(t, m, "Mark Vacancies")()
	if !m.Chart().MarkVacancies() || !m.menu.vacancies.Checked {
		t.Fatal("View ▸ Mark Vacancies did not switch the marking on")
	}
	if m.Session().History.UndoLabel() != label {
		t.Fatal("switching the marking made an edit of the document")
	}
	// The next window remembers it.
	next := NewMainWindow(m.App, Options{})
	if !next.Chart().MarkVacancies() {
		t.Fatal("the marking is not remembered")
	}
}

func TestEscClosesTheFileDialogs(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	menuAction(t, m, "Open…")()
	if m.Window.Canvas().Overlays().Top() == nil {
		t.Fatal("File ▸ Open showed nothing")
	}
	m.Window.Canvas().Unfocus()
	pressKey(m, fyne.KeyEscape)
	if top := m.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Esc left the Open dialog: %q", texts(top))
	}
	// The folder chooser of Save As closes, and Save As stays.
	menuAction(t, m, "Save As…")()
	tapButton(t, topDialog(t, m), "Change…")
	m.Window.Canvas().Unfocus()
	pressKey(m, fyne.KeyEscape)
	dialogShows(t, m, "File name")
}
