package chartview

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// ---- adding and deleting ----

// AddChild adds a box of the given kind as the last subordinate of the
// primary selected box (a new top-level unit when nothing is selected),
// selects it and starts renaming it. A folded box is unfolded first, so
// the new box can be seen.
func (v *View) AddChild(kind domain.Kind) {
	if v.doc == nil {
		return
	}
	parent := v.primary()
	if parent == 0 {
		kind = domain.KindUnit
	}
	add := domain.AddChild(parent, kind, defaultName(kind))
	var cmd domain.Command = add
	if p := v.doc.Node(parent); p != nil && p.Collapsed {
		cmd = &domain.Batch{Name: "Add box", Cmds: []domain.Command{domain.SetCollapsed(parent, false), add}}
	}
	v.added(add, cmd)
}

// AddAssistant adds an assistant to the primary selected box.
func (v *View) AddAssistant() {
	if v.primary() != 0 {
		v.AddChild(domain.KindAssistant)
	}
}

// AddSibling adds a box right after the primary selected box, of the same
// kind (a position after an assistant), selects it and starts renaming it.
// With nothing selected it adds a top-level unit.
func (v *View) AddSibling() {
	if v.doc == nil {
		return
	}
	cur := v.doc.Node(v.primary())
	if cur == nil {
		v.AddChild(domain.KindUnit)
		return
	}
	kind := cur.Kind
	if kind == domain.KindAssistant {
		kind = domain.KindPosition
	}
	add, err := domain.AddSibling(v.doc, cur.ID, kind, defaultName(kind))
	if err != nil {
		return
	}
	v.added(add, add)
}

// added runs cmd, which contains add, then selects the new box and lets
// the user name it.
func (v *View) added(add *domain.AddNode, cmd domain.Command) {
	if err := v.do(cmd); err != nil || add.ID == 0 || v.doc.Node(add.ID) == nil {
		return
	}
	v.selectByUser(add.ID)
	v.Reveal(add.ID)
	v.StartRename(add.ID)
}

// defaultName is the name a new box starts with, in the editor's language;
// it is selected in the rename entry, so typing replaces it.
func defaultName(k domain.Kind) string {
	switch k {
	case domain.KindUnit:
		return lang.L("New unit")
	case domain.KindAssistant:
		return lang.L("Assistant") // as the main window names them
	}
	return lang.L("New position")
}

// DeleteSelection deletes the selected boxes with their subtrees, as one
// undoable edit, and selects the superior of the primary box.
func (v *View) DeleteSelection() {
	if v.doc == nil || len(v.sel) == 0 {
		return
	}
	gone := v.topmost(v.sel)
	// Afterwards select the nearest superior of the primary box that
	// survives.
	next := v.primary()
	for next != 0 && slices.ContainsFunc(gone, func(g domain.NodeID) bool { return v.doc.IsAncestor(g, next) }) {
		next = v.doc.Node(next).Parent
	}
	var cmds []domain.Command
	for _, id := range gone {
		cmds = append(cmds, &domain.DeleteNode{ID: id})
	}
	if len(cmds) == 0 {
		return
	}
	if err := v.do(batch("Delete box", cmds)); err != nil {
		return
	}
	if next != 0 {
		v.selectByUser(next)
	} else {
		v.selectByUser()
	}
}

// ToggleCollapsed folds a box's subtree away, or unfolds it.
func (v *View) ToggleCollapsed(id domain.NodeID) {
	if v.doc == nil {
		return
	}
	n := v.doc.Node(id)
	if n == nil || (len(n.Children()) == 0 && !n.Collapsed) {
		return
	}
	v.do(domain.SetCollapsed(id, !n.Collapsed))
}

// AutoLayout puts boxes arranged by hand back where the automatic layout
// wants them: the selected boxes and their subtrees, or every box when
// nothing is selected. It is one undoable edit.
func (v *View) AutoLayout() {
	if v.doc == nil {
		return
	}
	if cmd := domain.ResetOffsets(v.doc, v.sel); cmd != nil {
		v.do(cmd)
	}
}

