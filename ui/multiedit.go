package ui

import (
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// multiEdit is the part of the inspector shown while several boxes are
// selected: the fields they have in common (kind; planned headcount,
// grade and working hours of the positions among them). A field shows
// the value when all boxes share it, and is empty otherwise; what is
// entered goes to all of them as one undo step.
type multiEdit struct {
	i *Inspector

	title                 *widget.Label
	kind                  *widget.Select
	planned, grade, hours *commitEntry
	positionRows          []fyne.CanvasObject // hidden when no position is selected
	Content               *fyne.Container
}

func newMultiEdit(i *Inspector) *multiEdit {
	me := &multiEdit{i: i, title: widget.NewLabel("")}
	me.title.Wrapping = fyne.TextWrapWord
	names := make([]string, len(kinds))
	for j, k := range kinds {
		names[j] = kindLabel(k)
	}
	me.kind = widget.NewSelect(names, func(s string) {
		if i.updating {
			return
		}
		if j := slices.Index(names, s); j >= 0 {
			me.apply("Change kind", func(n *domain.Node) domain.Command {
				if n.Kind == kinds[j] {
					return nil
				}
				return domain.SetKind(n.ID, kinds[j])
			}, false)
		}
	})
	me.kind.PlaceHolder = lang.L("(various)")
	me.planned = me.field(func(e *commitEntry, s string) bool {
		v, err := parseCount(s)
		if err != nil {
			if !e.Auto() {
				i.showMessage(lang.L("Enter the headcount as a whole number, for example 3."))
			}
			return false
		}
		return me.commit(e, "Set planned headcount", func(n *domain.Node) domain.Command { return domain.SetPlanned(n.ID, v) })
	})
	me.grade = me.field(func(e *commitEntry, s string) bool {
		return me.commit(e, "Set grade", func(n *domain.Node) domain.Command { return domain.SetGrade(n.ID, s) })
	})
	me.hours = me.field(func(e *commitEntry, s string) bool {
		return me.commit(e, "Set working hours", func(n *domain.Node) domain.Command { return domain.SetHours(n.ID, s) })
	})
	row := func(label string, field fyne.CanvasObject) []fyne.CanvasObject {
		return []fyne.CanvasObject{widget.NewLabel(label), field}
	}
	me.positionRows = slices.Concat(
		row(lang.L("Planned"), me.planned),
		row(lang.L("Grade"), me.grade),
		row(lang.L("Working hours"), me.hours),
	)
	form := container.New(layout.NewFormLayout(), slices.Concat(row(lang.L("Kind"), me.kind), me.positionRows)...)
	me.Content = container.NewVBox(me.title, form)
	me.Content.Hide()
	return me
}

// field returns a text field of the panel whose committed text goes to
// commit.
func (me *multiEdit) field(commit func(e *commitEntry, s string) bool) *commitEntry {
	e := newCommitEntry(false)
	e.OnCommit = func(s string) bool {
		if len(me.i.ids) < 2 {
			return false
		}
		return commit(e, s)
	}
	return e
}

// fields returns the panel's text fields.
func (me *multiEdit) fields() []*commitEntry {
	return []*commitEntry{me.planned, me.grade, me.hours}
}

// edits returns the command that applies edit to every selected box it
// makes one for (positionsOnly: to the positions and assistants only),
// as one step named label; nil when there is nothing to change.
func (me *multiEdit) edits(label string, edit func(n *domain.Node) domain.Command, positionsOnly bool) domain.Command {
	var cmds []domain.Command
	for _, id := range me.i.ids {
		n := me.i.doc.Node(id)
		if n == nil || (positionsOnly && !n.Kind.IsPosition()) {
			continue
		}
		if c := edit(n); c != nil {
			cmds = append(cmds, c)
		}
	}
	if len(cmds) == 0 {
		return nil
	}
	return &domain.Batch{Name: label, Cmds: cmds}
}

// apply runs an edit of every selected box, shown as a refusal when it is
// refused.
func (me *multiEdit) apply(label string, edit func(n *domain.Node) domain.Command, positionsOnly bool) {
	if cmd := me.edits(label, edit, positionsOnly); cmd != nil {
		me.i.apply(cmd)
	}
}

// commit runs the edit of field e for every selected position, as part of
// the field's one undo step (see Inspector.commit).
func (me *multiEdit) commit(e *commitEntry, label string, edit func(n *domain.Node) domain.Command) bool {
	cmd := me.edits(label, edit, true)
	if cmd == nil {
		return true
	}
	return me.i.commit(e, cmd)
}

// common returns the value all the selected positions share, or "" and
// false when they differ.
func (me *multiEdit) common(value func(n *domain.Node) string) (string, bool) {
	var v string
	seen := false
	for _, id := range me.i.ids {
		n := me.i.doc.Node(id)
		if n == nil || !n.Kind.IsPosition() {
			continue
		}
		s := value(n)
		if seen && s != v {
			return "", false
		}
		v, seen = s, true
	}
	return v, seen
}

// refresh fills the panel from the selected boxes.
func (me *multiEdit) refresh() {
	i := me.i
	var kindsSeen []domain.Kind
	positions := 0
	for _, id := range i.ids {
		if n := i.doc.Node(id); n != nil {
			if !slices.Contains(kindsSeen, n.Kind) {
				kindsSeen = append(kindsSeen, n.Kind)
			}
			if n.Kind.IsPosition() {
				positions++
			}
		}
	}
	me.title.SetText(fmt.Sprintf(lang.L("%d boxes are selected. What you enter here applies to all of them (planned headcount, grade and hours to the %d positions among them)."), len(i.ids), positions))
	if len(kindsSeen) == 1 {
		me.kind.SetSelected(kindLabel(kindsSeen[0]))
	} else {
		me.kind.ClearSelected()
	}
	showAll(me.positionRows, positions > 0)
	set := func(e *commitEntry, value func(n *domain.Node) string) {
		v, same := me.common(value)
		e.PlaceHolder = ""
		if !same {
			e.PlaceHolder = lang.L("(various)")
		}
		e.SetModel(v)
		e.Refresh()
	}
	set(me.planned, func(n *domain.Node) string { return strconv.Itoa(n.Planned) })
	set(me.grade, func(n *domain.Node) string { return n.Grade })
	set(me.hours, func(n *domain.Node) string { return n.Hours })
}

// ShowSelection edits the selected boxes ids of d: one box in full, the
// fields common to several (see multiEdit). Typing not yet committed is
// committed to the boxes it was typed for first.
func (i *Inspector) ShowSelection(d *domain.Document, ids []domain.NodeID) {
	if d != i.doc || !slices.Equal(ids, i.ids) {
		i.Flush()
	}
	i.ids = nil
	if len(ids) > 1 {
		i.ids = slices.Clone(ids)
	}
	i.Show(d, first(ids), len(ids))
}

// refreshMany shows the multiEdit panel instead of one box's fields when
// several boxes are selected, and reports whether it did.
func (i *Inspector) refreshMany() bool {
	if i.doc != nil {
		i.ids = slices.DeleteFunc(i.ids, func(id domain.NodeID) bool { return i.doc.Node(id) == nil })
	}
	if i.doc == nil || len(i.ids) < 2 || i.count < 2 {
		i.multi.Content.Hide()
		return false
	}
	i.updating = true
	defer func() { i.updating = false }()
	i.empty.Hide()
	i.details.Hide()
	for _, l := range []*itemList{i.duties, i.quals, i.functions} {
		l.Show(nil)
	}
	i.multi.refresh()
	i.multi.Content.Show()
	return true
}
