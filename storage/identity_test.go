package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"orgdraft/domain"
)

// openForEditing creates a document at path and returns its file and a
// history whose edits it saves, as the editor sets them up.
func openForEditing(t *testing.T, path string) (*File, *domain.History) {
	t.Helper()
	f := mustCreate(t, path, richDocument(t))
	t.Cleanup(func() { f.Close() })
	h := domain.NewHistory(richDocument(t))
	h.OnChange = func(ch domain.Change) error { return f.Apply(h.Doc, ch) }
	return f, h
}

func TestApplyRefusesFileReplacedUnderIt(t *testing.T) {
	// Another program (an export gone wrong, a sync tool) renames its own
	// file over the open document: the edits must not go on into the
	// orphaned file, nor into the newcomer.
	dir := t.TempDir()
	path := filepath.Join(dir, "g.orgdraft")
	f, h := openForEditing(t, path)
	foreign := filepath.Join(dir, "export.csv")
	must(t, os.WriteFile(foreign, []byte("名称,编制\n"), 0o644))
	must(t, os.Rename(foreign, path))
	before := fileHash(t, path)

	err := h.Do(domain.Rename(11, "总裁"))
	if !errors.Is(err, ErrReplaced) {
		t.Fatalf("edit after the replacement: err = %v, want ErrReplaced", err)
	}
	if err := h.Do(domain.SetPlanned(23, 41)); !errors.Is(err, ErrReplaced) {
		t.Fatalf("second edit: err = %v, want ErrReplaced still", err)
	}
	if fileHash(t, path) != before {
		t.Error("the file that replaced the document was written to")
	}

	// Save As to a new name writes everything, and saving works again.
	saved := filepath.Join(dir, "saved.orgdraft")
	must(t, f.SaveAs(h.Doc, saved, false))
	must(t, h.Do(domain.SetFilled(23, 39)))
	mustClose(t, f)
	g, got := reopen(t, saved)
	defer g.Close()
	assertSameDoc(t, h.Doc, got)
	if n := got.Node(11); n.Name != "总裁" || got.Node(23).Planned != 41 || got.Node(23).Filled != 39 {
		t.Errorf("saved copy: name %q, planned %d, filled %d", n.Name, got.Node(23).Planned, got.Node(23).Filled)
	}
}

func TestApplyRefusesFileDeletedUnderIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.orgdraft")
	_, h := openForEditing(t, path)
	must(t, os.Remove(path))
	if err := h.Do(domain.Rename(11, "总裁")); !errors.Is(err, ErrReplaced) {
		t.Fatalf("err = %v, want ErrReplaced", err)
	}
	assertOnly(t, dir) // nothing was recreated under the name
}

func TestSaveAsOntoReplacedNameAsksAndWritesWhole(t *testing.T) {
	// After a replacement, Save As to the document's own name is a Save
	// As onto someone else's file: refused without overwrite; with it the
	// whole document is written there (not into the orphaned file).
	dir := t.TempDir()
	path := filepath.Join(dir, "g.orgdraft")
	f, h := openForEditing(t, path)
	other := filepath.Join(dir, "other.orgdraft")
	mustClose(t, mustCreate(t, other, domain.NewDocument()))
	must(t, os.Rename(other, path))
	before := fileHash(t, path)
	if err := h.Do(domain.Rename(11, "总裁")); !errors.Is(err, ErrReplaced) {
		t.Fatalf("err = %v, want ErrReplaced", err)
	}
	if err := f.SaveAs(h.Doc, path, false); !errors.Is(err, ErrExists) {
		t.Fatalf("SaveAs without overwrite: err = %v, want ErrExists", err)
	}
	if fileHash(t, path) != before {
		t.Fatal("the refused SaveAs changed the file")
	}
	must(t, f.SaveAs(h.Doc, path, true))
	mustClose(t, f)
	g, got := reopen(t, path)
	defer g.Close()
	assertSameDoc(t, h.Doc, got)
}

func TestApplyKeepsSavingAfterHarmlessChanges(t *testing.T) {
	// The check compares identity, not the path text or the time: a
	// document reached through another spelling of its path, or touched,
	// goes on saving.
	dir := t.TempDir()
	path := filepath.Join(dir, "g.orgdraft")
	f, h := openForEditing(t, path)
	must(t, os.Chtimes(path, mustStat(t, path).ModTime(), mustStat(t, path).ModTime()))
	must(t, h.Do(domain.Rename(11, "总裁")))
	mustClose(t, f)
	g, got := reopen(t, filepath.Join(dir, ".", "g.orgdraft"))
	defer g.Close()
	if got.Node(11).Name != "总裁" {
		t.Errorf("name %q, want the edit saved", got.Node(11).Name)
	}
}

func mustStat(t *testing.T, path string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(path)
	must(t, err)
	return fi
}
