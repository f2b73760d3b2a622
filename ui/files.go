package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/storage"
)

// The preference keys.
const (
	prefLanguage      = "language"      // LanguageSystem, LanguageChinese or LanguageEnglish
	prefAppearance    = "appearance"    // AppearanceSystem, AppearanceLight or AppearanceDark
	prefLastFile      = "lastFile"      // the document to reopen at the next start
	prefRecent        = "recentFiles"   // most recent first
	prefChecksVisible = "checksVisible" // the checks panel is shown
	prefFolder        = "lastFolder"    // where the last document was opened or saved
	prefWindowWidth   = "windowWidth"   // the window's size at the last quit
	prefWindowHeight  = "windowHeight"
	prefInspectorAt   = "inspectorAt"   // where the chart and inspector meet (0–1)
	prefChecksAt      = "checksAt"      // where the chart and checks panel meet (0–1)
	prefVacancies     = "markVacancies" // the chart marks positions with fewer in post than planned
)

// maxRecent is how many documents File ▸ Open Recent lists.
const maxRecent = 8

// FileExtension is the extension of OrgDraft documents.
const FileExtension = ".orgdraft"

// Start opens the document to edit when the editor starts: the last one
// (remembered in the preferences), or — on the first start, or when the
// last one cannot be opened (the reason is shown) — a new document from the
// first template of the gallery, the small-business customer-service
// department.
//
// That first document lives in memory, not in a file, until the user saves
// it (Ctrl+S asks where): writing into the Documents folder unasked would
// leave a file behind for every curious first start, and the status bar and
// title say "Not saved" all along. Closing asks before an edited unsaved
// document is lost.
func (m *MainWindow) Start() {
	// A document the program was asked to open (Run opens it next) takes
	// the place of the last one: opening both would show the errors of
	// a file the user did not ask for.
	if last := m.App.Preferences().String(prefLastFile); last != "" && m.opts.Open == "" {
		err := m.OpenPath(last)
		if err == nil {
			m.offerRecovery()
			return
		}
		if !errors.Is(err, storage.ErrInUse) {
			// Gone, damaged or not ours: say so once, not at every
			// start. (A file open in another window will be free later.)
			m.App.Preferences().SetString(prefLastFile, "")
		}
	}
	id := ""
	if ts := assets.Templates(); len(ts) > 0 {
		id = ts[0].ID
	}
	if err := m.NewFromTemplate(id); err != nil {
		m.showError(err)
		m.NewFromTemplate("")
	}
	m.offerRecovery()
}

// recoveryDir is the folder of the recovery files: "recovery" in the app's
// own storage folder, or "" (documents stay in memory) if it has none.
func (m *MainWindow) recoveryDir() string {
	root := m.App.Storage().RootURI()
	if root == nil || root.Scheme() != "file" {
		return ""
	}
	return filepath.Join(root.Path(), "recovery")
}

// NewFromTemplate replaces the document with a new, unsaved one made from
// the template id ("" for a blank document). It does not ask about unsaved
// work: NewDocument does.
func (m *MainWindow) NewFromTemplate(id string) error {
	d := domain.NewDocument()
	if id != "" {
		var err error
		if d, err = assets.LoadTemplate(id); err != nil {
			return err
		}
	}
	s, err := NewRecoverableSession(d, m.recoveryDir())
	if err != nil {
		return err
	}
	m.SetSession(s)
	return nil
}

// NewDocument asks about unsaved work and then shows the template gallery.
func (m *MainWindow) NewDocument() {
	m.confirmDiscard(func() { m.ShowGallery() })
}

// OpenDocument asks about unsaved work and then for a document to open.
func (m *MainWindow) OpenDocument() {
	m.confirmDiscard(func() {
		m.askOpenFile([]string{FileExtension}, func(r fyne.URIReadCloser) {
			// Only the path is wanted: storage opens the file itself,
			// checking it before anything is written.
			path := r.URI().Path()
			r.Close()
			m.OpenPath(path)
		})
	})
}

// askOpenFile shows the file-open dialog for files with the extensions
// exts, starting in the usual folder, and hands the chosen file to open
// (nothing when cancelled; an error as a dialog).
func (m *MainWindow) askOpenFile(exts []string, open func(r fyne.URIReadCloser)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		switch {
		case err != nil:
			m.showError(err)
		case r != nil:
			open(r)
		}
	}, m.Window)
	d.SetFilter(fstorage.NewExtensionFileFilter(exts))
	if l, err := fstorage.ListerForURI(fstorage.NewFileURI(m.startFolder())); err == nil {
		d.SetLocation(l)
	}
	// Fyne's file dialog builds its window in Show: sized before, it
	// panics (Fyne 2.8.1). Esc dismisses it, like its Cancel button.
	showKeyed(m.Window, d, d.Dismiss, nil)
	d.Resize(fyne.NewSize(800, 560))
}

