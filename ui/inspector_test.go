package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"orgdraft/domain"
)

func TestRenameThroughInspector(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.agent)
	i := m.Inspector()
	if i.name.Text != "客服专员" {
		t.Fatalf("inspector shows %q, want the selected box", i.name.Text)
	}
	typeInto(m, i.name, "  客服代表 ")
	if got := m.Session().Doc.Node(ids.agent).Name; got != "客服代表" {
		t.Fatalf("name = %q, want 客服代表 (trimmed)", got)
	}
	if i.name.Text != "客服代表" {
		t.Errorf("the field shows %q after the edit", i.name.Text)
	}
	if !shows(m.Chart(), "客服代表") {
		t.Error("the chart does not show the new name")
	}
	if got := m.UndoMenuLabel(); got != "Undo Rename" {
		t.Errorf("Undo menu = %q", got)
	}
	// The direct subordinates shown for the manager follow the rename.
	m.Select(ids.head)
	if !strings.Contains(i.subs.Text, "客服代表") {
		t.Errorf("manager's subordinates = %q", i.subs.Text)
	}
	m.Undo()
	if got := m.Session().Doc.Node(ids.agent).Name; got != "客服专员" {
		t.Fatalf("after undo name = %q", got)
	}
	if !strings.Contains(i.subs.Text, "客服专员") {
		t.Errorf("after undo the manager's subordinates = %q", i.subs.Text)
	}
}

func TestLeavingAnUnchangedFieldAddsNoUndoStep(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.agent)
	c := m.Window.Canvas()
	c.Focus(m.Inspector().name)
	c.Unfocus()
	c.Focus(m.Inspector().planned)
	c.Unfocus()
	if m.Session().History.CanUndo() {
		t.Fatalf("an unchanged field made an edit: %q", m.Session().History.UndoLabel())
	}
}

func TestSelectingAnotherBoxCommitsTypingToTheFirst(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.agent)
	i := m.Inspector()
	m.Window.Canvas().Focus(i.grade)
	test.Type(i.grade, "P3")
	m.Select(ids.support) // before the field lost the focus
	d := m.Session().Doc
	if d.Node(ids.agent).Grade != "P3" || d.Node(ids.support).Grade != "" {
		t.Fatalf("grade went to the wrong box: agent %q, support %q", d.Node(ids.agent).Grade, d.Node(ids.support).Grade)
	}
	m.Window.Canvas().Unfocus()
	if d.Node(ids.support).Grade != "" {
		t.Fatalf("leaving the field later wrote %q to the newly selected box", d.Node(ids.support).Grade)
	}
}

func duties(m *MainWindow, id domain.NodeID) []string {
	return slices.Clone(m.Session().Doc.Node(id).Duties)
}

