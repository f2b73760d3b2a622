package domain

import "fmt"

// BookOrder is the order of the job-responsibility book's chapters.
type BookOrder int

// The orders of the book.
const (
	// BookByKind prints the whole chart, then every unit's functions, the
	// staffing table and every position: a chapter for each kind of
	// content.
	BookByKind BookOrder = iota
	// BookByUnit gives every department a chapter of its own, as the
	// customer's company document does: the unit's functions (部门职责),
	// its own chart (岗位编制图) and its positions.
	BookByUnit
)

var bookOrderNames = [...]string{"kind", "unit"}

// String returns "kind" or "unit", the names the file and JSON store.
func (o BookOrder) String() string {
	if o < 0 || int(o) >= len(bookOrderNames) {
		return fmt.Sprintf("bookorder(%d)", int(o))
	}
	return bookOrderNames[o]
}

// ParseBookOrder is the inverse of BookOrder.String; empty is BookByKind.
func ParseBookOrder(s string) (BookOrder, error) {
	if s == "" {
		return BookByKind, nil
	}
	for i, n := range bookOrderNames {
		if n == s {
			return BookOrder(i), nil
		}
	}
	return BookByKind, fmt.Errorf("unknown book order %q (want kind or unit)", s)
}

// SetBookOrder returns the command that stores the order of the book's
// chapters.
func SetBookOrder(o BookOrder) *EditInfo {
	return &EditInfo{Name: "Change book order", Apply: func(i *Info) error {
		if o != BookByKind && o != BookByUnit {
			return fmt.Errorf("unknown book order %d", int(o))
		}
		i.Page.BookOrder = o
		return nil
	}}
}
