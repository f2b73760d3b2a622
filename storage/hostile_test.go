package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"orgdraft/domain"
)

// Files made by hand (with database/sql and go-sqlite3, the way any other
// program could write them) that Open must refuse, leaving them as they
// were.

// hostileCase is one crafted file: statements run on a genuine document.
type hostileCase struct {
	name  string
	stmts []string
	want  error
	// detail must appear in the error: what is wrong, and where.
	detail string
}

// foreignCases change the schema; a read-only snapshot of each gives a
// clean document.
var foreignCases = []hostileCase{
	{"trigger that wipes the duties", []string{
		"CREATE TRIGGER wipe AFTER UPDATE ON node BEGIN DELETE FROM item; END",
	}, ErrForeign, `trigger "wipe"`},
	{"view", []string{"CREATE VIEW everything AS SELECT * FROM node JOIN item ON item.node = node.id"}, ErrForeign, `view "everything"`},
	{"extra table", []string{"CREATE TABLE notes (x)", "INSERT INTO notes VALUES (1)"}, ErrForeign, `table "notes"`},
	{"extra index", []string{"CREATE INDEX by_name ON node (name)"}, ErrForeign, `index "by_name"`},
	{"CHECK calling a function", []string{
		"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = replace(sql, 'name TEXT NOT NULL,', 'name TEXT NOT NULL CHECK (length(hex(randomblob(9))) > 0),') WHERE name = 'sign_off'",
	}, ErrForeign, `table "sign_off"`},
	{"DEFAULT calling a function", []string{
		"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = replace(sql, 'date TEXT NOT NULL', 'date TEXT NOT NULL DEFAULT (hex(randomblob(8)))') WHERE name = 'sign_off'",
	}, ErrForeign, `table "sign_off"`},
	{"generated column", []string{
		"ALTER TABLE node ADD COLUMN twice INTEGER GENERATED ALWAYS AS (planned * 2) VIRTUAL",
	}, ErrForeign, `table "node"`},
	{"endless recursive view in place of a table", []string{
		"DROP TABLE link",
		`CREATE VIEW link AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)
		 SELECT x AS id, x AS pos, x AS from_node, x AS to_node, hex(zeroblob(1000)) AS label FROM r ORDER BY x DESC`,
	}, ErrForeign, `view "link"`},
}

// damageCases hold values no OrgDraft writes.
var damageCases = []hostileCase{
	{"headcount 2^62", []string{"UPDATE node SET planned = 4611686018427387904 WHERE id = 23"}, ErrCorrupt, `box 23 "操作工"`},
	{"headcount INT64_MAX", []string{"UPDATE node SET filled = 9223372036854775807 WHERE id = 32"}, ErrCorrupt, `box 32 "质检员"`},
	{"negative headcount", []string{"UPDATE node SET planned = -1 WHERE id = 32"}, ErrCorrupt, `box 32 "质检员"`},
	{"stated total 2^62", []string{"UPDATE document SET stated_total = 4611686018427387904"}, ErrCorrupt, "stated total"},
	{"unknown paper", []string{"UPDATE document SET paper = 'Letter'"}, ErrCorrupt, `"Letter"`},
	{"two document rows", []string{
		"PRAGMA ignore_check_constraints = ON",
		// The columns are named: later schema versions add some, with defaults.
		"INSERT INTO document (id, title, company, version, status, effective_date, confidentiality, stated_total, notes, paper, landscape, left_to_right, compact_leaves) SELECT 2, title, company, version, status, effective_date, confidentiality, stated_total, notes, paper, landscape, left_to_right, compact_leaves FROM document",
	}, ErrCorrupt, "document"},
	{"unknown print language", []string{
		"PRAGMA ignore_check_constraints = ON",
		"UPDATE document SET print_language = 'fr'",
	}, ErrCorrupt, `"fr"`},
	{"unknown book order", []string{
		"PRAGMA ignore_check_constraints = ON",
		"UPDATE document SET book_order = 'alphabet'",
	}, ErrCorrupt, `"alphabet"`},
	{"orphan list item", []string{
		"PRAGMA foreign_keys = OFF",
		"INSERT INTO item (node, list, pos, text) VALUES (999, 'duties', 0, '孤儿')",
	}, ErrCorrupt, "item has a row that refers to a missing node"},
	{"too many duties", []string{
		fmt.Sprintf(`INSERT INTO item (node, list, pos, text) WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
		 SELECT 23, 'duties', i, '多' FROM n`, 100+domain.MaxItems),
	}, ErrCorrupt, `box 23 "操作工"`},
	{"write-ahead log mode", []string{"PRAGMA journal_mode = WAL"}, ErrCorrupt, "WAL"},
	{"orphan job description", []string{
		"PRAGMA foreign_keys = OFF",
		"INSERT INTO job (node, code, pay_grade, summary, education, major, experience, skills, certificates, other, internal, external, superior) VALUES (999, '', '', '孤儿', '', '', '', '', '', '', '', '', '')",
	}, ErrCorrupt, "job row 999 refers to a missing node"},
	{"too many KPIs", []string{
		fmt.Sprintf(`INSERT INTO item (node, list, pos, text) WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
		 SELECT 23, 'kpis', i, '多' FROM n`, 100+domain.MaxItems),
	}, ErrCorrupt, `box 23 "操作工"`},
	{"position codes of 99 digits", []string{"UPDATE document SET code_digits = 99"}, ErrCorrupt, "99 digits"},
}