func TestDutyEditor(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.agent)
	l := m.Inspector().duties
	if l.Len() != 2 || l.rows[0].entry.Text != "接听客户来电" || l.rows[0].number.Text != "1." {
		t.Fatalf("duty rows: %d, first %q %q", l.Len(), l.rows[0].number.Text, l.rows[0].entry.Text)
	}

	// Edit the second duty.
	typeInto(m, l.rows[1].entry, "记录并跟进客户问题")
	if got := duties(m, ids.agent); !slices.Equal(got, []string{"接听客户来电", "记录并跟进客户问题"}) {
		t.Fatalf("after edit: %q", got)
	}
	if m.UndoMenuLabel() != "Undo Edit duties" {
		t.Errorf("Undo menu = %q", m.UndoMenuLabel())
	}

	// Paste several numbered lines from the clipboard into the new-item
	// field: each line becomes a duty, numbers stripped.
	clip := m.App.Clipboard()
	clip.SetContent("1、处理客户投诉\n2. 回访重点客户\r\n（三）整理服务记录\n\n")
	m.Window.Canvas().Focus(l.add)
	l.add.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	tapButton(t, m.Inspector().Content, "Add")
	want := []string{"接听客户来电", "记录并跟进客户问题", "处理客户投诉", "回访重点客户", "整理服务记录"}
	if got := duties(m, ids.agent); !slices.Equal(got, want) {
		t.Fatalf("after paste: %q", got)
	}
	if l.Len() != 5 || l.rows[4].number.Text != "5." || l.rows[4].entry.Text != "整理服务记录" {
		t.Fatalf("rows after paste: %d, last %q %q", l.Len(), l.rows[4].number.Text, l.rows[4].entry.Text)
	}
	if l.add.Text != "" {
		t.Errorf("the new-item field still holds %q", l.add.Text)
	}
	if !l.rows[0].up.Disabled() || !l.rows[4].down.Disabled() || l.rows[2].up.Disabled() {
		t.Error("the first row must not move up, the last not down, the others both ways")
	}

	// Move the third duty up, then delete the first.
	test.Tap(l.rows[2].up)
	want = []string{"接听客户来电", "处理客户投诉", "记录并跟进客户问题", "回访重点客户", "整理服务记录"}
	if got := duties(m, ids.agent); !slices.Equal(got, want) {
		t.Fatalf("after moving up: %q", got)
	}
	if l.rows[1].entry.Text != "处理客户投诉" {
		t.Errorf("row 2 shows %q after moving", l.rows[1].entry.Text)
	}
	test.Tap(l.rows[0].del)
	if got := duties(m, ids.agent); len(got) != 4 || got[0] != "处理客户投诉" {
		t.Fatalf("after delete: %q", got)
	}

	// Typing two lines into one duty splits it in two.
	typeInto(m, l.rows[0].entry, "处理客户投诉")
	l.rows[0].entry.SetText("处理客户投诉\n升级重大投诉")
	m.Window.Canvas().Focus(l.rows[0].entry)
	m.Window.Canvas().Unfocus()
	if got := duties(m, ids.agent); len(got) != 5 || got[1] != "升级重大投诉" {
		t.Fatalf("after splitting: %q", got)
	}

	// Every step undoes, back to the start.
	for m.Session().History.CanUndo() {
		m.Undo()
	}
	if got := duties(m, ids.agent); !slices.Equal(got, []string{"接听客户来电", "记录客户问题"}) {
		t.Fatalf("after undoing everything: %q", got)
	}
	if l.Len() != 2 || l.rows[1].entry.Text != "记录客户问题" {
		t.Fatalf("rows after undo: %d", l.Len())
	}
}

func TestUnitShowsFunctionsAndRollup(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.unit)
	i := m.Inspector()
	if i.rollup.Text != "5 planned, 2 filled" {
		t.Errorf("unit headcount = %q", i.rollup.Text)
	}
	if i.planned.Visible() || i.positionLists.Visible() || !i.unitLists.Visible() {
		t.Error("a unit shows the position fields, or not its functions")
	}
	i.functions.add.SetText("负责客户服务工作\n负责客户满意度管理")
	tapButton(t, i.Content, "Add")
	if got := m.Session().Doc.Node(ids.unit).Functions; len(got) != 2 {
		t.Fatalf("functions = %q", got)
	}
}

