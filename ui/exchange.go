package ui

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"orgdraft/domain"
	"orgdraft/domain/outline"
	"orgdraft/storage"
	"orgdraft/storage/sheet"
	"orgdraft/ui/chart"
	"orgdraft/ui/picture"
)

// Data exchange in the editor: a chart typed as an indented outline or a
// staffing table from Excel comes in as a new document, an outline pasted
// from the clipboard goes under the selected box, and the chart leaves as
// a picture (PNG, SVG) or a table (CSV, XLSX). The readers and writers are
// those of the command line.

// importExtensions are the files File ▸ Import reads.
var importExtensions = []string{".txt", ".csv", ".tsv", ".xlsx"}

// exchangeText formats an import error: every line or row it names, in the
// editor's language.
func exchangeText(err error) string {
	zh := Language() == LanguageChinese
	var ol outline.ErrorList
	var sl sheet.ErrorList
	switch {
	case errors.As(err, &ol):
		return ol.Text(zh)
	case errors.As(err, &sl):
		return sl.Text(zh)
	}
	return outputErrorText(err)
}

// ImportFile asks about unsaved work, then for an outline or table to
// import as a new, unsaved document.
func (m *MainWindow) ImportFile() {
	m.confirmDiscard(func() {
		m.askOpenFile(importExtensions, func(r fyne.URIReadCloser) {
			defer r.Close()
			m.ImportFrom(r.URI().Name(), r)
		})
	})
}

// ImportFrom reads an outline or table named name (its extension says
// which) and opens it as a new, unsaved document. Nothing is imported when
// any line or row is wrong: the dialog lists them all.
func (m *MainWindow) ImportFrom(name string, r io.Reader) error {
	var d *domain.Document
	// A bug met on some input is an error dialog; the open document is
	// not touched until the import succeeded.
	err := domain.Safely(func() (err error) {
		d, err = sheet.Import(name, r)
		return err
	})
	if err == nil {
		if d.Info.Title == domain.NewDocument().Info.Title {
			d.Info.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		}
		var s *Session
		if s, err = NewRecoverableSession(d, m.recoveryDir()); err == nil {
			m.SetSession(s)
			return nil
		}
	}
	dialog.ShowError(fmt.Errorf("%s\n\n%s", lang.L("Nothing was imported:"), exchangeText(err)), m.Window)
	return err
}

// PasteOutline adds the outline on the clipboard under the selected box
// (or at the top level) as one undoable edit, and selects what it added.
func (m *MainWindow) PasteOutline() error {
	if m.session == nil {
		return nil
	}
	text := m.App.Clipboard().Content()
	var p *outline.Paste
	err := domain.Safely(func() (err error) {
		p, err = outline.Insert(m.session.Doc, m.Selected(), text) // reads the document only
		return err
	})
	if err == nil {
		if err = m.DoAndShow(p); err == nil {
			m.Select(p.Added()...)
			return nil
		}
		return err // DoAndShow has shown it
	}
	dialog.ShowError(fmt.Errorf("%s\n\n%s", lang.L("Nothing was pasted:"), exchangeText(err)), m.Window)
	return err
}

// exchangeFormats are the picture and table formats File ▸ Export offers
// besides PDF, in menu order.
var exchangeFormats = []struct {
	ext   string
	label string // translation key
	write func(w io.Writer, d *domain.Document) error
}{
	{".png", "Chart picture (PNG)", func(w io.Writer, d *domain.Document) error {
		c, err := chart.Build(d, chartOptions(d))
		if err != nil {
			return err
		}
		return picture.PNG(w, c, 2) // twice the paper size: sharp on slides
	}},
	{".svg", "Chart drawing (SVG)", func(w io.Writer, d *domain.Document) error {
		c, err := chart.Build(d, chartOptions(d))
		if err != nil {
			return err
		}
		return picture.SVG(w, c)
	}},
	{".xlsx", "Staffing table (Excel)", func(w io.Writer, d *domain.Document) error {
		return sheet.Options{English: Language() != LanguageChinese}.WriteXLSX(w, d)
	}},
	{".csv", "Staffing table (CSV)", func(w io.Writer, d *domain.Document) error {
		return sheet.Options{English: Language() != LanguageChinese}.WriteCSV(w, d)
	}},
}

// ExportExchange asks where to write the chart or table in format ext
// (".png", ".svg", ".xlsx", ".csv") and writes it.
func (m *MainWindow) ExportExchange(ext string) {
	if m.session == nil {
		return
	}
	m.inspector.Flush()
	name := strings.TrimSuffix(fileNameFor(m.session.Doc.Info.Title), FileExtension)
	askSavePath(m.Window, lang.L("Export"), m.startFolder(), name+ext, ext, func(path string, overwrite bool) {
		if err := m.writeExchange(ext, path, overwrite); err != nil {
			dialog.ShowError(fmt.Errorf("%s\n%s", lang.L("The file could not be written."), outputErrorText(err)), m.Window)
			return
		}
		dialog.ShowInformation(lang.L("Export"), fmt.Sprintf(lang.L("Written to %s"), path), m.Window)
	})
}

// WriteExchange writes the document in format ext to a new file at path
// (an existing one is not replaced: storage.ErrExists), through a
// temporary file so that a failure leaves no half-written file.
func (m *MainWindow) WriteExchange(ext, path string) error {
	return m.writeExchange(ext, path, false)
}

// writeExchange is WriteExchange, replacing an existing file (never a
// document) with overwrite. A panic in the writer comes back as a
// *domain.PanicError.
func (m *MainWindow) writeExchange(ext, path string, overwrite bool) error {
	for _, f := range exchangeFormats {
		if f.ext == ext {
			return storage.WriteOutput(path, overwrite, func(w io.Writer) error {
				return f.write(w, m.session.Doc)
			}, m.documentFiles()...)
		}
	}
	return fmt.Errorf("unknown export format %q", ext)
}
