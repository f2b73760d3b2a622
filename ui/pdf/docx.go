package pdf

// The book as an editable Word file (.docx), written from the same
// composition as the PDF (compose.go): the same pieces in the same order,
// with real headings (Word's built-in 标题 1–3, so the navigation pane and
// a table of contents find them), numbered lists, bordered tables with
// merged cells, the chart as a picture, a running header and a footer with
// the page number.
//
// The file is written by a small writer of our own on archive/zip and
// encoding/xml rather than github.com/gomutex/godocx: the book needs only
// paragraphs, tables, one picture, one header and one footer; the writer
// controls every element Word and WPS look at (East Asian font names,
// fields for the page number and the contents, repeated header rows) and
// gives the same bytes for the same document, and the program gains no
// dependency. Fonts are named, not embedded: 宋体 for text and 黑体 for
// headings, which every Chinese Windows and WPS has, with Times New Roman
// and Arial for Latin letters.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"orgdraft/domain"
	"orgdraft/ui/chart"
	"orgdraft/ui/picture"
)

// Docx writes the job-responsibility book as a Word file: the cover with
// its particulars and sign-off table, the contents as a field Word
// updates, then the same chapters as the PDF book.
func Docx(w io.Writer, d *domain.Document, o Options) (Report, error) {
	// The book's paper, as the PDF book's.
	o.Paper = o.BookPaper
	c, err := newComposer(d, o)
	if err != nil {
		return Report{}, err
	}
	pieces := c.bookPieces()
	x := &docx{c: c}
	x.cover()
	x.contents(pieces)
	for _, p := range pieces {
		if err := x.piece(p); err != nil {
			return Report{}, err
		}
	}
	x.section()
	if err := x.write(w); err != nil {
		return Report{}, err
	}
	return Report{Warnings: c.warnings}, nil
}

// docx gathers the body of word/document.xml.
type docx struct {
	c            *composer
	body         bytes.Buffer
	lists        int           // numbered lists so far, each a numbering instance of its own
	pics         []docxPicture // the charts, in order
	pendingBreak bool          // the next paragraph starts a page
}

// docxPicture is a chart drawn as a PNG, and its size on the page in points.
type docxPicture struct {
	png  []byte
	w, h float64
}

// esc returns s escaped for XML text and attributes. Characters XML
// cannot hold (control characters, invalid UTF-8) are left out: they are
// invisible on screen too.
func esc(s string) string {
	s = strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t' && r != '\n') || r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// twips converts points to twentieths of a point, Word's unit of length.
func twips(pt float64) int { return int(pt*20 + 0.5) }

// runProps returns a run's properties for font f.
func runProps(f font, heading bool) string {
	var b strings.Builder
	b.WriteString("<w:rPr>")
	if heading {
		b.WriteString(`<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="黑体"/>`)
	}
	if f.bold {
		b.WriteString("<w:b/>")
	}
	if f.color != ink && f.color != (rgb{}) {
		fmt.Fprintf(&b, `<w:color w:val="%02X%02X%02X"/>`, f.color.r, f.color.g, f.color.b)
	}
	if f.size > 0 {
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, int(f.size*2+0.5), int(f.size*2+0.5))
	}
	b.WriteString("</w:rPr>")
	return b.String()
}

// run returns a run of text; tabs become Word's tabs.
func wrun(t string, f font, heading bool) string {
	var b strings.Builder
	for i, part := range strings.Split(t, "\t") {
		if i > 0 {
			b.WriteString("<w:r>" + runProps(f, heading) + "<w:tab/></w:r>")
		}
		if part != "" {
			b.WriteString("<w:r>" + runProps(f, heading) + `<w:t xml:space="preserve">` + esc(part) + "</w:t></w:r>")
		}
	}
	return b.String()
}

// jc returns the paragraph alignment for a.
func jc(a align) string {
	switch a {
	case alignCenter:
		return `<w:jc w:val="center"/>`
	case alignRight:
		return `<w:jc w:val="right"/>`
	}
	return ""
}

// para writes a paragraph with the given extra paragraph properties.
func (x *docx) para(pPr, runs string) {
	if x.pendingBreak {
		pPr += "<w:pageBreakBefore/>"
		x.pendingBreak = false
	}
	x.body.WriteString("<w:p><w:pPr>" + pPr + "</w:pPr>" + runs + "</w:p>")
}