// OpenRecent opens a document of the recent list, asking about unsaved
// work first.
func (m *MainWindow) OpenRecent(path string) {
	m.confirmDiscard(func() { m.OpenPath(path) })
}

// OpenPath opens the document at path in place of the current one. A file
// that is not an OrgDraft document, is damaged or comes from a newer
// OrgDraft is refused with a dialog saying so; one open in another
// OrgDraft window can be viewed read-only instead. The file is not written
// to, and the current document stays. Opening the document that is
// already open does nothing.
func (m *MainWindow) OpenPath(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		m.showError(err)
		return err
	}
	if m.session != nil && m.session.viewing == "" && sameFile(m.session.Path(), abs) {
		return nil
	}
	s, err := OpenSession(abs)
	switch {
	case errors.Is(err, storage.ErrInUse), errors.Is(err, storage.ErrReadOnlyFile), errors.Is(err, storage.ErrForeign):
		m.offerReadOnly(abs, err)
		return err
	case errors.Is(err, os.ErrNotExist):
		m.forgetRecent(abs)
	}
	if err != nil {
		m.showError(err)
		return err
	}
	m.SetSession(s)
	m.remember(abs)
	m.showWarnings(s)
	return nil
}

// showWarnings tells what was mended when the session's document was
// read, if anything.
func (m *MainWindow) showWarnings(s *Session) {
	if len(s.Warnings()) == 0 {
		return
	}
	var lines []string
	for _, w := range s.Warnings() {
		lines = append(lines, errorText(w))
	}
	dialog.ShowInformation(lang.L("The document was mended"), strings.Join(lines, "\n\n"), m.Window)
}

// offerReadOnly says why the document at path cannot be edited here (it
// is open in another OrgDraft window, the file may not be written, or it
// holds objects OrgDraft did not make) and offers to view it read-only.
func (m *MainWindow) offerReadOnly(path string, why error) {
	text := lang.L("\"%s\" is open in another OrgDraft window, so it cannot be edited here. You can look at it read-only, as it was last saved; Save As makes an editable copy.")
	switch {
	case errors.Is(why, storage.ErrReadOnlyFile):
		text = lang.L("\"%s\" is a read-only file, so it cannot be edited. You can look at it read-only; Save As makes an editable copy.")
	case errors.Is(why, storage.ErrForeign):
		text = lang.L("\"%s\" holds database objects that OrgDraft did not make, which could change the document behind your back, so it is not opened for editing. You can look at it read-only without them; Save As writes a clean copy.")
	}
	msg := widget.NewLabel(fmt.Sprintf(text, filepath.Base(path)))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	open := func() {
		d.Hide()
		m.OpenReadOnly(path)
	}
	title := lang.L("Document in use")
	if !errors.Is(why, storage.ErrInUse) {
		title = lang.L("Open read-only?")
	}
	d = dialog.NewCustomWithoutButtons(title, msg, m.Window)
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Cancel"), d.Hide),
		&widget.Button{Text: lang.L("Open Read-Only"), Importance: widget.HighImportance, OnTapped: open},
	})
	d.Resize(fyne.NewSize(520, 200))
	showKeyed(m.Window, d, d.Hide, open)
}

// OpenReadOnly shows the document at path read-only in place of the
// current one, without locking or writing the file (see ViewSession).
// It is not remembered as the document to reopen: it belongs to another
// window.
func (m *MainWindow) OpenReadOnly(path string) error {
	s, err := ViewSession(path)
	if err != nil {
		m.showError(err)
		return err
	}
	m.SetSession(s)
	m.showWarnings(s)
	return nil
}

// Save makes sure the document is in a file. Every edit is saved as it is
// made, so this asks for a name only for a document not saved under one
// yet (or viewed read-only: the copy is editable), and writes the whole
// document again after a failed save.
func (m *MainWindow) Save() {
	if m.session == nil {
		return
	}
	switch m.session.State() {
	case NotSaved, RecoveryKept, ReadOnly:
		m.SaveAs()
	case SaveFailed:
		if m.fileReplaced() { // its name now holds another file: ask
			m.SaveAs()
			return
		}
		m.SaveAsPath(m.session.Path(), true)
	}
}

