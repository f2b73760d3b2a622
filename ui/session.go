package ui

import (
	"errors"
	"os"

	"fyne.io/fyne/v2"

	"orgdraft/domain"
	"orgdraft/storage"
)

// Session is one open document: the model, its undo history and the file
// every edit is saved to.
//
// A document not yet saved under a name (a new one, one from a template or
// an import) has no file of its own (Path is ""). Made with
// NewRecoverableSession, it is kept in a recovery file from its first edit
// on, saved edit by edit like a named document, so that a crash loses
// nothing; the recovery file is deleted by SaveAs and Close. A document
// viewed read-only (ViewSession) refuses every edit.
//
// All edits go through Do, Undo and Redo, which save them and then tell the
// listeners, so the canvas, the inspector, the checks and the status bar
// all see every change, whoever made it. Do returns only the domain's
// refusals; whether the edit reached the disk is the session's state
// (State, SaveErr), which the listeners read.
type Session struct {
	Doc     *domain.Document
	History *domain.History

	file *storage.File
	// recoveryDir is where the document goes at its first edit while it
	// has no file; "" keeps it in memory.
	recoveryDir string
	recovery    bool   // file is a recovery file, not the user's
	viewing     string // read-only: the file shown
	revision    int    // > 0: a past approved version shown read-only (history.go)
	edited      bool   // a document without a file of its own was changed
	saveErr     error  // the last save failed; nil once a save succeeds
	listeners   []func(domain.Change)
	// warnings say what was mended in memory when the file was read
	// (invalid text, offsets) or left out of a read-only view (objects
	// that are not ours); the file itself is as it was.
	warnings []storage.Warning
}

// Warnings returns what was mended when the document was read: the user
// should be told once, after it opens.
func (s *Session) Warnings() []storage.Warning { return s.warnings }

// ErrReadOnly is Do's refusal of every edit to a document viewed
// read-only.
var ErrReadOnly = errors.New("the document is open read-only")

// SaveError is how the window reports an edit that was made but could not
// be saved (Session.SaveErr says why). The document in memory keeps the
// edit; the next save writes the whole document again (see
// storage.File.Apply).
type SaveError struct{ Err error }

// Error says that saving failed, and why.
func (e *SaveError) Error() string { return "saving: " + e.Err.Error() }

// Unwrap returns the storage error.
func (e *SaveError) Unwrap() error { return e.Err }

// NewRecoverableSession returns a session for a document that is not saved
// to a file yet: a blank one or one made from a template. At its first
// edit it is written to a new recovery file in dir ("" keeps it in memory):
// an unedited document has nothing to recover.
func NewRecoverableSession(d *domain.Document, dir string) (*Session, error) {
	f, err := storage.OpenMemory(d)
	if err != nil {
		return nil, err
	}
	s := newSession(f, d)
	s.recoveryDir = dir
	return s, nil
}

// RecoverSession continues a document found in a recovery file after a
// crash. It is still not saved under a name, and is unsaved work: closing
// asks about it.
func RecoverSession(r *storage.Recovery) *Session {
	f, d := r.Take()
	s := newSession(f, d)
	s.recovery, s.edited = true, true
	return s
}

// OpenSession opens the document file at path. The storage errors
// (ErrNotOrgDraft, ErrNewerVersion, ErrCorrupt, ErrInUse) come back as they
// are, for errors.Is; nothing is written to a file that fails to open.
func OpenSession(path string) (*Session, error) {
	f, d, err := storage.Open(path)
	if err != nil {
		return nil, err
	}
	s := newSession(f, d)
	s.warnings = f.Warnings()
	return s, nil
}

// ViewSession shows the document at path read-only, as it is now, without
// locking or ever writing the file: for a document another OrgDraft has
// open. Every edit is refused with ErrReadOnly; SaveAs makes an editable
// copy.
func ViewSession(path string) (*Session, error) {
	d, warnings, err := storage.ReadSnapshotWarnings(path)
	if err != nil {
		return nil, err
	}
	f, err := storage.OpenMemory(d) // what Save As writes from
	if err != nil {
		return nil, err
	}
	s := newSession(f, d)
	s.viewing, s.warnings = path, warnings
	return s, nil
}

func newSession(f *storage.File, d *domain.Document) *Session {
	s := &Session{Doc: d, History: domain.NewHistory(d), file: f}
	s.History.OnChange = s.changed
	return s
}

// changed is the history's OnChange: save, then tell everyone. A failed
// save is kept in saveErr, not returned: the edit was made.
func (s *Session) changed(ch domain.Change) error {
	if s.file.Path() == "" {
		s.edited = true
		if s.recoveryDir != "" && s.keepForRecovery() {
			s.notify(ch)
			return nil
		}
	}
	s.saveErr = s.file.Apply(s.Doc, ch)
	s.notify(ch)
	return nil
}

