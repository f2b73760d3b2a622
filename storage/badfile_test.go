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

	"github.com/mattn/go-sqlite3"
)

// writeOurs writes a genuine document of many pages to path.
func writeOurs(t *testing.T, path string) {
	t.Helper()
	mustClose(t, mustCreate(t, path, bigDocument(t, 200)))
}

// damagePage flips the bytes of the b-tree page header of table's root
// page, as a bad sector or a careless tool would.
func damagePage(t *testing.T, path, table string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	root, pageSize := int64(1), int64(0) // the schema table itself starts on page 1
	if table != "sqlite_schema" {
		err = db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = ?", table).Scan(&root)
	}
	if err == nil {
		err = db.QueryRow("PRAGMA page_size").Scan(&pageSize)
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	fh, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	header := make([]byte, 8)
	at := (root - 1) * pageSize
	if root == 1 {
		at = 100 // after the database header
	}
	if _, err := fh.ReadAt(header, at); err != nil {
		t.Fatal(err)
	}
	for i := range header {
		header[i] ^= 0xA5
	}
	if _, err := fh.WriteAt(header, at); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesBadFilesWithoutChangingThem(t *testing.T) {
	cases := []struct {
		name string
		make func(t *testing.T, path string)
		want error
	}{
		{"empty file", func(t *testing.T, path string) {
			must(t, os.WriteFile(path, nil, 0o644))
		}, ErrNotOrgDraft},
		{"text file", func(t *testing.T, path string) {
			must(t, os.WriteFile(path, []byte("组织架构\n这不是数据库。\n"), 0o644))
		}, ErrNotOrgDraft},
		{"cut inside the header", func(t *testing.T, path string) {
			writeOurs(t, path)
			must(t, os.Truncate(path, 50))
		}, ErrNotOrgDraft},
		{"another program's database", func(t *testing.T, path string) {
			rawExec(t, path, "CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('张三')")
		}, ErrNotOrgDraft},
		{"another program's application id", func(t *testing.T, path string) {
			rawExec(t, path, "PRAGMA application_id = 1", "PRAGMA user_version = 1", "CREATE TABLE node (id INTEGER)")
		}, ErrNotOrgDraft},
		{"our id but no schema", func(t *testing.T, path string) {
			rawExec(t, path, "PRAGMA application_id = 1330792260", "CREATE TABLE x (y)")
		}, ErrCorrupt},
		{"newer version", func(t *testing.T, path string) {
			writeOurs(t, path)
			rawExec(t, path, "PRAGMA user_version = 99")
		}, ErrNewerVersion},
		{"truncated", func(t *testing.T, path string) {
			writeOurs(t, path)
			fi, err := os.Stat(path)
			must(t, err)
			must(t, os.Truncate(path, fi.Size()/2))
		}, ErrCorrupt},
		{"damaged node page", func(t *testing.T, path string) {
			writeOurs(t, path)
			damagePage(t, path, "node")
		}, ErrCorrupt},
		{"damaged schema page", func(t *testing.T, path string) {
			writeOurs(t, path)
			damagePage(t, path, "sqlite_schema")
		}, ErrCorrupt},
		{"parent that does not exist", func(t *testing.T, path string) {
			writeOurs(t, path)
			rawExec(t, path, "UPDATE node SET parent = 999999 WHERE id = 5")
		}, ErrCorrupt},
		{"parents in a cycle", func(t *testing.T, path string) {
			writeOurs(t, path)
			rawExec(t, path, "UPDATE node SET parent = 2 WHERE id = 1")
		}, ErrCorrupt},
		{"unknown kind", func(t *testing.T, path string) {
			writeOurs(t, path)
			rawExec(t, path, "PRAGMA ignore_check_constraints = ON", "UPDATE node SET kind = 'robot' WHERE id = 3")
		}, ErrCorrupt},
		{"document row missing", func(t *testing.T, path string) {
			writeOurs(t, path)
			rawExec(t, path, "DELETE FROM document")
		}, ErrCorrupt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, path := tempPath(t, "bad.orgdraft")
			c.make(t, path)
			assertOnly(t, dir, "bad.orgdraft")
			before := fileHash(t, path)

			f, doc, err := Open(path)
			if !errors.Is(err, c.want) {
				if f != nil {
					f.Close()
				}
				t.Fatalf("Open: err = %v, want %v", err, c.want)
			}
			if f != nil || doc != nil {
				t.Error("Open returned a file or document with its error")
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			t.Log(err)
			if fileHash(t, path) != before {
				t.Error("Open changed the refused file")
			}
			assertOnly(t, dir, "bad.orgdraft")
		})
	}
}

func TestOpenMissingFileCreatesNothing(t *testing.T) {
	dir, path := tempPath(t, "missing.orgdraft")
	if _, _, err := Open(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want fs.ErrNotExist", err)
	}
	assertOnly(t, dir)
}

func TestOpenRefusesFolder(t *testing.T) {
	if _, _, err := Open(t.TempDir()); err == nil {
		t.Fatal("Open of a folder succeeded")
	}
}

// copyFile copies src to dst byte for byte.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenAfterCrashRestoresLastSavedState(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "saved.orgdraft")
	want := bigDocument(t, 200)
	mustClose(t, mustCreate(t, saved, want))

	// Start a big save that spills into the file before it commits, and
	// copy the file and its journal at that moment: what a crash leaves.
	db, err := sql.Open("sqlite3", saved)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("PRAGMA cache_size = 2"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"UPDATE document SET title = 'half saved'", "UPDATE item SET text = text || text", "DELETE FROM link"} {
		if _, err := tx.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	crashed := filepath.Join(dir, "crashed.orgdraft")
	copyFile(t, saved, crashed)
	copyFile(t, saved+"-journal", crashed+"-journal")
	tx.Rollback()
	db.Close()

	// The journal is hot: SQLite will not read the file without rolling
	// it back.
	var se sqlite3.Error
	if err := checkReadOnly(crashed); !errors.As(err, &se) || se.ExtendedCode != sqlite3.ErrReadonlyRollback {
		t.Fatalf("read-only check of the crashed file: %v; want SQLite's hot journal error", err)
	}

	f, got := reopen(t, crashed)
	assertSameDoc(t, want, got)
	mustClose(t, f)
	assertOnly(t, dir, "crashed.orgdraft", "saved.orgdraft")
}
