package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/ui/pdf"
)

// propertiesDialog edits the document's own fields — what the PDFs print
// in their title and sign-off blocks — as one undoable edit
// (domain.SetInfo).
type propertiesDialog struct {
	m   *MainWindow
	dlg *dialog.CustomDialog

	title, company, version, effective, confidentiality, statedTotal *keyEntry
	notes                                                            *keyEntry
	status, paper, bookPaper                                         *widget.Select
	bookOrder                                                        *widget.Select // bookorder.go
	landscape                                                        *widget.Check
	rows                                                             []*signOffRow
	rowBox                                                           *fyne.Container
	message                                                          *widget.Label
	ok                                                               *widget.Button
	codes                                                            *codeFields // propcodes.go
}

// signOffRow is one line of the sign-off block: role (编制, 审核, 批准),
// name and date.
type signOffRow struct {
	role, name, date *keyEntry
	remove           *widget.Button
	obj              fyne.CanvasObject
}

// statusLabels name the document statuses, in order.
func statusLabels() []string { return []string{lang.L("Draft"), lang.L("Approved")} }

// ShowProperties shows the document properties dialog.
func (m *MainWindow) ShowProperties() { m.showProperties() }

// showProperties is ShowProperties, and returns the dialog for the tests.
func (m *MainWindow) showProperties() *propertiesDialog {
	if m.session == nil {
		return nil
	}
	m.inspector.Flush()
	info := m.session.Doc.Info
	p := &propertiesDialog{m: m}
	entry := func(s, placeholder string) *keyEntry {
		e := newKeyEntry()
		e.SetText(s)
		e.SetPlaceHolder(placeholder)
		return e
	}
	p.title = entry(info.Title, "")
	p.company = entry(info.Company, "")
	p.version = entry(info.Version, lang.L("V1.0 trial version"))
	p.effective = entry(info.EffectiveDate, "2025-01-01")
	p.confidentiality = entry(info.Confidentiality, lang.L("Internal"))
	total := ""
	if info.StatedTotal != 0 {
		total = strconv.Itoa(info.StatedTotal)
	}
	p.statedTotal = entry(total, lang.L("empty: none stated"))
	p.notes = newKeyMultiLineEntry()
	p.notes.Wrapping = fyne.TextWrapWord
	p.notes.SetText(info.Notes)
	p.notes.SetMinRowsVisible(2)
	p.status = widget.NewSelect(statusLabels(), nil)
	p.status.SetSelectedIndex(int(info.Status))
	p.status.Disable() // only File ▸ Approve… and New Revision… change it (approve.go)

	// The paper the document prints on by default; the export dialog
	// starts from it.
	p.paper = widget.NewSelect(pdf.PaperSizes(), nil)
	p.paper.SetSelected(pdf.PaperSizes()[0])
	for _, name := range pdf.PaperSizes() {
		if strings.EqualFold(name, info.Page.Paper) {
			p.paper.SetSelected(name)
		}
	}
	p.bookPaper = paperSelect(domain.BookPaperOf(info.Page))
	p.landscape = widget.NewCheck(lang.L("Landscape"), nil)
	p.landscape.SetChecked(info.Page.Landscape)
	p.bookOrder = newBookOrderSelect(info.Page.BookOrder)
	p.codes = newCodeFields(m.session.Doc)

	p.rowBox = container.NewVBox()
	for _, s := range info.SignOffs {
		p.addRow(s)
	}
	addRow := widget.NewButtonWithIcon(lang.L("Add sign-off row"), theme.ContentAddIcon(), func() { p.addRow(domain.SignOff{}) })

	p.message = widget.NewLabel("")
	p.message.Importance = widget.DangerImportance
	p.message.Wrapping = fyne.TextWrapWord
	p.message.Hide()

	form := container.New(layout.NewFormLayout(), slices.Concat([]fyne.CanvasObject{
		widget.NewLabel(lang.L("Title")), p.title,
		widget.NewLabel(lang.L("Company")), p.company,
		widget.NewLabel(lang.L("Version")), p.version,
		widget.NewLabel(lang.L("Status")), p.status,
		widget.NewLabel(lang.L("Effective date")), p.effective,
		widget.NewLabel(lang.L("Confidentiality")), p.confidentiality,
		widget.NewLabel(lang.L("Stated total headcount")), p.statedTotal,
		widget.NewLabel(lang.L("Chart paper")), container.NewHBox(p.paper, p.landscape),
		widget.NewLabel(lang.L("Book paper")), container.NewHBox(p.bookPaper),
		widget.NewLabel(lang.L("Book chapters")), p.bookOrder,
		widget.NewLabel(lang.L("Notes")), p.notes,
	}, p.codes.rows())...)
	heads := container.NewGridWithColumns(3,
		widget.NewLabelWithStyle(lang.L("Role"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Signer"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Date"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	)
	signOff := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Sign-off block"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewBorder(nil, nil, nil, widget.NewIcon(nil), heads),
		p.rowBox,
		container.NewHBox(addRow),
	)
	body := container.NewVScroll(container.NewVBox(p.message, form, widget.NewSeparator(), signOff))
	p.dlg = dialog.NewCustomWithoutButtons(lang.L("Document Properties"), body, m.Window)
	p.ok = &widget.Button{Text: lang.L("OK"), Importance: widget.HighImportance, OnTapped: p.apply}
	p.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), p.dlg.Hide), p.ok})
	p.dlg.Resize(fyne.NewSize(720, 640))
	// A check box keeps the focus it takes when clicked, and ignores Esc
	// and Enter: give the focus back, so they reach the dialog.
	p.landscape.OnChanged = func(bool) { m.Window.Canvas().Unfocus() }
	showKeyed(m.Window, p.dlg, p.dlg.Hide, p.apply)
	return p
}

