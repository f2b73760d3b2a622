package ui

import (
	"archive/zip"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExportWord exports the book as a Word file through the export
// dialog, as a user does from the File menu: the name offered ends in
// .docx, the result says where the file went, and the file is a Word
// package whose body holds the document's positions.
func TestExportWord(t *testing.T) {
	dir := t.TempDir()
	m, _ := newTestEditor(t, Options{DocumentsDir: dir})
	finished := make(chan struct{}, 1)
	m.exported = func() { finished <- struct{}{} }
	menuAction(t, m, "Export Responsibility Book PDF…")()
	choose(t, topDialog(t, m), "Responsibility book as a Word file (.docx), to edit")
	tapButton(t, topDialog(t, m), "Choose File…")
	e := focusedEntry(t, m)
	if !strings.HasSuffix(e.Text, "岗位职责说明书.docx") {
		t.Errorf("suggested name %q, want a .docx", e.Text)
	}
	e.SetText("book.docx")
	tapButton(t, topDialog(t, m), "Save")
	select {
	case <-finished:
	case <-time.After(60 * time.Second):
		t.Fatal("the export did not finish")
	}
	path := filepath.Join(dir, "book.docx")
	dialogShows(t, m, "Written to "+path)
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var body string
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(r)
			r.Close()
			body = string(b)
		}
	}
	for _, n := range m.session.Doc.Nodes() {
		if n.Kind.IsPosition() && !strings.Contains(body, n.Name) {
			t.Errorf("the Word file lacks the position %s", n.Name)
		}
	}
}