// cover writes the first page: company, title, kind, the particulars and
// the sign-off table.
func (x *docx) cover() {
	c, i := x.c, x.c.d.Info
	x.para(`<w:spacing w:before="2400"/>`+jc(alignCenter), "")
	if i.Company != "" {
		x.para(jc(alignCenter)+`<w:spacing w:after="240"/>`, wrun(i.Company, font{size: 16}, false))
	}
	x.para(`<w:pStyle w:val="Title"/>`+jc(alignCenter), wrun(orDash(i.Title), font{size: 24, bold: true}, true))
	if kind := c.bookKind(); kind != "" {
		x.para(jc(alignCenter)+`<w:spacing w:after="720"/>`, wrun(kind, font{size: 15, color: grey}, false))
	}
	info, infoRows, sign, signRows := c.coverTables()
	x.table(info, infoRows, true)
	if sign != nil {
		x.para(`<w:spacing w:before="480"/>`, "")
		x.table(sign, signRows, true)
	}
	x.pendingBreak = true
	// The 修订记录 page, as in the PDF (revisions.go).
	if t, rows := c.revisionTable(c.paper.w - 2*bookSide); t != nil {
		x.para(`<w:pStyle w:val="TOCHeading"/>`+jc(alignCenter), wrun(c.word(revisionWords.title), fH1, true))
		x.table(t, rows, true)
		x.pendingBreak = true
	}
}

// contents writes the table of contents as a TOC field holding the
// entries as they stand, so that the file opens with its contents; Word
// and WPS add the page numbers when the field is updated (F9).
func (x *docx) contents(pieces []piece) {
	x.para(`<w:pStyle w:val="TOCHeading"/>`+jc(alignCenter), wrun(x.c.pick("目　录", "Contents"), fH1, true))
	var entries []piece
	for _, p := range pieces {
		if (p.kind == pHeading && p.toc) || p.kind == pChart {
			entries = append(entries, p)
		}
	}
	begin := `<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`
	end := `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
	if len(entries) == 0 {
		x.para("", begin+end)
		return
	}
	for k, e := range entries {
		style, f := "TOC1", fBody
		if e.level == 2 {
			style, f = "TOC2", fSmall
		}
		runs := wrun(e.text, f, false)
		if k == 0 {
			runs = begin + runs
		}
		if k == len(entries)-1 {
			runs += end
		}
		x.para(`<w:pStyle w:val="`+style+`"/>`, runs)
	}
	x.pendingBreak = true
}

// piece writes one piece of the composition.
func (x *docx) piece(p piece) error {
	switch p.kind {
	case pChart:
		x.pendingBreak = true
		x.heading(max(p.level, 1), p.text)
		ok, err := x.chartPicture(p.root)
		if err != nil {
			return err
		}
		if ok {
			x.para(jc(alignCenter), x.drawing(len(x.pics)-1))
		}
	case pHeading:
		if p.newPage || p.level == 1 {
			x.pendingBreak = true
		}
		x.heading(p.level, p.text)
	case pPara:
		f := fBody
		if p.note {
			f = fNote
		}
		if p.font != (font{}) {
			f = p.font
		}
		for _, l := range strings.Split(p.text, "\n") {
			x.para("", wrun(l, f, false))
		}
	case pList:
		x.lists++
		for _, it := range p.items {
			x.para(fmt.Sprintf(`<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>`, x.lists), wrun(it, fBody, false))
		}
	case pTable:
		x.table(p.t, p.rows, false)
	case pSpace:
		x.para(`<w:spacing w:after="0" w:line="120" w:lineRule="exact"/>`, "")
	}
	return nil
}

// heading writes a heading in Word's built-in heading style of its level.
func (x *docx) heading(level int, text string) {
	x.para(fmt.Sprintf(`<w:pStyle w:val="Heading%d"/><w:keepNext/>`, level), wrun(text, headingFont(level), true))
}

// table writes t with its rows: borders, the column titles as a header
// row repeated on every page, merged cells where a row spans columns,
// label cells bold on a tint. centred centres the table on the page.
func (x *docx) table(t *table, rows []row, centred bool) {
	b := &x.body
	b.WriteString("<w:tbl><w:tblPr>")
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/>`, twips(t.width()))
	if centred {
		b.WriteString(`<w:jc w:val="center"/>`)
	}
	b.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="222222"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, col := range t.cols {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, twips(col.width))
	}
	b.WriteString("</w:tblGrid>")
	if t.header {
		x.row(t, t.headerRow(), true)
	}
	for _, r := range rows {
		x.row(t, r, false)
	}
	b.WriteString("</w:tbl>")
	// Word needs a paragraph between two tables, or it joins them.
	x.para(`<w:spacing w:after="0"/>`, "")
}

