package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/domain/diff"
	"orgdraft/storage"
	"orgdraft/ui/chartview"
)

// chooseInFileDialog picks the file shown as name in the topmost file
// dialog and taps Open, as a user does.
func chooseInFileDialog(t *testing.T, m *MainWindow, name string) {
	t.Helper()
	top := topDialog(t, m)
	for _, o := range visibleObjects(top) {
		if _, isButton := o.(*widget.Button); isButton {
			continue
		}
		if tap, ok := o.(fyne.Tappable); ok && shows(o, name) && !shows(o, "Cancel") {
			test.Tap(tap)
			tapButton(t, top, "Open")
			return
		}
	}
	t.Fatalf("the file dialog does not show %q: %q", name, texts(top))
}

func TestFileMenuCompareDrawsTheChangesOnTheChart(t *testing.T) {
	dir := t.TempDir()
	m, ids := newTestEditor(t, Options{DocumentsDir: dir})
	// The version before the edits, kept as a file.
	f, err := storage.Create(filepath.Join(dir, "初稿.orgdraft"), m.Session().Doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	added := domain.AddChild(ids.unit, domain.KindPosition, "质检专员")
	for _, c := range []domain.Command{
		domain.SetPlanned(ids.agent, 5),
		added,
		&domain.DeleteNode{ID: ids.support},
	} {
		if err := m.Do(c); err != nil {
			t.Fatal(err)
		}
	}
	editor := m.Window.Content()

	menuAction(t, m, "Compare…")()
	chooseInFileDialog(t, m, "初稿")
	c := m.Comparison()
	if c == nil || m.Window.Content() == editor {
		t.Fatal("choosing the file did not show the comparison")
	}
	content := m.Window.Content()
	for _, want := range []string{"Comparing 初稿.orgdraft", "1 added, 1 removed, 1 changed", "Close Comparison", "Export Comparison PDF…", "Export Comparison Excel…"} {
		if !shows(content, want) {
			t.Errorf("the comparison does not show %q: %q", want, texts(content))
		}
	}

	// The chart: the new box green, the changed one amber, the deleted one
	// back in its place as a ghost.
	marks := c.Chart().Marks()
	ghost := c.Overlay.Ghosts[ids.support]
	gn := c.Chart().Document().Node(ghost)
	if marks[added.ID] != chartview.MarkAdded || marks[ids.agent] != chartview.MarkChanged || marks[ghost] != chartview.MarkRemoved ||
		gn == nil || gn.Name != "技术支持" || gn.Parent != ids.unit {
		t.Fatalf("marks %v; ghost %v", marks, gn)
	}
	if marks[ids.head] != chartview.Unmarked || marks[ids.unit] != chartview.Unmarked {
		t.Fatalf("boxes that did not change are marked: %v", marks)
	}
	if _, _, ok := c.Chart().BoxOnScreen(ghost); !ok {
		t.Fatal("the ghost is not drawn")
	}

	// The list beside the chart selects the box of a line.
	for i, r := range c.Rows() {
		if r.Status == diff.Removed {
			c.SelectRow(i)
			break
		}
	}
	if sel := c.Chart().Selection(); len(sel) != 1 || sel[0] != ghost {
		t.Fatalf("choosing the removed box's line selects %v, want the ghost %d", sel, ghost)
	}

	// Export the table, then close: the editor is back, with the document
	// as it was edited.
	out := filepath.Join(dir, "对照表.pdf")
	if err := c.Write(out, false); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil || !strings.Contains(string(text), "质检专员") || !strings.Contains(string(text), "Comparison of versions") {
		t.Fatalf("the PDF: %v\n%s", err, text)
	}
	if err := c.Write(filepath.Join(dir, "初稿.orgdraft"), true); err == nil {
		t.Fatal("the export replaced the other version")
	}
	// The Excel button asks for a name, as every export does.
	tapButton(t, content, "Export Comparison Excel…")
	focusedEntry(t, m).SetText("对照表.xlsx")
	pressKey(m, fyne.KeyReturn)
	dialogShows(t, m, "Written to")
	tapButton(t, topDialog(t, m), "OK")
	if _, err := os.Stat(filepath.Join(dir, "对照表.xlsx")); err != nil {
		t.Fatal(err)
	}
	tapButton(t, content, "Close Comparison")
	if m.Comparison() != nil || m.Window.Content() != editor {
		t.Fatal("Close Comparison did not go back to the editor")
	}
	if m.Session().Doc.Node(ids.support) != nil || m.Session().Doc.Node(added.ID) == nil {
		t.Fatal("the comparison changed the document")
	}
}

func TestCompareWithItsOwnFileShowsNoChanges(t *testing.T) {
	dir := t.TempDir()
	m, _ := newTestEditor(t, Options{DocumentsDir: dir})
	SetLanguage(LanguageChinese)
	t.Cleanup(func() { SetLanguage(LanguageEnglish) })
	path := filepath.Join(dir, "客服部.orgdraft")
	if err := m.SaveAsPath(path, false); err != nil {
		t.Fatal(err)
	}
	if err := m.CompareWith(path); err != nil {
		t.Fatal(err)
	}
	c := m.Comparison()
	if !c.Report.Same() || len(c.Rows()) != 0 || !shows(m.Window.Content(), "两个版本相同。") {
		t.Fatalf("a document compared with its own file: %q", texts(m.Window.Content()))
	}
}
