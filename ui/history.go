package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/storage"
)

// The History panel (File ▸ History…): the approved versions the file
// keeps, each with its version, day, approver and summary of changes. One
// opens read-only in a window of its own, where File ▸ Export prints it
// as it was (its book with the 修订记录 of that day); the summary, the one
// thing of an approved version that may change, is edited here.

// RevisionSession shows approved version seq of the document of parent,
// read-only: it is approved (locked), so every edit is refused; Save As
// writes a copy of it.
func RevisionSession(parent *Session, seq int) (*Session, error) {
	d, err := parent.Doc.RevisionDocument(seq)
	if err != nil {
		return nil, err
	}
	f, err := storage.OpenMemory(d)
	if err != nil {
		return nil, err
	}
	s := newSession(f, d)
	s.viewing, s.revision = parent.Path(), seq
	return s, nil
}

// Revision returns the number of the past version the session shows, or 0
// for the document itself.
func (s *Session) Revision() int { return s.revision }

// SetRevisionNote replaces the summary of changes of approved version seq.
func (s *Session) SetRevisionNote(seq int, note string) error {
	if s.viewOnly() {
		return ErrReadOnly
	}
	if err := s.file.SetRevisionNote(s.Doc, seq, note); err != nil {
		return err
	}
	if s.file.Path() == "" {
		s.edited = true
	}
	s.notify(domain.Change{})
	return nil
}

// OpenRevision opens approved version seq read-only in a new window and
// returns that window.
func (m *MainWindow) OpenRevision(seq int) (*MainWindow, error) {
	s, err := RevisionSession(m.session, seq)
	if err != nil {
		m.showError(err)
		return nil, err
	}
	w := NewMainWindow(m.App, m.opts)
	w.SetSession(s)
	w.Window.Show()
	m.versions = append(m.versions, w)
	return w, nil
}

// historyDialog is the History panel.
type historyDialog struct {
	m    *MainWindow
	dlg  *dialog.CustomDialog
	rows *fyne.Container
}

// ShowHistory opens File ▸ History…, the list of approved versions.
func (m *MainWindow) ShowHistory() { m.showHistory() }

func (m *MainWindow) showHistory() *historyDialog {
	if m.session == nil {
		return nil
	}
	h := &historyDialog{m: m, rows: container.NewVBox()}
	h.fill()
	h.dlg = dialog.NewCustomWithoutButtons(lang.L("History"), container.NewVScroll(h.rows), m.Window)
	h.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Close"), h.dlg.Hide)})
	h.dlg.Resize(fyne.NewSize(760, 460))
	showKeyed(m.Window, h.dlg, h.dlg.Hide, h.dlg.Hide)
	return h
}

// fill lists the versions, newest first.
func (h *historyDialog) fill() {
	h.rows.RemoveAll()
	revs := h.m.session.Doc.Revisions()
	if len(revs) == 0 {
		none := widget.NewLabel(lang.L("No version has been approved yet. File ▸ Approve… approves this one and keeps a snapshot of it here."))
		none.Wrapping = fyne.TextWrapWord
		h.rows.Add(none)
		return
	}
	for i := len(revs) - 1; i >= 0; i-- {
		h.rows.Add(h.row(revs[i]))
		h.rows.Add(widget.NewSeparator())
	}
}

// row shows one version with its buttons.
func (h *historyDialog) row(r domain.Revision) fyne.CanvasObject {
	m := h.m
	title := widget.NewLabelWithStyle(fmt.Sprintf("%s    %s    %s %s", r.Version, r.Date, lang.L("approved by"), r.Approver),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note := widget.NewLabel(orNone(r.Note))
	note.Wrapping = fyne.TextWrapWord
	seq := r.Seq
	open := widget.NewButtonWithIcon(lang.L("Open"), theme.VisibilityIcon(), func() {
		h.dlg.Hide()
		m.OpenRevision(seq)
	})
	export := widget.NewButtonWithIcon(lang.L("Export PDF…"), theme.DocumentPrintIcon(), func() {
		h.dlg.Hide()
		if w, err := m.OpenRevision(seq); err == nil {
			w.ShowExport(ExportBook)
		}
	})
	compare := widget.NewButtonWithIcon(lang.L("Compare with Current"), theme.ContentCopyIcon(), func() {
		h.dlg.Hide()
		m.CompareWithRevision(seq)
	})
	buttons := container.NewHBox(open, export, compare)
	if prev, ok := previousRevision(m.session.Doc.Revisions(), seq); ok {
		buttons.Add(widget.NewButton(fmt.Sprintf(lang.L("Compare with %s"), prev.Version), func() {
			h.dlg.Hide()
			m.CompareRevisions(prev.Seq, seq)
		}))
	}
	edit := widget.NewButtonWithIcon(lang.L("Edit Summary…"), theme.DocumentCreateIcon(), func() { h.editNote(r) })
	if m.session.viewOnly() {
		edit.Disable() // a view cannot save it
	}
	buttons.Add(edit)
	return container.NewVBox(title, note, buttons)
}

// editNote asks for a new summary of changes of version r.
func (h *historyDialog) editNote(r domain.Revision) {
	m := h.m
	e := widget.NewMultiLineEntry()
	e.SetText(r.Note)
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(4)
	message := widget.NewLabel("")
	message.Importance = widget.DangerImportance
	message.Hide()
	var d *dialog.CustomDialog
	save := func() {
		if err := m.session.SetRevisionNote(r.Seq, strings.TrimSpace(e.Text)); err != nil {
			message.SetText(errorText(err))
			message.Show()
			return
		}
		d.Hide()
		h.fill()
	}
	d = dialog.NewCustomWithoutButtons(fmt.Sprintf(lang.L("Summary of changes of %s"), r.Version), container.NewVBox(message, e), m.Window)
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Cancel"), d.Hide),
		&widget.Button{Text: lang.L("Save"), Importance: widget.HighImportance, OnTapped: save},
	})
	d.Resize(fyne.NewSize(520, 260))
	showKeyed(m.Window, d, d.Hide, nil) // Enter makes a new line
}

// orNone returns s, or a word saying there is none.
func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return lang.L("(no summary)")
	}
	return s
}

// previousRevision returns the version approved before seq, if any.
func previousRevision(revs []domain.Revision, seq int) (domain.Revision, bool) {
	var prev domain.Revision
	found := false
	for _, r := range revs {
		if r.Seq < seq && (!found || r.Seq > prev.Seq) {
			prev, found = r, true
		}
	}
	return prev, found
}
