package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/storage"
	"orgdraft/ui/pdf"
)

// ExportKind chooses one of the two PDFs, or the book as a Word file.
type ExportKind int

// The exports.
const (
	ExportChart ExportKind = iota // the org chart (组织架构图)
	ExportBook                    // the job-responsibility book (岗位职责说明书)
	ExportWord                    // the same book as a Word file (.docx), to edit
)

// extension returns the file name extension of the export.
func (k ExportKind) extension() string {
	if k == ExportWord {
		return ".docx"
	}
	return ".pdf"
}

// exportDialog asks for the paper, the orientation, the print language
// and (for the chart) what to do with a chart larger than the page.
// exportDialog asks for the paper, the print language and, for the
// chart, the orientation and what to do with a chart larger than the
// page. The chart's and the book's paper are separate choices (an office
// prints the chart on A3 and the book on A4), each starting from the
// document's own.
type exportDialog struct {
	dlg         *dialog.ConfirmDialog
	kind        *widget.RadioGroup
	paper       *widget.Select // the chart's
	bookPaper   *widget.Select
	orientation *widget.RadioGroup
	language    *widget.RadioGroup // in the order of domain.Language
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
	kinds := []string{lang.L("Org chart"), lang.L("Responsibility book (all positions with duties)"), lang.L("Responsibility book as a Word file (.docx), to edit")}
	e.mode = widget.NewRadioGroup(modeLabels(), nil)
	e.mode.SetSelected(e.mode.Options[0])
	e.paper = paperSelect(page.Paper)
	e.bookPaper = paperSelect(domain.BookPaperOf(page))
	orient := []string{lang.L("Portrait"), lang.L("Landscape")}
	e.orientation = widget.NewRadioGroup(orient, nil)
	e.orientation.Horizontal = true
	e.orientation.SetSelected(orient[0])
	if page.Landscape {
		e.orientation.SetSelected(orient[1])
	}
	// Only the chosen PDF's own choices are open: the book's pages stay
	// upright, and its chart pages turn to suit the chart.
	e.kind = widget.NewRadioGroup(kinds, func(s string) {
		chart := s == kinds[ExportChart]
		for _, w := range []fyne.Disableable{e.mode, e.paper, e.orientation} {
			enableChoice(w, chart)
		}
		enableChoice(e.bookPaper, !chart)
	})
	e.kind.SetSelected(kinds[what])
	// The print language starts as the document's own; the choice is
	// stored with the document when the export goes ahead.
	e.language = widget.NewRadioGroup([]string{lang.L("Chinese"), lang.L("English")}, nil)
	e.language.Horizontal = true
	e.language.SetSelected(e.language.Options[page.Language])
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	body := container.NewVBox(
		bold(lang.L("What to export")), e.kind,
		bold(lang.L("Chart paper")), container.NewHBox(e.paper, e.orientation),
		bold(lang.L("Book paper")), container.NewHBox(e.bookPaper),
		bold(lang.L("Print language")), e.language,
		bold(lang.L("A chart larger than the page")), e.mode,
	)
	e.dlg = dialog.NewCustomConfirm(lang.L("Export PDF"), lang.L("Choose File…"), lang.L("Cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		printIn := domain.Language(index(e.language.Options, e.language.Selected))
		m.storePrintLanguage(printIn)
		o := pdf.Options{
			Paper:     e.paper.Selected,
			BookPaper: e.bookPaper.Selected,
			Landscape: e.orientation.Selected == orient[1],
			Mode:      pdf.Mode(index(e.mode.Options, e.mode.Selected)),
			Language:  printIn,
			Messages:  messageLanguage(),
		}
		kind := ExportKind(index(kinds, e.kind.Selected))
		name := exportFileName(m.session.Doc.Info.Title, kind, printIn)
		askSavePath(m.Window, lang.L("Export PDF"), m.startFolder(), name, kind.extension(), func(path string, overwrite bool) {
			m.runExport(kind, o, path, overwrite)
		})
	}, m.Window)
	e.dlg.Resize(fyne.NewSize(560, 520))
	// A radio button keeps the focus it takes when clicked, and ignores
	// Esc and Enter: give the focus back, so they reach the dialog.
	unfocus := func(string) { m.Window.Canvas().Unfocus() }
	e.orientation.OnChanged, e.mode.OnChanged, e.language.OnChanged = unfocus, unfocus, unfocus
	enableMode := e.kind.OnChanged
	e.kind.OnChanged = func(s string) { enableMode(s); unfocus(s) }
	showKeyed(m.Window, e.dlg, e.dlg.Hide, e.dlg.Confirm)
	return e
}

