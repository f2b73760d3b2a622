package pdf

// This is the one file that knows the PDF library. The customer named
// github.com/jung-kurt/gofpdf, archived in 2021; codeberg.org/go-pdf/fpdf is
// its maintained successor with the same API, deterministic output (sorted
// resource catalogs) and a fixed data race, so it is used here. Switching
// back means changing the import below; switching to another library means
// rewriting this file only, since the rest of the package draws sheets.

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"orgdraft/assets"
	"orgdraft/domain"
)

// The bundled font's names. fpdf embeds only the glyphs a document uses,
// but names the subset "utf8" + the family it was registered under, without
// the tag (six capitals and a plus) by which PDF marks a subset (ISO
// 32000-1, 9.6.4) and which tools such as pdffonts look for. The family is
// therefore chosen so that "utf8" + family is exactly as long as the proper
// subset name, and render swaps the one for the other in the finished file:
// equal lengths keep every cross-reference offset valid.
const (
	fontName   = "WenQuanYiMicroHei"
	fontFamily = "wenquanyimicroheisub" // len("utf8"+fontFamily) == len(tag+"+"+fontName)
)

// subsetName returns the name of the font subset that prints the sheets:
// a tag of six capitals derived from the characters they use, a plus and
// the font's name. Different subsets must bear different tags (ISO
// 32000-1, 9.6.4), or a PDF merging a chart and a book would hold two
// fonts of one name; deriving the tag from the content, not drawing it at
// random, keeps the output of one document the same from one export to
// the next.
func subsetName(sheets []*sheet) string {
	used := map[rune]bool{}
	for _, s := range sheets {
		for i := range s.marks {
			for _, r := range s.marks[i].text {
				used[r] = true
			}
		}
	}
	runes := make([]rune, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	// The version names the font too: another release may bundle another.
	sum := sha256.Sum256([]byte(assets.Version + "\x00" + string(runes)))
	n := binary.BigEndian.Uint64(sum[:8])
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + n%26)
		n /= 26
	}
	return string(tag) + "+" + fontName
}

// meta is the PDF's document information.
type meta struct {
	title, author, subject string
	lang                   domain.Language // of the PDF's own words
	saved                  time.Time       // when the document was saved; zero: never
}