// makeHostile writes a genuine document to path and changes it with stmts.
func makeHostile(t *testing.T, path string, stmts []string) {
	t.Helper()
	mustClose(t, mustCreate(t, path, richDocument(t)))
	rawExec(t, path, stmts...)
}

// returnsSoon runs fn and fails the test if it has not returned within a
// minute: a file must never make Open hang.
func returnsSoon(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	limit := time.Minute
	if d, ok := t.Deadline(); ok && time.Until(d) < 2*limit {
		limit = time.Until(d) / 2
	}
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("%s did not return within %v", what, limit)
	}
}

// assertRefused opens path and checks that it is refused with want, naming
// the file and detail, and that the folder and the file are as they were.
func assertRefused(t *testing.T, path string, want error, detail string) {
	t.Helper()
	dir := filepath.Dir(path)
	names := dirNames(t, dir)
	before := fileHash(t, path)
	var f *File
	var doc *domain.Document
	var err error
	returnsSoon(t, "Open", func() { f, doc, err = Open(path) })
	if f != nil {
		f.Close()
	}
	if !errors.Is(err, want) {
		t.Fatalf("Open: err = %v, want %v", err, want)
	}
	if doc != nil {
		t.Error("Open returned a document with its error")
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, detail) || strings.Contains(msg, "Scan error") {
		t.Errorf("error %q does not name the file and %q", msg, detail)
	}
	t.Log(err)
	if fileHash(t, path) != before {
		t.Error("Open changed the refused file")
	}
	assertOnly(t, dir, names...)
}

func TestOpenRefusesForeignSchemaObjects(t *testing.T) {
	for _, c := range foreignCases {
		t.Run(c.name, func(t *testing.T) {
			_, path := tempPath(t, "他人改过.orgdraft")
			makeHostile(t, path, c.stmts)
			assertRefused(t, path, c.want, c.detail)
		})
	}
}

// The way out of ErrForeign: view the document read-only, then Save As.
// The snapshot runs nothing of the file, keeps every row of our tables,
// and what Save As writes is a clean document.
func TestReadSnapshotOfForeignSchemaGivesCleanDocument(t *testing.T) {
	for _, c := range foreignCases {
		t.Run(c.name, func(t *testing.T) {
			dir, path := tempPath(t, "他人改过.orgdraft")
			makeHostile(t, path, c.stmts)
			before := fileHash(t, path)
			var got *domain.Document
			var warnings []Warning
			var err error
			returnsSoon(t, "ReadSnapshotWarnings", func() { got, warnings, err = ReadSnapshotWarnings(path) })
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) == 0 || !errors.Is(warnings[0], ErrForeign) || !strings.Contains(warnings[0].Error(), c.detail) {
				t.Errorf("warnings %v do not name %s", warnings, c.detail)
			}
			want := richDocument(t)
			if strings.Contains(c.name, "in place of a table") {
				// The links were in the table that the view replaced.
				want, err = domain.Restore(want.Info, want.Nodes(), nil)
				must(t, err)
			}
			assertSameDoc(t, want, got)
			if fileHash(t, path) != before {
				t.Error("the snapshot changed the file")
			}
			assertOnly(t, dir, filepath.Base(path))

			// Save As (from the document in memory) gives a file Open takes.
			f, err := OpenMemory(got)
			must(t, err)
			clean := filepath.Join(dir, "干净.orgdraft")
			must(t, f.SaveAs(got, clean, false))
			mustClose(t, f)
			f, reread := reopen(t, clean)
			defer mustClose(t, f)
			assertSameDoc(t, want, reread)
		})
	}
}

func TestOpenRefusesValuesBeyondTheLimits(t *testing.T) {
	for _, c := range damageCases {
		t.Run(c.name, func(t *testing.T) {
			_, path := tempPath(t, "坏数.orgdraft")
			makeHostile(t, path, c.stmts)
			assertRefused(t, path, c.want, c.detail)
		})
	}
}

// A read-only file (chmod 444) is refused as such, untouched, so that the
// editor offers to view it; the snapshot reads it. The test goes by the
// permission bits, which hold for the administrator too.
func TestOpenRefusesReadOnlyFile(t *testing.T) {
	_, path := tempPath(t, "只读.orgdraft")
	mustClose(t, mustCreate(t, path, richDocument(t)))
	must(t, os.Chmod(path, 0o444))
	assertRefused(t, path, ErrReadOnlyFile, "write permission")
	got, err := ReadSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	assertSameDoc(t, richDocument(t), got)

	must(t, os.Chmod(path, 0o644))
	f, _ := reopen(t, path)
	mustClose(t, f)
}

