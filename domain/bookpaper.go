package domain

import "strings"

// The book's paper is chosen apart from the chart's: an office prints the
// chart on A3 to pin up and the book on A4 to hand round.

// DefaultBookPaper is the paper of the book when the document names none.
const DefaultBookPaper = "A4"

// BookPaperOf returns the paper the document's book prints on: its own
// choice, else DefaultBookPaper.
func BookPaperOf(p PageSettings) string {
	if strings.TrimSpace(p.BookPaper) == "" {
		return DefaultBookPaper
	}
	return strings.ToUpper(p.BookPaper)
}

// SetBookPaper returns the command that stores the paper the document's
// book is printed on ("A4", "A3" or "A2"; "" for the default).
func SetBookPaper(paper string) *EditInfo {
	// EditInfo checks the paper with the other fields (checkInfo).
	return &EditInfo{Name: "Change book paper", Apply: func(i *Info) error {
		i.Page.BookPaper = paper
		return nil
	}}
}