// SaveAs asks where to save the document and continues editing it there.
func (m *MainWindow) SaveAs() { m.saveAsThen(nil) }

// saveAsThen is SaveAs followed by then once the document is saved.
func (m *MainWindow) saveAsThen(then func()) {
	if m.session == nil {
		return
	}
	name := m.DocumentName()
	if m.session.Path() == "" || m.session.ReadOnly() {
		name = fileNameFor(m.session.Doc.Info.Title)
	}
	askSavePath(m.Window, lang.L("Save As"), m.startFolder(), name+FileExtension, FileExtension, func(path string, overwrite bool) {
		if m.SaveAsPath(path, overwrite) == nil && then != nil {
			then()
		}
	})
}

// SaveAsPath saves the document to path (replacing a file there only with
// overwrite) and continues editing it there. Errors are shown in a dialog.
func (m *MainWindow) SaveAsPath(path string, overwrite bool) error {
	if m.session == nil {
		return errNoDocument
	}
	if err := m.session.SaveAs(path, overwrite); err != nil {
		m.showError(err)
		return err
	}
	m.saveErrShown = false
	m.remember(m.session.Path())
	return nil
}

// fileNameFor makes a file name from a document title.
func fileNameFor(title string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, strings.TrimSpace(title))
	if name == "" {
		return lang.L("Untitled")
	}
	return name
}

// Quit closes the window after asking about unsaved work.
func (m *MainWindow) Quit() {
	m.confirmDiscard(func() {
		if m.session != nil {
			m.session.Close()
		}
		m.rememberLook()
		m.Window.Close()
	})
}

// confirmDiscard runs then at once if no work would be lost; otherwise it
// asks first: save (then continue), discard (continue), or cancel.
func (m *MainWindow) confirmDiscard(then func()) {
	m.inspector.Flush()
	if m.session == nil || !m.session.HasUnsavedWork() {
		then()
		return
	}
	msg := fmt.Sprintf(lang.L("\"%s\" is not saved to a file. Save it first? Otherwise your changes are lost."), m.DocumentName())
	if m.session.State() == SaveFailed {
		msg = lang.L("The last changes could not be saved to the file. Save the document under another name first? Otherwise those changes are lost.")
	}
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), label, m.Window)
	save := func() { d.Hide(); m.saveAsThen(then) }
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Cancel"), d.Hide),
		widget.NewButton(lang.L("Don't Save"), func() { d.Hide(); then() }),
		&widget.Button{Text: lang.L("Save…"), Importance: widget.HighImportance, OnTapped: save},
	})
	d.Resize(fyne.NewSize(480, 200))
	showKeyed(m.Window, d, d.Hide, save)
}

// remember notes path as the document to reopen next time and puts it
// first in the recent list.
func (m *MainWindow) remember(path string) {
	if path == "" {
		return
	}
	p := m.App.Preferences()
	p.SetString(prefLastFile, path)
	p.SetString(prefFolder, filepath.Dir(path))
	recent := slices.DeleteFunc(m.RecentFiles(), func(s string) bool { return s == path })
	recent = append([]string{path}, recent...)
	if len(recent) > maxRecent {
		recent = recent[:maxRecent]
	}
	p.SetStringList(prefRecent, recent)
	m.updateRecentMenu()
}

// forgetRecent drops a document that no longer exists from the list.
func (m *MainWindow) forgetRecent(path string) {
	p := m.App.Preferences()
	recent := slices.DeleteFunc(m.RecentFiles(), func(s string) bool { return s == path })
	p.SetStringList(prefRecent, recent)
	if p.String(prefLastFile) == path {
		p.SetString(prefLastFile, "")
	}
	m.updateRecentMenu()
}

// RecentFiles returns the recently used documents, most recent first.
func (m *MainWindow) RecentFiles() []string {
	return slices.Clone(m.App.Preferences().StringList(prefRecent))
}

// startFolder is where file dialogs open: the last folder used, else the
// Documents folder.
func (m *MainWindow) startFolder() string {
	if dir := m.App.Preferences().String(prefFolder); isDir(dir) {
		return dir
	}
	if m.opts.DocumentsDir != "" {
		return m.opts.DocumentsDir
	}
	return documentsDir()
}

// documentsDir returns the user's Documents folder, or the home folder.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	for _, name := range []string{"Documents", "文档", "My Documents"} {
		if dir := filepath.Join(home, name); isDir(dir) {
			return dir
		}
	}
	return home
}

func isDir(path string) bool {
	if path == "" {
		return false
	}
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return os.SameFile(fa, fb)
}
