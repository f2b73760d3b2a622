package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/domain/diff"
)

// Approving and revising in the editor (File ▸ Approve…, File ▸ New
// Revision…), and the banner that says a document is locked. The work is
// the file's (storage.File.Approve, Revise): the session calls it, forgets
// the undo history (undo never reaches back across an approval) and tells
// the listeners.

// Approve approves the document (see storage.File.Approve): the sign-off
// block must be filled in and the checks free of errors, else a
// *domain.NotReadyError names what is missing.
func (s *Session) Approve(a domain.Approval) error {
	if s.viewOnly() {
		return ErrReadOnly
	}
	if err := s.file.Approve(s.Doc, a); err != nil {
		return err
	}
	s.afterVersionStep()
	return nil
}

// Revise starts the next draft of the approved document with the version
// label given ("" for the next one).
func (s *Session) Revise(version string) error {
	if s.viewOnly() {
		return ErrReadOnly
	}
	if err := s.file.Revise(s.Doc, version); err != nil {
		return err
	}
	s.afterVersionStep()
	return nil
}

// afterVersionStep follows an approval or a new revision: neither is an
// edit, so there is nothing to undo across it.
func (s *Session) afterVersionStep() {
	s.History.Forget()
	if s.file.Path() == "" {
		s.edited = true // in memory only: closing asks to save it
	}
	s.notify(domain.Change{Info: true})
}

// viewOnly reports whether the session only shows a document: one viewed
// read-only, or a past version (whose file is not this session's).
func (s *Session) viewOnly() bool { return s.viewing != "" || s.revision > 0 }

// readOnlyReason is the refusal of an edit here: the document is approved,
// or viewed read-only.
func (s *Session) readOnlyReason() error {
	if !s.viewOnly() && s.Doc.Locked() {
		return domain.ErrApproved
	}
	return ErrReadOnly
}

// today is the day an approval is dated by default.
func today() string { return time.Now().Format("2006-01-02") }

// lockBanner is the strip under the toolbar that says the document is
// approved and locked, or a past version, and offers the way on.
type lockBanner struct {
	Content *fyne.Container
	text    *widget.Label
	revise  *widget.Button
}

func (m *MainWindow) makeBanner() *lockBanner {
	b := &lockBanner{text: widget.NewLabel("")}
	b.text.TextStyle.Bold = true
	b.text.Wrapping = fyne.TextWrapWord
	b.revise = widget.NewButtonWithIcon(lang.L("New Revision…"), theme.DocumentCreateIcon(), m.ShowNewRevision)
	tint := canvas.NewRectangle(bannerColor())
	b.Content = container.NewStack(tint, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), b.revise, b.text))
	b.Content.Hide()
	return b
}

// bannerColor is a pale tint of the theme's warning colour, which reads in
// the light and the dark look.
func bannerColor() color.Color {
	r, g, b, _ := theme.Color(theme.ColorNameWarning).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x50}
}

// updateBanner shows the banner for a locked document, or hides it.
func (m *MainWindow) updateBanner() {
	b := m.banner
	if b == nil || m.session == nil {
		return
	}
	s := m.session
	// Showing or hiding the banner changes the height above the chart:
	// lay the window out again.
	defer func(was bool) {
		if was != b.Content.Visible() && m.Window.Content() != nil {
			m.Window.Content().Refresh()
		}
	}(b.Content.Visible())
	if !s.Doc.Locked() {
		m.chart.SetReadOnly(s.ReadOnly())
		b.Content.Hide()
		return
	}
	r := lastRevision(s.Doc)
	switch {
	case s.revision > 0:
		b.text.SetText(fmt.Sprintf(lang.L("A past version: %s as approved on %s by %s. It is shown read-only; File ▸ Export prints it as it was."),
			r.Version, r.Date, r.Approver))
		b.revise.Hide()
	case r.Seq > 0:
		b.text.SetText(fmt.Sprintf(lang.L("Approved: %s, on %s by %s. The document is locked and opens read-only; export works. To change it, start a new revision."),
			r.Version, r.Date, r.Approver))
		b.revise.Show()
	default: // approved elsewhere (a template, an import) without a snapshot
		b.text.SetText(fmt.Sprintf(lang.L("Approved: %s. The document is locked and opens read-only; export works. To change it, start a new revision."), s.Doc.Info.Version))
		b.revise.Show()
	}
	if s.viewOnly() {
		b.revise.Hide()
	}
	m.chart.SetReadOnly(s.ReadOnly()) // approving and revising change it
	b.Content.Show()
}

// BannerText returns the banner's words, "" while it is hidden.
func (m *MainWindow) BannerText() string {
	if m.banner == nil || !m.banner.Content.Visible() {
		return ""
	}
	return m.banner.text.Text
}

// lastRevision returns the document's newest approved version (Seq 0 if
// none).
func lastRevision(d *domain.Document) domain.Revision {
	rs := d.Revisions()
	if len(rs) == 0 {
		return domain.Revision{}
	}
	return rs[len(rs)-1]
}

// approveDialog asks for the approver, the day and the summary of changes.
type approveDialog struct {
	dlg                  *dialog.CustomDialog
	approver, date, note *widget.Entry
	message              *widget.Label
	ok                   *widget.Button
}