// ---- dotted-line links ----

// StartLink starts a dotted-line link from box from: the next click on
// another box ends it there; Escape or a click on empty paper cancels.
func (v *View) StartLink(from domain.NodeID) {
	if v.doc == nil || v.doc.Node(from) == nil {
		return
	}
	v.linkFrom = from
	v.board.updateView()
}

// finishLink ends a dotted-line link at the box under board position p.
// A click on paper or on the box the link starts at cancels it.
func (v *View) finishLink(p fyne.Position) {
	from := v.linkFrom
	v.cancelLink()
	if to, ok := v.boxAt(p, nil); ok && to != from {
		v.do(&domain.AddLink{From: from, To: to})
	}
}

func (v *View) cancelLink() {
	if v.linkFrom != 0 {
		v.linkFrom = 0
		v.board.updateView()
	}
}

// linksOf returns the dotted-line links that start or end at id.
func (v *View) linksOf(id domain.NodeID) []domain.LinkID {
	var out []domain.LinkID
	for _, l := range v.doc.Links() {
		if l.From == id || l.To == id {
			out = append(out, l.ID)
		}
	}
	return out
}

// RemoveLinks removes every dotted-line link of box id, as one edit.
func (v *View) RemoveLinks(id domain.NodeID) {
	if v.doc == nil {
		return
	}
	var cmds []domain.Command
	for _, l := range v.linksOf(id) {
		cmds = append(cmds, &domain.RemoveLink{ID: l})
	}
	if len(cmds) > 0 {
		v.do(batch("Remove dotted-line link", cmds))
	}
}

// ---- renaming in place ----

// nameEntry is the entry laid over a box to rename it: Enter commits,
// Escape cancels, leaving it for another widget commits.
type nameEntry struct {
	widget.Entry
	v *View
}

func newNameEntry(v *View) *nameEntry {
	e := &nameEntry{v: v}
	e.OnSubmitted = func(string) { v.commitRename(true) }
	e.OnChanged = func(string) { v.setHint("") }
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey catches Escape, which a plain entry ignores.
func (e *nameEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.v.cancelRename()
		e.v.focus()
		return
	}
	e.Entry.TypedKey(ev)
}

// FocusLost is called both when the user moves on to another widget and
// when the whole window loses the focus (another program comes to the
// front). Only the first ends the renaming: the decision waits until the
// focus has moved (see entryLeft).
func (e *nameEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.v.editing != 0 {
		fyne.Do(e.v.entryLeft)
	}
}

// entryLeft runs after the rename entry lost the focus. If another widget
// has it now, the renaming ends as if the user had pressed Enter (an
// empty name keeps the old one); if the entry still has the canvas's
// focus, only the window was left and the renaming goes on.
func (v *View) entryLeft() {
	if v.editing == 0 {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.board); c != nil && c.Focused() == v.entry {
		return
	}
	v.finishRename()
}

// finishRename ends renaming on the user's behalf, keeping what was typed
// unless it is empty. The focus stays where the user put it.
func (v *View) finishRename() {
	if v.editing == 0 {
		return
	}
	if strings.TrimSpace(v.entry.Text) == "" {
		v.cancelRename()
		return
	}
	v.commitRename(false)
}

// StartRename lays an entry over box id with its name selected, so typing
// replaces it.
func (v *View) StartRename(id domain.NodeID) {
	if v.doc == nil {
		return
	}
	n := v.doc.Node(id)
	if n == nil {
		return
	}
	if _, ok := v.chart.Box(id); !ok {
		return // inside a folded box
	}
	if v.editing != id {
		v.finishRename()
	}
	v.editing = id
	v.entry.SetText(n.Name)
	v.setHint("")
	v.Reveal(id)
	v.board.updateView()
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.board); c != nil {
		c.Focus(v.entry)
	}
	v.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// Renaming returns the box being renamed in place, or 0.
func (v *View) Renaming() domain.NodeID { return v.editing }

