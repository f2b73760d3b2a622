package storage

import (
	"fmt"
	"path/filepath"
	"testing"

	"orgdraft/domain"
)

// BenchmarkApplyRename measures saving one rename in a document of 1,000
// boxes: on disk (with its two syncs per commit) and in memory (the SQL
// alone).
func BenchmarkApplyRename(b *testing.B) {
	benchmarkFileAndMemory(b, func(b *testing.B, h *domain.History) {
		target := h.Doc.Nodes()[500].ID
		i := 0
		for b.Loop() {
			i++
			if err := h.Do(domain.Rename(target, fmt.Sprint("岗位 ", i))); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkApplyAddBox measures saving a new box in a unit of 29 positions,
// whose siblings the Change lists too.
// Each iteration adds the box and undoes it: two saves.
func BenchmarkApplyAddBox(b *testing.B) {
	benchmarkFileAndMemory(b, func(b *testing.B, h *domain.History) {
		unit := h.Doc.Node(h.Doc.Nodes()[500].ID).Parent
		for b.Loop() {
			if err := h.Do(domain.AddChild(unit, domain.KindPosition, "新岗位")); err != nil {
				b.Fatal(err)
			}
			if _, err := h.Undo(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchmarkFileAndMemory runs edit on a document of 1,000 boxes saved on
// disk and in memory.
func benchmarkFileAndMemory(b *testing.B, edit func(b *testing.B, h *domain.History)) {
	for _, where := range []string{"file", "memory"} {
		b.Run(where, func(b *testing.B) {
			h := domain.NewHistory(bigDocument(b, 1000))
			var f *File
			var err error
			if where == "file" {
				f, err = Create(filepath.Join(b.TempDir(), "big.orgdraft"), h.Doc)
			} else {
				f, err = OpenMemory(h.Doc)
			}
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			h.OnChange = func(ch domain.Change) error { return f.Apply(h.Doc, ch) }
			edit(b, h)
		})
	}
}

// BenchmarkOpen measures opening a document of 1,000 boxes: header,
// integrity and foreign-key checks, lock, and reading it all.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.orgdraft")
	f, err := Create(path, bigDocument(b, 1000))
	if err != nil {
		b.Fatal(err)
	}
	f.Close()
	for b.Loop() {
		f, _, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// BenchmarkCreate measures writing a new document of 1,000 boxes.
func BenchmarkCreate(b *testing.B) {
	d := bigDocument(b, 1000)
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		f, err := Create(filepath.Join(dir, fmt.Sprint(i, ".orgdraft")), d)
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}
