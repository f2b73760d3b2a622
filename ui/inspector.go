package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// Inspector is the panel on the right of the main window: every field of
// the selected box, its duties, qualifications or unit functions, and its
// direct superior and subordinates as the chart makes them. Each change is
// one domain command through the session, so it can be undone and is saved
// at once; input the model refuses (an empty name, a negative or
// non-numeric headcount, a text too long) shows a message at the top of
// the panel and changes nothing.
//
// Typing in a field is committed when the user leaves the field or
// presses Enter, and also after a pause of a second, so that a crash loses
// nothing; one field edit is one undo step however many pauses it had.
type Inspector struct {
	// Do runs an edit through the session and reports save failures to
	// the user; it returns the error.
	Do func(domain.Command) error
	// OnTyping, when set, is called when the panel starts (true) or stops
	// (false) holding typing that is not in the document yet; the status
	// bar then must not say the document is saved.
	OnTyping func(typing bool)

	doc      *domain.Document
	node     domain.NodeID
	count    int  // how many boxes are selected
	updating bool // set while fields are filled from the model
	typing   bool // what OnTyping was last told

	message    *widget.Label
	empty      *widget.Label
	name       *commitEntry
	kind       *widget.Select
	head       *widget.Check
	planned    *commitEntry
	filled     *commitEntry
	grade      *commitEntry
	concurrent *widget.Check
	leaves     *widget.Select
	hours      *commitEntry
	notes      *commitEntry
	superior   *widget.Label
	subs       *widget.Label
	rollup     *widget.Label

	duties, quals, functions *itemList
	job                      *jobForm         // the rest of the 岗位说明书, and the sections
	staffing                 *staffingSection // 排班定编, staffing.go

	positionRows []fyne.CanvasObject // form rows of positions only
	unitRows     []fyne.CanvasObject // form rows of units only
	details      *fyne.Container
	scroll       *container.Scroll // the fields; the wheel over any field scrolls it
	// Content is what the main window places.
	Content fyne.CanvasObject

	// Several boxes selected (multiedit.go): ids holds them, multi edits
	// what they have in common.
	ids   []domain.NodeID
	multi *multiEdit
}

// kindLabel names a kind in the editor's language.
func kindLabel(k domain.Kind) string {
	switch k {
	case domain.KindUnit:
		return lang.L("Unit")
	case domain.KindAssistant:
		return lang.L("Assistant")
	}
	return lang.L("Position")
}

var kinds = []domain.Kind{domain.KindUnit, domain.KindPosition, domain.KindAssistant}

