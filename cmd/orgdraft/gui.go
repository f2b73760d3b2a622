package main

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/ui"
	"orgdraft/ui/pdf"
)

// appID names OrgDraft to the system: its preferences (language, look,
// recent documents) are stored under it.
const appID = "com.orgdraft.editor"

// runEditor opens the editor window, on the document at path if it is not
// empty, and returns when the window is closed.
func runEditor(path string) int {
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("orgdraft.png", assets.Icon))
	ui.Run(a, ui.Options{
		Open:     path,
		Exporter: pdfExporter{},
	})
	return exitOK
}

// pdfExporter lets the editor's export dialog drive package pdf.
type pdfExporter struct{}

func pdfOptions(o ui.ExportOptions) (pdf.Options, error) {
	po := pdf.Options{Paper: o.Paper, Landscape: o.Landscape}
	switch o.Mode {
	case ui.FitPage:
		po.Mode = pdf.Fit
	case ui.Tile:
		po.Mode = pdf.Tile
	case ui.SplitByUnit:
		po.Mode = pdf.Split
	default:
		return po, fmt.Errorf("unknown chart mode %d", o.Mode)
	}
	return po, nil
}

// ExportChart implements ui.Exporter.
func (pdfExporter) ExportChart(w io.Writer, d *domain.Document, o ui.ExportOptions) (ui.ExportResult, error) {
	po, err := pdfOptions(o)
	if err != nil {
		return ui.ExportResult{}, err
	}
	r, err := pdf.Chart(w, d, po)
	return ui.ExportResult{Pages: r.Pages, Warnings: r.Warnings}, err
}

// ExportBook implements ui.Exporter.
func (pdfExporter) ExportBook(w io.Writer, d *domain.Document, o ui.ExportOptions) (ui.ExportResult, error) {
	po, err := pdfOptions(o)
	if err != nil {
		return ui.ExportResult{}, err
	}
	r, err := pdf.Book(w, d, po)
	return ui.ExportResult{Pages: r.Pages, Warnings: r.Warnings}, err
}
