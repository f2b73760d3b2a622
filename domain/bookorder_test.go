package domain

import (
	"bytes"
	"strings"
	"testing"
)

// TestBookOrder: the book's order is one undoable edit, survives the JSON
// form (absent there for the order by kind) and rejects a name it does
// not know.
func TestBookOrder(t *testing.T) {
	d := NewDocument()
	h := NewHistory(d)
	if err := h.Do(SetBookOrder(BookByUnit)); err != nil {
		t.Fatal(err)
	}
	if d.Info.Page.BookOrder != BookByUnit || h.UndoLabel() == "" {
		t.Fatalf("after SetBookOrder: order %v, undo %q", d.Info.Page.BookOrder, h.UndoLabel())
	}
	var b bytes.Buffer
	if err := EncodeJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"bookOrder": "unit"`) {
		t.Errorf("the JSON lacks the order:\n%s", b.String())
	}
	back, err := DecodeJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	if back.Info.Page.BookOrder != BookByUnit {
		t.Errorf("read back from JSON: order %v", back.Info.Page.BookOrder)
	}
	if _, err := h.Undo(); err != nil || d.Info.Page.BookOrder != BookByKind {
		t.Errorf("after Undo: order %v, %v", d.Info.Page.BookOrder, err)
	}
	b.Reset()
	if err := EncodeJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "bookOrder") {
		t.Error("the JSON names the default order")
	}
	if _, err := ParseBookOrder("alphabet"); err == nil {
		t.Error("ParseBookOrder accepted alphabet")
	}
	if err := h.Do(SetBookOrder(BookOrder(7))); err == nil {
		t.Error("SetBookOrder accepted order 7")
	}
}