// NewInspector builds the panel; do runs edits (see Inspector.Do).
func NewInspector(do func(domain.Command) error) *Inspector {
	i := &Inspector{Do: do}
	i.scroll = container.NewVScroll(nil)
	i.message = widget.NewLabel("")
	i.message.Importance = widget.DangerImportance
	i.message.Wrapping = fyne.TextWrapWord
	i.message.Hide()
	i.empty = widget.NewLabel(lang.L("Select a box in the chart to edit it here."))
	i.empty.Wrapping = fyne.TextWrapWord

	i.name = i.textField(false, func(id domain.NodeID, s string) domain.Command { return domain.Rename(id, s) })
	i.grade = i.textField(false, func(id domain.NodeID, s string) domain.Command { return domain.SetGrade(id, s) })
	i.hours = i.textField(false, func(id domain.NodeID, s string) domain.Command { return domain.SetHours(id, s) })
	i.notes = i.textField(true, func(id domain.NodeID, s string) domain.Command { return domain.SetNotes(id, s) })
	i.notes.minRows = 2
	i.notes.fit()
	i.planned = i.countField(domain.SetPlanned)
	i.filled = i.countField(domain.SetFilled)

	names := make([]string, len(kinds))
	for j, k := range kinds {
		names[j] = kindLabel(k)
	}
	i.kind = widget.NewSelect(names, func(s string) {
		if i.updating || i.node == 0 {
			return
		}
		for j, n := range names {
			if n == s {
				i.apply(domain.SetKind(i.node, kinds[j]))
			}
		}
	})
	// How the box's leaf subordinates are drawn, in the order of
	// domain.LeavesDefault, LeavesColumn, LeavesRow.
	leafNames := []string{lang.L("As the document sets"), lang.L("Stacked in a column"), lang.L("Side by side in a row")}
	i.leaves = widget.NewSelect(leafNames, func(s string) {
		if i.updating || i.node == 0 {
			return
		}
		if j := slices.Index(leafNames, s); j >= 0 {
			i.apply(domain.SetLeaves(i.node, domain.Leaves(j)))
		}
	})
	i.head = widget.NewCheck(lang.L("Heads its unit"), func(on bool) {
		if !i.updating && i.node != 0 {
			i.apply(&domain.SetHead{ID: i.node, On: on})
		}
	})
	i.concurrent = widget.NewCheck(lang.L("Held concurrently"), func(on bool) {
		if !i.updating && i.node != 0 {
			i.apply(domain.SetConcurrent(i.node, on))
		}
	})
	i.superior = widget.NewLabel("")
	i.subs = widget.NewLabel("")
	i.subs.Wrapping = fyne.TextWrapWord
	i.rollup = widget.NewLabel("")

	i.duties = newItemList(domain.Duties, lang.L("Duties"), i)
	i.quals = newItemList(domain.Qualifications, lang.L("Qualifications"), i)
	i.functions = newItemList(domain.Functions, lang.L("Unit functions"), i)
	i.job = newJobForm(i)
	i.staffing = newStaffingSection(i)
	i.multi = newMultiEdit(i)
	for _, e := range i.fields() {
		i.hook(e)
	}

	// One form, so that all labels share one column; the rows that do not
	// apply to the selected kind of box are hidden (the form layout skips
	// a row whose label and field are both hidden).
	row := func(label string, field fyne.CanvasObject) []fyne.CanvasObject {
		return []fyne.CanvasObject{widget.NewLabel(label), field}
	}
	i.positionRows = slices.Concat(
		row("", i.head),
		row(lang.L("Planned"), i.planned),
		row(lang.L("Filled"), i.filled),
		row(lang.L("Grade"), i.grade),
		row("", i.concurrent),
		row(lang.L("Working hours"), i.hours),
		row(lang.L("Direct superior"), i.superior),
		row(lang.L("Direct subordinates"), i.subs),
	)
	i.unitRows = row(lang.L("Headcount"), i.rollup)
	form := container.New(layout.NewFormLayout(), slices.Concat(
		row(lang.L("Name"), i.name),
		row(lang.L("Kind"), i.kind),
		row(lang.L("Leaf subordinates"), i.leaves),
		i.job.rows(),
		i.positionRows,
		i.unitRows,
		row(lang.L("Notes"), i.notes),
	)...)
	// The form and the lists sit in collapsible sections (jobform.go);
	// the staffing section goes with the headcount, in the basic one.
	i.job.sections(container.NewVBox(form, i.staffing.Content), i.duties, i.quals, i.functions)
	i.details = container.NewVBox(i.job.Content)
	// The message stays above the scrolled fields, so that it is seen
	// when the refused field is far down (a duty).
	i.scroll.Content = container.NewPadded(container.NewVBox(i.empty, i.details, i.multi.Content))
	i.Content = container.NewBorder(i.message, nil, nil, nil, i.scroll)
	i.Show(nil, 0, 0)
	return i
}

// textField returns a field whose committed text becomes the command made
// by cmd.
func (i *Inspector) textField(multi bool, cmd func(domain.NodeID, string) domain.Command) *commitEntry {
	e := newCommitEntry(multi)
	e.OnCommit = func(s string) bool {
		if i.node == 0 {
			return false
		}
		return i.commit(e, cmd(i.node, s))
	}
	return e
}

// hook connects a field of the panel to it: its pending typing reaches
// the status bar, and the mouse wheel over it scrolls the panel.
func (i *Inspector) hook(e *commitEntry) {
	e.OnPending = i.typingChanged
	e.Wheel = i.scroll
}

