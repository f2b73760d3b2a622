// Package storage keeps an OrgDraft document in its file: one .orgdraft file
// is one SQLite database (see "SQLite As An Application File Format").
//
// Every edit is saved as it happens, as one small transaction (File.Apply,
// meant to be set as domain.History.OnChange), so there is no Save command
// and nothing to lose on a crash. A file is marked as ours by its
// application_id, carries its schema version in user_version, is checked
// before anything is written to it, and is locked while open so that a
// second window or program cannot edit it at the same time. New files and
// Save As copies are written beside the target and renamed into place, so
// a failure never leaves a half-written document under the user's name.
//
// All SQL of the program stays in this package; it converts rows to domain
// values and back.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/mattn/go-sqlite3"

	"orgdraft/domain"
)

// Errors of Open, Create and SaveAs, for errors.Is. The returned errors wrap
// them with the file's path and, where there is one, SQLite's own words.
var (
	ErrNotOrgDraft  = errors.New("not an OrgDraft document")
	ErrNewerVersion = errors.New("the document was saved by a newer version of OrgDraft; update OrgDraft to open it")
	ErrCorrupt      = errors.New("the document is damaged")
	ErrInUse        = errors.New("the document is already open in another window or program")
	ErrExists       = errors.New("a file of that name already exists")
	// ErrReplaced: the open document's file is no longer at its path
	// (another program replaced, moved or deleted it). Saving stops, so
	// that no edit goes into a file no one sees again; SaveAs to a new
	// name writes everything.
	ErrReplaced = errors.New("the file was replaced or deleted by another program")
)

// errClosed is returned by the methods of a closed File.
var errClosed = errors.New("storage: the document file is closed")

// Every connection refuses to run SQL functions named in a file's schema
// (the file may come from anyone) and enforces the foreign keys.
var basePragmas = []string{
	"PRAGMA trusted_schema = OFF",
	"PRAGMA foreign_keys = ON",
}

// filePragmas set up the connection to an open document: a rollback journal
// that is deleted when the file is closed (no -wal/-shm files beside the
// user's document), every commit synced to disk, and the lock kept until
// Close.
var filePragmas = []string{
	// An OrgDraft that crashed while in exclusive mode leaves an emptied
	// ("cold") journal beside the file, which no one would delete until the
	// next edit. SQLite deletes the journal when a connection in normal
	// locking mode leaves PERSIST mode, safely, under a lock: so pass
	// through PERSIST on the way to DELETE.
	"PRAGMA journal_mode = PERSIST",
	"PRAGMA journal_mode = DELETE",
	"PRAGMA synchronous = FULL",
	"PRAGMA locking_mode = EXCLUSIVE",
}

// ctx is the context of every query: the calls are short and the editor
// has nothing to cancel them with.
var ctx = context.Background()

// File is an open OrgDraft document file, locked against other writers
// until Close. Its methods may be called from several goroutines.
type File struct {
	mu   sync.Mutex
	path string // absolute; "" for an in-memory file
	db   *sql.DB
	conn *sql.Conn // the single connection, which holds the lock
	// opened is the file at path when it was opened (nil in memory): a
	// save first checks that path still names it.
	opened os.FileInfo
	// resync is set when a save failed: the file then lags behind the
	// document, and the next Apply rewrites the document whole.
	resync bool
	// warnings say what Open mended in the document it read.
	warnings []Warning
}

// Create writes d to a new file at path and opens it. It fails with
// ErrExists if path exists; to replace a file (after asking the user), use
// OpenMemory and SaveAs with overwrite. It never leaves a partial file at
// path.
func Create(path string, d *domain.Document) (*File, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := writeNew(path, d, false); err != nil {
		return nil, err
	}
	return openLocked(path)
}

// OpenMemory returns a File that keeps d in memory only (Path is ""): a
// document not yet saved under a name. SaveAs turns it into a real file.
func OpenMemory(d *domain.Document) (*File, error) {
	db, conn, err := memoryWith(d)
	if err != nil {
		return nil, err
	}
	return &File{db: db, conn: conn}, nil
}

// memoryWith returns a new in-memory database holding d.
func memoryWith(d *domain.Document) (*sql.DB, *sql.Conn, error) {
	db, conn, err := connect(":memory:?" + driverParams)
	if err != nil {
		return nil, nil, err
	}
	err = migrate(ctx, conn, 0)
	if err == nil {
		err = inTx(ctx, conn, func(tx *sql.Tx) error { return writeAll(ctx, tx, d) })
	}
	if err != nil {
		closeAll(db, conn)
		return nil, nil, fmt.Errorf("storing the document: %w", err)
	}
	return db, conn, nil
}

