package storage

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"orgdraft/domain"
)

func TestRoundTripKeepsEveryField(t *testing.T) {
	// Characters that mean something in a URI must not confuse SQLite.
	dir := filepath.Join(t.TempDir(), "文件夹 #1 ?a=b %20")
	must(t, os.Mkdir(dir, 0o755))
	path := filepath.Join(dir, "组织架构 😀.orgdraft")
	want := richDocument(t)
	mustClose(t, mustCreate(t, path, want))
	assertOnly(t, dir, "组织架构 😀.orgdraft")
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("new document: %v, %v; want mode 0644", fi.Mode(), err)
	}

	f, got := reopen(t, path)
	defer f.Close()
	assertSameDoc(t, want, got)
	if f.Path() != path {
		t.Errorf("Path() = %q, want %q", f.Path(), path)
	}
}

func TestFileIsMarkedAsOurs(t *testing.T) {
	_, path := tempPath(t, "a.orgdraft")
	mustClose(t, mustCreate(t, path, richDocument(t)))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b[:16]) != "SQLite format 3\x00" {
		t.Fatalf("header %q is not SQLite's", b[:16])
	}
	if id := binary.BigEndian.Uint32(b[68:]); id != 0x4F524744 {
		t.Errorf("application_id = %#x, want 0x4F524744 (ORGD)", id)
	}
	if v := binary.BigEndian.Uint32(b[60:]); v != uint32(len(migrations)) || v < 1 {
		t.Errorf("user_version = %d, want %d", v, len(migrations))
	}
}

