package storage

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"orgdraft/domain"
)

// ReadSnapshot reads the document at path without opening the file with
// SQLite: for viewing, read-only, a document that another OrgDraft has open
// (Open says ErrInUse). That OrgDraft holds SQLite's exclusive lock, which
// keeps out readers too, so the file's bytes are copied to a private
// temporary file, checked and read from there; the file itself is never
// locked or written. The copy is taken between two saves (no journal
// beside the file, size and time unchanged while reading) and checked like
// any file Open reads, so a save in progress cannot give a torn document.
// The errors are those of Open, naming path.
func ReadSnapshot(path string) (*domain.Document, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	data, err := readBetweenSaves(path)
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp("", "orgdraft-view-*.orgdraft")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err := errors.Join(err, tmp.Close()); err != nil {
		return nil, err
	}
	// The copy is ours alone: Open may bring it up to date.
	f, d, err := Open(tmp.Name())
	if err != nil {
		return nil, renamed{err, tmp.Name(), path}
	}
	f.Close()
	return d, nil
}

// readBetweenSaves returns the bytes of the file at path, read while no
// save was under way, trying for a while if saves keep coming.
func readBetweenSaves(path string) ([]byte, error) {
	for try := 0; ; try++ {
		before, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		after, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		if !saveUnderWay(path) && before.ModTime().Equal(after.ModTime()) &&
			before.Size() == after.Size() && int64(len(data)) == after.Size() {
			return data, nil
		}
		if try == 20 {
			return nil, pathError(path, ErrInUse, errors.New("it is being saved without a pause"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// journalMagic starts a rollback journal that holds a save in progress.
const journalMagic = "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"

// saveUnderWay reports whether a save to the file at path is under way: its
// journal starts with the magic number. (An OrgDraft that has the file open
// keeps an emptied journal beside it between saves.)
func saveUnderWay(path string) bool {
	fh, err := os.Open(path + "-journal")
	if err != nil {
		return false
	}
	defer fh.Close()
	var h [len(journalMagic)]byte
	n, _ := io.ReadFull(fh, h[:])
	return n == len(h) && string(h[:]) == journalMagic
}

// renamed is an error about a temporary copy, told about the file it
// copies; errors.Is still sees the sentinels.
type renamed struct {
	err      error
	from, to string
}

func (r renamed) Error() string { return strings.ReplaceAll(r.err.Error(), r.from, r.to) }
func (r renamed) Unwrap() error { return r.err }