// fixedDate is the date of the PDF of a document never saved: fixed, so
// that exporting it twice gives the same file. It is the start of the year
// 2000, which no real save of a document of this program bears.
var fixedDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// render writes the sheets as a PDF to w. The bundled font is embedded as a
// subset: only the glyphs the pages use.
func render(w io.Writer, sheets []*sheet, info meta) error {
	if len(sheets) == 0 {
		return fmt.Errorf("pdf: nothing to print")
	}
	p := fpdf.NewCustom(&fpdf.InitType{
		UnitStr: "pt",
		Size:    fpdf.SizeType{Wd: sheets[0].w, Ht: sheets[0].h},
	})
	p.SetCatalogSort(true)
	// fpdf would compress each page with a new zlib writer, about a
	// megabyte of state apiece, which dominates the time of a long book;
	// compressPages does it afterwards with one writer.
	p.SetCompression(false)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.SetTitle(info.title, true)
	p.SetAuthor(info.author, true)
	p.SetSubject(info.subject, true)
	creator, lang := "OrgDraft 组织架构设计器", "zh-CN"
	if info.lang == domain.English {
		creator, lang = "OrgDraft", "en"
	}
	p.SetCreator(creator, true)
	p.SetProducer("OrgDraft "+assets.Version, true)
	// The catalog's /Lang tells screen readers and text extraction the
	// language of the PDF's own words.
	p.SetLang(lang)
	// fpdf writes the dates without a time zone, which readers take for
	// local time: the saved time is given as the local clock showed it.
	date := fixedDate
	if !info.saved.IsZero() {
		date = info.saved.Local()
	}
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	// AddUTF8FontFromBytes modifies the bytes it is given, so it gets a
	// fresh copy; it reports an unusable font only through Error.
	p.AddUTF8FontFromBytes(fontFamily, "", assets.Font())
	if err := p.Error(); err != nil {
		return fmt.Errorf("pdf: bundled font: %w", err)
	}
	p.SetFont(fontFamily, "", 10)

	// Every anchor becomes a link destination before any page is drawn,
	// so that the contents, which come first, can point forward.
	r := &renderer{p: p, links: map[int]int{}}
	for i, s := range sheets {
		for _, a := range s.anchors {
			id := p.AddLink()
			p.SetLink(id, a.y, i+1)
			r.links[a.id] = id
		}
	}
	for _, s := range sheets {
		p.AddPageFormat("P", fpdf.SizeType{Wd: s.w, Ht: s.h})
		// The outline: chapters at its top level, sections under them.
		for _, a := range s.anchors {
			p.Bookmark(a.title, a.level-1, a.y)
		}
		// A new page starts with an unknown state.
		r.st, r.saved = state{}, nil
		for i := range s.marks {
			r.draw(&s.marks[i])
		}
		if err := p.Error(); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	out := bytes.ReplaceAll(buf.Bytes(), []byte("/utf8"+fontFamily), []byte("/"+subsetName(sheets)))
	_, err := w.Write(compressPages(out))
	return err
}

// compressPages deflates the uncompressed streams of a PDF written by fpdf,
// the pages' contents, reusing one compressor, and moves the offsets of
// the cross-reference table to match. fpdf writes such a stream as
//
//	<</Length n>>\nstream\n…n bytes…\nendstream
//
// and anything else is left as it is, so a PDF this function does not
// understand comes out unchanged: uncompressed, but valid.
func compressPages(in []byte) []byte {
	xref := bytes.LastIndex(in, []byte("\nxref\n")) + 1 // the offset of "xref"
	if xref == 0 {
		return in
	}
	out := bytes.NewBuffer(make([]byte, 0, len(in)/2))
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed) // a valid level: no error
	// Bytes of the input from ends[i] on have moved by moved[i].
	var ends, moved []int
	const head, mid, tail = "<</Length ", ">>\nstream\n", "\nendstream"
	copied := 0
	for i := 0; ; {
		j := bytes.Index(in[i:xref], []byte(head))
		if j < 0 {
			break
		}
		start := i + j
		i = start + len(head)
		k := i
		for k < xref && '0' <= in[k] && in[k] <= '9' {
			k++
		}
		n, err := strconv.Atoi(string(in[i:k]))
		data := k + len(mid)
		if err != nil || !bytes.HasPrefix(in[k:xref], []byte(mid)) || data+n+len(tail) > xref ||
			!bytes.HasPrefix(in[data+n:], []byte(tail)) {
			continue // not a stream fpdf left uncompressed
		}
		z.Reset()
		zw.Reset(&z)
		zw.Write(in[data : data+n]) // writes to a bytes.Buffer do not fail
		zw.Close()
		out.Write(in[copied:start])
		fmt.Fprintf(out, "<</Filter /FlateDecode /Length %d>>\nstream\n", z.Len())
		out.Write(z.Bytes())
		copied, i = data+n, data+n
		ends = append(ends, copied)
		moved = append(moved, out.Len()-copied)
	}
	if len(ends) == 0 {
		return in
	}
	out.Write(in[copied:xref])
	newXref := out.Len()
	// The table is "xref", "0 count", then one 20-byte line per object
	// starting with its offset in ten digits; the trailer follows, ending
	// with "startxref", the table's offset and "%%EOF".
	lines := bytes.SplitAfter(in[xref:], []byte("\n"))
	for k := 0; k < len(lines); k++ {
		l := lines[k]
		if len(l) == 20 && bytes.HasSuffix(l, []byte(" 00000 n \n")) {
			if off, err := strconv.Atoi(string(l[:10])); err == nil {
				// The last stream that ends before the object says how
				// far it moved.
				if i := sort.SearchInts(ends, off+1) - 1; i >= 0 {
					off += moved[i]
				}
				fmt.Fprintf(out, "%010d 00000 n \n", off)
				continue
			}
		}
		out.Write(l)
		if bytes.Equal(l, []byte("startxref\n")) && k+1 < len(lines) {
			fmt.Fprintf(out, "%d\n", newXref)
			k++ // the old offset
		}
	}
	return out.Bytes()
}

// renderer draws marks, setting colours, widths and font sizes only when
// they change: fpdf writes every setter call into the page.
type renderer struct {
	p     *fpdf.Fpdf
	st    state
	saved []state     // the states saved by clips that have not ended
	links map[int]int // anchor id → the PDF library's link id
}

