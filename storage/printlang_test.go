package storage

import (
	"testing"

	"orgdraft/domain"
)

// versionOneCopy writes at dst a file of schema version 1 (migration 001
// alone) holding the rows of the current file at src that version 1 has:
// the file an OrgDraft from before the print language wrote.
func versionOneCopy(t *testing.T, src, dst string) {
	t.Helper()
	olderCopy(t, src, dst, 1)
}

// TestPrintLanguageStored: the print language is saved with the document,
// read back, and a file from before it existed opens in Chinese and keeps
// the language chosen afterwards.
func TestPrintLanguageStored(t *testing.T) {
	dir, path := tempPath(t, "en.orgdraft")
	d := richDocument(t)
	if d.Info.Page.Language != domain.Chinese {
		t.Fatalf("a document starts in %v, want Chinese", d.Info.Page.Language)
	}
	f := mustCreate(t, path, d)
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	must(t, h.Do(domain.SetPrintLanguage(domain.English)))
	mustClose(t, f)
	f, got := reopen(t, path)
	if got.Info.Page.Language != domain.English {
		t.Errorf("reopened: print language %v, want English", got.Info.Page.Language)
	}
	assertSameDoc(t, d, got)
	mustClose(t, f)

	old := dir + "/v1.orgdraft"
	versionOneCopy(t, path, old)
	f, got = reopen(t, old)
	defer f.Close()
	if got.Info.Page.Language != domain.Chinese {
		t.Errorf("a version-1 file opens with print language %v, want Chinese", got.Info.Page.Language)
	}
	want := withoutJobSpecs(t, d)
	want.Info.Page.Language = domain.Chinese
	// Nor had it staffing plans (migration 003), which the copy loses.
	want.Walk(func(n *domain.Node) bool { n.Staffing = nil; return true })
	assertSameDoc(t, want, got)
	var version int
	must(t, f.conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version))
	if version != len(migrations) {
		t.Errorf("after Open: user_version %d, want %d", version, len(migrations))
	}
	got.Info.Page.Language = domain.English
	must(t, f.Apply(got, domain.Change{Info: true}))
	mustClose(t, f)
	f, again := reopen(t, old)
	defer f.Close()
	if again.Info.Page.Language != domain.English {
		t.Errorf("the upgraded file keeps print language %v, want English", again.Info.Page.Language)
	}
}
