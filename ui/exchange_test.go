package ui

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orgdraft/domain"
	"orgdraft/storage/sheet"
)

const hotlineOutline = `客户服务部
	客服部经理(1名)
		1、全面负责客户服务部工作。
	客服热线员(3名)
		1、接听服务热线，回复客户咨询。
	网购专员(1名)
		1、处理网购订单与售后。
	综合文员(1名)
		1、负责档案与统计。
`

func TestImportOutlineOpensANewDocument(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	if err := m.ImportFrom("客服中心.txt", strings.NewReader(hotlineOutline)); err != nil {
		t.Fatal(err)
	}
	d := m.Session().Doc
	if d.Len() != 5 || d.Total().Planned != 6 {
		t.Fatalf("imported %d boxes, %d planned; want 5 and 6", d.Len(), d.Total().Planned)
	}
	if d.Info.Title != "客服中心" {
		t.Fatalf("title = %q, want the file's name", d.Info.Title)
	}
	if m.Session().Path() != "" {
		t.Fatal("an imported document was written somewhere before Save As")
	}
}

func TestBadImportListsLinesAndKeepsTheDocument(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	before := m.Session().Doc
	bad := "客户服务部\n\t客服(3人)\n  \t混乱的缩进(x人)\n"
	if err := m.ImportFrom("bad.txt", strings.NewReader(bad)); err == nil {
		t.Fatal("a broken outline was imported")
	}
	if m.Session().Doc != before {
		t.Fatal("a failed import replaced the document")
	}
	dialogShows(t, m, "Nothing was imported:")
	dialogShows(t, m, "3")
}

func TestPasteOutlineUnderSelectionIsOneUndoStep(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	before := d.Len()
	m.Select(ids.unit)
	m.App.Clipboard().SetContent("售后组\n\t售后专员(2人)\n\t\t1、处理退换货。")
	if err := m.PasteOutline(); err != nil {
		t.Fatal(err)
	}
	if d.Len() != before+2 {
		t.Fatalf("%d boxes after paste, want %d", d.Len(), before+2)
	}
	sel := m.chart.Selection()
	if len(sel) != 1 || d.Node(sel[0]).Name != "售后组" || d.Node(sel[0]).Parent != ids.unit {
		t.Fatalf("the pasted unit is not selected under the unit: %v", sel)
	}
	var specialist *domain.Node
	d.WalkSubtree(sel[0], func(n *domain.Node) bool {
		if n.Name == "售后专员" {
			specialist = n
		}
		return true
	})
	if specialist == nil || specialist.Planned != 2 || len(specialist.Duties) != 1 {
		t.Fatalf("pasted position = %+v", specialist)
	}
	m.Undo()
	if d.Len() != before {
		t.Fatalf("one undo left %d boxes, want %d", d.Len(), before)
	}
}

func TestExportPictureAndTable(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	dir := t.TempDir()
	pngPath, xlsxPath := filepath.Join(dir, "chart.png"), filepath.Join(dir, "table.xlsx")
	if err := m.WriteExchange(".png", pngPath); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	if img, err := png.Decode(bytes.NewReader(b)); err != nil || img.Bounds().Dx() < 100 {
		t.Fatalf("the PNG does not decode to a chart: %v", err)
	}
	if err := m.WriteExchange(".xlsx", xlsxPath); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	back, err := sheet.ReadXLSX(f)
	if err != nil {
		t.Fatal(err)
	}
	if back.Len() != m.Session().Doc.Len() || back.Total() != m.Session().Doc.Total() {
		t.Fatalf("the table holds %d boxes, %v; the document %d, %v", back.Len(), back.Total(), m.Session().Doc.Len(), m.Session().Doc.Total())
	}
	if err := m.WriteExchange(".doc", filepath.Join(dir, "x.doc")); err == nil {
		t.Fatal("an unknown format was written")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.doc")); !os.IsNotExist(err) {
		t.Fatal("an unknown format left a file")
	}
}
