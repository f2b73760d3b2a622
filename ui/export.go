package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// ChartMode says how a chart too large for one page is printed.
type ChartMode int

// The chart modes.
const (
	// FitPage scales the chart onto one page.
	FitPage ChartMode = iota
	// Tile prints the chart at full size across several pages, to be
	// taped together.
	Tile
	// SplitByUnit prints an overview and then one page per top-level unit.
	SplitByUnit
)

// ExportOptions are what the export dialog asks for.
type ExportOptions struct {
	Paper     string // "A4", "A3" or "A2"
	Landscape bool
	Mode      ChartMode // the chart PDF only
}

// ExportResult is what an export reports back to the user.
type ExportResult struct {
	Pages    int
	Warnings []string // e.g. characters the font cannot print
}

// Exporter writes the two PDFs. Package ui/pdf does the work; the program
// passes an adapter in Options.Exporter, so that this package does not
// depend on how the PDFs are made. The document given is a copy: the user
// may go on editing while a long export runs.
type Exporter interface {
	ExportChart(w io.Writer, d *domain.Document, o ExportOptions) (ExportResult, error)
	ExportBook(w io.Writer, d *domain.Document, o ExportOptions) (ExportResult, error)
}

// ExportKind chooses one of the two PDFs.
type ExportKind int

// The PDFs.
const (
	ExportChart ExportKind = iota // the org chart (组织架构图)
	ExportBook                    // the job-responsibility book (岗位职责说明书)
)

// Papers are the paper sizes offered.
var Papers = []string{"A4", "A3", "A2"}

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
	if m.session == nil || m.opts.Exporter == nil {
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
	e.paper = widget.NewSelect(Papers, nil)
	e.paper.SetSelected("A4")
	for _, p := range Papers {
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
		o := ExportOptions{
			Paper:     e.paper.Selected,
			Landscape: e.orientation.Selected == orient[1],
			Mode:      ChartMode(index(e.mode.Options, e.mode.Selected)),
		}
		kind := ExportKind(index(kinds, e.kind.Selected))
		suffix := lang.L("Org chart")
		if kind == ExportBook {
			suffix = lang.L("Responsibility book")
		}
		name := fileNameFor(m.session.Doc.Info.Title) + "-" + suffix + ".pdf"
		askSavePath(m.Window, lang.L("Export PDF"), m.startFolder(), name, ".pdf", func(path string, _ bool) {
			m.runExport(kind, o, path)
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
// that name stays until the new one is ready).
func (m *MainWindow) runExport(kind ExportKind, o ExportOptions, path string) {
	doc := m.session.Doc.Clone()
	progress := dialog.NewCustomWithoutButtons(lang.L("Exporting…"),
		container.NewVBox(widget.NewLabel(filepath.Base(path)), widget.NewProgressBarInfinite()), m.Window)
	progress.Show()
	go func() {
		res, err := exportTo(m.opts.Exporter, kind, doc, o, path)
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				dialog.ShowError(fmt.Errorf("%s\n%s", lang.L("The PDF could not be written."), err.Error()), m.Window)
			} else {
				msg := fmt.Sprintf(lang.L("%d pages written to %s"), res.Pages, path)
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

// exportTo writes one PDF to path through a temporary file.
func exportTo(x Exporter, kind ExportKind, d *domain.Document, o ExportOptions, path string) (ExportResult, error) {
	var res ExportResult
	err := writeAtomically(path, func(w io.Writer) error {
		var err error
		if kind == ExportBook {
			res, err = x.ExportBook(w, d, o)
		} else {
			res, err = x.ExportChart(w, d, o)
		}
		return err
	})
	return res, err
}

// writeAtomically writes a file for the user (a PDF, a picture, a table)
// beside path under a temporary name and renames it when it is complete,
// so a failure leaves no broken file and an older file of that name stays.
func writeAtomically(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	err = write(tmp)
	if err == nil {
		// CreateTemp makes the file private to its owner; these files are
		// for sharing.
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	return err
}
