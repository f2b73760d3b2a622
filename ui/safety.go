package ui

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/storage"
)

// The editor's guards against losing a document to its own exports, to
// other programs and to bugs:
//
//   - every export (PDF, picture, table) is written by
//     storage.WriteOutput, given documentFiles, which never replaces the open document, any other OrgDraft document or a
//     file an OrgDraft holds, and replaces another file only when the user
//     said yes to "Replace?";
//   - a save that finds the document's file replaced or deleted by another
//     program (storage.ErrReplaced) says so and offers Save As, the edits
//     kept in memory (showSaveError);
//   - a panic in an export or an import is an error dialog (domain.Safely),
//     the document untouched.

// documentFiles are the files the open document is read from (its own,
// the one viewed, its recovery copy), which an export must never replace.
// Called on the main goroutine: exports read the session before they go
// to the background.
func (m *MainWindow) documentFiles() []string {
	var files []string
	if m.session == nil {
		return nil
	}
	for _, p := range []string{m.session.Path(), m.session.RecoveryPath()} {
		if p != "" {
			files = append(files, p)
		}
	}
	return files
}

// outputErrorText explains why an export or an import failed, in the
// editor's language; every refusal says that the file there was left as
// it was.
func outputErrorText(err error) string {
	var pe *domain.PanicError
	switch {
	case errors.Is(err, storage.ErrSameAsInput):
		return lang.L("That is the document itself: an export never replaces it. Choose another name.") + "\n" + err.Error()
	case errors.Is(err, storage.ErrDocumentTarget):
		return lang.L("That file is an OrgDraft document: an export never replaces a document. Choose another name.") + "\n" + err.Error()
	case errors.Is(err, storage.ErrNotRegular):
		return lang.L("That name belongs to a folder or a device, not a file. Choose another name.") + "\n" + err.Error()
	case errors.As(err, &pe):
		return fmt.Sprintf(lang.L("OrgDraft ran into an internal error (%v). This is a bug; please report it. The document was not changed and no half-written file was left."), pe.Value)
	}
	return errorText(err)
}

// showSaveError reports a failed save, once per run of failures (see
// reportSave). A document whose file was replaced or deleted under it
// gets its own dialog, which offers Save As: the edits are in memory and
// go to the new file whole.
func (m *MainWindow) showSaveError(err error) {
	if !errors.Is(err, storage.ErrReplaced) {
		m.showError(&SaveError{err})
		return
	}
	label := widget.NewLabel(fmt.Sprintf(lang.L("\"%s\" was replaced or deleted by another program, so your changes can no longer be saved to it. They are kept in this window: save them with Save As."),
		filepath.Base(m.session.Path())))
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(lang.L("The file was replaced or deleted by another program"), label, m.Window)
	saveAs := func() { d.Hide(); m.SaveAs() }
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Later"), d.Hide),
		&widget.Button{Text: lang.L("Save As…"), Importance: widget.HighImportance, OnTapped: saveAs},
	})
	d.Resize(fyne.NewSize(520, 200))
	showKeyed(m.Window, d, d.Hide, saveAs)
}

// fileReplaced reports whether the last save failed because the document's
// file was replaced or deleted: saving again under its name would write
// over whatever is there now, so Save asks for a name instead.
func (m *MainWindow) fileReplaced() bool {
	return m.session != nil && errors.Is(m.session.SaveErr(), storage.ErrReplaced)
}