// state is the part of the PDF graphics state the renderer sets, each
// field with whether it is known on the current page.
type state struct {
	draw, fill cached[rgb]
	width      cached[float64]
	dash       cached[dash]
	round      cached[bool]
	size       cached[float64]
	mode       cached[int] // text rendering mode: 0 fill, 2 fill and stroke
}

// cached is a value set in the PDF, or not yet known.
type cached[T comparable] struct {
	v  T
	ok bool
}

// change records v and reports whether it differs from what is set.
func (c *cached[T]) change(v T) bool {
	if c.ok && c.v == v {
		return false
	}
	c.v, c.ok = v, true
	return true
}

func (r *renderer) setDraw(c rgb) {
	if r.st.draw.change(c) {
		r.p.SetDrawColor(int(c.r), int(c.g), int(c.b))
	}
}

func (r *renderer) setFill(c rgb) {
	if r.st.fill.change(c) {
		r.p.SetFillColor(int(c.r), int(c.g), int(c.b))
	}
}

func (r *renderer) setWidth(w float64) {
	if r.st.width.change(w) {
		r.p.SetLineWidth(w)
	}
}

func (r *renderer) setDash(d dash) {
	if r.st.dash.change(d) {
		if d == solid {
			r.p.SetDashPattern(nil, 0)
		} else {
			r.p.SetDashPattern([]float64{d.on, d.off}, 0)
		}
	}
	// A dash of length zero with round caps is a dot.
	round := d != solid && d.on == 0
	if r.st.round.change(round) {
		if round {
			r.p.SetLineCapStyle("round")
		} else {
			r.p.SetLineCapStyle("butt")
		}
	}
}

func (r *renderer) setSize(s float64) {
	if r.st.size.change(s) {
		r.p.SetFontSize(s)
	}
}

func (r *renderer) setMode(m int) {
	if r.st.mode.change(m) {
		r.p.SetTextRenderingMode(m)
	}
}

// style prepares the pen and fill and returns fpdf's style letters for a
// shape drawn with them ("" when nothing would show).
func (r *renderer) style(st pen, fill *rgb) string {
	s := ""
	if st.width > 0 {
		r.setDraw(st.color)
		r.setWidth(st.width)
		r.setDash(st.dash)
		s = "D"
	}
	if fill != nil {
		r.setFill(*fill)
		s += "F"
	}
	return s
}

func (r *renderer) draw(m *mark) {
	switch m.kind {
	case markText:
		r.setSize(m.size)
		r.p.SetTextColor(int(m.color.r), int(m.color.g), int(m.color.b))
		if m.bold {
			// The bundled font has no bold face. Filling and stroking the
			// glyph outlines (text rendering mode 2) with a thin pen in the
			// text colour thickens them the way word processors fake bold,
			// and the text stays real, selectable text. The pen is light
			// (2% of the size): a heavier one crowds Latin letters, and
			// the headings' sizes carry the hierarchy.
			r.setDraw(m.color)
			r.setWidth(m.size * 0.02)
			r.setDash(solid)
			r.setMode(2)
		} else {
			r.setMode(0)
		}
		r.p.Text(m.x, m.y, m.text)
	case markRect:
		style := r.style(m.stroke, m.fill)
		switch {
		case style == "":
		case m.radius > 0:
			r.p.RoundedRect(m.x, m.y, m.w, m.h, m.radius, "1234", style)
		default:
			r.p.Rect(m.x, m.y, m.w, m.h, style)
		}
	case markPath:
		style := r.style(m.stroke, m.fill)
		if style == "" || len(m.pts) < 2 {
			return
		}
		r.p.MoveTo(m.pts[0].x, m.pts[0].y)
		for _, q := range m.pts[1:] {
			r.p.LineTo(q.x, q.y)
		}
		if m.closed {
			r.p.ClosePath()
		}
		r.p.DrawPath(style)
	case markClip:
		// A clip saves the graphics state, and its end restores it: the
		// renderer's idea of the state follows.
		r.saved = append(r.saved, r.st)
		r.p.ClipRect(m.x, m.y, m.w, m.h, false)
	case markLink:
		if id, ok := r.links[m.target]; ok {
			r.p.Link(m.x, m.y, m.w, m.h, id)
		}
	case markUnclip:
		r.p.ClipEnd()
		r.st = r.saved[len(r.saved)-1]
		r.saved = r.saved[:len(r.saved)-1]
	}
}
