package sheet

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orgdraft/domain"

	"orgdraft/assets"
)

// FuzzReadCSV feeds arbitrary bytes to ReadCSV. Nothing may panic or
// hang; a rejected table comes back as an ErrorList whose every entry
// names a row; an accepted one, in either reading, writes out and reads
// back as the same tree, and a staffing table's heads and warnings are
// sound (checkStaffing). Plain `go test` runs the seeds: every template
// as CSV, Chinese and English, and the held-out staffing tables.
func FuzzReadCSV(f *testing.F) {
	for _, tm := range assets.Templates() {
		d, err := assets.LoadTemplate(tm.ID)
		if err != nil {
			f.Fatal(err)
		}
		for _, o := range []Options{{}, {English: true}} {
			var b bytes.Buffer
			if err := o.WriteCSV(&b, d); err != nil {
				f.Fatal(err)
			}
			f.Add(b.Bytes())
		}
	}
	for _, s := range []string{
		"名称\n甲\n", "编号,上级编号,名称\n1,2,甲\n2,1,乙\n", "名称,编制\n\"甲\n", "\xff\xfe名\x00", "标题\n\n名称;编制\n甲;-1\n",
		"编号,上级编号,名称,虚线汇报\n1,,甲,1\n2,1,乙,1：x\n",
	} {
		f.Add([]byte(s))
	}
	// Staffing tables as people keep them: the held-out tables, and a few
	// the staffing reading refuses.
	for _, name := range []string{"property-gb18030.csv", "service-paths.csv", "office-wps.csv", "operations-en.tsv", "shop-positions.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"部门,岗位,直接上级\n甲部,甲,乙\n甲部,丙,甲\n乙部,乙,甲\n乙部,丁,乙\n",
		"部门,上级部门,岗位\n客服部,运营中心,甲\n客服部,行政中心,乙\n",
		"部门,岗位\n客服部/综合组,甲\n工程部/综合组,乙\n综合组,丙\n",
		"序号,部门,岗位名称,编制人数,直接上级\n1,客服部,经理,1人,\n2,,专员,３,经理\n合计,,,4\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, sum, err := readCSV(bytes.NewReader(data))
		if err == nil {
			checkStaffing(t, d, sum)
		}
		if err != nil {
			var el ErrorList
			if !errors.As(err, &el) || len(el) == 0 {
				t.Fatalf("want a non-empty ErrorList, got %T %v", err, err)
			}
			for _, e := range el {
				if e.Row < 1 || e.Msg == "" || e.Zh == "" {
					t.Fatalf("error without a row or message: %+v", e)
				}
			}
			return
		}
		var b bytes.Buffer
		if err := WriteCSV(&b, d); err != nil {
			t.Fatal(err)
		}
		again, err := ReadCSV(&b)
		if err != nil {
			t.Fatalf("an accepted table does not read back: %v\n%s", err, b.String())
		}
		again.Info = d.Info
		if g, w := canon(t, again), canon(t, d); g != w {
			t.Fatalf("the tree changed on the way back: %s", firstDiff(g, w))
		}
		if strings.Contains(b.String(), "\r") && !strings.Contains(b.String(), "\r\n") {
			t.Fatal("a lone CR was written")
		}
	})
}

// checkStaffing checks what the staffing reading promises of a table it
// accepted: a summary naming the header's row and at least the position
// column, heads only on positions directly in a unit and one a unit, and
// warnings that name a row in both languages.
func checkStaffing(t *testing.T, d *domain.Document, sum *Summary) {
	t.Helper()
	if sum == nil || sum.HeaderRow < 1 {
		t.Fatalf("an accepted table without a summary: %+v", sum)
	}
	if sum.Reading != ReadingStaffing {
		return
	}
	position := false
	for _, c := range sum.Columns {
		position = position || c.En == fieldNames[fPosition].en
	}
	if !position {
		t.Fatalf("a staffing table read without a position column: %+v", sum.Columns)
	}
	heads := map[domain.NodeID]int{}
	d.Walk(func(n *domain.Node) bool {
		if n.Head {
			p := d.Node(n.Parent)
			if !n.Kind.IsPosition() || p == nil || p.Kind != domain.KindUnit {
				t.Fatalf("%q heads no unit", n.Name)
			}
			if heads[p.ID]++; heads[p.ID] > 1 {
				t.Fatalf("unit %q has two heads", p.Name)
			}
		}
		return true
	})
	for _, w := range sum.Warnings {
		if w.Row <= sum.HeaderRow || w.Msg == "" || w.Zh == "" {
			t.Fatalf("a warning without a row or message: %+v", w)
		}
	}
}
