package storage

import (
	"errors"
	"fmt"
	"strings"

	"orgdraft/domain"
)

// Reading a file mends what the editor and the PDF writer could not bear
// but the user can live without, and says so; everything else beyond the
// domain's limits (a headcount of 2^62, 600 duties, an unknown paper) is
// refused as damage, naming the box. The mending happens in memory only:
// the file keeps its bytes until the box is edited (or Save As writes the
// mended document).

// What reading a file may mend, for errors.Is on a Warning.
var (
	// ErrTextRepaired: invalid UTF-8 was replaced by U+FFFD, NUL
	// characters were dropped.
	ErrTextRepaired = errors.New("texts with invalid characters were repaired")
	// ErrTextShortened: a text over its limit (domain.MaxNameRunes for a
	// name, …) was cut to it.
	ErrTextShortened = errors.New("texts over their length limit were shortened")
	// ErrOffsetReset: a manual offset that is not a finite number within
	// domain.MaxOffset was reset, so the box is where the automatic layout
	// puts it.
	ErrOffsetReset = errors.New("boxes at impossible places were put back in their automatic place")
)

// Warning is one kind of mending that reading a document did (Err is
// ErrTextRepaired, ErrTextShortened, ErrOffsetReset, or ErrForeign for the
// objects ReadSnapshotWarnings left out), with the first few places.
type Warning struct {
	Err    error
	Places []string // e.g. `box 12 "出纳": the name`
	Count  int      // how many places in all
}

// Error says what was mended, and where.
func (w Warning) Error() string {
	s := w.Err.Error() + ": " + strings.Join(w.Places, "; ")
	if w.Count > len(w.Places) {
		s += fmt.Sprintf("; … (%d in all)", w.Count)
	}
	return s
}

// Unwrap returns the kind of mending, for errors.Is.
func (w Warning) Unwrap() error { return w.Err }

// maxPlaces is how many places a Warning names.
const maxPlaces = 5

// repairs collects the warnings of one read.
type repairs struct {
	warnings []Warning
}

// note records that kind of mending happened at place.
func (r *repairs) note(kind error, place string) {
	for i := range r.warnings {
		if w := &r.warnings[i]; w.Err == kind {
			if len(w.Places) < maxPlaces {
				w.Places = append(w.Places, place)
			}
			w.Count++
			return
		}
	}
	r.warnings = append(r.warnings, Warning{Err: kind, Places: []string{place}, Count: 1})
}

// text mends the text at s, of what, to valid UTF-8 without NUL within
// limit characters.
func (r *repairs) text(s *string, limit int, what func() string) {
	if t, changed := domain.SanitizeText(*s); changed {
		*s = t
		r.note(ErrTextRepaired, what())
	}
	if t, cut := domain.Truncate(*s, limit); cut {
		*s = t
		r.note(ErrTextShortened, what())
	}
}

// info mends the document's own fields.
func (r *repairs) info(i *domain.Info) {
	for _, f := range []struct {
		s    *string
		what string
	}{
		{&i.Title, "title"}, {&i.Company, "company"}, {&i.Version, "version"},
		{&i.EffectiveDate, "effective date"}, {&i.Confidentiality, "confidentiality"},
	} {
		r.text(f.s, domain.MaxFieldRunes, func() string { return "the document's " + f.what })
	}
	r.text(&i.Notes, domain.MaxTextRunes, func() string { return "the document's notes" })
	for k := range i.SignOffs {
		s := &i.SignOffs[k]
		what := func() string { return fmt.Sprintf("sign-off row %d", k+1) }
		for _, f := range []*string{&s.Role, &s.Name, &s.Date} {
			r.text(f, domain.MaxFieldRunes, what)
		}
	}
}

// node mends one box: its texts, and its offset. The name comes first, so
// that the places named after it show it mended.
func (r *repairs) node(n *domain.Node) {
	where := func(field string) func() string {
		return func() string { return fmt.Sprintf("box %d %s: %s", n.ID, quoteShort(n.Name), field) }
	}
	r.text(&n.Name, domain.MaxNameRunes, where("the name"))
	r.text(&n.Grade, domain.MaxTextRunes, where("the grade"))
	r.text(&n.Hours, domain.MaxTextRunes, where("the working hours"))
	r.text(&n.Notes, domain.MaxTextRunes, where("the notes"))
	if !domain.ValidOffset(n.Offset) {
		r.note(ErrOffsetReset, where(fmt.Sprintf("offset (%g, %g)", n.Offset.X, n.Offset.Y))())
		n.Offset = domain.Offset{}
	}
}

// job mends the text fields of box n's JobSpec.
func (r *repairs) job(n *domain.Node) {
	for _, f := range domain.JobFields {
		r.text(n.Job.Field(f), f.Limit(), func() string {
			return fmt.Sprintf("box %d %s: the job description's %s", n.ID, quoteShort(n.Name), f)
		})
	}
}

// item mends one list item of box n.
func (r *repairs) item(n *domain.Node, list string, pos int, s *string) {
	r.text(s, domain.MaxTextRunes, func() string {
		return fmt.Sprintf("box %d %s: %s item %d", n.ID, quoteShort(n.Name), list, pos+1)
	})
}

// link mends the label of a dotted-line link.
func (r *repairs) link(l *domain.Link) {
	r.text(&l.Label, domain.MaxNameRunes, func() string { return fmt.Sprintf("the label of dotted-line link %d", l.ID) })
}

// quoteShort quotes a name for a message, cut short: it may be the
// over-long text the message is about.
func quoteShort(name string) string {
	if s, cut := domain.Truncate(name, 40); cut {
		return fmt.Sprintf("%q…", s)
	}
	return fmt.Sprintf("%q", name)
}

// Warnings say what Open mended in the document it returned (nothing for
// a sound file): show them to the user. The file itself was not changed.
func (f *File) Warnings() []Warning {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.warnings
}
