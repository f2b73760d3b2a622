package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// TestExportInEnglish prints the book in English through the export
// dialog, as a user does from the File menu: the choice is stored with
// the document as an undoable edit and offered again next time, the PDF's
// labels are English, the file name is in one language, the warnings in
// the result are in the editor's language, and exporting the unchanged
// document again writes the same bytes.
func TestExportInEnglish(t *testing.T) {
	dir := t.TempDir()
	m, ids := newTestEditor(t, Options{DocumentsDir: dir})
	finished := make(chan struct{}, 1)
	m.exported = func() { finished <- struct{}{} }
	wait := func() {
		t.Helper()
		select {
		case <-finished:
		case <-time.After(60 * time.Second):
			t.Fatal("the export did not finish")
		}
	}
	// An emoji makes a warning; a saved file gives the PDF its date.
	if err := m.Do(domain.Rename(ids.support, "Support 😀")); err != nil {
		t.Fatal(err)
	}
	if err := m.session.SaveAs(filepath.Join(dir, "dept.orgdraft"), false); err != nil {
		t.Fatal(err)
	}
	// Printed in Chinese, the document's language, the warnings are in
	// the editor's English all the same.
	menuAction(t, m, "Export Chart PDF…")()
	tapButton(t, topDialog(t, m), "Choose File…")
	focusedEntry(t, m).SetText("zh.pdf")
	tapButton(t, topDialog(t, m), "Save")
	wait()
	dialogShows(t, m, "cannot be printed in the bundled font")
	if text := pdfText(t, filepath.Join(dir, "zh.pdf")); !strings.Contains(text, "第1页共1页") {
		t.Errorf("the Chinese chart lacks its page footer:\n%s", text)
	}

	export := func(name string) string {
		t.Helper()
		menuAction(t, m, "Export Responsibility Book PDF…")()
		choose(t, topDialog(t, m), "English")
		tapButton(t, topDialog(t, m), "Choose File…")
		e := focusedEntry(t, m)
		if got, want := e.Text, "组织架构及岗位职责-岗位职责说明书.pdf"; got != want {
			t.Errorf("suggested name %q, want %q", got, want)
		}
		e.SetText(name)
		tapButton(t, topDialog(t, m), "Save")
		wait()
		return filepath.Join(dir, name)
	}
	first := export("one.pdf")
	if got := m.session.Doc.Info.Page.Language; got != domain.English {
		t.Errorf("the document's print language is %v after printing in English", got)
	}
	if got := m.UndoMenuLabel(); !strings.Contains(got, "Change print language") {
		t.Errorf("Undo reads %q", got)
	}
	dialogShows(t, m, "cannot be printed in the bundled font")
	for _, s := range texts(topDialog(t, m)) {
		s = strings.ReplaceAll(s, first, "")
		if strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			t.Errorf("the English result dialog shows Chinese: %q", s)
		}
	}
	text := pdfText(t, first)
	for _, w := range []string{"Contents", "Staffing table", "Duties", "Reports to", "Prepared by", "Page 2 of"} {
		if !strings.Contains(text, w) {
			t.Errorf("the English book lacks %q", w)
		}
	}
	for _, w := range []string{"目", "岗位说明", "直接上级", "审核", "共"} {
		if strings.Contains(text, w) {
			t.Errorf("the English book prints %q", w)
		}
	}

	// Next time the dialog offers English, and the same document gives
	// the same file.
	menuAction(t, m, "Export Responsibility Book PDF…")()
	for _, o := range visibleObjects(topDialog(t, m)) {
		if r, ok := o.(*widget.RadioGroup); ok && len(r.Options) == 2 && r.Options[1] == "English" && r.Selected != "English" {
			t.Errorf("the print language offered is %q, not the document's", r.Selected)
		}
	}
	tapButton(t, topDialog(t, m), "Cancel")
	second := export("two.pdf")
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("two exports of the unchanged document differ (%d and %d bytes)", len(a), len(b))
	}
	// Dated when the document was saved, not the fixed date of a
	// document never saved.
	fi, err := os.Stat(m.session.Path())
	if err != nil {
		t.Fatal(err)
	}
	if got := pdfInfo(t, first)["CreationDate"]; !strings.Contains(got, fi.ModTime().Format("2006")) || strings.Contains(got, "2000") {
		t.Errorf("CreationDate %q, want the save of %v", got, fi.ModTime())
	}
}

// TestExportFileNames: a suggested name is in one language.
func TestExportFileNames(t *testing.T) {
	for _, c := range []struct {
		title string
		kind  ExportKind
		in    domain.Language
		want  string
	}{
		{"组织架构及岗位职责", ExportBook, domain.English, "组织架构及岗位职责-岗位职责说明书.pdf"},
		{"客服部", ExportChart, domain.Chinese, "客服部-组织架构图.pdf"},
		{"ACME Service", ExportChart, domain.English, "ACME Service-Org chart.pdf"},
		{"ACME Service", ExportBook, domain.Chinese, "ACME Service-岗位职责说明书.pdf"},
		{" ", ExportBook, domain.English, "Responsibility book.pdf"},
		{"", ExportChart, domain.Chinese, "组织架构图.pdf"},
	} {
		if got := exportFileName(c.title, c.kind, c.in); got != c.want {
			t.Errorf("exportFileName(%q, %v, %v) = %q, want %q", c.title, c.kind, c.in, got, c.want)
		}
	}
}