// row writes one table row.
func (x *docx) row(t *table, r row, header bool) {
	b := &x.body
	if r.font == (font{}) {
		r.font = t.font
	}
	b.WriteString("<w:tr><w:trPr><w:cantSplit/>")
	if header {
		b.WriteString("<w:tblHeader/>")
	}
	if r.min > 0 {
		fmt.Fprintf(b, `<w:trHeight w:val="%d" w:hRule="atLeast"/>`, twips(r.min))
	}
	b.WriteString("</w:trPr>")
	for i, w := range t.cellWidths(r) {
		f := r.font
		fill := r.fill
		if r.isLabel(i) {
			f = labelFont(f)
			if fill == nil {
				fill = &unitTint
			}
		}
		fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, twips(w))
		if i < len(r.spans) && r.spans[i] > 1 {
			fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, r.spans[i])
		}
		if fill != nil {
			fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%02X%02X%02X"/>`, fill.r, fill.g, fill.b)
		}
		b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
		text := ""
		if i < len(r.cells) {
			text = r.cells[i]
		}
		a := t.cellAlign(r, i)
		for _, l := range strings.Split(text, "\n") {
			b.WriteString(`<w:p><w:pPr><w:spacing w:before="40" w:after="40"/>` + jc(a) + "</w:pPr>" + wrun(l, f, false) + "</w:p>")
		}
		b.WriteString("</w:tc>")
	}
	b.WriteString("</w:tr>")
}

// chartPicture draws the chart of root's subtree (0: the whole chart) as
// a PNG by the picture package's path, at a resolution that prints
// sharply, sized to the page's text area, and adds it to the pictures;
// it reports false for an empty chart.
func (x *docx) chartPicture(root domain.NodeID) (bool, error) {
	opt := chart.OptionsFor(x.c.d)
	opt.Root = root
	ch, err := chart.Build(x.c.d, opt)
	if err != nil {
		return false, err
	}
	fw, fh := picture.Size(ch, 1)
	if fw == 0 || fh == 0 || len(ch.Boxes) == 0 {
		return false, nil
	}
	// About 200 dpi on the page, within the picture's pixel limit.
	areaW := x.c.paper.w - 2*bookSide
	areaH := x.c.paper.h - bookTop - bookBottom - 60
	k := min(areaW/float64(fw), areaH/float64(fh), 1.5)
	scale := min(4, 200.0/72*k)
	for float64(fw)*float64(fh)*scale*scale > picture.MaxPixels/2 {
		scale *= 0.8
	}
	var buf bytes.Buffer
	if err := picture.PNG(&buf, ch, scale); err != nil {
		return false, err
	}
	x.pics = append(x.pics, docxPicture{png: buf.Bytes(), w: float64(fw) * k, h: float64(fh) * k})
	return true, nil
}

// drawing returns the run that shows picture i inline.
func (x *docx) drawing(i int) string {
	p := x.pics[i]
	cx, cy := int(p.w*12700), int(p.h*12700) // EMU
	return fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="%s"/>`+
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
		`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="%[3]d" name="chart%[3]d.png"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdChart%[3]d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%[1]d" cy="%[2]d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
		cx, cy, i+1, esc(x.c.pick("组织架构图", "Organization chart")))
}

// section ends the body with the page's size, margins, header and footer.
func (x *docx) section() {
	p := x.c.paper
	fmt.Fprintf(&x.body, `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/><w:titlePg/></w:sectPr>`,
		twips(p.w), twips(p.h), twips(bookTop), twips(bookSide), twips(bookBottom), twips(bookSide), twips(bookTop-36), twips(bookBottom/2-6))
}