// Open checks the file at path, locks it and reads its document. It
// refuses, without writing anything to the file, a file that is not an
// OrgDraft document (ErrNotOrgDraft), one from a newer OrgDraft
// (ErrNewerVersion), a damaged one (ErrCorrupt), one open elsewhere
// (ErrInUse), a read-only one (ErrReadOnlyFile) and one holding objects
// OrgDraft did not create (ErrForeign); see File.Warnings for what it
// mended. The one write that may precede the checks is SQLite rolling
// back a save that a crash interrupted, which restores the last saved state.
// A file from an older OrgDraft is brought up to date.
func Open(path string) (*File, *domain.Document, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, err
	}
	if err := checkHeader(path); err != nil {
		return nil, nil, err
	}
	if err := checkWritable(path); err != nil {
		return nil, nil, err
	}
	if err := check(path); err != nil {
		return nil, nil, err
	}
	f, err := openLocked(path)
	if err != nil {
		return nil, nil, err
	}
	doc, err := f.migrateAndLoad()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, doc, nil
}

// migrateAndLoad brings the locked file to the current schema and reads
// its document.
func (f *File) migrateAndLoad() (*domain.Document, error) {
	// Read the version again under the lock: the file may have changed
	// since the read-only checks.
	var version int
	if err := f.conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return nil, classify(f.path, err)
	}
	if version > len(migrations) {
		return nil, pathError(f.path, ErrNewerVersion, nil)
	}
	// The upgrade of an older file and the reading of it are one
	// transaction: a file that cannot be read is left as it was.
	var doc *domain.Document
	var loadErr error
	err := migrateThen(ctx, f.conn, version, func() error {
		doc, f.warnings, loadErr = load(ctx, f.conn)
		return loadErr
	})
	switch {
	case loadErr != nil:
		return nil, pathError(f.path, ErrCorrupt, loadErr)
	case isConstraint(err):
		// Rows the older schema's checks let through (a damaged file)
		// that the newer schema refuses: the file is left as it was.
		return nil, pathError(f.path, ErrCorrupt, err)
	case err != nil:
		return nil, fmt.Errorf("%s: updating the document to this version of OrgDraft: %w", f.path, err)
	}
	return doc, nil
}

// openLocked opens the document at path for writing and takes its lock.
func openLocked(path string) (*File, error) {
	db, conn, err := connect(fileURI(path, "rw"), filePragmas...)
	if err == nil {
		// In exclusive locking mode SQLite keeps the lock of a write
		// transaction until the connection closes; an empty one takes it
		// now, so a second opener is refused at once instead of both
		// writing. It is rolled back, not committed: beginning a write
		// mends a stale page count in the header, and opening writes
		// nothing (found by FuzzOpen).
		_, err = conn.ExecContext(ctx, "BEGIN EXCLUSIVE; ROLLBACK")
		if err != nil {
			closeAll(db, conn)
		}
	}
	if err != nil {
		return nil, classify(path, err)
	}
	// SQLite writes to the file it opened, whatever comes to bear its name
	// later; note which one that is.
	fi, err := os.Stat(path)
	if err != nil {
		closeAll(db, conn)
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &File{path: path, db: db, conn: conn, opened: fi}, nil
}

// connect opens dsn with one connection, which it returns, set up with
// basePragmas and then extra.
func connect(dsn string, extra ...string) (*sql.DB, *sql.Conn, error) {
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, nil, err
	}
	// One connection: the lock, the pragmas and an in-memory database all
	// belong to a connection, not to the pool.
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	for _, p := range append(basePragmas[:len(basePragmas):len(basePragmas)], extra...) {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			closeAll(db, conn)
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	return db, conn, nil
}

func closeAll(db *sql.DB, conn *sql.Conn) error {
	return errors.Join(conn.Close(), db.Close())
}

// Path returns the file's absolute path, or "" for an in-memory file.
func (f *File) Path() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.path
}

