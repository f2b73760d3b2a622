package ui

import (
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/domain/diff"
	"orgdraft/storage"
	"orgdraft/storage/sheet"
	"orgdraft/ui/chartview"
	"orgdraft/ui/pdf"
)

// File ▸ Compare… shows what changed between another version and the
// document being edited, on the chart: the current document's boxes, those
// added green and those changed amber, and the boxes the other version had
// and this one has not drawn back in as dashed ghosts. Beside the chart a
// list names every change; choosing one selects its box. The comparison
// exports as a PDF table (变更对照表) or an Excel workbook, as
// `orgdraft diff` writes them. Close Comparison goes back to editing.
//
// The comparison is a picture of the two versions when it was made: it is
// shown in place of the editor and does not follow later edits.

// Comparison is the comparison shown in the window.
type Comparison struct {
	m        *MainWindow
	Old, New *domain.Document
	Report   *diff.Report
	Overlay  *diff.Overlay
	Versions pdf.Versions
	// protect are the versions' files, never replaced by an export.
	protect []string

	rows     []diff.Row
	chart    *chartview.View
	list     *widget.List
	summary  *widget.Label
	previous fyne.CanvasObject // the editor's content, back on Close
	content  fyne.CanvasObject // the comparison's own content
	syncing  bool              // a selection made from the list, not the user on the chart
}

// Compare asks for the other version's file (the same dialog as Open)
// and shows its comparison with the document being edited.
func (m *MainWindow) Compare() {
	if m.session == nil {
		return
	}
	m.askOpenFile([]string{FileExtension}, func(r fyne.URIReadCloser) {
		path := r.URI().Path()
		r.Close()
		m.CompareWith(path)
	})
}

// CompareWith reads the document at path (without locking or writing it:
// it may be open in another OrgDraft) and shows what changed from it to the
// document being edited. An unreadable file is an error dialog, and the
// editor stays as it was.
func (m *MainWindow) CompareWith(path string) error {
	if m.session == nil {
		return nil
	}
	old, err := storage.ReadSnapshot(path)
	if err != nil {
		m.showError(err)
		return err
	}
	m.inspector.Flush()
	cur := m.session.Doc.Clone() // the picture of now: later edits do not move it
	v := pdf.Versions{Old: versionLabel(filepath.Base(path), old), New: versionLabel(m.DocumentName(), cur)}
	return m.ShowComparison(old, cur, v, path)
}

// CompareWithRevision shows what changed from the approved version seq,
// kept in the file, to the document as it is now.
func (m *MainWindow) CompareWithRevision(seq int) error {
	if m.session == nil {
		return nil
	}
	old, err := m.session.Doc.RevisionDocument(seq)
	if err != nil {
		m.showError(err)
		return err
	}
	m.inspector.Flush()
	cur := m.session.Doc.Clone()
	v := pdf.Versions{Old: old.Info.Version, New: versionLabel(m.DocumentName(), cur)}
	return m.ShowComparison(old, cur, v)
}

// CompareRevisions shows what changed from the approved version older to
// the approved version newer, both kept in the file.
func (m *MainWindow) CompareRevisions(older, newer int) error {
	if m.session == nil {
		return nil
	}
	var docs [2]*domain.Document
	for i, seq := range []int{older, newer} {
		d, err := m.session.Doc.RevisionDocument(seq)
		if err != nil {
			m.showError(err)
			return err
		}
		docs[i] = d
	}
	v := pdf.Versions{Old: docs[0].Info.Version, New: docs[1].Info.Version}
	return m.ShowComparison(docs[0], docs[1], v)
}

// versionLabel names a version by its file (or snapshot) name and its
// version label.
func versionLabel(name string, d *domain.Document) string {
	if d.Info.Version != "" {
		return name + " (" + d.Info.Version + ")"
	}
	return name
}

