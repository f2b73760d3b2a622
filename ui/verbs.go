package ui

import (
	"fmt"
	"runtime"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"orgdraft/domain"
)

// The editing verbs. Each is implemented here once; the menus, the
// toolbar, the chart's keys (handleKey) and the chart's context menu
// (boxMenu) all call these, so they cannot drift apart.

// The kinds of box the Insert commands add.
const (
	addSubordinate = iota // a position under the selection (a unit at the top)
	addSubunit            // a unit under the selection
	addSibling            // a box of the selection's kind after it
	addAssistant          // an assistant of the selection
)

// askDeleteAbove is how many boxes a delete may take without asking
// first: a slip of the Delete key on a department's head must not take
// the whole department silently (the status bar always says what went,
// and Undo brings it back).
const askDeleteAbove = 5

// Add adds a box (see the add* constants) as one undo step, selects it,
// scrolls to it and starts renaming it in place, so typing names it. A
// new position is planned for one person. A folded superior is unfolded
// in the same undo step, so the new box can be seen.
func (m *MainWindow) Add(what int) {
	if m.session == nil || m.refusedReadOnly() {
		return
	}
	d := m.session.Doc
	sel := m.Selected()
	var add *domain.AddNode
	switch what {
	case addSubordinate:
		if sel == 0 {
			add = domain.AddChild(0, domain.KindUnit, lang.L("New unit"))
		} else {
			add = domain.AddChild(sel, domain.KindPosition, lang.L("New position"))
		}
	case addSubunit:
		add = domain.AddChild(sel, domain.KindUnit, lang.L("New unit"))
	case addSibling:
		n := d.Node(sel)
		if n == nil {
			return
		}
		kind, name := domain.KindPosition, lang.L("New position")
		if n.Kind == domain.KindUnit {
			kind, name = domain.KindUnit, lang.L("New unit")
		}
		var err error
		if add, err = domain.AddSibling(d, sel, kind, name); err != nil {
			m.showError(err)
			return
		}
	case addAssistant:
		if sel == 0 {
			return
		}
		add = domain.AddAssistant(sel, lang.L("Assistant"))
	default:
		return
	}
	if add.Init.Kind.IsPosition() {
		add.Init.Planned = 1 // a new position is usually one person
	}
	var cmd domain.Command = add
	if p := d.Node(add.Parent); p != nil && p.Collapsed {
		cmd = &domain.Batch{Name: "Add box", Cmds: []domain.Command{domain.SetCollapsed(p.ID, false), add}}
	}
	m.DoAndShow(cmd)
	if d.Node(add.ID) == nil {
		return // refused
	}
	m.Select(add.ID)
	m.chart.StartRename(add.ID)
}

// subtreeSize counts the boxes in the subtrees of ids (which must not
// contain each other) and their planned headcount, as the roll-up counts
// it (concurrent posts not).
func subtreeSize(d *domain.Document, ids []domain.NodeID) (boxes, planned int) {
	for _, id := range ids {
		d.WalkSubtree(id, func(n *domain.Node) bool {
			boxes++
			if n.Kind.IsPosition() && !n.Concurrent {
				planned += n.Planned
			}
			return true
		})
	}
	return boxes, planned
}

// Delete deletes the selected boxes with everything under them, as one
// undo step, after asking when that is more than askDeleteAbove boxes.
// The status bar says what was deleted and how to get it back; the box
// that took the first one's place (its next sibling, else the one before,
// else its superior) is selected.
func (m *MainWindow) Delete() {
	if m.session == nil || m.refusedReadOnly() {
		return
	}
	d := m.session.Doc
	gone := d.Topmost(m.chart.Selection())
	if len(gone) == 0 {
		return
	}
	boxes, planned := subtreeSize(d, gone)
	if boxes <= askDeleteAbove {
		m.deleteBoxes(gone, boxes, planned)
		return
	}
	msg := fmt.Sprintf(lang.L("Delete \"%s\" with everything under it: %d boxes, %d planned? %s brings them back."),
		d.Node(gone[0]).Name, boxes, planned, undoKeyName())
	if len(gone) > 1 {
		msg = fmt.Sprintf(lang.L("Delete the %d selected boxes with everything under them: %d boxes, %d planned? %s brings them back."),
			len(gone), boxes, planned, undoKeyName())
	}
	dlg := dialog.NewConfirm(lang.L("Delete boxes?"), msg, func(ok bool) {
		if ok {
			m.deleteBoxes(gone, boxes, planned)
		}
	}, m.Window)
	dlg.SetConfirmText(lang.L("Delete"))
	dlg.SetDismissText(lang.L("Cancel"))
	dlg.Show()
}

