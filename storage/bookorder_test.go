package storage

import (
	"testing"

	"orgdraft/domain"
)

// TestBookOrderStored: the book's order is saved with the document and
// read back, and a file of schema version 1 opens in the order by kind,
// is upgraded and keeps the order chosen afterwards.
func TestBookOrderStored(t *testing.T) {
	dir, path := tempPath(t, "unit.orgdraft")
	d := richDocument(t)
	if d.Info.Page.BookOrder != domain.BookByKind {
		t.Fatalf("a document starts in order %v, want kind", d.Info.Page.BookOrder)
	}
	f := mustCreate(t, path, d)
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	must(t, h.Do(domain.SetBookOrder(domain.BookByUnit)))
	mustClose(t, f)
	f, got := reopen(t, path)
	if got.Info.Page.BookOrder != domain.BookByUnit {
		t.Errorf("reopened: book order %v, want unit", got.Info.Page.BookOrder)
	}
	assertSameDoc(t, d, got)
	mustClose(t, f)

	old := dir + "/v1.orgdraft"
	versionOneCopy(t, path, old)
	f, got = reopen(t, old)
	if got.Info.Page.BookOrder != domain.BookByKind {
		t.Errorf("a version-1 file opens in book order %v, want kind", got.Info.Page.BookOrder)
	}
	got.Info.Page.BookOrder = domain.BookByUnit
	must(t, f.Apply(got, domain.Change{Info: true}))
	mustClose(t, f)
	f, again := reopen(t, old)
	defer f.Close()
	if again.Info.Page.BookOrder != domain.BookByUnit {
		t.Errorf("the upgraded file keeps book order %v, want unit", again.Info.Page.BookOrder)
	}
}
