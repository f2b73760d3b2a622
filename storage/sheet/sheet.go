// Package sheet exchanges a document's tree with spreadsheets: CSV files
// and Excel workbooks (.xlsx), one row per box, the form of the staffing
// tables (人员编制表) people keep in Excel.
//
// It reads two kinds of table. One is its own (below). The other is a
// staffing table as people keep it, a row per position: 部门, 岗位名称,
// 编制人数, 直接上级, 岗位职责 and their variants (see stafftable.go).
// The header decides which (chooseReading), and the Summary of
// ImportSummary says which reading was used, which column was read as
// what and which were ignored. The header row is the one among the
// first rows that names the most columns, below any title rows.
//
// Its own columns are 编号, 上级编号, 类型, 名称, 编制, 在岗, 职务等级, 兼职,
// 负责人, 工作时间, 岗位职责, 任职资格, 部门职能, 备注, 虚线汇报 and the
// columns of the rest of the 岗位说明书 (see jobcols.go) (their
// English names are accepted too: id, parent id, kind, name, planned,
// filled, grade, concurrent, head, hours, duties, qualifications,
// functions, notes, dotted lines). Reading, any order of columns will do
// and only 名称 is required; headers are matched ignoring case, spaces,
// underscores, hyphens, an asterisk and a closing remark in brackets
// ("编制人数（人）"); a column nobody knows, and 序号, are ignored and named
// in the summary.
//
// Rows may come in any order, parents after their children too; siblings
// keep the order of their rows. The id column holds any text that is
// unique; the parent id names another row's id, blank for a top-level
// box. A blank kind means a unit when other rows name the box as their
// parent, otherwise a position. A list cell (duties, qualifications,
// functions) holds one item per line; a leading item number ("1、") is
// dropped, as when pasting. A dotted-line cell holds one link per line:
// the id of the box the line goes to, optionally followed by a colon and
// its label.
//
// A table holds the tree only: the document's own fields (title,
// company, version, sign-offs, page settings) and each box's view state
// (manual offset, folding, leaf arrangement) are not in it. Reading
// returns a document with domain.NewDocument's fields, and a caller
// importing into an open document keeps its own. An item that itself
// spans several lines comes back as several items, and dotted-line links
// come back in the order of their rows.
//
// A CSV cell that would open as a formula (=, +, -, @, tab, CR first) is
// written after an apostrophe, which reading CSV drops again (see
// WriteCSV); a workbook holds text cells and needs no such guard.
//
// Bad rows — unknown parent, cycle, duplicate id, negative or
// non-numeric headcount, missing name, unknown kind — are all reported at
// once by row number (ErrorList), and then nothing is imported.
package sheet

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"orgdraft/domain/outline"
)

// column is one of the table's columns.
type column int

const (
	colID column = iota
	colParent
	colKind
	colName
	colPlanned
	colFilled
	colGrade
	colConcurrent
	colHead
	colHours
	colDuties
	colQualifications
	colFunctions
	colNotes
	colLinks
	colStaffing // staffing.go
	// The rest of the 岗位说明书 (jobcols.go).
	colCode
	colPayGrade
	colSummary
	colAuthority
	colEducation
	colMajor
	colExperience
	colSkills
	colCertificates
	colOther
	colInternal
	colExternal
	colKPIs
	colSuperior
	numColumns
)

// columnNames are the headers written (first Chinese, then English) and
// the other headers accepted for each column.
var columnNames = [numColumns]struct {
	zh, en  string
	aliases []string
}{
	colID:             {"编号", "ID", []string{"box id"}},
	colParent:         {"上级编号", "Parent ID", []string{"parent"}},
	colKind:           {"类型", "Kind", []string{"type"}},
	colName:           {"名称", "Name", []string{"岗位名称", "部门/岗位", "岗位"}},
	colPlanned:        {"编制", "Planned", []string{"编制人数", "定编", "定编人数", "planned headcount"}},
	colFilled:         {"在岗", "Filled", []string{"在岗人数", "现有人数", "filled headcount"}},
	colGrade:          {"职务等级", "Grade", []string{"职级"}},
	colConcurrent:     {"兼职", "Concurrent", []string{"兼"}},
	colHead:           {"负责人", "Head", nil},
	colHours:          {"工作时间", "Hours", []string{"班次", "working hours"}},
	colDuties:         {"岗位职责", "Duties", nil},
	colQualifications: {"任职资格", "Qualifications", []string{"任职要求"}},
	colFunctions:      {"部门职能", "Functions", []string{"部门职责"}},
	colNotes:          {"备注", "Notes", []string{"说明"}},
	colLinks:          {"虚线汇报", "Dotted lines", []string{"dotted-line links", "links"}},
	colStaffing:       {"排班定编", "Staffing plan", []string{"staffing"}},
}

