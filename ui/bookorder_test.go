package ui

import (
	"testing"

	"orgdraft/domain"
)

// TestBookOrderInProperties chooses a chapter per unit in Document
// Properties, as a user does from the File menu: OK stores it as one edit,
// the dialog shows it next time, and Undo brings the order by kind back.
func TestBookOrderInProperties(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	menuAction(t, m, "Document Properties…")()
	dialogShows(t, m, "Book chapters")
	choose(t, topDialog(t, m), "A chapter per unit: its functions, its chart, its positions")
	tapButton(t, topDialog(t, m), "OK")
	noDialog(t, m)
	if got := m.Session().Doc.Info.Page.BookOrder; got != domain.BookByUnit {
		t.Fatalf("after OK the book order is %v", got)
	}
	p := m.showProperties()
	if got := bookOrderOf(p.bookOrder); got != domain.BookByUnit {
		t.Errorf("the dialog shows order %v the next time", got)
	}
	p.dlg.Hide()
	m.Undo() // what Edit ▸ Undo and Ctrl+Z do
	if got := m.Session().Doc.Info.Page.BookOrder; got != domain.BookByKind {
		t.Errorf("after Undo the book order is %v", got)
	}
}
