package storage

import (
	"database/sql"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"orgdraft/domain"
)

// writeText is an export's writer: it writes text.
func writeText(text string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	}
}

// readText returns the content of the file at path.
func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return string(b)
}

func TestWriteOutputNeverReplacesADocument(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "g.orgdraft")
	mustClose(t, mustCreate(t, doc, richDocument(t)))
	// The same document under names that do not say what it is: a copy
	// and a hard link named like exports.
	disguised := filepath.Join(dir, "chart.pdf")
	must(t, os.WriteFile(disguised, []byte(readText(t, doc)), 0o644))
	link := filepath.Join(dir, "table.csv")
	must(t, os.Link(doc, link))
	open := filepath.Join(dir, "open.orgdraft")
	held := mustCreate(t, open, richDocument(t)) // open in "another window"
	defer held.Close()
	heldAsPNG := filepath.Join(dir, "held.png")
	must(t, os.Link(open, heldAsPNG))

	for _, target := range []string{doc, disguised, link, open, heldAsPNG} {
		before := fileHash(t, target)
		for _, overwrite := range []bool{false, true} {
			err := WriteOutput(target, overwrite, writeText("a,b\n"))
			if !errors.Is(err, ErrDocumentTarget) {
				t.Errorf("%s (overwrite %v): err = %v, want ErrDocumentTarget", filepath.Base(target), overwrite, err)
			}
		}
		if fileHash(t, target) != before {
			t.Errorf("%s was changed", filepath.Base(target))
		}
	}
	// Not even a new file takes the document extension.
	if err := WriteOutput(filepath.Join(dir, "new.ORGDRAFT"), true, writeText("x")); !errors.Is(err, ErrDocumentTarget) {
		t.Errorf("new .orgdraft name: err = %v, want ErrDocumentTarget", err)
	}
	assertOnly(t, dir, "g.orgdraft", "chart.pdf", "table.csv", "open.orgdraft", "held.png")
}

func TestWriteOutputNeverReplacesItsInput(t *testing.T) {
	// The input need not be a document (a picture made from a picture):
	// identity decides, through symbolic links and hard links, not the
	// path text.
	dir := t.TempDir()
	in := filepath.Join(dir, "in.svg")
	must(t, os.WriteFile(in, []byte("<svg/>"), 0o644))
	sym := filepath.Join(dir, "sym.svg")
	must(t, os.Symlink("in.svg", sym))
	hard := filepath.Join(dir, "hard.svg")
	must(t, os.Link(in, hard))
	for _, target := range []string{in, sym, hard, filepath.Join(dir, ".", "sub", "..", "in.svg")} {
		err := WriteOutput(target, true, writeText("other"), in)
		if !errors.Is(err, ErrSameAsInput) {
			t.Errorf("%s: err = %v, want ErrSameAsInput", target, err)
		}
	}
	if got := readText(t, in); got != "<svg/>" {
		t.Errorf("the input now holds %q", got)
	}
}

func TestWriteOutputReplacesOtherFilesOnlyWhenTold(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.csv")
	must(t, os.WriteFile(out, []byte("old"), 0o600))
	if err := WriteOutput(out, false, writeText("new")); !errors.Is(err, ErrExists) {
		t.Fatalf("without overwrite: err = %v, want ErrExists", err)
	}
	if got := readText(t, out); got != "old" {
		t.Fatalf("refused write changed the file to %q", got)
	}
	must(t, WriteOutput(out, true, writeText("new")))
	if got := readText(t, out); got != "new" {
		t.Errorf("after overwrite the file holds %q", got)
	}
	fi, err := os.Stat(out)
	must(t, err)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("permissions %v, want the replaced file's 0600", fi.Mode().Perm())
	}
	fresh := filepath.Join(dir, "fresh.csv")
	must(t, WriteOutput(fresh, false, writeText("x")))
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("a new file: %v, %v; want permissions 0644", fi.Mode().Perm(), err)
	}
	assertOnly(t, dir, "out.csv", "fresh.csv")
}

