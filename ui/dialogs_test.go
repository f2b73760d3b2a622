package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/storage"
	"orgdraft/ui/pdf"
)

func TestTemplateGalleryCreatesADocument(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	g := m.showGallery()
	top := topDialog(t, m)
	ts := assets.Templates()
	if len(g.entries) != len(ts)+1 {
		t.Fatalf("%d entries for %d templates", len(g.entries), len(ts))
	}
	sme, _ := assets.LoadTemplate(ts[0].ID)
	for _, want := range []string{"Blank document", ts[0].NameEn, ts[0].DescriptionEn,
		fmt.Sprintf("%d boxes, %d planned", sme.Len(), sme.Total().Planned)} {
		if !shows(top, want) {
			t.Errorf("the gallery does not show %q", want)
		}
	}
	test.Tap(g.create[1])
	d := m.Session().Doc
	if d.Info.Title != sme.Info.Title || d.Len() != sme.Len() || d.Total() != sme.Total() {
		t.Fatalf("created %q with %d boxes", d.Info.Title, d.Len())
	}
	if m.Session().Path() != "" || m.Session().History.CanUndo() {
		t.Error("a new document must be unsaved and without history")
	}
	if m.Window.Canvas().Overlays().Top() != nil {
		t.Error("the gallery stayed open")
	}
	// Blank.
	g = m.showGallery()
	test.Tap(g.create[0])
	if m.Session().Doc.Len() != 0 {
		t.Fatalf("blank document has %d boxes", m.Session().Doc.Len())
	}
}

func TestGalleryShowsAPictureOfEachTemplate(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	m.ShowGallery()
	pictures := 0
	for _, o := range visibleObjects(topDialog(t, m)) {
		if img, ok := o.(*canvas.Image); ok && img.Image != nil && !img.Image.Bounds().Empty() {
			pictures++
		}
	}
	if pictures != len(assets.Templates()) { // none for the blank document
		t.Fatalf("%d pictures in the gallery, want one per template (%d)", pictures, len(assets.Templates()))
	}
}

func TestPropertiesDialogEditsSignOffRows(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	p := m.showProperties()
	if len(p.rows) != 3 || p.rows[0].role.Text != "编制" || p.rows[2].role.Text != "批准" {
		t.Fatalf("sign-off rows: %d", len(p.rows))
	}
	test.Type(p.rows[1].name, "王芳")
	test.Type(p.rows[1].date, "2025-03-01")
	p.version.SetText("V1.0 试用稿")
	p.paper.SetSelected("A3")
	test.Tap(p.landscape)
	test.Tap(p.ok)
	info := m.Session().Doc.Info
	if info.SignOffs[1] != (domain.SignOff{Role: "审核", Name: "王芳", Date: "2025-03-01"}) || info.Version != "V1.0 试用稿" || info.Status != domain.Draft {
		t.Fatalf("info = %+v", info)
	}
	if info.Page.Paper != "A3" || !info.Page.Landscape {
		t.Fatalf("page settings = %+v", info.Page)
	}
	if m.UndoMenuLabel() != "Undo Document properties" {
		t.Errorf("Undo menu = %q", m.UndoMenuLabel())
	}
	if m.Window.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed open")
	}
	m.Undo()
	if m.Session().Doc.Info.SignOffs[1].Name != "" || m.Session().Doc.Info.Status != domain.Draft || m.Session().Doc.Info.Page.Paper != "A4" {
		t.Fatal("undo did not restore the sign-off row")
	}

	// A bad stated total keeps the dialog open and changes nothing.
	p = m.showProperties()
	test.Type(p.statedTotal, "五十")
	test.Tap(p.ok)
	dialogShows(t, m, "Enter the stated total as a whole number")
	if m.Session().History.CanRedo() == false || m.Session().Doc.Info.StatedTotal != 0 {
		t.Fatal("a refused dialog made an edit")
	}
	// Removing a row and adding one.
	p.statedTotal.SetText("54")
	test.Tap(p.rows[0].remove)
	tapButton(t, topDialog(t, m), "Add sign-off row")
	p.rows[2].role.SetText("会签")
	test.Tap(p.ok)
	got := m.Session().Doc.Info
	if got.StatedTotal != 54 || len(got.SignOffs) != 3 || got.SignOffs[0].Role != "审核" || got.SignOffs[2].Role != "会签" {
		t.Fatalf("info = %+v", got)
	}
}

func TestSearchSelectsTheChosenBox(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	if got := FindBoxes(m.Session().Doc, " 客服 "); len(got) != 2 || got[0] != ids.head || got[1] != ids.agent {
		t.Fatalf("FindBoxes = %v", got)
	}
	s := m.showSearch()
	test.Type(s.query, "支持")
	if len(s.matches) != 1 || !shows(topDialog(t, m), "客户服务部 › 技术支持") {
		t.Fatalf("matches %v; dialog shows %q", s.matches, texts(topDialog(t, m)))
	}
	s.list.Select(0)
	if m.Selected() != ids.support || m.Inspector().name.Text != "技术支持" {
		t.Fatalf("selected %d", m.Selected())
	}
	if m.Window.Canvas().Overlays().Top() != nil {
		t.Error("the search stayed open")
	}
	s = m.showSearch()
	test.Type(s.query, "财务")
	if !shows(topDialog(t, m), "No box has that name.") {
		t.Error("no message for no match")
	}
}

