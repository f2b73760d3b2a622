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
// (Open says ErrInUse), one that cannot be written (ErrReadOnlyFile) or
// one that holds objects OrgDraft did not create (ErrForeign). That
// OrgDraft holds SQLite's exclusive lock, which keeps out readers too, so
// the file's bytes are copied to a private temporary file, checked and read
// from there; the file itself is never locked or written. The copy is
// taken between two saves (no journal beside the file, size and time
// unchanged while reading) and checked like any file Open reads, so a save
// in progress cannot give a torn document. The errors are those of Open,
// naming path. It is ReadSnapshotWarnings without the warnings.
func ReadSnapshot(path string) (*domain.Document, error) {
	d, _, err := ReadSnapshotWarnings(path)
	return d, err
}

// ReadSnapshotWarnings is ReadSnapshot, with what reading mended (see
// File.Warnings). A schema that is not exactly ours (ErrForeign) is
// cleaned in the private copy before it is read, without running any of
// it (a Warning of ErrForeign names what was dropped or rebuilt), so the
// document shown, and what Save As writes from it, are clean.
func ReadSnapshotWarnings(path string) (*domain.Document, []Warning, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, err
	}
	if err := checkHeader(path); err != nil {
		return nil, nil, err
	}
	data, err := readBetweenSaves(path)
	if err != nil {
		return nil, nil, err
	}
	tmp, err := os.CreateTemp("", "orgdraft-view-*.orgdraft")
	if err != nil {
		return nil, nil, err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err := errors.Join(err, tmp.Close()); err != nil {
		return nil, nil, err
	}
	// The copy is ours alone: it may lose its foreign objects, and Open
	// may bring it up to date.
	dropped, err := cleanSchemaIn(tmp.Name())
	if err != nil {
		return nil, nil, renamed{err, tmp.Name(), path}
	}
	f, d, err := Open(tmp.Name())
	if err != nil {
		return nil, nil, renamed{err, tmp.Name(), path}
	}
	warnings := f.Warnings()
	f.Close()
	if len(dropped) > 0 {
		w := Warning{Err: ErrForeign, Places: dropped, Count: len(dropped)}
		if len(w.Places) > maxPlaces {
			w.Places = w.Places[:maxPlaces]
		}
		warnings = append([]Warning{w}, warnings...)
	}
	return d, warnings, nil
}

// cleanSchemaIn gives the private copy at path exactly our schema (see
// cleanSchema), and returns the objects it dropped or rebuilt.
func cleanSchemaIn(path string) ([]string, error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	db, conn, err := connect(fileURI(path, "rw"))
	if err != nil {
		return nil, classify(path, err)
	}
	defer closeAll(db, conn)
	var version int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return nil, classify(path, err)
	}
	cleaned, err := cleanSchema(conn, version)
	if err != nil {
		// A copy that cannot be cleaned is damaged beyond that.
		return nil, pathError(path, ErrCorrupt, err)
	}
	return cleaned, nil
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
