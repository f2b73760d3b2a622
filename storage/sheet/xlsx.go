package sheet

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"orgdraft/domain"
)

// maxCellUnits is Excel's limit on the text of one cell, in UTF-16 code
// units. The Excel library silently cuts longer text, so the writer
// checks it first.
const maxCellUnits = excelize.TotalCellChars

// unzipLimit bounds how much a workbook may unpack to, so that a
// malicious file (a "zip bomb") fails instead of filling the memory.
const unzipLimit = 512 << 20

// WriteXLSX writes the document's tree as an Excel workbook with Chinese
// headers.
func WriteXLSX(w io.Writer, d *domain.Document) error { return Options{}.WriteXLSX(w, d) }

// WriteXLSX writes the document's tree as an Excel workbook: one sheet,
// a frozen header row, the ids and headcounts as numbers, long text
// wrapped.
func (o Options) WriteXLSX(w io.Writer, d *domain.Document) error {
	rows := o.rows(d)
	for _, row := range rows {
		for c, v := range row {
			if len(v) > maxCellUnits && len(utf16.Encode([]rune(v))) > maxCellUnits {
				return fmt.Errorf("box %q: the %s is longer than an Excel cell can hold (%d characters)",
					row[colName], columnNames[c].en, maxCellUnits)
			}
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := o.pick("组织架构", "Org chart")
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	headStyle, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE9F7"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	if err != nil {
		return err
	}
	wrapStyle, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := [numColumns]float64{6, 8, 6, 18, 6, 6, 10, 6, 8, 14, 50, 30, 40, 24, 12, 30}
	for c, wd := range jobColumnWidths {
		widths[c] = wd
	}
	for c, wd := range widths {
		if err := sw.SetColWidth(c+1, c+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, numColumns)
	for c, h := range o.header() {
		head[c] = excelize.Cell{StyleID: headStyle, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	cells := make([]any, numColumns)
	for i, row := range rows {
		for c, v := range row {
			var value any = v
			switch column(c) {
			case colID, colParent, colPlanned, colFilled:
				// Numbers, so that Excel sorts and sums them.
				if n, err := strconv.Atoi(v); err == nil {
					value = n
				}
			}
			cells[c] = excelize.Cell{StyleID: wrapStyle, Value: value}
		}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

// ReadXLSX reads a document's tree from the first sheet of an Excel
// workbook (see the package comment for the columns). The document has
// domain.NewDocument's fields: a table holds only the tree.
//
// It reads the sheet row by row, keeping only rows with text, so memory
// follows the text rather than the extent of the sheet; a file larger
// than MaxImportBytes, or with a cell right of column maxColumns (BL), is
// refused. A cell merged down over several rows, as Chinese tables merge
// a unit's cell over its positions, is read as the value of every row it
// covers.
func ReadXLSX(r io.Reader) (*domain.Document, error) {
	d, _, err := readXLSX(r)
	return d, err
}

// readXLSX is ReadXLSX, saying how it read the table.
func readXLSX(r io.Reader) (*domain.Document, *Summary, error) {
	data, err := readCapped(r)
	if err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipLimit})
	if err != nil {
		return nil, nil, fmt.Errorf("not an Excel workbook (.xlsx): %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, nil, ErrorList{{Row: 1, Msg: "the workbook has no sheet", Zh: "工作簿中没有工作表"}}
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, nil, fmt.Errorf("not an Excel workbook (.xlsx): %w", err)
	}
	defer rows.Close()
	var records []record
	// Next steps through every row number, the missing rows too, so the
	// count is the row's number in the sheet.
	row := 0
	for row = 1; rows.Next(); row++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, nil, fmt.Errorf("not an Excel workbook (.xlsx): %w", err)
		}
		if len(cells) > maxColumns {
			// Columns stops at the row's last cell with a value or a
			// formula: that cell is too far right. Refusing the first
			// such row keeps a sheet of them from costing 16,384 cells
			// a row.
			return nil, nil, tooWide(row)
		}
		if blank(cells) {
			continue
		}
		records = append(records, record{row: row, cells: cells})
		if len(records) > maxRecords {
			break // readTable reports the rows past the limit
		}
	}
	if err := rows.Error(); err != nil {
		return nil, nil, fmt.Errorf("not an Excel workbook (.xlsx): %w", err)
	}
	if row <= maxMergedRows {
		records = fillMerged(f, sheets[0], records, row)
	}
	return readTable(records)
}

// maxMergedRows bounds the sheets whose merged cells are read: excelize
// reads them by unpacking the whole sheet, which for a sheet of a few
// thousand rows is nothing, but for one of millions of empty rows (a
// crafted file) would fill the memory. A table that long has no merged
// unit cells worth reading.
const maxMergedRows = 2 * maxRecords

// fillMerged copies the value of each merged cell down into every row
// it covers, in its first column, making a row for a covered row that
// has no other text (up to lastRow, the sheet's last row). A cell merged across columns only (a title over
// the table) changes nothing. A sheet whose merges cannot be read is
// taken as it is.
func fillMerged(f *excelize.File, sheet string, records []record, lastRow int) []record {
	merges, err := f.GetMergeCells(sheet)
	if err != nil || len(merges) == 0 {
		return records
	}
	byRow := make(map[int]int, len(records))
	for i, rec := range records {
		byRow[rec.row] = i
	}
	added := false
	for _, m := range merges {
		col, top, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		_, bottom, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		value := m.GetCellValue()
		if err1 != nil || err2 != nil || col > maxColumns || strings.TrimSpace(value) == "" || bottom <= top {
			continue
		}
		// Rows past the sheet's last one hold nothing to read.
		for row := top + 1; row <= min(bottom, lastRow); row++ {
			i, ok := byRow[row]
			if !ok {
				if len(records) > maxRecords {
					break // readTable reports the rows past the limit
				}
				i = len(records)
				records = append(records, record{row: row})
				byRow[row] = i
				added = true
			}
			cells := records[i].cells
			for len(cells) < col {
				cells = append(cells, "")
			}
			if strings.TrimSpace(cells[col-1]) == "" {
				cells[col-1] = value
			}
			records[i].cells = cells
		}
	}
	if added {
		slices.SortFunc(records, func(a, b record) int { return a.row - b.row })
	}
	return records
}

// tooWide is the error of a row with a cell right of column maxColumns.
func tooWide(row int) ErrorList {
	col, _ := excelize.ColumnNumberToName(maxColumns)
	return ErrorList{{Row: row,
		Msg: fmt.Sprintf("there is a cell right of column %s; a staffing table has at most %d columns: delete the cells on the far right", col, maxColumns),
		Zh:  fmt.Sprintf("%s 列右边还有单元格；编制表最多 %d 列：请删除最右边的单元格", col, maxColumns)}}
}
