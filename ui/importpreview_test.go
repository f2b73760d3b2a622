package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// chooseInFileDialog picks the file named name in Fyne's file dialog, as
// a user does: a tap on it, then Open.
func chooseInFileDialog(t *testing.T, m *MainWindow, name, open string) {
	t.Helper()
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	deadline := time.Now().Add(5 * time.Second)
	for {
		top := topDialog(t, m)
		for _, o := range visibleObjects(top) {
			tap, ok := o.(fyne.Tappable)
			w, isWidget := o.(fyne.Widget)
			if !ok || !isWidget {
				continue
			}
			for _, c := range test.WidgetRenderer(w).Objects() {
				if l, ok := c.(*widget.Label); ok && (l.Text == name || l.Text == stem) {
					tap.Tapped(&fyne.PointEvent{})
					tapButton(t, top, open)
					return
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the file dialog does not show %s: %q", name, texts(top))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// importThroughMenu opens File ▸ Import and chooses the table name, which
// it first copies from storage/sheet/testdata into the folder the file
// dialog starts in.
func importThroughMenu(t *testing.T, m *MainWindow, name string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "storage", "sheet", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(m.startFolder(), name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	menuAction(t, m, "Import Outline or Table…")()
	chooseInFileDialog(t, m, name, "Open")
}

// File ▸ Import of a staffing table shows a preview: the chart it will
// make, which column it read as what, and nothing changes until Import.
// Import as a new document opens it, after asking about unsaved work.
func TestImportPreviewShowsTheTreeAndColumns(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	before := m.Session().Doc
	// Work not saved to a file, which importing as a new document would
	// lose.
	if err := m.Do(domain.Rename(ids.unit, "客户服务中心")); err != nil {
		t.Fatal(err)
	}
	importThroughMenu(t, m, "service-merged.xlsx")
	top := topDialog(t, m)
	for _, want := range []string{"Import Table", "service-merged.xlsx", "9 boxes, 10 planned", "The table states a total of 10.", "Read as a staffing table",
		"部门 → unit", "定编 → planned", "直属上级 → superior", "Columns not used: 序号, 联系电话",
		"▪ 客服部", "· 客服部经理  1 planned · Heads its unit", "· 客服热线员  3 planned", "As a new document"} {
		if !shows(top, want) {
			t.Errorf("the preview does not show %q; it shows %q", want, texts(top))
		}
	}
	if m.Session().Doc != before {
		t.Fatal("the preview changed the document")
	}
	tapButton(t, top, "Import")
	// It asks about the unsaved work first.
	dialogShows(t, m, "Unsaved changes")
	tapButton(t, topDialog(t, m), "Don't Save")
	d := m.Session().Doc
	if d == before || d.Len() != 9 || d.Total().Planned != 10 || d.Info.Title != "service-merged" || d.Info.StatedTotal != 10 {
		t.Fatalf("imported %d boxes, %d planned, title %q", d.Len(), d.Total().Planned, d.Info.Title)
	}
}

// Imported under the selected box, a table is one undo step.
func TestImportPreviewUnderTheSelectionIsOneUndoStep(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	before := d.Len()
	m.Select(ids.unit)
	importThroughMenu(t, m, "shop-positions.csv")
	top := topDialog(t, m)
	under := `Under "` + d.Node(ids.unit).Name + `", as one step to undo`
	var radio *widget.RadioGroup
	for _, o := range visibleObjects(top) {
		if r, ok := o.(*widget.RadioGroup); ok {
			radio = r
		}
	}
	if radio == nil || !strings.Contains(strings.Join(radio.Options, "|"), under) {
		t.Fatalf("no choice %q: %v", under, radio)
	}
	radio.SetSelected(under)
	tapButton(t, top, "Import")
	if d.Len() != before+5 {
		t.Fatalf("%d boxes after the import, want %d", d.Len(), before+5)
	}
	sel := m.chart.Selection()
	if len(sel) != 1 || d.Node(sel[0]).Name != "店长" || d.Node(sel[0]).Parent != ids.unit {
		t.Fatalf("the imported top box is not selected under the unit: %v", sel)
	}
	var cashier *domain.Node
	d.WalkSubtree(sel[0], func(n *domain.Node) bool {
		if n.Name == "收银员" {
			cashier = n
		}
		return true
	})
	if cashier == nil || cashier.Planned != 2 || len(cashier.Duties) != 2 {
		t.Fatalf("imported 收银员 = %+v", cashier)
	}
	m.Undo()
	if d.Len() != before {
		t.Fatalf("one undo left %d boxes, want %d", d.Len(), before)
	}
}

// A table with problems shows them by row, and Import cannot be pressed.
func TestImportPreviewListsProblemsByRow(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	m.ApplySettings(LanguageChinese, "")
	t.Cleanup(func() { m.ApplySettings(LanguageEnglish, "") })
	before := m.Session().Doc
	bad := "部门,岗位名称,编制人数,直接上级\n客服部,经理,1,\n客服部,专员,三人,主任\n"
	if err := os.WriteFile(filepath.Join(m.startFolder(), "bad.csv"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	menuAction(t, m, "导入大纲或表格…")()
	chooseInFileDialog(t, m, "bad.csv", "打开")
	top := topDialog(t, m)
	for _, want := range []string{"导入表格", "问题", "第 3 行“编制人数”列：“三人”不是人数", "第 3 行“直接上级”列：表中没有叫“主任”的岗位", "部门 → 部门"} {
		if !shows(top, want) {
			t.Errorf("the preview does not show %q; it shows %q", want, texts(top))
		}
	}
	for _, o := range visibleObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == "导入" && !b.Disabled() {
			t.Error("Import can be pressed for a table with problems")
		}
	}
	tapButton(t, top, "取消")
	if m.Session().Doc != before || m.Window.Canvas().Overlays().Top() != nil {
		t.Fatal("cancelling the preview changed something")
	}
}
