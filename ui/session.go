package ui

import (
	"orgdraft/domain"
	"orgdraft/storage"
)

// Session is one open document: the model, its undo history and the file
// every edit is saved to. A document not yet saved under a name lives in an
// in-memory file (Path is "") until Save As gives it one.
//
// All edits go through Do, Undo and Redo, which save them and then tell the
// listeners, so the canvas, the inspector, the checks and the status bar
// all see every change, whoever made it.
type Session struct {
	Doc     *domain.Document
	History *domain.History

	file      *storage.File
	edited    bool  // an in-memory document was changed since it was made
	saveErr   error // the last save failed; nil once a save succeeds
	listeners []func(domain.Change)
}

// SaveError is what Do, Undo and Redo return when the edit was made but
// could not be saved. The document in memory keeps the edit; the next save
// writes the whole document again (see storage.File.Apply).
type SaveError struct{ Err error }

// Error says that saving failed, and why.
func (e *SaveError) Error() string { return "saving: " + e.Err.Error() }

// Unwrap returns the storage error.
func (e *SaveError) Unwrap() error { return e.Err }

// NewSession returns a session for a document that is not saved to a file
// yet: a blank one or one made from a template.
func NewSession(d *domain.Document) (*Session, error) {
	f, err := storage.OpenMemory(d)
	if err != nil {
		return nil, err
	}
	return newSession(f, d), nil
}

// OpenSession opens the document file at path. The storage errors
// (ErrNotOrgDraft, ErrNewerVersion, ErrCorrupt, ErrInUse) come back as they
// are, for errors.Is; nothing is written to a file that fails to open.
func OpenSession(path string) (*Session, error) {
	f, d, err := storage.Open(path)
	if err != nil {
		return nil, err
	}
	return newSession(f, d), nil
}

func newSession(f *storage.File, d *domain.Document) *Session {
	s := &Session{Doc: d, History: domain.NewHistory(d), file: f}
	s.History.OnChange = s.changed
	return s
}

// changed is the history's OnChange: save, then tell everyone.
func (s *Session) changed(ch domain.Change) error {
	err := s.file.Apply(s.Doc, ch)
	s.saveErr = err
	if s.file.Path() == "" {
		s.edited = true
	}
	s.notify(ch)
	if err != nil {
		return &SaveError{err}
	}
	return nil
}

func (s *Session) notify(ch domain.Change) {
	for _, l := range s.listeners {
		l(ch)
	}
}

// OnChange adds a listener called after every edit, undo, redo and save
// (with an empty Change when only the saved state changed).
func (s *Session) OnChange(f func(domain.Change)) { s.listeners = append(s.listeners, f) }

// Do applies cmd through the history. A domain error (empty name, negative
// headcount …) means nothing changed; a *SaveError means the edit was made
// but not saved.
func (s *Session) Do(cmd domain.Command) error { return s.History.Do(cmd) }

// Undo reverts the last edit; it reports false when there was none.
func (s *Session) Undo() (bool, error) { return s.History.Undo() }

// Redo applies the last undone edit again; it reports false when there was
// none.
func (s *Session) Redo() (bool, error) { return s.History.Redo() }

// Path returns the document file's absolute path, or "" while the document
// is not saved under a name.
func (s *Session) Path() string { return s.file.Path() }

// SaveState says whether the document is safe on disk.
type SaveState int

// The save states.
const (
	// Saved: every edit is in the file.
	Saved SaveState = iota
	// NotSaved: the document has no file yet (new or from a template).
	NotSaved
	// SaveFailed: the last edit could not be written (SaveErr says why).
	SaveFailed
)

// State returns the save state.
func (s *Session) State() SaveState {
	switch {
	case s.Path() == "":
		return NotSaved
	case s.saveErr != nil:
		return SaveFailed
	}
	return Saved
}

// SaveErr returns why the last save failed, or nil.
func (s *Session) SaveErr() error { return s.saveErr }

// HasUnsavedWork reports whether closing now would lose edits: an
// in-memory document that was changed, or a file whose last save failed.
func (s *Session) HasUnsavedWork() bool {
	return (s.Path() == "" && s.edited) || s.saveErr != nil
}

// SaveAs writes the document to path and keeps editing it there. An
// existing file is replaced only with overwrite (storage.ErrExists
// otherwise) and never while another window has it open (storage.ErrInUse).
func (s *Session) SaveAs(path string, overwrite bool) error {
	if err := s.file.SaveAs(s.Doc, path, overwrite); err != nil {
		return err
	}
	s.saveErr, s.edited = nil, false
	s.notify(domain.Change{})
	return nil
}

// Close releases the file and its lock.
func (s *Session) Close() error {
	if s.file == nil {
		return nil
	}
	return s.file.Close()
}
