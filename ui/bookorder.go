package ui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// bookOrderLabels name the orders of the book's chapters, in the order of
// domain.BookOrder.
func bookOrderLabels() []string {
	return []string{
		lang.L("By kind: the chart, unit functions, staffing table, positions"),
		lang.L("A chapter per unit: its functions, its chart, its positions"),
	}
}

// newBookOrderSelect returns the Document Properties choice of the book's
// order, showing o.
func newBookOrderSelect(o domain.BookOrder) *widget.Select {
	s := widget.NewSelect(bookOrderLabels(), nil)
	s.SetSelectedIndex(int(o))
	return s
}

// bookOrderOf returns the order s shows.
func bookOrderOf(s *widget.Select) domain.BookOrder {
	return domain.BookOrder(max(0, s.SelectedIndex()))
}
