package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// FindBoxes returns the boxes whose name contains query (ignoring case and
// surrounding spaces), in chart order. An empty query finds nothing.
func FindBoxes(d *domain.Document, query string) []domain.NodeID {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	var out []domain.NodeID
	d.Walk(func(n *domain.Node) bool {
		if strings.Contains(strings.ToLower(n.Name), q) {
			out = append(out, n.ID)
		}
		return true
	})
	return out
}

// searchDialog is Edit ▸ Find: a name to look for and the boxes that
// match; choosing one selects it on the chart.
type searchDialog struct {
	dlg     *dialog.CustomDialog
	query   *keyEntry
	count   *widget.Label
	list    *widget.List
	matches []domain.NodeID
}

// ShowSearch shows the Find dialog.
func (m *MainWindow) ShowSearch() { m.showSearch() }

// showSearch is ShowSearch, and returns the dialog for the tests.
func (m *MainWindow) showSearch() *searchDialog {
	if m.session == nil {
		return nil
	}
	d := m.session.Doc
	s := &searchDialog{}
	s.query = newKeyEntry()
	s.query.SetPlaceHolder(lang.L("Part of a box name, e.g. service"))
	s.count = widget.NewLabel("")
	s.list = widget.NewList(
		func() int { return len(s.matches) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.matches) {
				o.(*widget.Label).SetText(strings.Join(d.Path(s.matches[i]), " › "))
			}
		},
	)
	choose := func(i int) {
		if i < len(s.matches) {
			s.dlg.Hide()
			m.Select(s.matches[i])
		}
	}
	s.list.OnSelected = func(i widget.ListItemID) { choose(i) }
	s.query.OnChanged = func(q string) {
		s.matches = FindBoxes(d, q)
		switch {
		case strings.TrimSpace(q) == "":
			s.count.SetText("")
		case len(s.matches) == 0:
			s.count.SetText(lang.L("No box has that name."))
		default:
			s.count.SetText(countOf(len(s.matches), "%d box found", "%d boxes found"))
		}
		s.list.UnselectAll()
		s.list.Refresh()
	}
	// Enter takes the first match.
	s.query.OnSubmitted = func(string) { choose(0) }
	body := container.NewBorder(container.NewVBox(s.query, s.count), nil, nil, nil, s.list)
	s.dlg = dialog.NewCustom(lang.L("Find"), lang.L("Close"), body, m.Window)
	s.dlg.Resize(fyne.NewSize(520, 440))
	showKeyed(m.Window, s.dlg, s.dlg.Hide, func() { choose(0) })
	m.Window.Canvas().Focus(s.query)
	return s
}