func TestBadInputIsRefusedWithAMessage(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.agent)
	i := m.Inspector()
	before := m.Session().Doc.Node(ids.agent).Planned
	huge := strings.Repeat("长", domain.MaxTextRunes+1)

	cases := []struct {
		field *commitEntry
		text  string
		msg   string
	}{
		{i.planned, "三个", "Enter the headcount as a whole number"},
		{i.planned, "2.5", "Enter the headcount as a whole number"},
		{i.planned, "-2", "A headcount cannot be negative."},
		{i.filled, "-1", "A headcount cannot be negative."},
		{i.name, "   ", "The name cannot be empty."},
		{i.grade, huge, "The text is too long"},
		{i.duties.rows[0].entry, huge, "The text is too long"},
		{i.duties.rows[0].entry, "  ", "The name cannot be empty."},
	}
	for _, c := range cases {
		old := c.field.Text
		if c.text == huge {
			pasteInto(m, c.field, c.text) // typing it would take minutes
		} else {
			typeInto(m, c.field, c.text)
		}
		if got := i.Message(); !strings.Contains(got, c.msg) {
			t.Errorf("typing %.20q: message %q, want %q", c.text, got, c.msg)
		}
		if c.field.Text != old {
			t.Errorf("typing %.20q: the field shows %.20q, want the old %q back", c.text, c.field.Text, old)
		}
		if m.Session().History.CanUndo() {
			t.Fatalf("typing %.20q made an edit: %s", c.text, m.Session().History.UndoLabel())
		}
	}
	n := m.Session().Doc.Node(ids.agent)
	if n.Planned != before || n.Name != "客服专员" || n.Grade != "" || n.Duties[0] != "接听客户来电" {
		t.Fatalf("the box changed: %+v", n)
	}
	// Good input clears the message; full-width digits count.
	typeInto(m, i.planned, "４")
	if i.Message() != "" || m.Session().Doc.Node(ids.agent).Planned != 4 {
		t.Fatalf("planned = %d, message %q", m.Session().Doc.Node(ids.agent).Planned, i.Message())
	}
	if !shows(m.status.Content, "Total: 6 planned, 2 filled") {
		t.Errorf("status bar shows %q", texts(m.status.Content))
	}
}

func TestHeadAndKind(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.agent)
	i := m.Inspector()
	test.Tap(i.head)
	d := m.Session().Doc
	if !d.Node(ids.agent).Head || d.Node(ids.head).Head {
		t.Fatal("ticking head did not move the head of unit")
	}
	if i.superior.Text != "—" {
		t.Errorf("the new head's superior = %q", i.superior.Text)
	}
	m.Undo()
	if d.Node(ids.agent).Head || !d.Node(ids.head).Head || i.head.Checked {
		t.Fatal("undo did not restore the head")
	}
	i.kind.SetSelected("Assistant")
	if d.Node(ids.agent).Kind != domain.KindAssistant {
		t.Fatal("kind not changed")
	}
	if !i.head.Disabled() {
		t.Error("an assistant can be ticked head of unit")
	}
}

func TestUndoWhileTypingUndoesTheTyping(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	if err := m.Do(domain.SetGrade(ids.agent, "P2")); err != nil {
		t.Fatal(err)
	}
	m.Select(ids.agent)
	i := m.Inspector()
	m.Window.Canvas().Focus(i.hours)
	test.Type(i.hours, "9:00-18:00")
	m.Undo() // Ctrl+Z in the field undoes typing, as in any text field
	if i.hours.Text == "9:00-18:00" {
		t.Error("undo in the field did not change the field")
	}
	if m.Session().Doc.Node(ids.agent).Grade != "P2" {
		t.Fatal("undo in a field undid the document's last edit")
	}
	for n := 0; i.hours.Dirty() && n < 20; n++ {
		m.Undo()
	}
	if i.hours.Text != "" || m.Session().Doc.Node(ids.agent).Grade != "P2" {
		t.Fatalf("undoing all typing: field %q, grade %q", i.hours.Text, m.Session().Doc.Node(ids.agent).Grade)
	}
	m.Window.Canvas().Unfocus()
	m.Undo() // now the document's
	if m.Session().Doc.Node(ids.agent).Grade != "" {
		t.Fatal("undo did not undo the grade")
	}
}

func TestLeafArrangementChoice(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	unit := ids.unit
	m.Select(unit)
	i := m.Inspector()
	if i.leaves.SelectedIndex() != int(domain.LeavesDefault) {
		t.Fatalf("a new unit shows arrangement %d", i.leaves.SelectedIndex())
	}
	i.leaves.SetSelectedIndex(int(domain.LeavesRow))
	if d.Node(unit).Leaves != domain.LeavesRow {
		t.Fatal("choosing a row did not change the box")
	}
	m.Undo()
	if d.Node(unit).Leaves != domain.LeavesDefault || i.leaves.SelectedIndex() != int(domain.LeavesDefault) {
		t.Fatal("undo did not restore the arrangement")
	}
}
