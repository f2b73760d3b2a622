package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"orgdraft/domain/outline"
)

// cycleCSV returns a table of n rows whose parent ids go round in one
// circle: row 2 (id 1) under row 3 (id 2), …, the last row under row 2.
func cycleCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("编号,上级编号,名称\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,%d,岗位%d\n", i, i%n+1, i)
	}
	return b.Bytes()
}

// A circle of 10,000 rows is one error, at its first row, naming a few
// of its rows and its length. It used to be 10,000 errors, each listing
// all 10,000 rows (6.8 GB).
func TestACycleIsReportedOnceAbbreviated(t *testing.T) {
	for _, c := range []struct {
		rows   int
		zh, en string
	}{
		{10000, "第 2 行“上级编号”列：上级编号形成了循环：第 2 → 3 → 4 → 5 → 6 → … → 10001 → 2 行，共 10000 行",
			`row 2, column "上级编号": the parent ids go round in a circle: rows 2 → 3 → 4 → 5 → 6 → … → 10001 → 2, 10,000 rows`},
		{MaxImportBoxes, "第 2 行“上级编号”列：上级编号形成了循环：第 2 → 3 → 4 → 5 → 6 → … → 100001 → 2 行，共 100000 行",
			`row 2, column "上级编号": the parent ids go round in a circle: rows 2 → 3 → 4 → 5 → 6 → … → 100001 → 2, 100,000 rows`},
		{3, "第 2 行“上级编号”列：上级编号形成了循环：第 2 → 3 → 4 → 2 行",
			`row 2, column "上级编号": the parent ids go round in a circle: rows 2 → 3 → 4 → 2`},
	} {
		_, err := ReadCSV(bytes.NewReader(cycleCSV(c.rows)))
		var el ErrorList
		if !errors.As(err, &el) {
			t.Fatalf("%d rows: want ErrorList, got %v", c.rows, err)
		}
		if got := el.Text(true); got != c.zh {
			t.Errorf("%d rows, zh:\n got %.300s\nwant %s", c.rows, got, c.zh)
		}
		if got := el.Text(false); got != c.en {
			t.Errorf("%d rows, en:\n got %.300s\nwant %s", c.rows, got, c.en)
		}
	}
}

// A table of more than MaxImportBoxes rows is refused at the first row
// past the limit, before any box is made.
func TestTooManyRowsAreRefused(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("名称,编制\n")
	for i := range MaxImportBoxes + 1 {
		fmt.Fprintf(&b, "岗位%d,1\n", i)
	}
	_, err := Import("编制表.csv", &b)
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	if got, want := el.Text(true), "第 100002 行：表格超过 100000 行，未导入：请分成几份导入"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := el.Error(), "row 100002: the table has more than 100000 rows; nothing is imported: import it in parts"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A file larger than MaxImportBytes is refused unread, whatever its kind,
// as the kind of error its reader gives.
func TestFilesOverTheSizeCapAreRefused(t *testing.T) {
	big := bytes.Repeat([]byte("客服专员\n"), MaxImportBytes/len("客服专员\n")+1)
	for _, name := range []string{"大纲.txt", "编制表.csv", "编制表.xlsx"} {
		_, err := Import(name, bytes.NewReader(big))
		var text interface{ Text(bool) string }
		var rows ErrorList
		var lines outline.ErrorList
		switch {
		case strings.HasSuffix(name, ".txt") && errors.As(err, &lines):
			text = lines
		case !strings.HasSuffix(name, ".txt") && errors.As(err, &rows):
			text = rows
		default:
			t.Fatalf("%s: got %T %v", name, err, err)
		}
		if got, want := text.Text(true), "文件超过 64 MB，远大于任何编制表或大纲，未读取"; got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
		if got, want := text.Text(false), "the file is larger than 64 MB, more than any staffing table or outline; nothing is read"; got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}

// rightmost returns a workbook of n rows under a header, each with a
// box's name in column A and one cell in column XFD, the last of a sheet:
// the few parts of a workbook written by hand, as a crafted file is.
func rightmost(t testing.TB, n int) []byte {
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	sheet.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row>`)
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(&sheet, `<row r="%[1]d"><c r="A%[1]d" t="inlineStr"><is><t>岗位%[1]d</t></is></c><c r="XFD%[1]d" t="inlineStr"><is><t>x</t></is></c></row>`, i)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, part := range []struct{ name, text string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet.String()},
	} {
		w, err := z.Create(part.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, part.text); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A workbook whose rows reach column XFD is refused at the first such
// row; it used to be unpacked into 16,384 cells a row (82 KB became
// 5.1 GB).
func TestACellInTheLastColumnIsRefused(t *testing.T) {
	_, err := ReadXLSX(bytes.NewReader(rightmost(t, 200)))
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	if got, want := el.Text(true), "第 2 行：BL 列右边还有单元格；编制表最多 64 列：请删除最右边的单元格"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := el.Error(), "row 2: there is a cell right of column BL; a staffing table has at most 64 columns: delete the cells on the far right"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// BenchmarkReadCSVCycle100k reads a table of 100,000 rows in one circle
// of parents (it used to run out of memory).
func BenchmarkReadCSVCycle100k(b *testing.B) {
	data := cycleCSV(MaxImportBoxes)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCSV(bytes.NewReader(data)); err == nil {
			b.Fatal("a cycle was accepted")
		}
	}
}

// BenchmarkReadCSV100k reads a sound table of 100,000 rows.
func BenchmarkReadCSV100k(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, bigDocument(b, MaxImportBoxes)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCSV(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// staffingCSV returns a staffing table of n positions in units of about
// 20, each reporting to its unit's manager, the managers to the general
// manager; with same set, every row names the superior "专员", which all
// rows are called.
func staffingCSV(n int, same bool) []byte {
	var b bytes.Buffer
	b.WriteString("序号,部门,岗位名称,编制人数,直接上级,岗位职责\n1,总经办,总经理,1人,,1、全面负责；2、审批预算。\n")
	for i := 2; i <= n; i++ {
		unit := fmt.Sprintf("第%d部/第%d组", i/200, i/20)
		switch {
		case same:
			fmt.Fprintf(&b, "%d,%s,专员,1人,专员,\n", i, unit)
		case i%20 == 0:
			fmt.Fprintf(&b, "%d,%s,经理%d,1人,总经理,1、带领本组；2、考核。\n", i, unit, i/20)
		case i < 20:
			fmt.Fprintf(&b, "%d,,秘书%d,1人,总经理,\n", i, i)
		default:
			fmt.Fprintf(&b, "%d,,专员%d,2人,经理%d,1、接听热线；2、记录。\n", i, i, i/20)
		}
	}
	return b.Bytes()
}

// A staffing table of 100,000 rows whose every superior is ambiguous is
// refused with one short error a row, not a list of every row in each.
func TestAmbiguousSuperiorsOfAHugeTableStayShort(t *testing.T) {
	_, err := ReadCSV(bytes.NewReader(staffingCSV(MaxImportBoxes-1, true)))
	var el ErrorList
	if !errors.As(err, &el) || len(el) < MaxImportBoxes-2 {
		t.Fatalf("got %d errors: %.200v", len(el), err)
	}
	for _, e := range el[:3] {
		if len([]rune(e.Zh)) > 200 || !strings.Contains(e.Zh, "另") {
			t.Fatalf("a long or unabridged message: %s", e.Zh)
		}
	}
}

// BenchmarkReadStaffing100k reads a staffing table of 100,000 rows.
func BenchmarkReadStaffing100k(b *testing.B) {
	data := staffingCSV(MaxImportBoxes, false)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCSV(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
