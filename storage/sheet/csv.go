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
func (o Options) WriteCSV(w io.Writer, d *domain.Document) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\ufeff")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	cw.Write(o.header())
	for _, row := range o.rows(d) {
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
// has domain.NewDocument's fields: a table holds only the tree.
func ReadCSV(r io.Reader) (*domain.Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	text, err := DecodeText(data)
	if err != nil {
		return nil, ErrorList{{Row: 1, Msg: err.Error(), Zh: "无法识别文件的文字编码：" + err.Error()}}
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = separator(text)
	cr.FieldsPerRecord = -1
	var records []record
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			row := len(records) + 1
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, ErrorList{{Row: row, Msg: fmt.Sprintf("the CSV cannot be read here: %v", err),
				Zh: fmt.Sprintf("CSV 格式有误，无法读取：%v", err)}}
		}
		records = append(records, record{row: len(records) + 1, cells: cells})
	}
	return document(records)
}

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
