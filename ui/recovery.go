package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/storage"
)

// offerRecovery looks for documents that an OrgDraft was keeping in a
// recovery file when it stopped without closing them (a crash, a power
// cut), and offers the newest one back. Files that another running
// OrgDraft is keeping are not offered.
func (m *MainWindow) offerRecovery() {
	dir := m.recoveryDir()
	if dir == "" {
		return
	}
	found, err := storage.FindRecoveries(dir)
	if err != nil {
		fyne.LogError("looking for recovery files", err)
	}
	if len(found) > 0 {
		m.askRecover(found)
	}
}

// askRecover offers found[0] back: Recover (the default, Enter) opens it
// as an unsaved document that goes on using its recovery file; Discard
// asks before deleting it, and then offers the next one. After Recover
// the others are left for the next start.
func (m *MainWindow) askRecover(found []*storage.Recovery) {
	r, rest := found[0], found[1:]
	title := r.Title
	if title == "" {
		title = lang.L("Untitled")
	}
	text := fmt.Sprintf(lang.L("OrgDraft stopped without closing a document that was not saved to a file. Every change was kept:\n\n\"%s\", %s, last edited %s\n\nRecover it to go on working on it (save it with Ctrl+S)."),
		title, countOf(r.Boxes, "%d box", "%d boxes"), r.Modified.Format("2006-01-02 15:04"))
	if len(rest) > 0 {
		text += "\n" + countOf(len(rest), "%d more unsaved document was kept; it is offered after this one.", "%d more unsaved documents were kept; they are offered after this one.")
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	recover := func() {
		d.Hide()
		m.SetSession(RecoverSession(r))
		for _, other := range rest {
			other.Release()
		}
	}
	discard := func() {
		d.Hide()
		m.confirmDiscardRecovery(title, r.Boxes, func(ok bool) {
			if !ok {
				m.askRecover(found) // back to the choice
				return
			}
			if err := r.Discard(); err != nil {
				fyne.LogError("deleting a recovery file", err)
			}
			if len(rest) > 0 {
				m.askRecover(rest)
			}
		})
	}
	d = dialog.NewCustomWithoutButtons(lang.L("Recover unsaved document"), msg, m.Window)
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Discard…"), discard),
		&widget.Button{Text: lang.L("Recover"), Importance: widget.HighImportance, OnTapped: recover},
	})
	d.Resize(fyne.NewSize(560, 260))
	// Esc asks about discarding, as the button does: closing the dialog
	// must not lose the document silently.
	showKeyed(m.Window, d, discard, recover)
}

// confirmDiscardRecovery asks before a recovered document is deleted for
// good; done gets the answer.
func (m *MainWindow) confirmDiscardRecovery(title string, boxes int, done func(bool)) {
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Delete \"%s\" (%s) for good? It cannot be recovered afterwards."), title, countOf(boxes, "%d box", "%d boxes")))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	answer := func(ok bool) func() {
		return func() { d.Hide(); done(ok) }
	}
	d = dialog.NewCustomWithoutButtons(lang.L("Discard unsaved document?"), msg, m.Window)
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Keep"), answer(false)),
		&widget.Button{Text: lang.L("Delete"), Importance: widget.DangerImportance, OnTapped: answer(true)},
	})
	d.Resize(fyne.NewSize(480, 180))
	// Enter keeps the document: deleting takes a click.
	showKeyed(m.Window, d, answer(false), answer(false))
}