// fields returns every text field of the panel, the list items included.
func (i *Inspector) fields() []*commitEntry {
	out := []*commitEntry{i.name, i.planned, i.filled, i.grade, i.hours, i.notes}
	for _, l := range []*itemList{i.duties, i.quals, i.functions} {
		out = append(out, l.fields()...)
	}
	out = append(out, i.staffing.fields()...)
	if i.multi != nil {
		out = append(out, i.multi.fields()...)
	}
	return append(out, i.job.fields()...)
}

// Typing reports whether a field holds typing not yet committed (so not
// yet saved).
func (i *Inspector) Typing() bool {
	for _, e := range i.fields() {
		if e.Dirty() {
			return true
		}
	}
	return false
}

func (i *Inspector) typingChanged() {
	if t := i.Typing(); t != i.typing {
		i.typing = t
		if i.OnTyping != nil {
			i.OnTyping(t)
		}
	}
}

// reveal scrolls the panel so that o is in view (the field that got the
// focus after Enter, below the bottom edge).
func (i *Inspector) reveal(o fyne.CanvasObject) {
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject
	top := abs(o).Y - abs(i.scroll).Y
	bottom := top + max(o.Size().Height, o.MinSize().Height)
	switch view := i.scroll.Size().Height; {
	case bottom > view:
		i.scroll.ScrollToOffset(fyne.NewPos(0, i.scroll.Offset.Y+bottom-view+theme.Padding()))
	case top < 0:
		i.scroll.ScrollToOffset(fyne.NewPos(0, i.scroll.Offset.Y+top-theme.Padding()))
	}
}

// commit runs cmd, made from the text of field e, as part of e's field
// edit: the commits from the first key to leaving the field (one at every
// pause in the typing) are one undo step, so that undo never leaves half
// a word. A refusal while the user is still typing shows no message yet;
// the field keeps the typing and the user finishes it.
func (i *Inspector) commit(e *commitEntry, cmd domain.Command) bool {
	c := domain.Continue(e.edit, cmd)
	err := i.Do(c)
	if err != nil {
		if !e.Auto() {
			i.showMessage(errorText(err))
			i.Refresh()
		}
		return false
	}
	e.edit = c
	i.showMessage("")
	return true
}

// errNotNumber is the refusal of a headcount that is not a whole number.
var errNotNumber = errors.New("not a whole number")

// countField returns a headcount field: the text must be a whole number
// (full-width digits from a Chinese input method count too); an empty field
// means 0.
func (i *Inspector) countField(cmd func(domain.NodeID, int) *domain.EditNode) *commitEntry {
	e := newCommitEntry(false)
	e.OnCommit = func(s string) bool {
		if i.node == 0 {
			return false
		}
		v, err := parseCount(s)
		if err != nil {
			if !e.Auto() {
				i.showMessage(lang.L("Enter the headcount as a whole number, for example 3."))
			}
			return false
		}
		return i.commit(e, cmd(i.node, v))
	}
	return e
}

// parseCount reads a headcount as people type it.
func parseCount(s string) (int, error) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '－':
			return '-'
		}
		return r
	}, strings.TrimSpace(s))
	s = strings.TrimSuffix(strings.TrimSpace(s), "人")
	if s == "" {
		return 0, nil
	}
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, errNotNumber
	}
	return v, nil
}

// apply runs cmd and shows why it was refused, if it was. (Do returns
// refusals only: a change made but not saved is the main window's to
// report.)
func (i *Inspector) apply(cmd domain.Command) bool {
	err := i.Do(cmd)
	if err != nil {
		i.showMessage(errorText(err))
		i.Refresh()
		return false
	}
	i.showMessage("")
	return true
}

func (i *Inspector) showMessage(s string) {
	i.message.SetText(s)
	if s == "" {
		i.message.Hide()
	} else {
		i.message.Show()
	}
}

// Message returns the message shown at the top of the panel ("" if none).
func (i *Inspector) Message() string {
	if !i.message.Visible() {
		return ""
	}
	return i.message.Text
}