// headerKey normalises a header for matching: lower case, without
// spaces (full-width ones and line breaks too, as WPS and Excel users
// space out "岗　位" or break "编制\n人数"), underscores, hyphens, the
// asterisk of a required column, a closing colon and a byte order mark.
func headerKey(s string) string {
	return strings.TrimRight(strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '-', '\ufeff', '\u3000', '\t', '\n', '\r', '*', '＊', '\u00a0':
			return -1
		}
		return r
	}, strings.ToLower(s)), ":：")
}

// headerKeys returns the keys a header is looked up by: headerKey, and
// without a closing remark in brackets, as in "编制人数（人）" or
// "Headcount (FTE)".
func headerKeys(s string) []string {
	k := headerKey(s)
	keys := []string{k}
	for _, pair := range [][2]string{{"(", ")"}, {"（", "）"}, {"(", "）"}, {"（", ")"}, {"[", "]"}, {"【", "】"}} {
		if strings.HasSuffix(k, pair[1]) {
			if i := strings.LastIndex(k, pair[0]); i > 0 {
				keys = append(keys, k[:i])
			}
		}
	}
	return keys
}

// ownColumn returns the column of our own export a header names.
func ownColumn(header string) (column, bool) {
	for _, k := range headerKeys(header) {
		if c, ok := columnByKey[k]; ok {
			return c, true
		}
	}
	return 0, false
}

var columnByKey = func() map[string]column {
	m := map[string]column{}
	for c, n := range columnNames {
		for _, name := range append([]string{n.zh, n.en}, n.aliases...) {
			m[headerKey(name)] = column(c)
		}
	}
	return m
}()

// Options choose how a table is written.
type Options struct {
	// English writes English headers and values (unit/position/assistant,
	// yes) instead of Chinese ones (部门/岗位/助理, 是).
	English bool
}

// Limits on what an import reads, so that a huge or hostile file is
// refused in a moment with a message instead of filling the memory.
const (
	// MaxImportBytes bounds the size of a file Import reads (64 MB,
	// hundreds of times a real staffing table).
	MaxImportBytes = 64 << 20
	// MaxImportBoxes bounds the rows of a table and the boxes of an
	// outline (100,000).
	MaxImportBoxes = outline.MaxBoxes
	// maxColumns bounds how far to the right a table's cells may be: our
	// columns and a few of the user's own fit easily, and a workbook
	// whose rows reach column XFD (16,384) is refused instead of being
	// unpacked cell by cell.
	maxColumns = 64
)

// RowError is one problem of a table, at a row as the spreadsheet
// program numbers it (the header row included, from 1). Row 0 means the
// file as a whole (it is too large, say).
type RowError struct {
	Row    int
	Column string // the column's header as written; "" for the whole row
	Msg    string // in English
	Zh     string // in Chinese
}

// Error implements error, in English.
func (e RowError) Error() string { return e.format(false) }

// Text returns the problem with its row, in Chinese when zh is set.
func (e RowError) Text(zh bool) string { return e.format(zh) }

func (e RowError) format(zh bool) string {
	switch {
	case e.Row == 0 && zh:
		return e.Zh
	case e.Row == 0:
		return e.Msg
	case zh && e.Column != "":
		return fmt.Sprintf("第 %d 行“%s”列：%s", e.Row, e.Column, e.Zh)
	case zh:
		return fmt.Sprintf("第 %d 行：%s", e.Row, e.Zh)
	case e.Column != "":
		return fmt.Sprintf("row %d, column %q: %s", e.Row, e.Column, e.Msg)
	}
	return fmt.Sprintf("row %d: %s", e.Row, e.Msg)
}

// ErrorList is every problem found in a table, by row. The readers
// return it (as an error) when there is at least one.
type ErrorList []RowError

// Error implements error: one line per problem, in English.
func (l ErrorList) Error() string { return l.Text(false) }

// Text returns one line per problem, in Chinese when zh is set.
func (l ErrorList) Text(zh bool) string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.format(zh)
	}
	return strings.Join(lines, "\n")
}

// tooLarge is the error of a file larger than MaxImportBytes.
func tooLarge() ErrorList {
	return ErrorList{{Msg: fmt.Sprintf("the file is larger than %d MB, more than any staffing table or outline; nothing is read", MaxImportBytes>>20),
		Zh: fmt.Sprintf("文件超过 %d MB，远大于任何编制表或大纲，未读取", MaxImportBytes>>20)}}
}

// readCapped reads all of r, or fails with tooLarge past MaxImportBytes.
func readCapped(r io.Reader) ([]byte, error) {
	// A file says its size: a huge one is refused before it is read.
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxImportBytes {
			return nil, tooLarge()
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxImportBytes {
		return nil, tooLarge()
	}
	return data, nil
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	if utf8.RuneCountInString(s) > 30 {
		return string([]rune(s)[:30]) + "…"
	}
	return s
}
