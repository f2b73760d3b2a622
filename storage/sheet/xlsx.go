package sheet

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
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
// refused.
func ReadXLSX(r io.Reader) (*domain.Document, error) {
	data, err := readCapped(r)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipLimit})
	if err != nil {
		return nil, fmt.Errorf("not an Excel workbook (.xlsx): %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, ErrorList{{Row: 1, Msg: "the workbook has no sheet", Zh: "工作簿中没有工作表"}}
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("not an Excel workbook (.xlsx): %w", err)
	}
	defer rows.Close()
	var records []record
	// Next steps through every row number, the missing rows too, so the
	// count is the row's number in the sheet.
	for row := 1; rows.Next(); row++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("not an Excel workbook (.xlsx): %w", err)
		}
		if len(cells) > maxColumns {
			// Columns stops at the row's last cell with a value or a
			// formula: that cell is too far right. Refusing the first
			// such row keeps a sheet of them from costing 16,384 cells
			// a row.
			return nil, tooWide(row)
		}
		if blank(cells) {
			continue
		}
		records = append(records, record{row: row, cells: cells})
		if len(records) > maxRecords {
			break // document reports the rows past the limit
		}
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("not an Excel workbook (.xlsx): %w", err)
	}
	return document(records)
}

// tooWide is the error of a row with a cell right of column maxColumns.
func tooWide(row int) ErrorList {
	col, _ := excelize.ColumnNumberToName(maxColumns)
	return ErrorList{{Row: row,
		Msg: fmt.Sprintf("there is a cell right of column %s; a staffing table has at most %d columns: delete the cells on the far right", col, maxColumns),
		Zh:  fmt.Sprintf("%s 列右边还有单元格；编制表最多 %d 列：请删除最右边的单元格", col, maxColumns)}}
}
