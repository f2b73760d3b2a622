package sheet

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"orgdraft/domain"
	"orgdraft/domain/outline"
)

// ErrFormat is returned (wrapped) by Import for a file it cannot read by
// its name's extension.
var ErrFormat = errors.New("unknown file type")

// Import reads a document's tree from a file the user chose, by the
// extension of its name: .xlsx (Excel), .csv or .tsv (a table), .txt
// (an indented outline, see package outline). The document has
// domain.NewDocument's fields plus, for an outline, its stated total.
// Problems in the content come back as this package's ErrorList (rows)
// or outline.ErrorList (lines). A file larger than MaxImportBytes, or with
// more than MaxImportBoxes rows or boxes, is refused the same way.
func Import(name string, r io.Reader) (*domain.Document, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".xlsx", ".xlsm":
		return ReadXLSX(r)
	case ".csv", ".tsv":
		return ReadCSV(r)
	case ".txt", ".text", ".md":
		data, err := readCapped(r)
		var big ErrorList
		if errors.As(err, &big) {
			// The outline's own error type, as the caller expects for a
			// .txt file.
			return nil, outline.ErrorList{{Msg: big[0].Msg, Zh: big[0].Zh}}
		}
		if err != nil {
			return nil, err
		}
		text, err := DecodeText(data)
		if err != nil {
			return nil, err
		}
		return outline.Parse(text)
	case ".xls":
		return nil, fmt.Errorf("%w: %s is in the old Excel format (.xls); save it from Excel as .xlsx or .csv", ErrFormat, name)
	case ".doc", ".docx":
		return nil, fmt.Errorf("%w: %s is a Word document; copy its outline into a .txt file, or paste it into the chart", ErrFormat, name)
	default:
		return nil, fmt.Errorf("%w %q: import reads .txt outlines, .csv tables and .xlsx workbooks", ErrFormat, ext)
	}
}