// paperSelect offers the paper sizes, name selected (A4 when it names
// none).
func paperSelect(name string) *widget.Select {
	s := widget.NewSelect(pdf.PaperSizes(), nil)
	s.SetSelected(pdf.PaperSizes()[0])
	for _, p := range pdf.PaperSizes() {
		if strings.EqualFold(p, name) {
			s.SetSelected(p)
		}
	}
	return s
}

// enableChoice enables or disables w.
func enableChoice(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
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
	o.Saved = m.savedTime()
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
			failed := lang.L("The PDF could not be written.")
			if kind == ExportWord {
				failed = lang.L("The Word file could not be written.")
			}
			if err != nil {
				dialog.ShowError(fmt.Errorf("%s\n%s", failed, outputErrorText(err)), m.Window)
			} else {
				msg := fmt.Sprintf(lang.L("%d pages written to %s"), res.Pages, path)
				switch {
				case kind == ExportWord:
					// Word and WPS paginate the file themselves.
					msg = fmt.Sprintf(lang.L("Written to %s"), path)
				case res.Pages == 1:
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
		switch kind {
		case ExportBook:
			res, err = pdf.Book(w, d, o)
		case ExportWord:
			res, err = pdf.Docx(w, d, o)
		default:
			res, err = pdf.Chart(w, d, o)
		}
		return err
	}, documents...)
	return res, err
}

// storePrintLanguage makes l the document's print language, as one
// undoable edit, unless it is already. A document viewed read-only keeps
// its own: the export is printed in l all the same.
func (m *MainWindow) storePrintLanguage(l domain.Language) {
	if m.session.Doc.Info.Page.Language == l || m.session.ReadOnly() {
		return
	}
	m.DoAndShow(domain.SetPrintLanguage(l))
}

// messageLanguage is the editor's language, in which the export's
// warnings are shown whatever the language of the paper.
func messageLanguage() domain.Language {
	if Language() == LanguageChinese {
		return domain.Chinese
	}
	return domain.English
}

// savedTime is when the document's file was last written, which is when
// its last edit was saved, since every edit is saved as it is made: the
// date of the PDF, so that exporting an unchanged document again gives
// the same file. A document without a file of its own, or whose last save
// failed, has none (zero).
func (m *MainWindow) savedTime() time.Time {
	if st := m.session.State(); st != Saved && st != ReadOnly {
		return time.Time{}
	}
	fi, err := os.Stat(m.session.Path())
	if err != nil {
		return time.Time{}
	}
	return fi.ModTime()
}

// exportFileName suggests a PDF's file name: the document's title and the
// kind of PDF, in one language. The kind is named in Chinese when the
// title has Chinese characters, and otherwise in the print language; an
// untitled document's PDF is named by its kind alone.
func exportFileName(title string, kind ExportKind, printIn domain.Language) string {
	zh := printIn == domain.Chinese
	if strings.IndexFunc(title, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
		zh = true
	}
	word := map[bool][3]string{true: {"组织架构图", "岗位职责说明书", "岗位职责说明书"}, false: {"Org chart", "Responsibility book", "Responsibility book"}}[zh][kind]
	if strings.TrimSpace(title) == "" {
		return word + kind.extension()
	}
	return fileNameFor(title) + "-" + word + kind.extension()
}