// ShowComparison shows what changed from old to new, any two versions (a
// file and the draft, two snapshots kept in the file, …), named by v, in
// place of the editor until Close Comparison. Neither document is changed;
// the exports never replace the files named in protect (the versions'
// files) nor the document being edited.
func (m *MainWindow) ShowComparison(old, new *domain.Document, v pdf.Versions, protect ...string) error {
	c := &Comparison{m: m, Old: old, New: new, Versions: v, protect: protect}
	c.Report = diff.Compare(old, new, diff.Options{})
	ov, err := diff.NewOverlay(old, new, c.Report)
	if err != nil {
		m.showError(err)
		return err
	}
	c.Overlay = ov
	c.rows = c.Report.Rows(Language() == LanguageChinese)
	m.LeaveComparison()
	c.previous = m.Window.Content()
	m.compare = c
	c.content = c.build()
	m.Window.SetContent(c.content)
	return nil
}

// Comparison returns the comparison shown, or nil while editing.
func (m *MainWindow) Comparison() *Comparison { return m.compare }

// LeaveComparison goes back to editing, if a comparison is shown. When
// the editor was rebuilt meanwhile (the language switched), the window
// shows the new editor already and stays as it is.
func (m *MainWindow) LeaveComparison() {
	c := m.compare
	if c == nil {
		return
	}
	m.compare = nil
	if m.Window.Content() == c.content {
		m.Window.SetContent(c.previous)
	}
}

// marks are the chart's marks for the statuses of a comparison.
var marks = map[diff.Status]chartview.Mark{
	diff.Added: chartview.MarkAdded, diff.Changed: chartview.MarkChanged, diff.Removed: chartview.MarkRemoved,
}

// build makes the comparison's content: a bar with what is compared and
// the buttons, the marked chart and the list of changes with a colour key.
func (c *Comparison) build() fyne.CanvasObject {
	c.chart = chartview.New()
	c.chart.SetHost(chartview.Host{SelectionChanged: c.chartSelected})
	c.chart.SetReadOnly(true)
	c.chart.SetDocument(c.Overlay.Doc)
	m := map[domain.NodeID]chartview.Mark{}
	for id, s := range c.Overlay.Marks {
		m[id] = marks[s]
	}
	c.chart.SetMarks(m)

	c.list = widget.NewList(
		func() int { return len(c.rows) },
		func() fyne.CanvasObject {
			swatch := canvas.NewRectangle(color.Transparent)
			swatch.SetMinSize(fyne.NewSize(12, 12))
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewCenter(swatch), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := c.rows[i]
			box := o.(*fyne.Container)
			l := box.Objects[0].(*widget.Label)
			swatch := box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			fill, edge := chartview.MarkColours(marks[r.Status])
			swatch.FillColor, swatch.StrokeColor, swatch.StrokeWidth = fill, edge, 1.5
			swatch.Refresh()
			l.SetText(rowText(r))
		})
	c.list.OnSelected = c.rowSelected

	added, removed, changed := c.Report.Counts()
	text := fmt.Sprintf(lang.L("%d added, %d removed, %d changed"), added, removed, changed)
	if c.Report.Same() {
		text = lang.L("The two versions are the same.")
	}
	if c.Report.ByName {
		text += "\n" + lang.L("The two files' box ids do not correspond: boxes were matched by their names.")
	}
	c.summary = widget.NewLabel(text)
	c.summary.Wrapping = fyne.TextWrapWord

	key := container.NewHBox()
	for _, k := range []struct {
		mark  chartview.Mark
		label string
	}{{chartview.MarkAdded, "Added"}, {chartview.MarkChanged, "Changed"}, {chartview.MarkRemoved, "Removed"}} {
		fill, edge := chartview.MarkColours(k.mark)
		sw := canvas.NewRectangle(fill)
		sw.StrokeColor, sw.StrokeWidth = edge, 1.5
		sw.SetMinSize(fyne.NewSize(14, 14))
		key.Add(container.NewCenter(sw))
		key.Add(widget.NewLabel(lang.L(k.label)))
	}

	title := widget.NewLabelWithStyle(fmt.Sprintf(lang.L("Comparing %s with %s"), c.Versions.Old, c.Versions.New),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(
		widget.NewButton(lang.L("Export Comparison PDF…"), func() { c.export(".pdf") }),
		widget.NewButton(lang.L("Export Comparison Excel…"), func() { c.export(".xlsx") }),
		&widget.Button{Text: lang.L("Close Comparison"), Importance: widget.HighImportance, OnTapped: c.m.LeaveComparison},
	), title)
	side := container.NewBorder(container.NewVBox(c.summary, key, widget.NewSeparator()), nil, nil, nil, c.list)
	split := container.NewHSplit(c.chart, side)
	split.Offset = 0.66
	return container.NewBorder(container.NewPadded(bar), nil, nil, nil, split)
}