// deleteBoxes deletes the subtrees of gone (counted beforehand) and says
// so in the status bar.
func (m *MainWindow) deleteBoxes(gone []domain.NodeID, boxes, planned int) {
	d := m.session.Doc
	next := successor(d, gone)
	name := d.Node(gone[0]).Name
	var cmds []domain.Command
	for _, id := range gone {
		cmds = append(cmds, &domain.DeleteNode{ID: id})
	}
	if m.DoAndShow(domain.Steps("Delete boxes", cmds)) != nil && d.Node(gone[0]) != nil {
		return // refused: nothing changed
	}
	m.Select(next...)
	if boxes == 1 {
		m.status.SetMessage(fmt.Sprintf(lang.L("Deleted \"%s\" (%d planned). %s undoes it."), name, planned, undoKeyName()))
	} else {
		m.status.SetMessage(fmt.Sprintf(lang.L("Deleted %d boxes (%d planned). %s undoes it."), boxes, planned, undoKeyName()))
	}
}

// successor is the box to select after the subtrees of gone are deleted:
// the first one's next surviving sibling, else the one before, else its
// nearest surviving superior; none for a document left empty.
func successor(d *domain.Document, gone []domain.NodeID) []domain.NodeID {
	survives := func(id domain.NodeID) bool {
		return !slices.ContainsFunc(gone, func(g domain.NodeID) bool { return g == id || d.IsAncestor(g, id) })
	}
	for cur := gone[0]; cur != 0; cur = d.Node(cur).Parent {
		sibs := d.ChildIDs(d.Node(cur).Parent)
		i := slices.Index(sibs, cur)
		for j := i + 1; j < len(sibs); j++ {
			if survives(sibs[j]) {
				return []domain.NodeID{sibs[j]}
			}
		}
		for j := i - 1; j >= 0; j-- {
			if survives(sibs[j]) {
				return []domain.NodeID{sibs[j]}
			}
		}
		if p := d.Node(cur).Parent; p != 0 && survives(p) {
			return []domain.NodeID{p}
		}
	}
	return nil
}

// undoKeyName is the Undo shortcut as this platform writes it.
func undoKeyName() string {
	if runtime.GOOS == "darwin" {
		return "⌘Z"
	}
	return "Ctrl+Z"
}

// Rename starts renaming the selected box in place on the chart.
func (m *MainWindow) Rename() {
	if id := m.Selected(); id != 0 && !m.refusedReadOnly() {
		m.chart.StartRename(id)
	}
}

// refusedReadOnly tells the user that a document viewed read-only cannot
// be changed, and reports whether it is so; the verbs that go through Do
// are refused there anyway.
func (m *MainWindow) refusedReadOnly() bool {
	if m.session == nil || !m.session.ReadOnly() {
		return false
	}
	m.showError(m.session.readOnlyReason())
	return true
}

// ToggleFold folds the selected box's subtree away, or unfolds it.
func (m *MainWindow) ToggleFold(id domain.NodeID) {
	if id != 0 {
		m.chart.ToggleFold(id)
	}
}

// AutoLayout puts the boxes arranged by hand back where the automatic
// layout puts them: the selected boxes with their subtrees, or all.
func (m *MainWindow) AutoLayout() {
	if m.session == nil {
		return
	}
	if cmd := domain.ResetOffsets(m.session.Doc, m.chart.Selection()); cmd != nil {
		m.DoAndShow(cmd)
	}
}

// StartLink lets the user click the box a dotted-line link from id goes
// to.
func (m *MainWindow) StartLink(id domain.NodeID) {
	if !m.refusedReadOnly() {
		m.chart.StartLink(id)
	}
}

// linksOf returns the dotted-line links that start or end at id.
func linksOf(d *domain.Document, id domain.NodeID) []domain.LinkID {
	var out []domain.LinkID
	for _, l := range d.Links() {
		if l.From == id || l.To == id {
			out = append(out, l.ID)
		}
	}
	return out
}

