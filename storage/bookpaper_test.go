package storage

import (
	"testing"

	"orgdraft/domain"
)

// TestBookPaperStored: the book's paper is saved with the document apart
// from the chart's, read back, and a file from before it existed opens
// with the default and keeps the paper chosen afterwards.
func TestBookPaperStored(t *testing.T) {
	dir, path := tempPath(t, "book.orgdraft")
	d := richDocument(t)
	f := mustCreate(t, path, d)
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	must(t, h.Do(domain.SetBookPaper("A3")))
	mustClose(t, f)
	f, got := reopen(t, path)
	if got.Info.Page.BookPaper != "A3" || got.Info.Page.Paper != d.Info.Page.Paper {
		t.Errorf("reopened: book paper %q, chart paper %q", got.Info.Page.BookPaper, got.Info.Page.Paper)
	}
	assertSameDoc(t, d, got)
	mustClose(t, f)

	old := dir + "/v1.orgdraft"
	versionOneCopy(t, path, old)
	f, got = reopen(t, old)
	if got.Info.Page.BookPaper != "" {
		t.Errorf("a version-1 file opens with book paper %q, want the default", got.Info.Page.BookPaper)
	}
	got.Info.Page.BookPaper = "A2"
	must(t, f.Apply(got, domain.Change{Info: true}))
	mustClose(t, f)
	f, again := reopen(t, old)
	defer f.Close()
	if again.Info.Page.BookPaper != "A2" {
		t.Errorf("the upgraded file keeps book paper %q, want A2", again.Info.Page.BookPaper)
	}
}