func TestWriteOutputFollowsSymbolicLink(t *testing.T) {
	dir := t.TempDir()
	must(t, os.Mkdir(filepath.Join(dir, "real"), 0o755))
	real := filepath.Join(dir, "real", "chart.png")
	must(t, os.WriteFile(real, []byte("old"), 0o640))
	link := filepath.Join(dir, "chart.png")
	must(t, os.Symlink(filepath.Join("real", "chart.png"), link))
	must(t, WriteOutput(link, true, writeText("new")))
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v)", err)
	}
	if got := readText(t, real); got != "new" {
		t.Errorf("the linked file holds %q", got)
	}
	assertOnly(t, filepath.Join(dir, "real"), "chart.png")
}

func TestWriteOutputRefusesDatabaseHeldByAnother(t *testing.T) {
	// A database that is not a document by its header but is locked (as
	// an OrgDraft holds its files): the lock tells.
	dir := t.TempDir()
	path := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite3", path+"?_locking_mode=EXCLUSIVE")
	must(t, err)
	defer db.Close()
	db.SetMaxOpenConns(1)
	_, err = db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
	must(t, err)
	before := fileHash(t, path)
	if err := WriteOutput(path, true, writeText("x")); !errors.Is(err, ErrInUse) {
		t.Errorf("err = %v, want ErrInUse", err)
	}
	if fileHash(t, path) != before {
		t.Error("the database was changed")
	}
}

func TestWriteOutputTakesLongNames(t *testing.T) {
	// 255 bytes is the limit of ext4, NTFS (in UTF-16 units) and most
	// others; the temporary name must not push a name over it.
	dir := t.TempDir()
	ascii := strings.Repeat("a", 251) + ".csv"
	chinese := strings.Repeat("组", 82) + ".pdf" // 246 + 4 bytes
	for _, name := range []string{ascii, chinese} {
		must(t, WriteOutput(filepath.Join(dir, name), false, writeText(name)))
		if got := readText(t, filepath.Join(dir, name)); got != name {
			t.Errorf("%d-byte name: file holds %q", len(name), got)
		}
	}
	assertOnly(t, dir, ascii, chinese)
}

func TestWriteOutputRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("长", 30) + ".csv" // 94 bytes: its temporary names are cut short
	old := time.Now().Add(-2 * staleAge)
	files := map[string]bool{ // name: removed by a write to out.csv or long
		".out.csv.12345.tmp":               false, // recent: may be another write at work
		".out.csv.67890.tmp":               true,
		"." + tempPrefix(long) + ".42.tmp": true,
		"." + long + ".43.tmp":             true,  // as earlier versions named them
		".out.csv.abc.tmp":                 false, // not our pattern
		".other.csv.1.tmp":                 false, // another file's
		"out.csv.1.tmp":                    false,
		".out.csv.1.tmp.keep":              false,
		".out.csv..tmp":                    false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, []byte("leftover"), 0o600))
		if name != ".out.csv.12345.tmp" { // all others are old
			must(t, os.Chtimes(p, old, old))
		}
	}
	must(t, WriteOutput(filepath.Join(dir, "out.csv"), false, writeText("x")))
	must(t, WriteOutput(filepath.Join(dir, long), false, writeText("x")))
	want := []string{"out.csv", long}
	for name, stale := range files {
		if !stale {
			want = append(want, name)
		}
	}
	assertOnly(t, dir, want...)
}

func TestWriteOutputPanicLeavesTarget(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "book.pdf")
	must(t, os.WriteFile(out, []byte("the old book"), 0o644))
	err := WriteOutput(out, true, func(w io.Writer) error {
		io.WriteString(w, "half a book")
		var names []string
		_ = names[3] // a library's bug
		return nil
	})
	var pe *domain.PanicError
	if !errors.As(err, &pe) || !strings.Contains(pe.Error(), "index out of range") || len(pe.Stack) == 0 {
		t.Fatalf("err = %v, want a PanicError with its stack", err)
	}
	if got := readText(t, out); got != "the old book" {
		t.Errorf("the old file now holds %q", got)
	}
	assertOnly(t, dir, "book.pdf")
}