// RemoveLinks removes every dotted-line link of box id, as one edit.
func (m *MainWindow) RemoveLinks(id domain.NodeID) {
	var cmds []domain.Command
	for _, l := range linksOf(m.session.Doc, id) {
		cmds = append(cmds, &domain.RemoveLink{ID: l})
	}
	if cmd := domain.Steps("Remove dotted-line link", cmds); cmd != nil {
		m.DoAndShow(cmd)
	}
}

// hasOffsets reports whether the boxes ids or their subtrees have been
// arranged by hand.
func hasOffsets(d *domain.Document, ids []domain.NodeID) bool {
	found := false
	for _, id := range d.Topmost(ids) {
		d.WalkSubtree(id, func(n *domain.Node) bool {
			found = found || n.Offset != (domain.Offset{})
			return !found
		})
	}
	return found
}

// boxMenu is the chart's context menu of box id, or of the empty paper
// for 0. (The chart selects the box before asking.)
func (m *MainWindow) boxMenu(id domain.NodeID) *fyne.Menu {
	if m.session == nil {
		return nil
	}
	d := m.session.Doc
	item := fyne.NewMenuItem
	n := d.Node(id)
	if n == nil {
		autoAll := item(lang.L("Auto Layout (All Boxes)"), func() { m.Select(); m.AutoLayout() })
		autoAll.Disabled = !hasOffsets(d, d.Roots())
		return fyne.NewMenu("",
			item(lang.L("Add Top-Level Unit"), func() { m.Select(); m.Add(addSubordinate) }),
			fyne.NewMenuItemSeparator(),
			autoAll,
			item(lang.L("Fit to Window"), m.ZoomToFit),
		)
	}
	fold := item(lang.L("Collapse Subtree"), func() { m.ToggleFold(id) })
	if m.chart.Folded(id) {
		fold.Label = lang.L("Expand Subtree")
	}
	fold.Disabled = len(n.Children()) == 0 && !n.Collapsed
	removeLinks := item(lang.L("Remove Dotted-Line Links"), func() { m.RemoveLinks(id) })
	removeLinks.Disabled = len(linksOf(d, id)) == 0
	autoLayout := item(lang.L("Auto Layout"), m.AutoLayout)
	autoLayout.Disabled = !hasOffsets(d, m.chart.Selection())
	return fyne.NewMenu("",
		item(lang.L("Add Subordinate Position"), func() { m.Add(addSubordinate) }),
		item(lang.L("Add Subordinate Unit"), func() { m.Add(addSubunit) }),
		item(lang.L("Add Sibling"), func() { m.Add(addSibling) }),
		item(lang.L("Add Assistant"), func() { m.Add(addAssistant) }),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Rename"), m.Rename),
		item(lang.L("Delete"), m.Delete),
		fyne.NewMenuItemSeparator(),
		fold,
		item(lang.L("Add Dotted-Line Link…"), func() { m.StartLink(id) }),
		removeLinks,
		fyne.NewMenuItemSeparator(),
		autoLayout,
	)
}

// handleKey runs the editing keys of the chart: Tab adds a subordinate,
// Return/Enter a sibling, Delete and Backspace delete, F2 renames, Space
// folds. The chart passes them on; the window's canvas does too when
// nothing has the focus. It reports whether it used the key.
func (m *MainWindow) handleKey(ev *fyne.KeyEvent) bool {
	if m.Window.Canvas().Overlays().Top() != nil {
		// A dialog or menu is open: Escape and Enter are its own.
		return handleDialogKey(m.Window.Canvas(), ev)
	}
	switch ev.Name {
	case fyne.KeyTab:
		m.Add(addSubordinate)
	case fyne.KeyReturn, fyne.KeyEnter:
		if m.Selected() == 0 {
			return false
		}
		m.Add(addSibling)
	case fyne.KeyDelete, fyne.KeyBackspace:
		if m.Selected() == 0 {
			return false
		}
		m.Delete()
	case fyne.KeyF2:
		m.Rename()
	case fyne.KeySpace:
		m.ToggleFold(m.Selected())
	default:
		return false
	}
	return true
}
