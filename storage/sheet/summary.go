package sheet

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"orgdraft/domain"
)

// Reading is the way a table was read.
type Reading int

const (
	// ReadingOwn is our own export's columns: 编号, 上级编号, 类型, 名称, ….
	ReadingOwn Reading = iota
	// ReadingStaffing is a staffing table as people keep it: 部门, 岗位,
	// 编制, 直接上级, … (see staffing.go).
	ReadingStaffing
	// ReadingOutline is an indented outline (a .txt file), not a table.
	ReadingOutline
)

// ColumnUse is one column the reader recognised: its header as written
// and what it was read as.
type ColumnUse struct {
	Heading string
	Zh, En  string // the field, in Chinese and English
}

// Summary says how a table was read: which reading, where the header
// was, which column was read as what, which columns were ignored, and
// the rows read in a way the user may not have meant.
type Summary struct {
	Reading   Reading
	HeaderRow int // the header's row, from 1
	Columns   []ColumnUse
	// Ignored are the headers of the columns not read: 序号, and any
	// column neither reading knows.
	Ignored []string
	// Mixed is set when the header holds columns of both readings; those
	// of the other one are among Ignored.
	Mixed bool
	// Warnings are rows imported, but maybe not as meant.
	Warnings ErrorList
}

// Lines returns the summary as lines of text, in Chinese when zh is set:
// the reading, "部门 → 部门" for every column, the ignored columns and
// the warnings.
func (s *Summary) Lines(zh bool) []string {
	if s == nil || s.Reading == ReadingOutline {
		return nil
	}
	pick := func(z, e string) string {
		if zh {
			return z
		}
		return e
	}
	var out []string
	switch s.Reading {
	case ReadingStaffing:
		out = append(out, pick("按人员编制表读取（部门、岗位、直接上级）", "Read as a staffing table (unit, position, superior)"))
	default:
		out = append(out, pick("按本软件导出的表格读取（编号、上级编号、名称）", "Read as this program's own table (ID, Parent ID, Name)"))
	}
	if s.Mixed {
		out = append(out, pick("表中同时有两种表格的列；另一种的列未使用", "The table has the columns of both kinds; those of the other kind are not used"))
	}
	out = append(out, fmt.Sprintf(pick("表头在第 %d 行", "Header on row %d"), s.HeaderRow))
	for _, c := range s.Columns {
		out = append(out, fmt.Sprintf("%s → %s", c.Heading, pick(c.Zh, c.En)))
	}
	if len(s.Ignored) > 0 {
		out = append(out, pick("未使用的列：", "Columns not used: ")+strings.Join(s.Ignored, pick("、", ", ")))
	}
	for _, w := range s.Warnings {
		out = append(out, w.format(zh))
	}
	return out
}

// ImportSummary is Import that also says how a table was read (nil for
// an outline, or when the file could not be read as far as its header).
// The summary comes back with an ErrorList too when the header was
// found, so that a preview can show the columns beside the problems.
func ImportSummary(name string, r io.Reader) (*domain.Document, *Summary, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		return readXLSX(r)
	case ".csv", ".tsv":
		return readCSV(r)
	}
	d, err := Import(name, r)
	return d, &Summary{Reading: ReadingOutline}, err
}