// rowText is one line of the list: the box, what changed, before → after,
// the line breaks of a long text shown as ⏎.
func rowText(r diff.Row) string {
	s := r.Box + " · " + r.What
	switch {
	case r.Before != "" && r.After != "":
		s += ": " + r.Before + " → " + r.After
	case r.After != "":
		s += ": " + r.After
	case r.Before != "":
		s += ": " + r.Before
	}
	return strings.NewReplacer("\r\n", " ⏎ ", "\n", " ⏎ ").Replace(s)
}

// Rows returns the lines of the list beside the chart, in the editor's
// language.
func (c *Comparison) Rows() []diff.Row { return c.rows }

// Chart returns the chart the comparison is drawn on.
func (c *Comparison) Chart() *chartview.View { return c.chart }

// SelectRow chooses line i of the list, as a click on it does.
func (c *Comparison) SelectRow(i int) { c.list.Select(i) }

// rowSelected selects and shows the box of line i, if it is about one.
func (c *Comparison) rowSelected(i widget.ListItemID) {
	if i < 0 || i >= len(c.rows) {
		return
	}
	id := c.Overlay.RowBox(c.rows[i])
	if id == 0 || c.Overlay.Doc.Node(id) == nil {
		return
	}
	c.syncing = true
	c.chart.Select(id)
	c.chart.Reveal(id)
	c.syncing = false
}

// chartSelected shows the first line about the box clicked on the chart.
func (c *Comparison) chartSelected(ids []domain.NodeID) {
	if c.syncing || len(ids) == 0 {
		return
	}
	for i, r := range c.rows {
		if c.Overlay.RowBox(r) == ids[0] {
			c.list.Select(i)
			c.list.ScrollTo(i)
			return
		}
	}
	c.list.UnselectAll()
}

// export asks where to write the comparison table as ext (".pdf" or
// ".xlsx") and writes it, never over either version or any document.
func (c *Comparison) export(ext string) {
	m := c.m
	askSavePath(m.Window, lang.L("Export Comparison"), m.startFolder(), lang.L("Comparison")+ext, ext, func(path string, overwrite bool) {
		if err := c.Write(path, overwrite); err != nil {
			dialog.ShowError(fmt.Errorf("%s\n%s", lang.L("The file could not be written."), outputErrorText(err)), m.Window)
			return
		}
		dialog.ShowInformation(lang.L("Export Comparison"), fmt.Sprintf(lang.L("Written to %s"), path), m.Window)
	})
}

// Write writes the comparison table to path, as PDF or Excel by its
// extension, in the editor's language, through a temporary file; an
// existing file is replaced only with overwrite, and never a document.
func (c *Comparison) Write(path string, overwrite bool) error {
	english := Language() != LanguageChinese
	inputs := append(c.m.documentFiles(), c.protect...)
	return storage.WriteOutput(path, overwrite, func(w io.Writer) error {
		if filepath.Ext(path) == ".xlsx" {
			return sheet.Options{English: english}.WriteComparisonXLSX(w, c.Report, c.Versions.Old, c.Versions.New)
		}
		_, err := pdf.Comparison(w, c.New, c.Report, c.Versions, pdf.Options{Paper: "A4", Landscape: true}, english)
		return err
	}, inputs...)
}
