package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
)

// FuzzOpen opens mutated document files. Nothing may panic or hang; a
// refused file is refused with one of Open's errors and keeps its bytes;
// an opened one holds a document within the domain's limits, can be
// edited and saved, and reads the same through a snapshot. Plain
// `go test` runs the seeds: documents made from templates, and the
// hostile files of hostile_test.go.
func FuzzOpen(f *testing.F) {
	dir := f.TempDir()
	seed := func(name string, d *domain.Document, stmts ...string) {
		path := filepath.Join(dir, name)
		file, err := Create(path, d)
		if err != nil {
			f.Fatal(err)
		}
		if err := file.Close(); err != nil {
			f.Fatal(err)
		}
		if len(stmts) > 0 {
			rawExec(f, path, stmts...)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for i, tm := range assets.Templates() {
		if i == 3 {
			break // a few are enough; they differ in size, not in kind
		}
		d, err := assets.LoadTemplate(tm.ID)
		if err != nil {
			f.Fatal(err)
		}
		seed(tm.ID+".orgdraft", d)
	}
	{ // an approved document, with its snapshot in table revision
		path := filepath.Join(dir, "approved.orgdraft")
		d := signedDocument(f)
		file, err := Create(path, d)
		if err == nil {
			err = errors.Join(file.Approve(d, domain.Approval{Date: "2026-12-01", Note: "初版"}), file.Close())
		}
		if err != nil {
			f.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for i, c := range append(append([]hostileCase(nil), foreignCases...), damageCases...) {
		seed(fmt.Sprintf("hostile%d.orgdraft", i), richDocument(f), c.stmts...)
	}

	known := []error{ErrNotOrgDraft, ErrNewerVersion, ErrCorrupt, ErrForeign}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.orgdraft")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		before := fileHash(t, path)
		var file *File
		var doc *domain.Document
		var err error
		returnsSoon(t, "Open", func() { file, doc, err = Open(path) })
		// A file of an older schema is upgraded as it opens: that is the
		// one change Open may make to a file.
		upgraded := err == nil && headerVersion(data) < len(migrations)
		if !upgraded && fileHash(t, path) != before {
			t.Fatalf("Open changed the file (err = %v)", err)
		}
		if err != nil {
			for _, k := range known {
				if errors.Is(err, k) {
					return
				}
			}
			t.Fatalf("Open failed without saying why in our terms: %v", err)
		}
		defer file.Close()
		assertSound(t, doc)

		var snap *domain.Document
		var serr error
		returnsSoon(t, "ReadSnapshot", func() { snap, serr = ReadSnapshot(path) })
		if serr != nil {
			t.Fatalf("Open took the file, ReadSnapshot refused it: %v", serr)
		}
		assertSameDoc(t, doc, snap)

		// An opened file can be edited: nothing of the file's own stands
		// in the way of a save.
		if roots := doc.Roots(); len(roots) > 0 {
			h := domain.NewHistory(doc)
			h.OnChange = func(ch domain.Change) error { return file.Apply(doc, ch) }
			err := h.Do(domain.Rename(roots[0], "改名"))
			if doc.Locked() && !errors.Is(err, domain.ErrApproved) {
				t.Fatalf("editing an approved file: %v", err)
			}
			if !doc.Locked() && err != nil {
				t.Fatalf("editing an opened file: %v", err)
			}
		}
	})
}

// headerVersion returns the schema version (user_version) that an SQLite
// file's header holds, or -1 for data too short to have one.
func headerVersion(data []byte) int {
	if len(data) < 100 {
		return -1
	}
	return int(binary.BigEndian.Uint32(data[60:64]))
}

// assertSound fails unless d is within the domain's limits (every text
// valid, every number in range), as Restore checks them.
func assertSound(t *testing.T, d *domain.Document) {
	t.Helper()
	if _, err := domain.Restore(d.Info, d.Nodes(), d.Links()); err != nil {
		t.Fatalf("Open returned a document beyond the limits: %v", err)
	}
}
