//go:build unix

package storage

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO named like a document would make a plain open wait for a writer
// forever.
func TestOpenRefusesFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "管道.orgdraft")
	must(t, syscall.Mkfifo(path, 0o644))
	var err error
	returnsSoon(t, "Open", func() { _, _, err = Open(path) })
	if !errors.Is(err, ErrNotOrgDraft) {
		t.Fatalf("Open: %v, want ErrNotOrgDraft", err)
	}
	returnsSoon(t, "ReadSnapshot", func() { _, err = ReadSnapshot(path) })
	if !errors.Is(err, ErrNotOrgDraft) {
		t.Fatalf("ReadSnapshot: %v, want ErrNotOrgDraft", err)
	}
}