// Show edits the box id of d; count is how many boxes are selected
// (ShowSelection, which knows them all, edits what several boxes have in
// common). Typing not yet committed in the previous box's fields is
// committed to that box first.
func (i *Inspector) Show(d *domain.Document, id domain.NodeID, count int) {
	if id != i.node || d != i.doc {
		i.Flush()
		i.showMessage("")
	}
	i.doc, i.node, i.count = d, id, count
	i.Refresh()
}

// Flush commits whatever is being typed in the panel.
func (i *Inspector) Flush() {
	if i.doc == nil || i.node == 0 || i.doc.Node(i.node) == nil {
		return
	}
	for _, e := range i.fields() {
		e.Commit()
	}
}

// Refresh fills the panel from the model again (after any change).
func (i *Inspector) Refresh() {
	if i.refreshMany() {
		return
	}
	var n *domain.Node
	if i.doc != nil {
		n = i.doc.Node(i.node)
	}
	if n == nil {
		i.node = 0
		switch {
		case i.count > 1:
			i.empty.SetText(fmt.Sprintf(lang.L("%d boxes are selected. Select one box to edit it."), i.count))
		default:
			i.empty.SetText(lang.L("Select a box in the chart to edit it here."))
		}
		i.empty.Show()
		i.details.Hide()
		for _, l := range []*itemList{i.duties, i.quals, i.functions} {
			l.Show(nil)
		}
		i.staffing.Show(nil)
		i.job.show(nil, nil)
		return
	}
	i.updating = true
	defer func() { i.updating = false }()
	i.empty.Hide()
	i.details.Show()
	i.name.SetModel(n.Name)
	i.kind.SetSelected(kindLabel(n.Kind))
	i.leaves.SetSelectedIndex(int(n.Leaves))
	i.notes.SetModel(n.Notes)
	if n.Kind.IsPosition() {
		showAll(i.positionRows, true)
		showAll(i.unitRows, false)
		i.head.SetChecked(n.Head)
		if n.Kind == domain.KindPosition && i.doc.Node(n.Parent) != nil && i.doc.Node(n.Parent).Kind == domain.KindUnit {
			i.head.Enable()
		} else {
			i.head.Disable()
		}
		i.planned.SetModel(strconv.Itoa(n.Planned))
		i.filled.SetModel(strconv.Itoa(n.Filled))
		i.grade.SetModel(n.Grade)
		i.concurrent.SetChecked(n.Concurrent)
		i.hours.SetModel(n.Hours)
		i.superior.SetText(i.names([]domain.NodeID{i.doc.Superior(n.ID)}))
		i.subs.SetText(i.names(i.doc.Subordinates(n.ID)))
		i.duties.Show(n)
		i.quals.Show(n)
		i.staffing.Show(n)
		i.functions.Show(nil)
	} else {
		showAll(i.positionRows, false)
		showAll(i.unitRows, true)
		h := i.doc.Rollup()[n.ID]
		i.rollup.SetText(fmt.Sprintf(lang.L("%d planned, %d filled"), h.Planned, h.Filled))
		i.functions.Show(n)
		i.duties.Show(nil)
		i.quals.Show(nil)
		i.staffing.Show(nil)
	}
	i.job.show(i.doc, n)
}

func showAll(objs []fyne.CanvasObject, on bool) {
	for _, o := range objs {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// names lists boxes by name, "—" for none.
func (i *Inspector) names(ids []domain.NodeID) string {
	var out []string
	for _, id := range ids {
		if n := i.doc.Node(id); n != nil {
			out = append(out, n.Name)
		}
	}
	if len(out) == 0 {
		return "—"
	}
	return strings.Join(out, lang.L(", "))
}

// editing returns the field of the inspector that holds uncommitted typing
// and has the focus in c, or nil. Undo then undoes the typing, not the
// last edit of the document.
func (i *Inspector) editing(c fyne.Canvas) *commitEntry {
	if c == nil {
		return nil
	}
	if e, ok := c.Focused().(*commitEntry); ok && e.Dirty() {
		return e
	}
	return nil
}
