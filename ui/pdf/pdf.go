// Package pdf prints an OrgDraft document on paper: the org chart
// (组织架构图) and the job-responsibility book (岗位职责说明书), both with
// the document's title block and sign-off rows (编制 / 审核 / 批准).
//
// Everything is laid out first as a list of pages in points (see sheet),
// with text measured and wrapped by the one measurer of package measure, so
// the chart on paper shows the same lines as the editor. Only then are the
// pages written to PDF, in render.go, which is the one file that knows the
// PDF library: swapping the library means rewriting that file alone. Laying
// out first also gives the table of contents its page numbers and every
// footer its page count without rendering twice.
//
// The package imports no GUI toolkit.
package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"orgdraft/domain"
)

// Mode says how a chart too large for one page is printed.
type Mode int

// The chart modes.
const (
	// Fit prints the chart on one page, scaled so that its smallest text
	// is still at least MinTextSize points. When that is impossible it
	// falls back to Split and says so in the report.
	Fit Mode = iota
	// Tile prints the chart at full size across as many pages as it needs,
	// with overlapping edges, row and column labels and assembly marks, and
	// a first page that maps the tiles.
	Tile
	// Split prints an overview of the top levels, with the top-level units
	// folded, and then every top-level unit, small ones sharing a page,
	// all at one scale; a folded box names the page it continues on. A
	// unit too large for its page is tiled.
	Split
)

var modeNames = [...]string{"fit", "tile", "split"}

// String returns "fit", "tile" or "split".
func (m Mode) String() string {
	if m < 0 || int(m) >= len(modeNames) {
		return fmt.Sprintf("mode(%d)", int(m))
	}
	return modeNames[m]
}

// ParseMode is the inverse of Mode.String.
func ParseMode(s string) (Mode, error) {
	for i, n := range modeNames {
		if strings.EqualFold(n, s) {
			return Mode(i), nil
		}
	}
	return Fit, fmt.Errorf("unknown chart mode %q (want fit, tile or split)", s)
}

// MinTextSize is the smallest font size, in points, at which chart text is
// printed. Below it Chinese characters are hard to read on paper.
const MinTextSize = 6

// Options choose the paper and how a large chart is printed.
type Options struct {
	// Paper is the chart's paper: "A4", "A3" or "A2" (any case); empty
	// means A4.
	Paper string
	// BookPaper is the book's paper, chosen apart from the chart's (an
	// office prints the chart on A3 and the book on A4); empty means A4.
	// The book's chart pages are printed on it too.
	BookPaper string
	// Landscape turns the chart PDF's paper sideways. The book is read
	// upright: its text pages stay portrait, and its chart pages turn to
	// suit the chart's shape whatever Landscape says.
	Landscape bool
	// Mode says how a chart too large for one page is printed.
	Mode Mode
	// Language is the language of the PDF's own words: headings, labels,
	// page footers and the customary sign-off roles (编制 / 审核 / 批准).
	// What the user wrote (names, duties, dates) is printed as written.
	Language domain.Language
	// Messages is the language of the Report's warnings: the user's, who
	// may read English while printing in Chinese for the office.
	Messages domain.Language
	// Saved is when the document was last saved. It is the PDF's creation
	// and modification date, so that exporting an unchanged document again
	// writes the same bytes. The zero time, for a document never saved,
	// writes a fixed date (see fixedDate).
	Saved time.Time
}

// OptionsFor returns the document's own printing preferences: the chart's
// and the book's paper, the chart's orientation and the print language,
// which the warnings follow too.
func OptionsFor(d *domain.Document) Options {
	p := d.Info.Page
	return Options{Paper: p.Paper, BookPaper: domain.BookPaperOf(p), Landscape: p.Landscape, Language: p.Language, Messages: p.Language}
}

// Report says what an export produced.
type Report struct {
	// Pages is the number of pages written.
	Pages int
	// Warnings are messages for the user, in the language of
	// Options.Messages: characters the font cannot print, a chart that did
	// not fit.
	Warnings []string
	// Unprintable lists the distinct characters that were replaced because
	// the font cannot print them (emoji, rare ideographs beyond the Basic
	// Multilingual Plane), in order of first appearance.
	Unprintable []rune
}

// paperSizes are the ISO 216 sizes in points, portrait.
var paperSizes = map[string][2]float64{
	"A4": {595.28, 841.89},
	"A3": {841.89, 1190.55},
	"A2": {1190.55, 1683.78},
}

// PaperSizes returns the paper names Options.Paper accepts, smallest first.
func PaperSizes() []string { return []string{"A4", "A3", "A2"} }

// paper is a page size in points.
type paper struct{ w, h float64 }

// pageSize returns the size of the named paper, upright.
func pageSize(name string) (paper, error) {
	if name == "" {
		name = "A4"
	}
	s, ok := paperSizes[strings.ToUpper(name)]
	if !ok {
		return paper{}, fmt.Errorf("unknown paper %q (want %s)", name, strings.Join(PaperSizes(), ", "))
	}
	return paper{s[0], s[1]}, nil
}

// Chart writes the org chart PDF: the title block, the chart and the
// sign-off block on the first page, more pages when the chart is tiled or
// split, and the page number (第 x 页 共 y 页) on every page.
func Chart(w io.Writer, d *domain.Document, o Options) (Report, error) {
	c, err := newComposer(d, o)
	if err != nil {
		return Report{}, err
	}
	sheets, err := c.chartDocument()
	if err != nil {
		return Report{}, err
	}
	return c.finish(w, sheets)
}

// Book writes the job-responsibility book (岗位职责说明书): a cover with the
// sign-off table, the table of contents, the chart, the functions of every
// unit, the staffing table (人员编制表) and one section per position.
func Book(w io.Writer, d *domain.Document, o Options) (Report, error) {
	// The book is laid out on its own paper, which its warnings name.
	o.Paper = o.BookPaper
	c, err := newComposer(d, o)
	if err != nil {
		return Report{}, err
	}
	sheets, err := c.book()
	if err != nil {
		return Report{}, err
	}
	return c.finish(w, sheets)
}

// finish writes the laid-out pages and gathers the report.
func (c *composer) finish(w io.Writer, sheets []*sheet) (Report, error) {
	if err := render(w, sheets, c.meta()); err != nil {
		return Report{}, err
	}
	r := Report{Pages: len(sheets), Warnings: c.warnings, Unprintable: c.clean.runes}
	r.Warnings = append(r.Warnings, c.clean.warnings(c.say)...)
	return r, nil
}