// headerFooter returns the running header (company and title, a rule
// under them) or the footer (version, 第 x 页 共 y 页 as fields,
// confidentiality), on tabs at the middle and the right edge.
func (x *docx) headerFooter(header bool) string {
	c, i := x.c, x.c.d.Info
	w := twips(c.paper.w - 2*bookSide)
	tabs := fmt.Sprintf(`<w:tabs><w:tab w:val="center" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/></w:tabs>`, w/2, w)
	f := fCaption
	field := func(name string) string {
		return `<w:r>` + runProps(f, false) + `<w:fldChar w:fldCharType="begin"/></w:r><w:r>` + runProps(f, false) + `<w:instrText xml:space="preserve"> ` + name + ` </w:instrText></w:r><w:r>` + runProps(f, false) +
			`<w:fldChar w:fldCharType="separate"/></w:r><w:r>` + runProps(f, false) + `<w:t>1</w:t></w:r><w:r>` + runProps(f, false) + `<w:fldChar w:fldCharType="end"/></w:r>`
	}
	var runs, pPr string
	if header {
		pPr = tabs + `<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="C8C8C8"/></w:pBdr>`
		runs = wrun(strings.TrimSpace(i.Company+"　"+i.Title), f, false)
	} else {
		pPr = tabs
		before, after, _ := strings.Cut(c.pick("第 %d 页 共 %d 页", "Page %d of %d"), "%d")
		middle, last, _ := strings.Cut(after, "%d")
		runs = wrun(i.Version+"\t"+before, f, false) + field("PAGE") + wrun(middle, f, false) + field("NUMPAGES") + wrun(last+"\t"+i.Confidentiality, f, false)
	}
	tag := "ftr"
	if header {
		tag = "hdr"
	}
	return xml.Header + `<w:` + tag + ` ` + wordNS + `><w:p><w:pPr>` + pPr + `</w:pPr>` + runs + `</w:p></w:` + tag + `>`
}

// wordNS declares the namespaces of the main document's parts.
const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`

// write packs the parts into the zip file Word opens.
func (x *docx) write(w io.Writer) error {
	c := x.c
	date := fixedDate
	if !c.o.Saved.IsZero() {
		date = c.o.Saved.UTC()
	}
	lang := "zh-CN"
	if c.o.Language == domain.English {
		lang = "en-US"
	}
	image, pictureRels := "", ""
	if len(x.pics) > 0 {
		image = `<Default Extension="png" ContentType="image/png"/>`
	}
	for i := range x.pics {
		pictureRels += fmt.Sprintf(`<Relationship Id="rIdChart%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart%[1]d.png"/>`, i+1)
	}
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` + image +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
			`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
			`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
			`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`},
		{"_rels/.rels", xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"docProps/core.xml", xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
			`<dc:title>` + esc(c.d.Info.Title) + `</dc:title><dc:creator>` + esc(c.d.Info.Company) + `</dc:creator><dc:subject>` + esc(c.d.Info.Version) + `</dc:subject><dc:language>` + lang + `</dc:language>` +
			`<dcterms:created xsi:type="dcterms:W3CDTF">` + date.Format("2006-01-02T15:04:05Z") + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + date.Format("2006-01-02T15:04:05Z") + `</dcterms:modified></cp:coreProperties>`},
		{"word/_rels/document.xml.rels", xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
			`<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
			`<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
			pictureRels + `</Relationships>`},
		{"word/document.xml", xml.Header + `<w:document ` + wordNS + `><w:body>` + x.body.String() + `</w:body></w:document>`},
		{"word/styles.xml", x.styles(lang)},
		{"word/numbering.xml", x.numbering()},
		{"word/header1.xml", x.headerFooter(true)},
		{"word/footer1.xml", x.headerFooter(false)},
	}
	for i, p := range x.pics {
		parts = append(parts, struct{ name, data string }{fmt.Sprintf("word/media/chart%d.png", i+1), string(p.png)})
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, p := range parts {
		method := zip.Deflate
		if strings.HasSuffix(p.name, ".png") {
			method = zip.Store // already compressed
		}
		fw, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: date})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, p.data); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// styles returns word/styles.xml: 宋体 text, 黑体 headings of the book's
// sizes, the contents' levels and the list paragraph.
func (x *docx) styles(lang string) string {
	heading := func(level int, f font) string {
		return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>`+
			`<w:pPr><w:keepNext/><w:spacing w:before="%d" w:after="120"/><w:outlineLvl w:val="%d"/></w:pPr>`+
			`<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="黑体"/><w:b/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
			level, level, 360-80*level, level-1, int(f.size*2), int(f.size*2))
	}
	return xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>` +
		`<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="` + lang + `" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="312" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="黑体"/><w:b/><w:sz w:val="48"/></w:rPr></w:style>` +
		heading(1, fH1) + heading(2, fH2) + heading(3, fH3) +
		`<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="32"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:ind w:left="420"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}

// numbering returns word/numbering.xml: one decimal list format "1." and
// an instance per list of the book, each restarting at 1.
func (x *docx) numbering() string {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>` +
		`<w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>`)
	for i := 1; i <= max(1, x.lists); i++ {
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`, i)
	}
	b.WriteString("</w:numbering>")
	return b.String()
}