// pdfInfo returns what pdfinfo says of a PDF file: its fields by name.
func pdfInfo(t *testing.T, path string) map[string]string {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	info := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// pdfText returns the text of a PDF file, as pdftotext reads it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// choose picks option in the select or radio group of dialog o that
// offers it, as a user clicks it.
func choose(t *testing.T, o fyne.CanvasObject, option string) {
	t.Helper()
	for _, obj := range visibleObjects(o) {
		switch w := obj.(type) {
		case *widget.Select:
			if slices.Contains(w.Options, option) {
				w.SetSelected(option)
				return
			}
		case *widget.RadioGroup:
			if slices.Contains(w.Options, option) {
				w.SetSelected(option)
				return
			}
		}
	}
	t.Fatalf("no choice %q in the dialog", option)
}

// TestExportDialog exports both PDFs through the dialogs, as a user does
// from the File menu, and reads the files written.
func TestExportDialog(t *testing.T) {
	dir := t.TempDir()
	m, _ := newTestEditor(t, Options{DocumentsDir: dir})
	// The export runs in the background; the result dialog is shown
	// through fyne.Do, which the test driver runs on that goroutine: wait
	// for it to finish before looking.
	finished := make(chan struct{}, 1)
	m.exported = func() { finished <- struct{}{} }
	wait := func() {
		t.Helper()
		select {
		case <-finished:
		case <-time.After(60 * time.Second):
			t.Fatal("the export did not finish")
		}
	}
	if err := m.Do(&domain.EditInfo{Name: "Properties", Apply: func(i *domain.Info) error { i.Title = "客服部"; return nil }}); err != nil {
		t.Fatal(err)
	}
	menuAction(t, m, "Export Chart PDF…")()
	choose(t, topDialog(t, m), "A3")
	choose(t, topDialog(t, m), "Landscape")
	choose(t, topDialog(t, m), modeLabels()[pdf.Tile])
	tapButton(t, topDialog(t, m), "Choose File…")
	ask := topDialog(t, m)
	if got := focusedEntry(t, m).Text; got != "客服部-组织架构图.pdf" {
		t.Errorf("suggested name %q", got)
	}
	tapButton(t, ask, "Save")
	wait()
	chartPDF := filepath.Join(dir, "客服部-组织架构图.pdf")
	info := pdfInfo(t, chartPDF)
	if info["Pages"] == "1" {
		dialogShows(t, m, "One page written to")
	} else {
		dialogShows(t, m, info["Pages"]+" pages written to")
	}
	// A3 landscape is 1190.55 × 841.89 points.
	if !strings.HasPrefix(info["Page size"], "1190.55 x 841.89") {
		t.Errorf("chart page size %q, want A3 landscape", info["Page size"])
	}
	text := pdfText(t, chartPDF)
	for _, name := range []string{"客户服务部", "客服经理", "客服专员", "技术支持"} {
		if !strings.Contains(text, name) {
			t.Errorf("the chart PDF lacks %s", name)
		}
	}

	// The book, over an older PDF of that name, which is replaced only
	// after asking.
	book := filepath.Join(dir, "客服部-岗位职责说明书.pdf")
	os.WriteFile(book, []byte("old"), 0o644)
	menuAction(t, m, "Export Responsibility Book PDF…")()
	for _, o := range visibleObjects(topDialog(t, m)) {
		if r, ok := o.(*widget.RadioGroup); ok && slices.Contains(r.Options, modeLabels()[0]) && !r.Disabled() {
			t.Error("the chart options are offered for the book")
		}
	}
	tapButton(t, topDialog(t, m), "Choose File…")
	tapButton(t, topDialog(t, m), "Save")
	dialogShows(t, m, "already exists. Replace it?")
	tapButton(t, topDialog(t, m), "Yes")
	wait()
	if text := pdfText(t, book); !strings.Contains(text, "接听客户来电") {
		t.Errorf("the book lacks the agent's duties:\n%s", text)
	}

	// A folder that vanished while the dialog was open: an error, and
	// nothing left behind.
	gone := filepath.Join(dir, "gone")
	os.Mkdir(gone, 0o755)
	m.App.Preferences().SetString(prefFolder, gone)
	menuAction(t, m, "Export Chart PDF…")()
	tapButton(t, topDialog(t, m), "Choose File…")
	os.Remove(gone)
	tapButton(t, topDialog(t, m), "Save")
	wait()
	dialogShows(t, m, "The PDF could not be written.")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestAFailedWriteKeepsTheOlderFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "架构图.pdf")
	os.WriteFile(path, []byte("old"), 0o644)
	err := storage.WriteOutput(path, true, func(w io.Writer) error {
		w.Write([]byte("%PDF-half"))
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("the failure was not reported")
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Fatalf("the older file became %q", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
}

// noDialog fails the test if a dialog is shown.
func noDialog(t *testing.T, m *MainWindow) {
	t.Helper()
	if top := m.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is shown: %q", texts(top))
	}
}

func TestEscClosesAndEnterConfirmsTheDialogs(t *testing.T) {
	open := func(t *testing.T, m *MainWindow, item, want string) {
		t.Helper()
		menuAction(t, m, item)()
		dialogShows(t, m, want)
	}
	t.Run("Save As", func(t *testing.T) {
		dir := t.TempDir()
		m, _ := newTestEditor(t, Options{DocumentsDir: dir})
		open(t, m, "Save As…", "File name")
		pressKey(m, fyne.KeyEscape)
		noDialog(t, m)
		open(t, m, "Save As…", "File name")
		pressKey(m, fyne.KeyReturn)
		noDialog(t, m)
		if m.Session().State() != Saved || filepath.Dir(m.Session().Path()) != dir {
			t.Fatalf("Enter did not save: %q", m.Session().Path())
		}
		// Asked to replace, Enter keeps the file, like Esc.
		open(t, m, "Save As…", "File name")
		pressKey(m, fyne.KeyReturn)
		dialogShows(t, m, "Replace it?")
		pressKey(m, fyne.KeyReturn)
		dialogShows(t, m, "File name")
		pressKey(m, fyne.KeyEscape)
		noDialog(t, m)
	})
	t.Run("Unsaved changes", func(t *testing.T) {
		m, ids := newTestEditor(t, Options{})
		m.Do(domain.Rename(ids.agent, "客服代表"))
		doc := m.Session().Doc
		open(t, m, "New…", "is not saved to a file")
		pressKey(m, fyne.KeyEscape)
		noDialog(t, m)
		open(t, m, "New…", "is not saved to a file")
		pressKey(m, fyne.KeyReturn) // Save… is the default
		dialogShows(t, m, "File name")
		if m.Session().Doc != doc {
			t.Fatal("the document was replaced")
		}
	})
	t.Run("Properties", func(t *testing.T) {
		m, _ := newTestEditor(t, Options{})
		open(t, m, "Document Properties…", "Sign-off block")
		pressKey(m, fyne.KeyEscape)
		noDialog(t, m)
		if m.Session().History.CanUndo() {
			t.Fatal("Esc made an edit")
		}
		open(t, m, "Document Properties…", "Sign-off block")
		c := m.Window.Canvas()
		c.FocusNext() // the title, as Tab does
		e := focusedEntry(t, m)
		e.SetText("客服部 2025")
		pressKey(m, fyne.KeyReturn)
		noDialog(t, m)
		if m.Session().Doc.Info.Title != "客服部 2025" {
			t.Fatalf("title %q", m.Session().Doc.Info.Title)
		}
		open(t, m, "Document Properties…", "Sign-off block")
		c.FocusNext()
		pressKey(m, fyne.KeyEscape) // from inside an entry too
		noDialog(t, m)
	})
	t.Run("Find", func(t *testing.T) {
		m, ids := newTestEditor(t, Options{})
		open(t, m, "Find…", "Part of a box name")
		pressKey(m, fyne.KeyEscape)
		noDialog(t, m)
		menuAction(t, m, "Find…")()
		test.Type(focusedEntry(t, m), "支持")
		pressKey(m, fyne.KeyReturn)
		noDialog(t, m)
		if m.Selected() != ids.support {
			t.Fatalf("selected %d", m.Selected())
		}
	})
	t.Run("Settings", func(t *testing.T) {
		m, _ := newTestEditor(t, Options{})
		open(t, m, "Settings…", "Appearance")
		pressKey(m, fyne.KeyEscape)
		noDialog(t, m)
		open(t, m, "Settings…", "Appearance")
		for _, o := range visibleObjects(topDialog(t, m)) {
			if r, ok := o.(*widget.RadioGroup); ok && slices.Contains(r.Options, "简体中文") {
				r.SetSelected("简体中文")
			}
		}
		pressKey(m, fyne.KeyReturn)
		noDialog(t, m)
		if Language() != LanguageChinese {
			t.Fatal("Enter did not apply the language")
		}
	})
	t.Run("Export", func(t *testing.T) {
		m, _ := newTestEditor(t, Options{})
		open(t, m, "Export Chart PDF…", "What to export")
		pressKey(m, fyne.KeyEscape)
		noDialog(t, m)
		open(t, m, "Export Chart PDF…", "What to export")
		pressKey(m, fyne.KeyReturn) // Choose File…
		dialogShows(t, m, "File name")
	})
	t.Run("Gallery", func(t *testing.T) {
		m, _ := newTestEditor(t, Options{})
		open(t, m, "New…", "Blank document")
		doc := m.Session().Doc
		pressKey(m, fyne.KeyReturn) // no single choice to confirm
		dialogShows(t, m, "Blank document")
		pressKey(m, fyne.KeyEscape)
		noDialog(t, m)
		if m.Session().Doc != doc {
			t.Fatal("the document was replaced")
		}
	})
}
