package ui

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/storage/sheet"
)

// ImportPreview is the dialog File ▸ Import shows for a table before
// importing it: the tree it will make, how its columns were read, and the
// problems by row. Import makes it a new document, or adds it under the
// selected box as one undo step.
type ImportPreview struct {
	m     *MainWindow
	name  string
	doc   *domain.Document // nil when the table has problems
	under domain.NodeID    // the selected box when the preview opened

	dlg    *dialog.CustomDialog
	where  *widget.RadioGroup
	button *widget.Button
}

// ShowImportPreview reads the table named name and shows what importing
// it would do. A file that cannot be read as a table at all (not a
// workbook, too large) is an error dialog instead.
func (m *MainWindow) ShowImportPreview(name string, r io.Reader) *ImportPreview {
	var d *domain.Document
	var sum *sheet.Summary
	err := domain.Safely(func() (err error) {
		d, sum, err = sheet.ImportSummary(name, r)
		return err
	})
	if err != nil && sum == nil {
		dialog.ShowError(fmt.Errorf("%s\n\n%s", lang.L("Nothing was imported:"), exchangeText(err)), m.Window)
		return nil
	}
	p := &ImportPreview{m: m, name: name, doc: d}
	if m.session != nil && !m.session.ReadOnly() {
		p.under = m.Selected()
	}
	zh := Language() == LanguageChinese

	// Left: the chart it will make, one line a box.
	var tree []string
	var heading string
	if d != nil {
		t := d.Total()
		heading = fmt.Sprintf(lang.L("%s, %d planned"), countOf(d.Len(), "%d box", "%d boxes"), t.Planned)
		tree = previewLines(d)
	} else {
		heading = lang.L("Nothing can be imported until the rows below are put right in the table.")
	}
	list := widget.NewList(func() int { return len(tree) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(tree[i]) })
	left := container.NewBorder(previewHeading(lang.L("The chart it will make")), nil, nil, nil, list)

	// Right: how the table was read, and its problems by row.
	info := container.NewVBox(previewHeading(name), previewText(heading, widget.MediumImportance))
	if d != nil && d.Info.StatedTotal != 0 {
		info.Add(previewText(fmt.Sprintf(lang.L("The table states a total of %d."), d.Info.StatedTotal), widget.MediumImportance))
	}
	info.Add(previewHeading(lang.L("Columns")))
	for _, l := range sum.Lines(zh) {
		info.Add(previewText(l, widget.MediumImportance))
	}
	var rows sheet.ErrorList
	if err != nil {
		info.Add(previewHeading(lang.L("Problems")))
		errors.As(err, &rows)
		if len(rows) == 0 {
			info.Add(previewText(exchangeText(err), widget.DangerImportance))
		}
		for _, e := range rows {
			info.Add(previewText(e.Text(zh), widget.DangerImportance))
		}
	}
	right := container.NewVScroll(info)

	p.where = widget.NewRadioGroup(nil, nil)
	newDoc := lang.L("As a new document")
	p.where.Options = []string{newDoc}
	if p.under != 0 {
		p.where.Options = append(p.where.Options, fmt.Sprintf(lang.L("Under \"%s\", as one step to undo"), m.session.Doc.Node(p.under).Name))
	}
	p.where.Selected = newDoc
	p.where.Required = true

	body := container.NewBorder(nil, p.where, nil, nil, container.NewHSplit(left, right))
	p.dlg = dialog.NewCustomWithoutButtons(lang.L("Import Table"), body, m.Window)
	p.button = &widget.Button{Text: lang.L("Import"), Importance: widget.HighImportance, OnTapped: p.confirm}
	if d == nil {
		p.button.Disable()
	}
	p.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), p.dlg.Hide), p.button})
	p.dlg.Resize(fyne.NewSize(960, 620))
	showKeyed(m.Window, p.dlg, p.dlg.Hide, p.confirm)
	return p
}

// confirm imports as the dialog says.
func (p *ImportPreview) confirm() {
	if p.doc == nil {
		return
	}
	p.dlg.Hide()
	m := p.m
	if p.where.Selected == p.where.Options[0] {
		m.confirmDiscard(func() {
			if err := m.openImported(p.name, p.doc); err != nil {
				m.showError(err)
			}
		})
		return
	}
	// The table's tree goes in as a pasted branch: one step to undo, heads
	// and links kept, a clashing name numbered.
	g := &domain.PasteBranch{Parent: p.under, Index: -1, Branch: p.doc.CopyBranch(p.doc.Roots()), Name: "Import table"}
	if m.DoAndShow(g) == nil {
		m.Select(g.Added()...)
	}
}

// previewLines draws a document's tree for the preview: a line a box,
// indented by level; a position with its planned headcount and whether it
// heads its unit.
func previewLines(d *domain.Document) []string {
	var out []string
	var walk func(ids []domain.NodeID, depth int)
	walk = func(ids []domain.NodeID, depth int) {
		for _, id := range ids {
			n := d.Node(id)
			line := strings.Repeat("      ", depth)
			if n.Kind.IsPosition() {
				line += "· " + n.Name + "  " + fmt.Sprintf(lang.L("%d planned"), n.Planned)
				if n.Head {
					line += " · " + lang.L("Heads its unit")
				}
			} else {
				line += "▪ " + n.Name
			}
			out = append(out, line)
			walk(d.ChildIDs(id), depth+1)
		}
	}
	walk(d.Roots(), 0)
	return out
}

func previewHeading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func previewText(s string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}
