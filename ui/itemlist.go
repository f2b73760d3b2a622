package ui

import (
	"fmt"
	"unicode/utf8"

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
// a new item. Text of several lines — typed or pasted from a Word
// document, with or without "1、" numbers — becomes several items: the
// domain commands InsertItems and EditItem split and strip it.
type itemList struct {
	list  domain.List
	apply func(domain.Command) bool // runs an edit; false if it was refused
	node  domain.NodeID

	title  *widget.Label
	rows   []*itemRow
	box    *fyne.Container // the rows
	add    *widget.Entry   // the new item(s)
	addBtn *widget.Button
	// Content is what the inspector places.
	Content fyne.CanvasObject
}

// itemRow is one item of the list.
type itemRow struct {
	number         *widget.Label
	entry          *commitEntry
	up, down, del  *widget.Button
	obj            fyne.CanvasObject
	index          int
	parent         *itemList
	lastShownRunes int
}

func newItemList(l domain.List, title string, apply func(domain.Command) bool) *itemList {
	il := &itemList{list: l, apply: apply}
	il.title = widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	il.box = container.NewVBox()
	il.add = widget.NewMultiLineEntry()
	il.add.Wrapping = fyne.TextWrapWord
	il.add.SetMinRowsVisible(2)
	il.add.SetPlaceHolder(lang.L("Type an item, or paste several lines: each line becomes an item"))
	il.add.OnSubmitted = func(string) { il.Add() } // Shift+Enter
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
func (il *itemList) Add() {
	if il.node == 0 {
		return
	}
	if il.apply(domain.InsertItems(il.node, il.list, -1, il.add.Text)) {
		il.add.SetText("")
	}
}

// Show displays the items of n (nil hides nothing but empties the list).
func (il *itemList) Show(n *domain.Node) {
	if n == nil {
		il.node = 0
		il.setRows(nil)
		return
	}
	if il.node != n.ID {
		il.add.SetText("")
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
		r.fitHeight(items[i])
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
	r := &itemRow{index: i, parent: il}
	r.number = widget.NewLabel("")
	r.entry = newCommitEntry(true)
	r.entry.OnCommit = func(text string) bool {
		// Several lines replace the item with several items; an emptied
		// item is refused with a message (delete it with the button).
		return il.apply(domain.EditItem(il.node, il.list, r.index, text))
	}
	r.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() {
		r.entry.Commit()
		il.apply(domain.MoveItem(il.node, il.list, r.index, r.index-1))
	})
	r.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() {
		r.entry.Commit()
		il.apply(domain.MoveItem(il.node, il.list, r.index, r.index+1))
	})
	r.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		il.apply(domain.DeleteItem(il.node, il.list, r.index))
	})
	for _, b := range []*widget.Button{r.up, r.down, r.del} {
		b.Importance = widget.LowImportance
	}
	r.obj = container.NewBorder(nil, nil, container.NewVBox(r.number), container.NewVBox(container.NewHBox(r.up, r.down, r.del)), r.entry)
	return r
}

// fitHeight makes the field tall enough for its text, roughly: the field
// wraps words and a typical inspector line holds about twenty Chinese
// characters. Very long items scroll inside their field.
func (r *itemRow) fitHeight(text string) {
	n := utf8.RuneCountInString(text)
	if n == r.lastShownRunes {
		return
	}
	r.lastShownRunes = n
	rows := 1 + n/20
	for _, c := range text {
		if c == '\n' {
			rows++
		}
	}
	r.entry.SetMinRowsVisible(max(1, min(rows, 8)))
}

// Flush commits any field being edited.
func (il *itemList) Flush() {
	for _, r := range il.rows {
		r.entry.Commit()
	}
}

// Len returns the number of items shown.
func (il *itemList) Len() int { return len(il.rows) }