func (p *propertiesDialog) addRow(s domain.SignOff) {
	r := &signOffRow{role: newKeyEntry(), name: newKeyEntry(), date: newKeyEntry()}
	r.role.SetText(s.Role)
	r.name.SetText(s.Name)
	r.date.SetText(s.Date)
	r.date.SetPlaceHolder("2025-01-01")
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i, x := range p.rows {
			if x == r {
				p.rows = append(p.rows[:i], p.rows[i+1:]...)
				p.rowBox.Remove(r.obj)
			}
		}
	})
	r.remove.Importance = widget.LowImportance
	r.obj = container.NewBorder(nil, nil, nil, r.remove, container.NewGridWithColumns(3, r.role, r.name, r.date))
	p.rows = append(p.rows, r)
	p.rowBox.Add(r.obj)
}

// info reads the dialog into a document Info.
func (p *propertiesDialog) info() (domain.Info, error) {
	info := p.m.session.Doc.Info
	info.Title = strings.TrimSpace(p.title.Text)
	info.Company = strings.TrimSpace(p.company.Text)
	info.Version = strings.TrimSpace(p.version.Text)
	info.EffectiveDate = strings.TrimSpace(p.effective.Text)
	info.Confidentiality = strings.TrimSpace(p.confidentiality.Text)
	info.Notes = p.notes.Text
	info.Page.Paper = p.paper.Selected
	info.Page.Landscape = p.landscape.Checked
	info.Page.BookOrder = bookOrderOf(p.bookOrder)
	if !strings.EqualFold(p.bookPaper.Selected, domain.BookPaperOf(info.Page)) {
		info.Page.BookPaper = p.bookPaper.Selected
	}
	info.Codes = p.codes.scheme()
	total, err := parseCount(p.statedTotal.Text)
	if err != nil {
		return info, errStatedTotal
	}
	info.StatedTotal = total
	info.SignOffs = nil
	for _, r := range p.rows {
		s := domain.SignOff{Role: strings.TrimSpace(r.role.Text), Name: strings.TrimSpace(r.name.Text), Date: strings.TrimSpace(r.date.Text)}
		if s != (domain.SignOff{}) {
			info.SignOffs = append(info.SignOffs, s)
		}
	}
	return info, nil
}

var errStatedTotal = errors.New("the stated total is not a whole number")

// apply saves the fields as one edit and closes the dialog; a refusal is
// shown in the dialog, which stays open.
func (p *propertiesDialog) apply() {
	info, err := p.info()
	if errors.Is(err, errStatedTotal) {
		p.message.SetText(lang.L("Enter the stated total as a whole number, or leave it empty."))
		p.message.Show()
		return
	}
	if err := p.m.Do(domain.SetInfo(info)); err != nil {
		p.message.SetText(errorText(err))
		p.message.Show()
		return
	}
	p.dlg.Hide()
}
