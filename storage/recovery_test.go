package storage

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"orgdraft/domain"
)

// startHolder runs another OrgDraft (this test binary) that opens path,
// saves an edit (node 11 renamed 总裁) and keeps the file open until the
// test ends.
func startHolder(t *testing.T, path string) {
	t.Helper()
	holder := child("hold", path)
	out, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { holder.Process.Kill(); holder.Wait() })
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "open\n" {
		t.Fatalf("the holding process said %q, %v", line, err)
	}
}

func TestRecoveryFileIsOfferedOnlyWhenNobodyHoldsIt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "recovery") // made on demand
	d := richDocument(t)
	f, err := CreateRecovery(dir, d)
	if err != nil {
		t.Fatal(err)
	}
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	must(t, h.Do(domain.Rename(11, "总裁")))

	// While this OrgDraft keeps it, another start finds nothing.
	if got, err := FindRecoveries(dir); err != nil || len(got) != 0 {
		t.Fatalf("found %d while held (%v)", len(got), err)
	}
	// The editor stops without closing the document (a crash releases
	// the lock as Close does, and deletes nothing).
	path := f.Path()
	mustClose(t, f)
	got, err := FindRecoveries(dir)
	if err != nil || len(got) != 1 {
		t.Fatalf("found %d (%v)", len(got), err)
	}
	r := got[0]
	fi, _ := os.Stat(path)
	if r.Path != path || r.Title != d.Info.Title || r.Boxes != d.Len() || !r.Modified.Equal(fi.ModTime()) {
		t.Fatalf("recovery %+v", r)
	}
	// Found, it is held: a second start does not offer it too.
	if again, _ := FindRecoveries(dir); len(again) != 0 {
		t.Fatal("offered twice")
	}
	rf, rd := r.Take()
	assertSameDoc(t, d, rd)
	rh := domain.NewHistory(rd)
	rh.OnChange = func(ch domain.Change) error { return rf.Apply(rd, ch) }
	must(t, rh.Do(domain.Rename(21, "厂长")))
	mustClose(t, rf)

	// Released, it is offered again, with the edit; discarded, it is gone.
	got, _ = FindRecoveries(dir)
	if len(got) != 1 {
		t.Fatalf("found %d", len(got))
	}
	if err := got[0].Release(); err != nil {
		t.Fatal(err)
	}
	got, _ = FindRecoveries(dir)
	if len(got) != 1 {
		t.Fatalf("found %d after Release", len(got))
	}
	rf, rd = got[0].Take()
	if rd.Node(21).Name != "厂长" {
		t.Fatal("the edit after recovering was not kept")
	}
	if _, _, err := Open(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("Open of a taken recovery file: %v, want ErrInUse", err)
	}
	// Saved under a name or closed normally, the editor deletes it.
	must(t, rf.Delete())
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("Delete left the file")
	}
	assertOnly(t, dir)
}

func TestRecoveriesNewestFirstAndDamagedOnesKept(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, title := range []string{"旧的", "新的"} {
		d := domain.NewDocument()
		d.Info.Title = title
		f, err := CreateRecovery(dir, d)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, f.Path())
		mustClose(t, f)
		when := time.Now().Add(time.Duration(i-5) * time.Minute)
		must(t, os.Chtimes(f.Path(), when, when))
	}
	broken := filepath.Join(dir, "unsaved-broken.orgdraft")
	must(t, os.WriteFile(broken, []byte("SQLite format 3\x00 but cut short"), 0o600))
	must(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600))

	got, err := FindRecoveries(dir)
	if err == nil || !strings.Contains(err.Error(), broken) {
		t.Errorf("err = %v; want it to name the damaged file", err)
	}
	if len(got) != 2 || got[0].Title != "新的" || got[1].Title != "旧的" {
		t.Fatalf("found %v", got)
	}
	must(t, got[0].Discard())
	must(t, got[1].Release())
	if _, err := os.Stat(paths[1]); !errors.Is(err, os.ErrNotExist) {
		t.Error("Discard left the file")
	}
	assertOnly(t, dir, filepath.Base(paths[0]), filepath.Base(broken), "notes.txt")
}

func TestReadSnapshotOfAFileInUse(t *testing.T) {
	dir, path := tempPath(t, "客服部.orgdraft")
	mustClose(t, mustCreate(t, path, richDocument(t)))
	startHolder(t, path) // another OrgDraft has it open, with an edit saved
	if _, _, err := Open(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("Open: %v, want ErrInUse", err)
	}
	before := fileHash(t, path)
	journal := dirNames(t, dir)

	got, err := ReadSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	want := richDocument(t)
	must(t, domain.NewHistory(want).Do(domain.Rename(11, "总裁")))
	assertSameDoc(t, want, got)
	if fileHash(t, path) != before {
		t.Error("the file was changed")
	}
	assertOnly(t, dir, journal...)
	// The other OrgDraft still holds it.
	if _, _, err := Open(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("Open after the snapshot: %v, want ErrInUse", err)
	}
}

func TestReadSnapshotOfADamagedFileNamesIt(t *testing.T) {
	_, path := tempPath(t, "坏的.orgdraft")
	mustClose(t, mustCreate(t, path, richDocument(t)))
	data, _ := os.ReadFile(path)
	must(t, os.WriteFile(path, data[:len(data)*2/3], 0o644))
	_, err := ReadSnapshot(path)
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "orgdraft-view") {
		t.Fatalf("err = %v", err)
	}
}