// commitRename gives the box the typed name and, with refocus, gives the
// chart the keyboard again (after Enter, so that Tab and Enter go on
// adding boxes). An empty name is refused with a message under the entry,
// which stays so the user can type one. (The host is not asked: it would
// show the domain's refusal in a dialog, taking the focus from the entry.)
func (v *View) commitRename(refocus bool) {
	id := v.editing
	n := v.doc.Node(id)
	if n == nil {
		v.cancelRename()
		return
	}
	text := strings.TrimSpace(v.entry.Text)
	if text == "" {
		v.setHint(lang.L("The name cannot be empty."))
		return
	}
	v.endRename()
	if text != n.Name {
		v.do(domain.Rename(id, text))
	}
	if refocus {
		v.focus()
	}
}

// cancelRename removes the entry without changing the name.
func (v *View) cancelRename() {
	if v.editing != 0 {
		v.endRename()
	}
}

func (v *View) endRename() {
	v.editing = 0
	v.setHint("")
	v.board.updateView()
}

// setHint shows msg under the rename entry ("" hides it).
func (v *View) setHint(msg string) {
	if v.hint.Text == msg {
		return
	}
	v.hint.Text = msg
	v.hint.Refresh()
	v.board.placeEntry()
}

// ---- context menu ----

// showMenu opens the context menu of box id (0: of the empty paper) at the
// absolute canvas position at.
func (v *View) showMenu(id domain.NodeID, at fyne.Position) {
	c := fyne.CurrentApp().Driver().CanvasForObject(v.board)
	if c == nil || v.doc == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(v.menuFor(id), c, at)
}

// menuFor builds the context menu of box id, or of the paper for 0.
func (v *View) menuFor(id domain.NodeID) *fyne.Menu {
	item := fyne.NewMenuItem
	n := v.doc.Node(id)
	if n == nil {
		return fyne.NewMenu("",
			item(lang.L("Add Top-Level Unit"), func() { v.selectByUser(); v.AddChild(domain.KindUnit) }),
			fyne.NewMenuItemSeparator(),
			item(lang.L("Auto Layout (All Boxes)"), func() { v.selectByUser(); v.AutoLayout() }),
			item(lang.L("Fit to Window"), func() { v.zoomToFit(true) }),
		)
	}
	fold := item(lang.L("Collapse Subtree"), func() { v.ToggleCollapsed(id) })
	if n.Collapsed {
		fold.Label = lang.L("Expand Subtree")
	}
	fold.Disabled = len(n.Children()) == 0 && !n.Collapsed
	removeLinks := item(lang.L("Remove Dotted-Line Links"), func() { v.RemoveLinks(id) })
	removeLinks.Disabled = len(v.linksOf(id)) == 0
	autoLayout := item(lang.L("Auto Layout"), v.AutoLayout)
	autoLayout.Disabled = !v.hasOffsets()
	return fyne.NewMenu("",
		item(lang.L("Add Subordinate Position"), func() { v.AddChild(domain.KindPosition) }),
		item(lang.L("Add Subordinate Unit"), func() { v.AddChild(domain.KindUnit) }),
		item(lang.L("Add Sibling"), v.AddSibling),
		item(lang.L("Add Assistant"), v.AddAssistant),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Rename"), func() { v.StartRename(id) }),
		item(lang.L("Delete"), v.DeleteSelection),
		fyne.NewMenuItemSeparator(),
		fold,
		item(lang.L("Add Dotted-Line Link…"), func() { v.StartLink(id) }),
		removeLinks,
		fyne.NewMenuItemSeparator(),
		autoLayout,
	)
}

// hasOffsets reports whether the selected boxes or their subtrees have
// been arranged by hand.
func (v *View) hasOffsets() bool {
	found := false
	for _, id := range v.topmost(v.sel) {
		v.doc.WalkSubtree(id, func(n *domain.Node) bool {
			found = found || n.Offset != (domain.Offset{})
			return !found
		})
	}
	return found
}
