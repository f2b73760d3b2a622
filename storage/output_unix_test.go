//go:build unix

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestWriteOutputRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder.pdf")
	must(t, os.Mkdir(folder, 0o755))
	fifo := filepath.Join(dir, "pipe.csv")
	must(t, syscall.Mkfifo(fifo, 0o644))
	for _, target := range []string{folder, fifo} {
		if err := WriteOutput(target, true, writeText("x")); !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: err = %v, want ErrNotRegular", filepath.Base(target), err)
		}
	}
	assertOnly(t, dir, "folder.pdf", "pipe.csv")
}