// keepForRecovery moves the document from memory to a new recovery file,
// written whole (with the edit just made). If that fails, the document
// stays in memory, as it would without a recovery folder, and no later
// edit tries again.
func (s *Session) keepForRecovery() bool {
	f, err := storage.CreateRecovery(s.recoveryDir, s.Doc)
	s.recoveryDir = ""
	if err != nil {
		fyne.LogError("keeping a recovery copy of the unsaved document", err)
		return false
	}
	s.file.Close() // the in-memory copy
	s.file, s.recovery, s.saveErr = f, true, nil
	return true
}

func (s *Session) notify(ch domain.Change) {
	for _, l := range s.listeners {
		l(ch)
	}
}

// OnChange adds a listener called after every edit, undo, redo and save
// (with an empty Change when only the saved state changed).
func (s *Session) OnChange(f func(domain.Change)) { s.listeners = append(s.listeners, f) }

// Do applies cmd through the history. An error is the domain's refusal
// (empty name, negative headcount …, ErrReadOnly) and means nothing
// changed; whether the edit was saved is in State and SaveErr.
func (s *Session) Do(cmd domain.Command) error {
	if s.viewing != "" {
		return ErrReadOnly
	}
	return s.History.Do(cmd)
}

// Undo reverts the last edit; it reports false when there was none.
func (s *Session) Undo() (bool, error) { return s.History.Undo() }

// Redo applies the last undone edit again; it reports false when there was
// none.
func (s *Session) Redo() (bool, error) { return s.History.Redo() }

// Path returns the document file's absolute path (for a document viewed
// read-only, the file viewed), or "" while the document is not saved
// under a name, even when it is kept in a recovery file.
func (s *Session) Path() string {
	switch {
	case s.viewing != "":
		return s.viewing
	case s.recovery:
		return ""
	}
	return s.file.Path()
}

// RecoveryPath returns the recovery file the document is kept in, or "".
func (s *Session) RecoveryPath() string {
	if !s.recovery {
		return ""
	}
	return s.file.Path()
}

// ReadOnly reports whether the document may not be changed here: it is
// viewed read-only, or it is approved and locked (approve.go).
func (s *Session) ReadOnly() bool { return s.viewing != "" || s.Doc.Locked() }

// SaveState says whether the document is safe on disk.
type SaveState int

// The save states.
const (
	// Saved: every edit is in the document's file.
	Saved SaveState = iota
	// NotSaved: the document has no file yet (new or from a template) and
	// lives in memory only.
	NotSaved
	// SaveFailed: the last edit could not be written (SaveErr says why).
	SaveFailed
	// RecoveryKept: the document has no file of its own yet, but every
	// edit is in its recovery copy, offered back after a crash.
	RecoveryKept
	// ReadOnly: the document is viewed read-only and cannot be edited.
	ReadOnly
)

// State returns the save state.
func (s *Session) State() SaveState {
	switch {
	case s.viewing != "":
		return ReadOnly
	case s.recovery && s.saveErr == nil:
		return RecoveryKept
	case s.Path() == "":
		// In memory, or a recovery copy that lags behind: either way
		// not saved.
		return NotSaved
	case s.saveErr != nil:
		return SaveFailed
	}
	return Saved
}

// SaveErr returns why the last save failed, or nil.
func (s *Session) SaveErr() error { return s.saveErr }

// HasUnsavedWork reports whether closing now would lose edits: a document
// without a file of its own that was changed (its recovery copy goes on
// Close), or a file whose last save failed.
func (s *Session) HasUnsavedWork() bool {
	return (s.Path() == "" && s.edited) || s.saveErr != nil
}

// SaveAs writes the document to path and keeps editing it there; a
// recovery copy is deleted, and a document viewed read-only becomes an
// editable one. An existing file is replaced only with overwrite
// (storage.ErrExists otherwise) and never while another window has it
// open (storage.ErrInUse).
func (s *Session) SaveAs(path string, overwrite bool) error {
	old := s.RecoveryPath()
	if err := s.file.SaveAs(s.Doc, path, overwrite); err != nil {
		return err
	}
	if old != "" {
		if err := os.Remove(old); err != nil {
			fyne.LogError("removing the recovery copy", err)
		}
	}
	s.saveErr, s.edited, s.recovery, s.viewing, s.recoveryDir = nil, false, false, "", ""
	s.notify(domain.Change{})
	return nil
}

// Close releases the file and its lock. A recovery copy is deleted: the
// document was closed on purpose (the window asks before closing unsaved
// work), so there is nothing to recover.
func (s *Session) Close() error {
	if s.file == nil {
		return nil
	}
	if s.recovery {
		s.recovery = false
		return s.file.Delete()
	}
	return s.file.Close()
}
