package ui

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"orgdraft/domain"
)

// A document that may not be edited in place is offered read-only, as a
// document open in another window is; nothing is written to it.

// savedDocument writes testDoc to a file named name in a new folder and
// returns its path, with no editor holding it.
func savedDocument(t *testing.T, name string) string {
	t.Helper()
	m, _, path := editorOnFile(t, t.TempDir(), name)
	m.Session().Close()
	return path
}

// openOffersReadOnly opens path from a fresh editor and takes the
// read-only offer; it returns the editor.
func openOffersReadOnly(t *testing.T, path, says string) *MainWindow {
	t.Helper()
	m, _ := newTestEditor(t, Options{})
	if err := m.OpenPath(path); err == nil {
		t.Fatal("the document opened for editing")
	}
	dialogShows(t, m, says)
	tapButton(t, topDialog(t, m), "Open Read-Only")
	if !m.Session().ReadOnly() || m.Session().Path() != path {
		t.Fatalf("not viewing %s read-only", path)
	}
	if err := m.Session().Do(domain.Rename(m.Session().Doc.Roots()[0], "改")); err != ErrReadOnly {
		t.Fatalf("an edit of the read-only view gave %v", err)
	}
	return m
}

func TestAReadOnlyFileIsOfferedReadOnly(t *testing.T) {
	path := savedDocument(t, "只读.orgdraft")
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := fileSHA(t, path)
	m := openOffersReadOnly(t, path, "is a read-only file")
	if m.Session().Doc.Node(m.Session().Doc.Roots()[0]).Name != "客户服务部" {
		t.Fatal("the read-only view does not show the document")
	}
	if fileSHA(t, path) != before {
		t.Fatal("the read-only file was written")
	}
}

func TestAFileWithForeignObjectsIsOfferedReadOnlyWithoutThem(t *testing.T) {
	path := savedDocument(t, "陌生.orgdraft")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	// A trigger that would wipe every duty at the first edit.
	if _, err := db.Exec(`CREATE TRIGGER wipe AFTER UPDATE ON node BEGIN DELETE FROM item; END`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileSHA(t, path)
	m := openOffersReadOnly(t, path, "did not make")
	dialogShows(t, m, "The document was mended")
	agent := m.Session().Doc.Roots()[0]
	var duties int
	m.Session().Doc.WalkSubtree(agent, func(n *domain.Node) bool { duties += len(n.Duties); return true })
	if duties == 0 {
		t.Fatal("the read-only view lost the duties")
	}
	// Save As writes a clean copy that opens for editing.
	clean := filepath.Join(t.TempDir(), "干净.orgdraft")
	if err := m.SaveAsPath(clean, false); err != nil {
		t.Fatal(err)
	}
	if err := m.Do(domain.Rename(agent, "客户服务中心")); err != nil {
		t.Fatal(err)
	}
	m.Session().Close()
	if fileSHA(t, path) != before {
		t.Fatal("the file with the foreign trigger was written")
	}
	n := newSessionOn(t, clean)
	var after int
	n.Doc.WalkSubtree(n.Doc.Roots()[0], func(x *domain.Node) bool { after += len(x.Duties); return true })
	if after != duties || n.Doc.Node(agent).Name != "客户服务中心" {
		t.Fatalf("the clean copy has %d duties (want %d) and the name %q", after, duties, n.Doc.Node(agent).Name)
	}
}

// newSessionOn opens path for editing, closed when the test ends.
func newSessionOn(t *testing.T, path string) *Session {
	t.Helper()
	s, err := OpenSession(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
