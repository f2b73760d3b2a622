package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"orgdraft/domain"
)

// A document that has no file of its own yet (a new one, or one made from a
// template) is kept in a recovery file in the editor's own folder, saved
// edit by edit like any document, so that a crash loses nothing. The
// editor deletes it when the document is saved under a name or closed
// normally; one still there at the next start, and not held by a running
// OrgDraft, is offered back (FindRecoveries).

// recoveryExt ends recovery file names; they are ordinary documents.
const recoveryExt = ".orgdraft"

// CreateRecovery writes d to a new recovery file in dir (created if
// missing, private to the user) and opens it, locked, like Create.
func CreateRecovery(dir string, d *domain.Document) (*File, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	// The time to the nanosecond and the process make the name unique;
	// Create refuses a name that exists all the same.
	name := fmt.Sprintf("unsaved-%s-%d%s", time.Now().Format("20060102-150405.000000000"), os.Getpid(), recoveryExt)
	return Create(filepath.Join(dir, name), d)
}

// Recovery is a recovery file found at start: a document that an OrgDraft
// was keeping when it stopped without closing it. It stays locked, so that
// no second OrgDraft offers it too, until Take, Discard or Release.
type Recovery struct {
	Path     string
	Title    string    // the document's title
	Boxes    int       // how many boxes it has
	Modified time.Time // when it was last edited (saved)

	file *File
	doc  *domain.Document
}

// FindRecoveries opens the recovery files in dir that no running OrgDraft
// holds, newest first. A folder that does not exist holds none. Files
// that cannot be read (damaged, not documents) are left where they are,
// never deleted, and named in the error, which comes with the ones found.
func FindRecoveries(dir string) ([]*Recovery, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var found []*Recovery
	var errs []error
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), recoveryExt) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		fi, err := os.Stat(path)
		if err != nil {
			continue // gone meanwhile
		}
		f, d, err := Open(path)
		switch {
		case errors.Is(err, ErrInUse):
			continue // a running OrgDraft is keeping it
		case err != nil:
			errs = append(errs, err)
			continue
		}
		found = append(found, &Recovery{Path: path, Title: d.Info.Title, Boxes: d.Len(), Modified: fi.ModTime(), file: f, doc: d})
	}
	slices.SortFunc(found, func(a, b *Recovery) int { return b.Modified.Compare(a.Modified) })
	return found, errors.Join(errs...)
}

// Take hands over the recovery file, still locked, and its document, to
// go on editing it (it stays a recovery file until saved under a name).
func (r *Recovery) Take() (*File, *domain.Document) {
	f, d := r.file, r.doc
	r.file, r.doc = nil, nil
	return f, d
}

// Release closes the recovery file and leaves it, to be offered again at
// the next start.
func (r *Recovery) Release() error {
	if r.file == nil {
		return nil
	}
	err := r.file.Close()
	r.file = nil
	return err
}

// Discard closes the recovery file and deletes it.
func (r *Recovery) Discard() error {
	if r.file == nil {
		return errClosed
	}
	f, _ := r.Take()
	return f.Delete()
}

// Delete closes the file and deletes it: for a recovery file that is no
// longer needed. Closing first lets SQLite remove its journal, and lets
// Windows delete the file.
func (f *File) Delete() error {
	path := f.Path()
	if err := f.Close(); err != nil {
		return err
	}
	if path == "" {
		return nil
	}
	return os.Remove(path)
}
