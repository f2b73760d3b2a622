package domain

import (
	"bytes"
	"strings"
	"testing"
)

// TestBookPaper: the book's paper is an undoable edit apart from the
// chart's, survives the JSON form, and an unknown paper is refused.
func TestBookPaper(t *testing.T) {
	d := NewDocument()
	if got := BookPaperOf(d.Info.Page); got != DefaultBookPaper {
		t.Fatalf("a new document's book prints on %q, want %q", got, DefaultBookPaper)
	}
	h := NewHistory(d)
	if err := h.Do(SetBookPaper("A3")); err != nil {
		t.Fatal(err)
	}
	if d.Info.Page.BookPaper != "A3" || d.Info.Page.Paper != "A4" || h.UndoLabel() != "Change book paper" {
		t.Errorf("after the edit: book %q, chart %q, undo %q", d.Info.Page.BookPaper, d.Info.Page.Paper, h.UndoLabel())
	}
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"bookPaper": "A3"`) {
		t.Errorf("the JSON form does not say the book's paper:\n%s", buf.String())
	}
	back, err := DecodeJSON(&buf)
	if err != nil || back.Info.Page.BookPaper != "A3" {
		t.Errorf("read back: %v, %v", back, err)
	}
	if _, err := h.Undo(); err != nil || BookPaperOf(d.Info.Page) != DefaultBookPaper {
		t.Errorf("undo: %v, book paper %q", err, d.Info.Page.BookPaper)
	}
	if err := h.Do(SetBookPaper("Letter")); err == nil {
		t.Error("an unknown book paper was accepted")
	}
	if d.Info.Page.BookPaper != "" {
		t.Errorf("a refused edit left book paper %q", d.Info.Page.BookPaper)
	}
}
