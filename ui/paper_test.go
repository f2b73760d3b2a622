package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// paperChoices returns the dialog's paper selects, in order: the chart's,
// then the book's.
func paperChoices(t *testing.T, o fyne.CanvasObject) []*widget.Select {
	t.Helper()
	var out []*widget.Select
	for _, obj := range visibleObjects(o) {
		if s, ok := obj.(*widget.Select); ok && len(s.Options) > 0 && s.Options[0] == "A4" {
			out = append(out, s)
		}
	}
	if len(out) != 2 {
		t.Fatalf("%d paper choices in the dialog, want the chart's and the book's", len(out))
	}
	return out
}

// TestBookPaperChosenApart sets the book's paper in Document Properties,
// as one undoable edit, and exports the book through the File menu: the
// export dialog offers the document's book paper, only the book's paper
// is open for the book, and the book prints on it whatever the chart's.
func TestBookPaperChosenApart(t *testing.T) {
	dir := t.TempDir()
	m, _ := newTestEditor(t, Options{DocumentsDir: dir})
	finished := make(chan struct{}, 1)
	m.exported = func() { finished <- struct{}{} }

	p := m.showProperties()
	p.paper.SetSelected("A3")
	p.bookPaper.SetSelected("A2")
	p.ok.OnTapped()
	page := m.Session().Doc.Info.Page
	if page.Paper != "A3" || page.BookPaper != "A2" {
		t.Fatalf("after Properties: chart %q, book %q", page.Paper, page.BookPaper)
	}

	menuAction(t, m, "Export Responsibility Book PDF…")()
	papers := paperChoices(t, topDialog(t, m))
	if papers[0].Selected != "A3" || papers[1].Selected != "A2" {
		t.Errorf("the dialog offers chart %q and book %q, not the document's", papers[0].Selected, papers[1].Selected)
	}
	if !papers[0].Disabled() || papers[1].Disabled() {
		t.Errorf("for the book: chart paper disabled %v, book paper disabled %v", papers[0].Disabled(), papers[1].Disabled())
	}
	papers[1].SetSelected("A4")
	tapButton(t, topDialog(t, m), "Choose File…")
	focusedEntry(t, m).SetText("book.pdf")
	tapButton(t, topDialog(t, m), "Save")
	select {
	case <-finished:
	case <-time.After(60 * time.Second):
		t.Fatal("the export did not finish")
	}
	// A4 is 595.28 × 841.89 points; every page of the book is A4.
	if got := pdfInfo(t, filepath.Join(dir, "book.pdf"))["Page size"]; !strings.HasPrefix(got, "595.28 x 841.89") {
		t.Errorf("book page size %q, want A4 beside an A3 chart", got)
	}

	m.Undo()
	if got := m.Session().Doc.Info.Page.BookPaper; got != "" {
		t.Errorf("after Undo the book paper is %q", got)
	}
}
