package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// itemList edits one ordered list of a box: its duties, qualifications or
// (for a unit) functions. Every item is a multi-line field with its number
// and buttons to move it up or down or delete it; below them a field takes
// a new item. Enter adds or finishes an item and goes on with the next one
// in the empty new-item field; Shift+Enter breaks the line. Text of several
// lines — typed or pasted from a Word document, with or without "1、"
// numbers — becomes several items: the domain commands InsertItems and
// EditItem split and strip it.
type itemList struct {
	list domain.List
	in   *Inspector // runs the edits (Inspector.commit, apply)
	node domain.NodeID

	title  *widget.Label
	rows   []*itemRow
	box    *fyne.Container // the rows
	add    *commitEntry    // the new item(s)
	addBtn *widget.Button
	// Content is what the inspector places.
	Content fyne.CanvasObject
}

// itemRow is one item of the list.
type itemRow struct {
	number        *widget.Label
	entry         *commitEntry
	up, down, del *widget.Button
	obj           fyne.CanvasObject
	index         int
}

func newItemList(l domain.List, title string, in *Inspector) *itemList {
	il := &itemList{list: l, in: in}
	il.title = widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	il.box = container.NewVBox()
	il.add = newCommitEntry(true)
	il.add.enterCommits = true
	il.add.minRows = 2
	il.add.fit()
	il.add.SetPlaceHolder(lang.L("Type an item and press Enter (Shift+Enter breaks the line); pasted lines become one item each"))
	il.add.OnCommit = il.insert
	il.addBtn = widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), il.Add)
	il.Content = container.NewVBox(
		il.title,
		il.box,
		container.NewBorder(nil, nil, nil, il.addBtn, il.add),
	)
	return il
}

// Add inserts the text of the new-item field as one or more items at the
// end of the list, and empties the field if that worked.
func (il *itemList) Add() { il.add.Commit() }

// insert is the new-item field's commit: its text becomes items at the end
// of the list and the field is emptied for the next. At a pause in the
// typing the item goes on in its own row, with the cursor, and the rest of
// the typing is the same undo step.
func (il *itemList) insert(text string) bool {
	if il.node == 0 || strings.TrimSpace(text) == "" {
		return false
	}
	if !il.in.commit(il.add, domain.InsertItems(il.node, il.list, -1, text)) {
		return false
	}
	edit, auto := il.add.edit, il.add.Auto()
	il.add.reset()
	// A line just broken means the next item is being started: stay.
	if auto && len(il.rows) > 0 && !strings.HasSuffix(strings.TrimRight(text, " \t"), "\n") {
		r := il.rows[len(il.rows)-1]
		r.entry.edit = edit
		il.focus(r.entry)
		r.entry.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) // cursor to the end
	}
	return true
}

// focus gives e the keyboard focus and scrolls the panel to show it.
func (il *itemList) focus(e *commitEntry) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(il.add); c != nil {
		c.Focus(e)
		il.in.reveal(e)
	}
}

// Show displays the items of n (nil hides nothing but empties the list).
func (il *itemList) Show(n *domain.Node) {
	if n == nil || il.node != n.ID {
		il.add.reset()
	}
	if n == nil {
		il.node = 0
		il.setRows(nil)
		return
	}
	il.node = n.ID
	il.setRows(n.Items(il.list))
}

// setRows makes one row per item, reusing the rows there are: rebuilding a
// row would take the keyboard focus from someone typing in it.
func (il *itemList) setRows(items []string) {
	for len(il.rows) < len(items) {
		il.rows = append(il.rows, il.newRow(len(il.rows)))
	}
	if len(il.rows) > len(items) {
		il.rows = il.rows[:len(items)]
	}
	objs := make([]fyne.CanvasObject, len(il.rows))
	for i, r := range il.rows {
		r.number.SetText(fmt.Sprintf("%d.", i+1))
		r.entry.SetModel(items[i])
		if i == 0 {
			r.up.Disable()
		} else {
			r.up.Enable()
		}
		if i == len(items)-1 {
			r.down.Disable()
		} else {
			r.down.Enable()
		}
		objs[i] = r.obj
	}
	il.box.Objects = objs
	il.box.Refresh()
}

func (il *itemList) newRow(i int) *itemRow {
	r := &itemRow{index: i}
	r.number = widget.NewLabel("")
	r.entry = newCommitEntry(true)
	r.entry.enterCommits = true
	r.entry.holdLines = true
	il.in.hook(r.entry)
	r.entry.OnCommit = func(text string) bool {
		// Several lines replace the item with several items; an emptied
		// item is refused with a message (delete it with the button).
		return il.in.commit(r.entry, domain.EditItem(il.node, il.list, r.index, text))
	}
	// Enter finishes the item and goes on with a new one.
	r.entry.OnSubmitted = func(string) {
		r.entry.Commit()
		il.focus(il.add)
	}
	r.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() {
		r.entry.Commit()
		il.in.apply(domain.MoveItem(il.node, il.list, r.index, r.index-1))
	})
	r.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() {
		r.entry.Commit()
		il.in.apply(domain.MoveItem(il.node, il.list, r.index, r.index+1))
	})
	r.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		il.in.apply(domain.DeleteItem(il.node, il.list, r.index))
	})
	for _, b := range []*widget.Button{r.up, r.down, r.del} {
		b.Importance = widget.LowImportance
	}
	r.obj = container.NewBorder(nil, nil, container.NewVBox(r.number), container.NewVBox(container.NewHBox(r.up, r.down, r.del)), r.entry)
	return r
}

// fields returns the list's text fields: the items' and the new-item
// field.
func (il *itemList) fields() []*commitEntry {
	out := make([]*commitEntry, 0, len(il.rows)+1)
	for _, r := range il.rows {
		out = append(out, r.entry)
	}
	return append(out, il.add)
}

// Len returns the number of items shown.
func (il *itemList) Len() int { return len(il.rows) }
