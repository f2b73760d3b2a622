package sheet

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"orgdraft/assets"
)

// handMade returns a small workbook whose first sheet holds rows, each
// row's cells from column A, or at the cell names given as "XFD3=text".
func handMade(t testing.TB, cells map[string]any) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	for at, v := range cells {
		if s, ok := v.(string); ok && len(s) > 0 && s[0] == '=' {
			if err := f.SetCellFormula(sheet, at, s[1:]); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := f.SetCellValue(sheet, at, v); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// FuzzReadXLSX feeds mutated workbooks to ReadXLSX. Nothing may panic or
// hang; a refused workbook gives an error, an ErrorList naming rows when
// the workbook itself could be read; an accepted one writes out and reads
// back as the same tree. The seeds are every template as our own writer
// writes it, Chinese and English, and a few workbooks made by hand: a
// title row above the header, blank rows, numbers and a formula, a cell
// in the last column (XFD), a cycle of parents; and staffing tables as
// people keep them, with merged cells (see checkStaffing).
func FuzzReadXLSX(f *testing.F) {
	for _, tm := range assets.Templates() {
		d, err := assets.LoadTemplate(tm.ID)
		if err != nil {
			f.Fatal(err)
		}
		for _, o := range []Options{{}, {English: true}} {
			var b bytes.Buffer
			if err := o.WriteXLSX(&b, d); err != nil {
				f.Fatal(err)
			}
			f.Add(b.Bytes())
		}
	}
	for _, cells := range []map[string]any{
		{"A1": "物业部人员编制表", "A3": "名称", "B3": "编制", "A4": "经理", "B4": 1, "A6": "保洁员", "B6": "=1+2"},
		{"A1": "编号", "B1": "上级编号", "C1": "名称", "A2": 1, "B2": 2, "C2": "甲", "A3": 2, "B3": 1, "C3": "乙"},
		{"A1": "名称", "A2": "甲", "XFD2": "x"},
		{"A1": "Name", "B1": "Planned", "C1": "Dotted lines", "A2": "Ops", "B2": 2.5, "C2": "1: x"},
	} {
		f.Add(handMade(f, cells))
	}
	f.Add([]byte("PK\x03\x04 not really a zip"))
	// Staffing tables: merged unit cells (Excel, by excelize), one saved
	// by LibreOffice.
	for _, name := range []string{"service-merged.xlsx", "office-wps-libreoffice.xlsx"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, sum, err := readXLSX(bytes.NewReader(data))
		if err == nil {
			checkStaffing(t, d, sum)
		}
		if err != nil {
			var el ErrorList
			if errors.As(err, &el) {
				for _, e := range el {
					if e.Row < 1 || e.Msg == "" || e.Zh == "" {
						t.Fatalf("error without a row or message: %+v", e)
					}
				}
			}
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		var b bytes.Buffer
		if err := WriteXLSX(&b, d); err != nil {
			// A cell Excel cannot hold is refused by the writer, with
			// a message; the reader took it from a file that Excel
			// could not have written.
			return
		}
		again, err := ReadXLSX(&b)
		if err != nil {
			t.Fatalf("an accepted workbook does not read back: %v", err)
		}
		again.Info = d.Info
		if g, w := canon(t, again), canon(t, d); g != w {
			t.Fatalf("the tree changed on the way back: %s", firstDiff(g, w))
		}
	})
}
