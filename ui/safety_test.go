package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"orgdraft/domain"
	"orgdraft/storage"
)

// fileSHA returns the SHA-256 of the file at path.
func fileSHA(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// editorOnFile returns the test editor with its document saved as name in
// dir, every edit saved from then on.
func editorOnFile(t *testing.T, dir, name string) (*MainWindow, testIDs, string) {
	t.Helper()
	m, ids := newTestEditor(t, Options{DocumentsDir: dir})
	path := filepath.Join(dir, name)
	if err := m.SaveAsPath(path, false); err != nil {
		t.Fatal(err)
	}
	return m, ids, path
}

// savedName returns the name of box id as stored in the document at path.
func savedName(t *testing.T, path string, id domain.NodeID) string {
	t.Helper()
	f, d, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return d.Node(id).Name
}

func TestFileReplacedUnderTheEditorOffersSaveAs(t *testing.T) {
	// "orgdraft export @tech-firm --csv g.orgdraft" (as it was) or a sync
	// tool puts another file where the open document was: the window
	// went on saying Saved while the edits went into the orphaned file.
	for _, lng := range []string{LanguageEnglish, LanguageChinese} {
		t.Run(lng, func(t *testing.T) {
			dir := t.TempDir()
			m, ids, path := editorOnFile(t, dir, "g.orgdraft")
			m.ApplySettings(lng, AppearanceLight)
			foreign := filepath.Join(dir, "g.csv")
			if err := os.WriteFile(foreign, []byte("编号,名称\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(foreign, path); err != nil {
				t.Fatal(err)
			}
			before := fileSHA(t, path)

			m.Select(ids.agent)
			typeInto(m, m.Inspector().name, "客服代表")
			if st := m.Session().State(); st != SaveFailed {
				t.Fatalf("state %v after an edit into a replaced file, want SaveFailed", st)
			}
			want := map[string]string{LanguageEnglish: "replaced or deleted by another program", LanguageChinese: "已被其他程序替换或删除"}[lng]
			dialogShows(t, m, want)
			dialogShows(t, m, "g.orgdraft")
			if fileSHA(t, path) != before {
				t.Fatal("the file that took the document's place was written to")
			}
			saveAs := map[string]string{LanguageEnglish: "Save As…", LanguageChinese: "另存为…"}[lng]
			tapButton(t, topDialog(t, m), saveAs)
			focusedEntry(t, m).SetText("g-恢复")
			save := map[string]string{LanguageEnglish: "Save", LanguageChinese: "保存"}[lng]
			tapButton(t, topDialog(t, m), save)
			saved := filepath.Join(dir, "g-恢复.orgdraft")
			if m.Session().Path() != saved || m.Session().State() != Saved {
				t.Fatalf("after Save As: path %q, state %v", m.Session().Path(), m.Session().State())
			}
			typeInto(m, m.Inspector().grade, "P3") // and saving goes on there
			m.Session().Close()
			if got := savedName(t, saved, ids.agent); got != "客服代表" {
				t.Errorf("the new file holds the name %q, want the edit made after the replacement", got)
			}
			f, d, err := storage.Open(saved)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if d.Node(ids.agent).Grade != "P3" {
				t.Errorf("the edit after Save As is missing: grade %q", d.Node(ids.agent).Grade)
			}
		})
	}
}

func TestFileDeletedUnderTheEditorIsNotSaved(t *testing.T) {
	dir := t.TempDir()
	m, ids, path := editorOnFile(t, dir, "g.orgdraft")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil {
		t.Fatal(err)
	}
	if m.Session().State() != SaveFailed || !m.Session().HasUnsavedWork() {
		t.Fatalf("state %v, unsaved work %v", m.Session().State(), m.Session().HasUnsavedWork())
	}
	dialogShows(t, m, "replaced or deleted")
	tapButton(t, topDialog(t, m), "Later")
	// Save (Ctrl+S) asks for a name: it must not recreate, or replace,
	// whatever now bears the old one without asking.
	menuAction(t, m, "Save")()
	dialogShows(t, m, "File name")
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Save recreated the deleted file unasked (%v)", err)
	}
}

func TestSaveAfterReplacementAsksBeforeReplacingTheNewcomer(t *testing.T) {
	dir := t.TempDir()
	m, ids, path := editorOnFile(t, dir, "g.orgdraft")
	other := savedFile(t, dir, "other.orgdraft")
	if err := os.Rename(other, path); err != nil {
		t.Fatal(err)
	}
	before := fileSHA(t, path)
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil {
		t.Fatal(err)
	}
	tapButton(t, topDialog(t, m), "Later")
	menuAction(t, m, "Save")()
	tapButton(t, topDialog(t, m), "Save") // the old name, as suggested
	dialogShows(t, m, "already exists. Replace it?")
	tapButton(t, topDialog(t, m), "No")
	if fileSHA(t, path) != before {
		t.Fatal("the other document was replaced without a yes")
	}
}

func TestExportNeverReplacesTheOpenDocument(t *testing.T) {
	// A hard link named like a table is the open document itself; a copy
	// of a document named like a PDF is a document. Saying yes to
	// "Replace?" does not make either replaceable.
	dir := t.TempDir()
	m, ids, path := editorOnFile(t, dir, "g.orgdraft")
	link := filepath.Join(dir, "g.csv")
	if err := os.Link(path, link); err != nil {
		t.Fatal(err)
	}
	copyPDF := filepath.Join(dir, "copy.pdf")
	b, _ := os.ReadFile(path)
	os.WriteFile(copyPDF, b, 0o644)
	before, beforeCopy := fileSHA(t, path), fileSHA(t, copyPDF)

	menuAction(t, m, "Staffing table (CSV)")()
	focusedEntry(t, m).SetText("g.csv")
	tapButton(t, topDialog(t, m), "Save")
	dialogShows(t, m, "already exists. Replace it?")
	tapButton(t, topDialog(t, m), "Yes")
	dialogShows(t, m, "That is the document itself")
	tapButton(t, topDialog(t, m), "OK")

	finished := make(chan struct{}, 1)
	m.exported = func() { finished <- struct{}{} }
	menuAction(t, m, "Export Chart PDF…")()
	tapButton(t, topDialog(t, m), "Choose File…")
	focusedEntry(t, m).SetText("copy.pdf")
	tapButton(t, topDialog(t, m), "Save")
	tapButton(t, topDialog(t, m), "Yes")
	select {
	case <-finished:
	case <-time.After(60 * time.Second):
		t.Fatal("the export did not finish")
	}
	dialogShows(t, m, "is an OrgDraft document")

	if fileSHA(t, path) != before || fileSHA(t, copyPDF) != beforeCopy {
		t.Fatal("a document was changed by an export")
	}
	// The document is still the one at its name: edits are saved.
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil || m.Session().State() != Saved {
		t.Fatalf("edit after the refused exports: %v, state %v", err, m.Session().State())
	}
	m.Session().Close()
	if got := savedName(t, path, ids.agent); got != "客服代表" {
		t.Errorf("the document holds %q", got)
	}
}

func TestPanicInAnExportIsAnErrorDialog(t *testing.T) {
	// A writer that panics stands for a library's bug: the dialog says
	// so, no file is left, and the document and its file are untouched.
	dir := t.TempDir()
	m, ids, path := editorOnFile(t, dir, "g.orgdraft")
	for i := range exchangeFormats {
		if exchangeFormats[i].ext == ".csv" {
			orig := exchangeFormats[i].write
			t.Cleanup(func() { exchangeFormats[i].write = orig })
			exchangeFormats[i].write = func(w io.Writer, d *domain.Document) error {
				io.WriteString(w, "编号,")
				var rows []int
				_ = rows[len(d.Roots())+5] // index out of range
				return nil
			}
		}
	}
	before := fileSHA(t, path)
	menuAction(t, m, "Staffing table (CSV)")()
	tapButton(t, topDialog(t, m), "Save")
	dialogShows(t, m, "internal error")
	dialogShows(t, m, "The document was not changed")
	if fileSHA(t, path) != before || m.Session().State() != Saved {
		t.Fatalf("document changed, or state %v", m.Session().State())
	}
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil || m.Session().State() != Saved {
		t.Fatalf("the editor does not go on: %v, %v", err, m.Session().State())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".csv") || strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// panickingReader stands for a reader library's bug met on some input.
type panickingReader struct{}

func (panickingReader) Read([]byte) (int, error) { panic("reader bug") }

func TestPanicInAnImportIsAnErrorDialog(t *testing.T) {
	dir := t.TempDir()
	m, _, path := editorOnFile(t, dir, "g.orgdraft")
	open := m.Session()
	before := fileSHA(t, path)
	for _, name := range []string{"table.csv", "table.xlsx", "outline.txt"} {
		err := m.ImportFrom(name, panickingReader{})
		if !errors.As(err, new(*domain.PanicError)) {
			t.Fatalf("%s: err = %v, want a PanicError", name, err)
		}
		dialogShows(t, m, "Nothing was imported")
		dialogShows(t, m, "internal error (reader bug)")
		tapButton(t, topDialog(t, m), "OK")
	}
	if m.Session() != open || m.Session().State() != Saved || fileSHA(t, path) != before {
		t.Fatalf("the open document was replaced or changed (state %v)", m.Session().State())
	}
}