// ShowApprove opens File ▸ Approve…: for a document ready to be approved,
// a dialog asking for the approver, the day and the summary of changes;
// otherwise a dialog saying what is missing.
func (m *MainWindow) ShowApprove() {
	if m.session == nil {
		return
	}
	m.inspector.Flush()
	s := m.session
	if s.Doc.Locked() {
		dialog.ShowInformation(lang.L("Approve"), errorText(s.readOnlyReason()), m.Window)
		return
	}
	if missing := s.Doc.ApprovalProblems(); len(missing) > 0 {
		m.showNotReady(missing)
		return
	}
	a := &approveDialog{approver: widget.NewEntry(), date: widget.NewEntry(), note: widget.NewMultiLineEntry()}
	a.approver.SetText(signOffName(s.Doc, "批准"))
	a.date.SetText(today())
	a.note.SetText(diff.SuggestedNote(s.Doc, s.Doc.Info.Page.Language != domain.English))
	a.note.SetPlaceHolder(lang.L("e.g. 2 more customer service agents; hotline duties revised"))
	a.note.Wrapping = fyne.TextWrapWord
	a.note.SetMinRowsVisible(3)
	a.message = widget.NewLabel("")
	a.message.Importance = widget.DangerImportance
	a.message.Wrapping = fyne.TextWrapWord
	a.message.Hide()
	intro := widget.NewLabel(lang.L("Approving keeps a snapshot of this version in the file, lists it in the revision history and locks the document: it can then be viewed and exported, not changed. Undo does not reach back past it. New Revision starts the next draft."))
	intro.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Version")), widget.NewLabel(s.Doc.Info.Version),
		widget.NewLabel(lang.L("Approver")), a.approver,
		widget.NewLabel(lang.L("Date")), a.date,
		widget.NewLabel(lang.L("Summary of changes")), a.note,
	)
	a.dlg = dialog.NewCustomWithoutButtons(lang.L("Approve"), container.NewVBox(intro, a.message, form), m.Window)
	apply := func() {
		err := s.Approve(domain.Approval{
			Approver: strings.TrimSpace(a.approver.Text), Date: strings.TrimSpace(a.date.Text), Note: strings.TrimSpace(a.note.Text),
		})
		if err != nil {
			a.message.SetText(errorText(err))
			a.message.Show()
			return
		}
		a.dlg.Hide()
		m.status.SetMessage(fmt.Sprintf(lang.L("Approved %s. The document is locked."), s.Doc.Info.Version))
	}
	a.ok = &widget.Button{Text: lang.L("Approve"), Importance: widget.HighImportance, OnTapped: apply}
	a.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), a.dlg.Hide), a.ok})
	a.dlg.Resize(fyne.NewSize(560, 420))
	showKeyed(m.Window, a.dlg, a.dlg.Hide, nil) // Enter makes a new line in the note
}

// showNotReady says what must be done before the document can be approved.
func (m *MainWindow) showNotReady(missing []domain.Finding) {
	var lines []string
	for _, f := range missing {
		lines = append(lines, "• "+findingText(f))
	}
	text := widget.NewLabel(lang.L("Before the document can be approved:") + "\n" + strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(lang.L("Not ready to approve"), container.NewVScroll(text), m.Window)
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Close"), d.Hide),
		&widget.Button{Text: lang.L("Document Properties…"), Importance: widget.HighImportance, OnTapped: func() { d.Hide(); m.ShowProperties() }},
	})
	d.Resize(fyne.NewSize(520, 320))
	showKeyed(m.Window, d, d.Hide, d.Hide)
}

// signOffName returns the name in the sign-off row of role.
func signOffName(d *domain.Document, role string) string {
	for _, s := range d.Info.SignOffs {
		if strings.TrimSpace(s.Role) == role {
			return strings.TrimSpace(s.Name)
		}
	}
	return ""
}

// ShowNewRevision opens File ▸ New Revision…: for an approved document, a
// dialog with the next version label (editable) that starts the new draft.
func (m *MainWindow) ShowNewRevision() {
	if m.session == nil {
		return
	}
	s := m.session
	if !s.Doc.Locked() {
		dialog.ShowInformation(lang.L("New Revision"), lang.L("This document is a draft, not approved: it can be changed as it is. New Revision starts the next draft of an approved document."), m.Window)
		return
	}
	if s.viewOnly() {
		m.showError(ErrReadOnly)
		return
	}
	version := widget.NewEntry()
	version.SetText(domain.NextVersion(s.Doc.Info.Version))
	message := widget.NewLabel("")
	message.Importance = widget.DangerImportance
	message.Hide()
	intro := widget.NewLabel(fmt.Sprintf(lang.L("Starts a new draft from the approved version %s. The approved versions stay in the file (File ▸ History…). The sign-off dates are cleared, to be signed again."), s.Doc.Info.Version))
	intro.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(), widget.NewLabel(lang.L("New version")), version)
	d := dialog.NewCustomWithoutButtons(lang.L("New Revision"), container.NewVBox(intro, message, form), m.Window)
	apply := func() {
		if err := s.Revise(version.Text); err != nil {
			message.SetText(errorText(err))
			message.Show()
			return
		}
		d.Hide()
		m.status.SetMessage(fmt.Sprintf(lang.L("New revision %s started."), s.Doc.Info.Version))
	}
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Cancel"), d.Hide),
		&widget.Button{Text: lang.L("Start Revision"), Importance: widget.HighImportance, OnTapped: apply},
	})
	d.Resize(fyne.NewSize(520, 260))
	showKeyed(m.Window, d, d.Hide, apply)
}
