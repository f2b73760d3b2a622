package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/storage"
	"orgdraft/ui/pdf"
)

// ExportKind chooses one of the two PDFs.
type ExportKind int

// The PDFs.
const (
	ExportChart ExportKind = iota // the org chart (组织架构图)
	ExportBook                    // the job-responsibility book (岗位职责说明书)
)

// exportDialog asks for the paper, the orientation and (for the chart)
// what to do with a chart larger than the page.
type exportDialog struct {
	dlg         *dialog.ConfirmDialog
	kind        *widget.RadioGroup
	paper       *widget.Select
	orientation *widget.RadioGroup
	mode        *widget.RadioGroup
}

func modeLabels() []string {
	return []string{
		lang.L("Shrink the chart to fit one page"),
		lang.L("Full size across several pages (tiles to tape together)"),
		lang.L("An overview, then one page per top-level unit"),
	}
}

// ShowExport shows the export dialog, starting with the PDF what.
func (m *MainWindow) ShowExport(what ExportKind) { m.showExport(what) }

// showExport is ShowExport, and returns the dialog for the tests.
func (m *MainWindow) showExport(what ExportKind) *exportDialog {
	if m.session == nil {
		return nil
	}
	m.inspector.Flush()
	page := m.session.Doc.Info.Page
	e := &exportDialog{}
	kinds := []string{lang.L("Org chart"), lang.L("Responsibility book (all positions with duties)")}
	e.mode = widget.NewRadioGroup(modeLabels(), nil)
	e.mode.SetSelected(e.mode.Options[0])
	e.kind = widget.NewRadioGroup(kinds, func(s string) {
		if s == kinds[ExportChart] {
			e.mode.Enable()
		} else {
			e.mode.Disable()
		}
	})
	e.kind.SetSelected(kinds[what])
	e.paper = widget.NewSelect(pdf.PaperSizes(), nil)
	e.paper.SetSelected("A4")
	for _, p := range pdf.PaperSizes() {
		if strings.EqualFold(p, page.Paper) {
			e.paper.SetSelected(p)
		}
	}
	orient := []string{lang.L("Portrait"), lang.L("Landscape")}
	e.orientation = widget.NewRadioGroup(orient, nil)
	e.orientation.Horizontal = true
	e.orientation.SetSelected(orient[0])
	if page.Landscape {
		e.orientation.SetSelected(orient[1])
	}
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	body := container.NewVBox(
		bold(lang.L("What to export")), e.kind,
		bold(lang.L("Paper")), container.NewHBox(e.paper, e.orientation),
		bold(lang.L("A chart larger than the page")), e.mode,
	)
	e.dlg = dialog.NewCustomConfirm(lang.L("Export PDF"), lang.L("Choose File…"), lang.L("Cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		o := pdf.Options{
			Paper:     e.paper.Selected,
			Landscape: e.orientation.Selected == orient[1],
			Mode:      pdf.Mode(index(e.mode.Options, e.mode.Selected)),
		}
		kind := ExportKind(index(kinds, e.kind.Selected))
		suffix := lang.L("Org chart")
		if kind == ExportBook {
			suffix = lang.L("Responsibility book")
		}
		name := fileNameFor(m.session.Doc.Info.Title) + "-" + suffix + ".pdf"
		askSavePath(m.Window, lang.L("Export PDF"), m.startFolder(), name, ".pdf", func(path string, overwrite bool) {
			m.runExport(kind, o, path, overwrite)
		})
	}, m.Window)
	e.dlg.Resize(fyne.NewSize(560, 460))
	// A radio button keeps the focus it takes when clicked, and ignores
	// Esc and Enter: give the focus back, so they reach the dialog.
	unfocus := func(string) { m.Window.Canvas().Unfocus() }
	e.orientation.OnChanged, e.mode.OnChanged = unfocus, unfocus
	enableMode := e.kind.OnChanged
	e.kind.OnChanged = func(s string) { enableMode(s); unfocus(s) }
	showKeyed(m.Window, e.dlg, e.dlg.Hide, e.dlg.Confirm)
	return e
}

// runExport writes the PDF in the background, with a progress dialog. The
// PDF is written beside path under a temporary name and renamed when it is
// complete, so a failed export leaves no broken file (and an old PDF of
// that name stays until the new one is ready). An existing file is
// replaced only with overwrite, and never when it is a document. The
// export works on a copy of the document, and a panic in it is an error
// dialog: the session is never touched from the background.
func (m *MainWindow) runExport(kind ExportKind, o pdf.Options, path string, overwrite bool) {
	doc := m.session.Doc.Clone()
	documents := m.documentFiles()
	progress := dialog.NewCustomWithoutButtons(lang.L("Exporting…"),
		container.NewVBox(widget.NewLabel(filepath.Base(path)), widget.NewProgressBarInfinite()), m.Window)
	progress.Show()
	go func() {
		var res pdf.Report
		err := domain.Safely(func() (err error) {
			res, err = exportTo(kind, doc, o, path, overwrite, documents)
			return err
		})
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				dialog.ShowError(fmt.Errorf("%s\n%s", lang.L("The PDF could not be written."), outputErrorText(err)), m.Window)
			} else {
				msg := fmt.Sprintf(lang.L("%d pages written to %s"), res.Pages, path)
				if res.Pages == 1 {
					msg = fmt.Sprintf(lang.L("One page written to %s"), path)
				}
				if len(res.Warnings) > 0 {
					msg += "\n\n" + strings.Join(res.Warnings, "\n")
				}
				dialog.ShowInformation(lang.L("Export PDF"), msg, m.Window)
			}
			if m.exported != nil {
				m.exported()
			}
		})
	}()
}

// exportTo writes one PDF to path through a temporary file (see
// storage.WriteOutput; documents are the files it must never replace).
func exportTo(kind ExportKind, d *domain.Document, o pdf.Options, path string, overwrite bool, documents []string) (pdf.Report, error) {
	var res pdf.Report
	err := storage.WriteOutput(path, overwrite, func(w io.Writer) error {
		var err error
		if kind == ExportBook {
			res, err = pdf.Book(w, d, o)
		} else {
			res, err = pdf.Chart(w, d, o)
		}
		return err
	}, documents...)
	return res, err
}
