package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"orgdraft/domain"
)

// WriteCSV writes the document's tree as CSV with Chinese headers.
func WriteCSV(w io.Writer, d *domain.Document) error { return Options{}.WriteCSV(w, d) }

// WriteCSV writes the document's tree as CSV: UTF-8 with a byte order
// mark and CRLF line ends, which Excel on Chinese Windows needs to show
// the text as Chinese rather than as mojibake.
//
// A cell that a spreadsheet program would take for a formula, one that
// starts with =, +, -, @, a tab or a carriage return, is written with a
// leading apostrophe (') so that it opens as text; so is a cell that
// itself starts with an apostrophe. ReadCSV removes one leading
// apostrophe from every cell, so a table comes back exactly as written.
// (Excel hides such an apostrophe; LibreOffice shows it but reads the
// cell as text either way.)
func (o Options) WriteCSV(w io.Writer, d *domain.Document) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\ufeff")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	cw.Write(o.header())
	for _, row := range o.rows(d) {
		for i, c := range row {
			row[i] = guard(c)
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// ReadCSV reads a document's tree from CSV (see the package comment for
// the columns). The text may be UTF-8 with or without a byte order mark,
// UTF-16 with one (Excel's "Unicode text"), or GB18030/GBK, as Excel on
// Chinese Windows saves "CSV (逗号分隔)". Fields may be separated by
// commas, semicolons or tabs (a table copied out of Excel). The document
// has domain.NewDocument's fields: a table holds only the tree. One
// leading apostrophe is dropped from every cell (see WriteCSV). A file
// larger than MaxImportBytes is refused unread.
func ReadCSV(r io.Reader) (*domain.Document, error) {
	d, _, err := readCSV(r)
	return d, err
}

// readCSV is ReadCSV, saying how it read the table.
func readCSV(r io.Reader) (*domain.Document, *Summary, error) {
	data, err := readCapped(r)
	if err != nil {
		return nil, nil, err
	}
	text, err := DecodeText(data)
	if err != nil {
		return nil, nil, ErrorList{{Row: 1, Msg: err.Error(), Zh: "无法识别文件的文字编码：" + err.Error()}}
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = separator(text)
	cr.FieldsPerRecord = -1
	var records []record
	row := 0 // the number of the record just read, as a spreadsheet numbers it
	end := 0 // the line the record just read ended on
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			row := row + 1
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, nil, ErrorList{{Row: row, Msg: fmt.Sprintf("the CSV cannot be read here: %v", err),
				Zh: fmt.Sprintf("CSV 格式有误，无法读取：%v", err)}}
		}
		// The reader skips empty lines, which a spreadsheet shows as
		// empty rows: count them, so that row numbers are the ones the
		// user sees. (A cell of several lines is still one row.)
		first, _ := cr.FieldPos(0)
		row += 1 + max(0, first-end-1)
		last, _ := cr.FieldPos(len(cells) - 1)
		end = last + strings.Count(cells[len(cells)-1], "\n")
		if blank(cells) {
			continue
		}
		for i, c := range cells {
			cells[i] = unguard(c)
		}
		records = append(records, record{row: row, cells: cells})
		if len(records) > maxRecords {
			break // readTable reports the rows past the limit
		}
	}
	return readTable(records)
}

// guard puts an apostrophe before a cell that would open as a formula,
// and before one that starts with an apostrophe, so that unguard can
// tell the two apart.
func guard(c string) string {
	if c != "" && strings.ContainsRune("=+-@\t\r'", rune(c[0])) {
		return "'" + c
	}
	return c
}

// unguard undoes guard: it drops one leading apostrophe.
func unguard(c string) string { return strings.TrimPrefix(c, "'") }

// separator guesses the field separator from the first line: a comma,
// unless the line has none but has tabs or semicolons.
func separator(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	if strings.Contains(first, ",") {
		return ','
	}
	if strings.Count(first, "\t") > 0 {
		return '\t'
	}
	if strings.Count(first, ";") > 0 {
		return ';'
	}
	return ','
}

// DecodeText returns the text of a file saved by Word, Notepad or Excel
// on Chinese Windows: UTF-8 (its byte order mark removed), UTF-16 with a
// byte order mark, or else GB18030, the superset of GBK and GB2312 that
// "ANSI" means there. Bytes that fit none become U+FFFD.
func DecodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("reading UTF-16 text: %w", err)
		}
		return string(b), nil
	case utf8.Valid(data):
		return string(data), nil
	}
	b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("reading GB18030 text: %w", err)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), nil
}