// Apply saves one edit of d, as described by ch, in one transaction. It is
// meant to be History.OnChange. If saving fails the error says so and the
// next Apply rewrites the whole document, so that one failure (a full disk,
// a removed USB stick) loses nothing once the cause is gone.
func (f *File) Apply(d *domain.Document, ch domain.Change) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return errClosed
	}
	err := f.checkStillThere()
	if err == nil {
		err = inTx(ctx, f.conn, func(tx *sql.Tx) error {
			// A signed version is never changed (revisions.go).
			if err := refuseApproved(tx); err != nil {
				return err
			}
			if f.resync {
				return writeAll(ctx, tx, d)
			}
			return writeChange(ctx, tx, d, ch)
		})
	}
	if err != nil {
		// A refused edit of an approved document wrote nothing and
		// leaves nothing behind; any other failure may have.
		f.resync = f.resync || !errors.Is(err, domain.ErrApproved)
		return fmt.Errorf("saving the change to %s: %w", f.describe(), err)
	}
	f.resync = false
	return nil
}

// checkStillThere returns ErrReplaced if the file's path no longer names
// the file opened (or names nothing). Another program renaming a file
// over ours, or deleting it, goes unnoticed by SQLite, which would go on
// saving every edit into a file that has left the folder.
func (f *File) checkStillThere() error {
	if f.opened == nil {
		return nil
	}
	fi, err := os.Stat(f.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return pathError(f.path, ErrReplaced, nil)
	case err != nil:
		return err
	case !os.SameFile(fi, f.opened):
		return pathError(f.path, ErrReplaced, nil)
	}
	return nil
}

// isOpened reports whether path names the file f has open (not merely a
// file of the same name).
func (f *File) isOpened(path string) bool {
	fi, err := os.Stat(path)
	return f.opened != nil && err == nil && os.SameFile(fi, f.opened)
}

// describe names the file in messages.
func (f *File) describe() string {
	if f.path == "" {
		return "memory"
	}
	return f.path
}

// SaveAs writes d to path and continues on it: later edits go to the new
// file, and the old one is closed as it was. It writes d, not the old
// file, because the document in memory is the truth: Save As is the way out
// when the old file can no longer be written. An existing path is replaced
// only with overwrite (ErrExists otherwise), and never while another
// window has it open (ErrInUse). Saving onto the file itself rewrites it
// in place.
func (f *File) SaveAs(d *domain.Document, path string, overwrite bool) error {
	path, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return errClosed
	}
	// Compared with the file opened: if another program replaced it, a
	// Save As to the same name replaces that program's file (with
	// overwrite), it does not rewrite ours, which has left the folder.
	if f.isOpened(path) {
		if !overwrite {
			return pathError(path, ErrExists, nil)
		}
		if err := inTx(ctx, f.conn, func(tx *sql.Tx) error { return writeAll(ctx, tx, d) }); err != nil {
			f.resync = true
			return fmt.Errorf("saving %s: %w", path, err)
		}
		f.resync = false
		return nil
	}
	if err := writeNew(path, d, overwrite); err != nil {
		return err
	}
	nf, err := openLocked(path)
	if err != nil {
		return err
	}
	// The new file is safe and locked; a failure to close the old one
	// changes nothing for the user.
	closeAll(f.db, f.conn)
	f.path, f.db, f.conn, f.opened, f.resync = nf.path, nf.db, nf.conn, nf.opened, false
	return nil
}

// Close releases the file and its lock. SQLite removes its journal then,
// so nothing but the document stays in the folder. Closing twice is
// harmless.
func (f *File) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return nil
	}
	err := closeAll(f.db, f.conn)
	f.db, f.conn = nil, nil
	return err
}

// pathError wraps sentinel, and detail when there is one, with path.
func pathError(path string, sentinel, detail error) error {
	if detail == nil {
		return fmt.Errorf("%s: %w", path, sentinel)
	}
	return fmt.Errorf("%s: %w (%w)", path, sentinel, detail)
}

// isConstraint reports whether err is SQLite refusing rows that break a
// constraint of the schema. ALTER TABLE ADD COLUMN checks every CHECK of
// the table against the rows there are and reports a violation as a plain
// SQLITE_ERROR, "CHECK constraint failed", so the message counts too.
func isConstraint(err error) bool {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code == sqlite3.ErrConstraint || (se.Code == sqlite3.ErrError && strings.Contains(se.Error(), "constraint failed"))
}

// classify maps SQLite's errors about a document file to our sentinels.
func classify(path string, err error) error {
	if err == nil {
		return nil
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return pathError(path, ErrInUse, nil)
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB, sqlite3.ErrTooBig, sqlite3.ErrMismatch, sqlite3.ErrFormat:
			// Only files whose header says they are ours get this far.
			// (A damaged record may claim a text of gigabytes: TooBig.)
			return pathError(path, ErrCorrupt, err)
		}
	}
	return fmt.Errorf("%s: %w", path, err)
}
