package domain

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// Limits on what a document holds. Every way into a document obeys them:
// the commands, Restore (which files, imports and templates go through)
// and DecodeJSON. So a pasted novel, a headcount of 2^62 or a box dragged
// to infinity gives a clear error instead of an overflowing roll-up, an
// unusable chart or a PDF export that runs out of memory.
const (
	// MaxNameRunes bounds a box name and a dotted-line label.
	MaxNameRunes = 100
	// MaxFieldRunes bounds the document's one-line fields (title,
	// company, version, effective date, confidentiality) and the
	// sign-off rows.
	MaxFieldRunes = 2 * MaxNameRunes
	// MaxTextRunes bounds a free text (grade, hours, notes, the parts of
	// a JobSpec but its code, pay grade and superior) and one list item.
	MaxTextRunes = 20000
	// MaxItems bounds the length of one list (duties, qualifications,
	// functions, authority, KPIs) and the number of sign-off rows.
	MaxItems = 500
	// MaxHeadcount bounds a box's planned and filled headcount (编制/在岗).
	MaxHeadcount = 1000000
	// MaxStatedTotal bounds the total the document states in words: more
	// than any company has, and far from overflowing a sum.
	MaxStatedTotal = 1000 * MaxHeadcount
	// MaxOffset bounds a manual offset, in points either way: a few
	// kilometres of paper, and far from overflowing the layout's sums.
	MaxOffset = 1e7
)

// Errors of the limits, for errors.Is (see also ErrTooLong, ErrNegative,
// ErrEmptyName). The wrapped text names the field.
var (
	// ErrInvalidText is a text that is not valid UTF-8 or holds a NUL
	// character: neither can be typed, and the PDF writer cannot print it.
	ErrInvalidText = errors.New("the text holds invalid characters")
	// ErrOutOfRange is a number beyond its limit: a headcount over
	// MaxHeadcount, or an offset that is not a finite number within
	// MaxOffset.
	ErrOutOfRange = errors.New("the number is out of range")
)

// Papers are the paper names a document may choose, smallest first.
var Papers = []string{"A4", "A3", "A2"}

// ValidPaper reports whether s names one of Papers (in any case); ""
// means A4.
func ValidPaper(s string) bool {
	if s == "" {
		return true
	}
	for _, p := range Papers {
		if strings.EqualFold(p, s) {
			return true
		}
	}
	return false
}

// checkText refuses a text that is invalid UTF-8, holds a NUL or has more
// than limit characters. what names the field in the error.
func checkText(what, s string, limit int) error {
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("%w: %s", ErrInvalidText, what)
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fmt.Errorf("%w: %s has %d characters, at most %d are allowed", ErrTooLong, what, n, limit)
	}
	return nil
}

// SanitizeText makes a text from outside (a file, an import) printable:
// invalid UTF-8 becomes U+FFFD and NUL characters are dropped. It reports
// whether it changed anything.
func SanitizeText(s string) (string, bool) {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s, false
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", ""), true
}

// Truncate shortens s to at most limit characters. It reports whether it
// cut anything.
func Truncate(s string, limit int) (string, bool) {
	if len(s) <= limit { // bytes ≥ characters: nothing to count
		return s, false
	}
	i, n := 0, 0
	for i < len(s) && n < limit {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return s[:i], i < len(s)
}

// checkHeadcount refuses a negative headcount or one over MaxHeadcount.
func checkHeadcount(what string, v, limit int) error {
	switch {
	case v < 0:
		return fmt.Errorf("%w: %s is %d", ErrNegative, what, v)
	case v > limit:
		return fmt.Errorf("%w: %s is %d, at most %d", ErrOutOfRange, what, v, limit)
	}
	return nil
}

// ValidOffset reports whether o is a finite offset within MaxOffset.
func ValidOffset(o Offset) bool {
	// The comparison is false for NaN and ±Inf as well.
	return math.Abs(o.X) <= MaxOffset && math.Abs(o.Y) <= MaxOffset
}

// checkBounds checks a box against the limits without changing it.
func checkBounds(n *Node) error {
	if strings.TrimSpace(n.Name) == "" {
		return ErrEmptyName
	}
	if err := checkText("the name", n.Name, MaxNameRunes); err != nil {
		return err
	}
	if err := checkHeadcount("the planned headcount (编制)", n.Planned, MaxHeadcount); err != nil {
		return err
	}
	if err := checkHeadcount("the filled headcount (在岗)", n.Filled, MaxHeadcount); err != nil {
		return err
	}
	for _, f := range []struct{ what, s string }{{"the grade", n.Grade}, {"the working hours", n.Hours}, {"the notes", n.Notes}} {
		if err := checkText(f.what, f.s, MaxTextRunes); err != nil {
			return err
		}
	}
	if err := checkJob(&n.Job); err != nil {
		return err
	}
	for _, l := range Lists {
		items := n.Items(l)
		if len(items) > MaxItems {
			return fmt.Errorf("%w: %d %s, at most %d", ErrTooLong, len(items), l, MaxItems)
		}
		for i, s := range items {
			if err := checkText(fmt.Sprintf("%s item %d", l, i+1), s, MaxTextRunes); err != nil {
				return err
			}
		}
	}
	if err := checkStaffing(n); err != nil {
		return err
	}
	if !ValidOffset(n.Offset) {
		return fmt.Errorf("%w: the manual offset (%g, %g) is not a number within ±%g", ErrOutOfRange, n.Offset.X, n.Offset.Y, float64(MaxOffset))
	}
	return nil
}

// checkInfo checks the document's own fields against the limits.
func checkInfo(i *Info) error {
	for _, f := range []struct{ what, s string }{
		{"the title", i.Title}, {"the company", i.Company}, {"the version", i.Version},
		{"the effective date", i.EffectiveDate}, {"the confidentiality", i.Confidentiality},
	} {
		if err := checkText(f.what, f.s, MaxFieldRunes); err != nil {
			return err
		}
	}
	if err := checkText("the document notes", i.Notes, MaxTextRunes); err != nil {
		return err
	}
	if err := checkHeadcount("the stated total", i.StatedTotal, MaxStatedTotal); err != nil {
		return err
	}
	if len(i.SignOffs) > MaxItems {
		return fmt.Errorf("%w: %d sign-off rows, at most %d", ErrTooLong, len(i.SignOffs), MaxItems)
	}
	for k, s := range i.SignOffs {
		for _, f := range []string{s.Role, s.Name, s.Date} {
			if err := checkText(fmt.Sprintf("sign-off row %d", k+1), f, MaxFieldRunes); err != nil {
				return err
			}
		}
	}
	if !ValidPaper(i.Page.Paper) {
		return fmt.Errorf("unknown paper %q (want %s)", i.Page.Paper, strings.Join(Papers, ", "))
	}
	if !ValidPaper(i.Page.BookPaper) {
		return fmt.Errorf("unknown book paper %q (want %s)", i.Page.BookPaper, strings.Join(Papers, ", "))
	}
	if i.Page.Language != Chinese && i.Page.Language != English {
		return fmt.Errorf("unknown print language %d", int(i.Page.Language))
	}
	return checkCodes(&i.Codes)
}

// checkLink checks a dotted-line link's label against the limits.
func checkLink(l *Link) error {
	return checkText("the label of the dotted-line link", l.Label, MaxNameRunes)
}