// Texts that would crash the PDF writer, and offsets that would break the
// layout, are mended as the file is read, and said so; the file keeps its
// bytes.
func TestOpenMendsTextsAndOffsetsAndSaysSo(t *testing.T) {
	_, path := tempPath(t, "乱码.orgdraft")
	makeHostile(t, path, []string{
		"UPDATE node SET name = CAST(X'E680BBE7BB8FFF' AS TEXT) WHERE id = 11", // 总经 + a stray byte
		"UPDATE node SET notes = '甲' || char(0) || '乙' WHERE id = 21",          // a NUL
		"UPDATE item SET text = CAST(X'C328' AS TEXT) WHERE node = 12",         // a cut sequence
		"UPDATE link SET label = CAST(X'EDA080' AS TEXT) WHERE id = 3",         // a UTF-16 surrogate
		"UPDATE sign_off SET name = CAST(X'FF' AS TEXT) WHERE pos = 0",         // in the sign-off block
		"UPDATE node SET name = printf('%.*c', 1000000, '长') WHERE id = 25",    // a 1 MB name
		"UPDATE node SET offset_x = 1e999, offset_y = -1e300 WHERE id = 20",    // infinite and huge
		"UPDATE node SET offset_y = -1e999 WHERE id = 10",
	})
	before := fileHash(t, path)
	f, got := reopen(t, path)
	warnings := f.Warnings()
	mustClose(t, f)
	if fileHash(t, path) != before {
		t.Error("Open changed the file")
	}

	if n := got.Node(11).Name; n != "总经\uFFFD" {
		t.Errorf("name = %q", n)
	}
	if n := got.Node(21).Notes; n != "甲乙" {
		t.Errorf("notes = %q", n)
	}
	if d := got.Node(12).Duties; len(d) != 1 || d[0] != "\uFFFD(" {
		t.Errorf("duties = %q", d)
	}
	if n := got.Node(25).Name; utf8.RuneCountInString(n) != domain.MaxNameRunes {
		t.Errorf("the 1 MB name has %d characters", utf8.RuneCountInString(n))
	}
	if o := got.Node(20).Offset; o != (domain.Offset{}) {
		t.Errorf("offset = %v", o)
	}
	if o := got.Node(10).Offset; o != (domain.Offset{}) {
		t.Errorf("offset = %v", o)
	}
	// Every text is valid now, down to the last: the domain says so.
	if _, err := domain.Restore(got.Info, got.Nodes(), got.Links()); err != nil {
		t.Fatal(err)
	}

	found := map[error]string{}
	for _, w := range warnings {
		found[w.Err] = w.Error()
	}
	for kind, place := range map[error]string{
		ErrTextRepaired:  "box 11 \"总经\uFFFD\": the name",
		ErrTextShortened: `box 25`,
		ErrOffsetReset:   `box 20 "生产部"`,
	} {
		if !strings.Contains(found[kind], place) {
			t.Errorf("warning %q: got %q, want it to name %s", kind, found[kind], place)
		}
	}
	if len(warnings) != 3 {
		t.Errorf("%d warnings, want 3: %v", len(warnings), warnings)
	}
	for _, w := range warnings {
		if w.Err == ErrTextRepaired && w.Count != 5 {
			t.Errorf("%d texts repaired, want 5: %v", w.Count, w)
		}
	}
}

// A sound file opens without warnings.
func TestOpenSoundFileHasNoWarnings(t *testing.T) {
	_, path := tempPath(t, "好的.orgdraft")
	mustClose(t, mustCreate(t, path, richDocument(t)))
	f, _ := reopen(t, path)
	defer mustClose(t, f)
	if w := f.Warnings(); len(w) != 0 {
		t.Fatalf("warnings: %v", w)
	}
}

// A header whose page count is stale (as SQLite before 3.7 left it, or a
// tool that rewrote the file) is mended by SQLite at the first write; a
// mere Open must not be that write.
func TestOpenLeavesStaleHeaderAsItIs(t *testing.T) {
	_, path := tempPath(t, "旧头.orgdraft")
	mustClose(t, mustCreate(t, path, richDocument(t)))
	fh, err := os.OpenFile(path, os.O_RDWR, 0)
	must(t, err)
	_, err = fh.WriteAt([]byte{0, 0, 0, 0}, 28) // the in-header database size
	must(t, errors.Join(err, fh.Close()))
	before := fileHash(t, path)
	f, got := reopen(t, path)
	mustClose(t, f)
	assertSameDoc(t, richDocument(t), got)
	if fileHash(t, path) != before {
		t.Fatal("Open changed the file")
	}
}