func TestOpenedFileHasSafeSettings(t *testing.T) {
	_, path := tempPath(t, "a.orgdraft")
	mustClose(t, mustCreate(t, path, richDocument(t)))
	f, _ := reopen(t, path)
	defer f.Close()
	for pragma, want := range map[string]string{
		"journal_mode":   "delete",
		"synchronous":    "2", // FULL
		"foreign_keys":   "1",
		"trusted_schema": "0",
		"locking_mode":   "exclusive",
	} {
		var got string
		if err := f.conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
}

func TestCreateRefusesExistingFile(t *testing.T) {
	dir, path := tempPath(t, "a.orgdraft")
	if err := os.WriteFile(path, []byte("someone's precious file"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	f, err := Create(path, richDocument(t))
	if !errors.Is(err, ErrExists) {
		t.Fatalf("Create over an existing file: err = %v, want ErrExists", err)
	}
	if f != nil {
		t.Error("Create returned a File with its error")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
	if fileHash(t, path) != before {
		t.Error("the existing file changed")
	}
	assertOnly(t, dir, "a.orgdraft")
}

func TestCreateInMissingFolderLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "no such folder", "a.orgdraft")
	if _, err := Create(path, richDocument(t)); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want a missing folder", err)
	}
	assertOnly(t, dir)
}

func TestFailedReplaceLeavesTargetAndNoTempFile(t *testing.T) {
	// The rename onto a non-empty folder fails after the temporary copy
	// was written: the folder must stay as it was and the copy be gone.
	dir := t.TempDir()
	target := filepath.Join(dir, "target.orgdraft")
	if err := os.MkdirAll(filepath.Join(target, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := OpenMemory(richDocument(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SaveAs(richDocument(t), target, true); err == nil {
		t.Fatal("SaveAs onto a non-empty folder succeeded")
	}
	assertOnly(t, dir, "target.orgdraft")
	assertOnly(t, target, "inside")
	if f.Path() != "" {
		t.Errorf("after a failed SaveAs Path() = %q, want the old (in-memory) file", f.Path())
	}
}

func TestNoSideFilesAfterClose(t *testing.T) {
	dir, path := tempPath(t, "a.orgdraft")
	f := mustCreate(t, path, richDocument(t))
	h := domain.NewHistory(richDocument(t))
	h.OnChange = func(ch domain.Change) error { return f.Apply(h.Doc, ch) }
	for _, c := range []domain.Command{domain.Rename(11, "总裁"), domain.SetPlanned(23, 41), &domain.DeleteNode{ID: 20}} {
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
	}
	mustClose(t, f)
	assertOnly(t, dir, "a.orgdraft")
}

func TestSecondOpenIsRefusedUntilClose(t *testing.T) {
	_, path := tempPath(t, "a.orgdraft")
	first := mustCreate(t, path, richDocument(t)) // Create keeps the file open
	before := fileHash(t, path)

	second, _, err := Open(path)
	if !errors.Is(err, ErrInUse) {
		second.Close()
		t.Fatalf("second Open: err = %v, want ErrInUse", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
	if fileHash(t, path) != before {
		t.Error("the refused Open changed the file")
	}

	mustClose(t, first)
	third, got := reopen(t, path)
	defer third.Close()
	assertSameDoc(t, richDocument(t), got)
}

func TestSaveAsContinuesOnTheNewFile(t *testing.T) {
	dir := t.TempDir()
	oldPath, newPath := filepath.Join(dir, "old.orgdraft"), filepath.Join(dir, "new.orgdraft")
	h := domain.NewHistory(richDocument(t))
	f := mustCreate(t, oldPath, h.Doc)
	defer f.Close()
	h.OnChange = func(ch domain.Change) error { return f.Apply(h.Doc, ch) }
	if err := h.Do(domain.Rename(11, "总裁")); err != nil {
		t.Fatal(err)
	}
	atSaveAs := h.Doc.Clone()

	if err := f.SaveAs(h.Doc, newPath, false); err != nil {
		t.Fatal(err)
	}
	if f.Path() != newPath {
		t.Fatalf("Path() = %q after SaveAs, want %q", f.Path(), newPath)
	}
	if err := h.Do(&domain.DeleteNode{ID: 20}); err != nil {
		t.Fatal(err)
	}

	// The old file is released and keeps what it had at Save As.
	old, got := reopen(t, oldPath)
	assertSameDoc(t, atSaveAs, got)
	mustClose(t, old)
	// The new file is the one being edited: it is locked and up to date.
	if _, _, err := Open(newPath); !errors.Is(err, ErrInUse) {
		t.Fatalf("Open of the file being edited: err = %v, want ErrInUse", err)
	}
	mustClose(t, f)
	nf, got := reopen(t, newPath)
	defer nf.Close()
	assertSameDoc(t, h.Doc, got)
	assertOnly(t, dir, "new.orgdraft", "old.orgdraft")
}

func TestSaveAsOntoExistingFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.orgdraft")
	if err := os.WriteFile(target, []byte("old contents"), 0o640); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, target)
	doc := richDocument(t)
	f, err := OpenMemory(doc)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	if err := f.SaveAs(doc, target, false); !errors.Is(err, ErrExists) {
		t.Fatalf("SaveAs without overwrite: err = %v, want ErrExists", err)
	}
	if fileHash(t, target) != before {
		t.Fatal("the refused SaveAs changed the file")
	}
	if err := f.SaveAs(doc, target, true); err != nil {
		t.Fatalf("SaveAs with overwrite: %v", err)
	}
	mustClose(t, f)
	assertOnly(t, dir, "target.orgdraft")
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("replaced document: %v, %v; want the old mode 0640", fi.Mode(), err)
	}
	g, got := reopen(t, target)
	defer g.Close()
	assertSameDoc(t, doc, got)
}

func TestSaveAsRefusesFileOpenElsewhere(t *testing.T) {
	dir := t.TempDir()
	busy := filepath.Join(dir, "busy.orgdraft")
	other := mustCreate(t, busy, bigDocument(t, 50))
	defer other.Close()
	before := fileHash(t, busy)

	f, err := OpenMemory(richDocument(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SaveAs(richDocument(t), busy, true); !errors.Is(err, ErrInUse) {
		t.Fatalf("SaveAs over an open document: err = %v, want ErrInUse", err)
	}
	if fileHash(t, busy) != before {
		t.Error("the open document was changed")
	}
	assertOnly(t, dir, "busy.orgdraft")
}

func TestSaveAsOntoItself(t *testing.T) {
	_, path := tempPath(t, "a.orgdraft")
	doc := richDocument(t)
	f := mustCreate(t, path, doc)
	defer f.Close()
	if err := f.SaveAs(doc, path, false); !errors.Is(err, ErrExists) {
		t.Fatalf("SaveAs onto itself without overwrite: err = %v, want ErrExists", err)
	}
	doc.Info.Title = "改过的标题" // changed behind the file's back, as after a failed save
	if err := f.SaveAs(doc, path, true); err != nil {
		t.Fatalf("SaveAs onto itself: %v", err)
	}
	if f.Path() != path {
		t.Errorf("Path() = %q, want %q", f.Path(), path)
	}
	mustClose(t, f)
	g, got := reopen(t, path)
	defer g.Close()
	assertSameDoc(t, doc, got)
}

func TestApplyAfterFailedSaveRewritesDocument(t *testing.T) {
	_, path := tempPath(t, "a.orgdraft")
	h := domain.NewHistory(richDocument(t))
	f := mustCreate(t, path, h.Doc)
	defer f.Close()

	// Two boxes added while nothing was saving, then a save that names
	// only the child: its parent is not in the file, so the save fails.
	parent := domain.AddChild(0, domain.KindUnit, "新部门")
	child := domain.AddChild(0, domain.KindPosition, "新岗位")
	if err := h.Do(parent); err != nil {
		t.Fatal(err)
	}
	child.Parent = parent.ID
	if err := h.Do(child); err != nil {
		t.Fatal(err)
	}
	if err := f.Apply(h.Doc, domain.Change{Nodes: []domain.NodeID{child.ID}}); err == nil {
		t.Fatal("saving a box whose parent is not in the file succeeded")
	}

	// The next edit is saved with everything the file missed.
	h.OnChange = func(ch domain.Change) error { return f.Apply(h.Doc, ch) }
	if err := h.Do(domain.SetPlanned(child.ID, 2)); err != nil {
		t.Fatalf("the save after a failed one: %v", err)
	}
	mustClose(t, f)
	g, got := reopen(t, path)
	defer g.Close()
	assertSameDoc(t, h.Doc, got)
}

func TestClosedFileRefusesWork(t *testing.T) {
	f, err := OpenMemory(richDocument(t))
	if err != nil {
		t.Fatal(err)
	}
	mustClose(t, f)
	mustClose(t, f) // twice is harmless
	if err := f.Apply(richDocument(t), domain.Change{Info: true}); err == nil {
		t.Error("Apply on a closed file succeeded")
	}
	if err := f.SaveAs(richDocument(t), filepath.Join(t.TempDir(), "x.orgdraft"), false); err == nil {
		t.Error("SaveAs on a closed file succeeded")
	}
}

func TestLoadMigrationsRefusesGapsAndBadNames(t *testing.T) {
	file := func(text string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(text)} }
	for name, fsys := range map[string]fstest.MapFS{
		"gap":       {"m/001_a.sql": file("CREATE TABLE a (x);"), "m/003_c.sql": file("CREATE TABLE c (x);")},
		"repeat":    {"m/001_a.sql": file("CREATE TABLE a (x);"), "m/001_b.sql": file("CREATE TABLE b (x);")},
		"no number": {"m/init.sql": file("CREATE TABLE a (x);")},
		"empty":     {"m/readme.txt": file("nothing")},
	} {
		if ms, err := loadMigrations(fsys, "m"); err == nil {
			t.Errorf("%s: loaded %d migrations, want an error", name, len(ms))
		}
	}
	ms, err := loadMigrations(fstest.MapFS{"m/002_b.sql": file("B"), "m/001_a.sql": file("A")}, "m")
	if err != nil || len(ms) != 2 || ms[0].sql != "A" || ms[1].version != 2 {
		t.Errorf("loadMigrations = %+v, %v; want 001 then 002", ms, err)
	}
}

func TestOpenUpgradesOlderFile(t *testing.T) {
	_, path := tempPath(t, "old.orgdraft")
	want := richDocument(t)
	mustClose(t, mustCreate(t, path, want))

	// Pretend this OrgDraft knows one more schema step than the file has.
	saved := migrations
	defer func() { migrations = saved }()
	migrations = append(migrations[:len(migrations):len(migrations)], migration{
		version: len(saved) + 1, name: "999_test.sql",
		sql: "CREATE TABLE added_later (x TEXT); INSERT INTO added_later VALUES ('升级')",
	})

	f, got := reopen(t, path)
	defer f.Close()
	assertSameDoc(t, want, got)
	var version int
	var x string
	must(t, f.conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version))
	must(t, f.conn.QueryRowContext(ctx, "SELECT x FROM added_later").Scan(&x))
	if version != len(migrations) || x != "升级" {
		t.Errorf("after Open: user_version %d, added row %q; want %d and the row", version, x, len(migrations))
	}
}
