package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/storage"
)

// signAll fills in the sign-off block, as the properties dialog would.
func signAll(t *testing.T, m *MainWindow) {
	t.Helper()
	err := m.Do(&domain.EditInfo{Name: "Document properties", Apply: func(i *domain.Info) error {
		i.SignOffs = []domain.SignOff{
			{Role: "编制", Name: "张三", Date: "2026-11-20"},
			{Role: "审核", Name: "李四", Date: "2026-11-25"},
			{Role: "批准", Name: "王五", Date: "2026-11-30"},
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
}

// approveByMenu approves the document through File ▸ Approve…, with note.
func approveByMenu(t *testing.T, m *MainWindow, note string) {
	t.Helper()
	menuAction(t, m, "Approve…")()
	dlg := topDialog(t, m)
	dialogShows(t, m, "locks the document")
	var entries []*widget.Entry
	for _, o := range visibleObjects(dlg) {
		if e, ok := o.(*widget.Entry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) != 3 || entries[0].Text != "王五" || entries[1].Text != today() {
		t.Fatalf("the approve dialog offers %q", texts(dlg))
	}
	test.Type(entries[2], note)
	tapButton(t, dlg, "Approve")
	if m.Window.Canvas().Overlays().Top() != nil {
		t.Fatalf("the approve dialog stayed open: %q", texts(topDialog(t, m)))
	}
}

func TestApproveRefusedNamesWhatIsMissing(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	menuAction(t, m, "Approve…")()
	for _, want := range []string{"Before the document can be approved", `"Prepared by" has no name and no date`, `"Reviewed by" has no name and no date`, `"Approved by" has no name and no date`} {
		dialogShows(t, m, want)
	}
	tapButton(t, topDialog(t, m), "Close")
	if m.Session().Doc.Locked() || len(m.Session().Doc.Revisions()) != 0 {
		t.Fatal("a refused approval changed the document")
	}
}

func TestApproveLocksTheEditorAndUndoDoesNothing(t *testing.T) {
	dir := t.TempDir()
	m, ids, path := editorOnFile(t, dir, "审批.orgdraft")
	signAll(t, m)
	if err := m.Do(domain.Rename(ids.support, "技术支持专员")); err != nil {
		t.Fatal(err)
	}
	approveByMenu(t, m, "初版")
	s := m.Session()
	if !s.Doc.Locked() || !s.ReadOnly() || len(s.Doc.Revisions()) != 1 || s.Doc.Revisions()[0].Note != "初版" {
		t.Fatalf("after approving: locked %v, %d revisions", s.Doc.Locked(), len(s.Doc.Revisions()))
	}
	if b := m.BannerText(); !strings.Contains(b, "Approved: V1.0") || !strings.Contains(b, "王五") {
		t.Fatalf("the banner says %q", b)
	}
	// Undo does not reach back across the approval.
	m.Undo()
	if s.Doc.Node(ids.support).Name != "技术支持专员" || !s.Doc.Locked() || s.History.CanUndo() {
		t.Fatal("undo after approving changed the document")
	}
	dialogShows(t, m, "approved and locked") // Ctrl+Z says why nothing happens
	tapButton(t, topDialog(t, m), "OK")
	// Edits are refused, with a message.
	if err := m.Do(domain.Rename(ids.agent, "客服")); !errors.Is(err, domain.ErrApproved) {
		t.Fatalf("an edit of the approved document gave %v", err)
	}
	m.Select(ids.agent)
	typeInto(m, m.Inspector().name, "客服")
	if msg := m.Inspector().Message(); !strings.Contains(msg, "approved and locked") {
		t.Fatalf("the inspector took an edit of the approved document with the message %q", msg)
	}
	m.Rename()
	dialogShows(t, m, "approved and locked")
	if s.Doc.Node(ids.agent).Name != "客服专员" || storedName(t, path, ids.agent) != "客服专员" {
		t.Fatal("the approved document was changed")
	}
	m.Session().Close()

	// It opens read-only, with the banner, and stays approved.
	again, _ := newTestEditor(t, Options{DocumentsDir: dir})
	if err := again.OpenPath(path); err != nil {
		t.Fatal(err)
	}
	if !again.Session().ReadOnly() || !strings.Contains(again.BannerText(), "Approved: V1.0") || len(again.Session().Doc.Revisions()) != 1 {
		t.Fatalf("reopened: read-only %v, banner %q", again.Session().ReadOnly(), again.BannerText())
	}
	if err := again.Do(domain.Rename(ids.agent, "客服")); !errors.Is(err, domain.ErrApproved) {
		t.Fatalf("an edit after reopening gave %v", err)
	}
}

func TestNewRevisionThroughTheMenu(t *testing.T) {
	m, ids, path := editorOnFile(t, t.TempDir(), "修订.orgdraft")
	signAll(t, m)
	approveByMenu(t, m, "初版")
	menuAction(t, m, "New Revision…")()
	dlg := topDialog(t, m)
	if e := firstEntry(t, dlg); e.Text != "V1.1" {
		t.Fatalf("the next version offered is %q", e.Text)
	}
	tapButton(t, dlg, "Start Revision")
	s := m.Session()
	if s.Doc.Locked() || s.ReadOnly() || s.Doc.Info.Version != "V1.1" || m.BannerText() != "" {
		t.Fatalf("after New Revision: locked %v, version %q, banner %q", s.Doc.Locked(), s.Doc.Info.Version, m.BannerText())
	}
	if s.History.CanUndo() {
		t.Fatal("undo reaches back across the new revision")
	}
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil {
		t.Fatal(err)
	}
	if storedName(t, path, ids.agent) != "客服代表" {
		t.Fatal("the new draft is not saved")
	}
	// New Revision of a draft explains itself and changes nothing.
	menuAction(t, m, "New Revision…")()
	dialogShows(t, m, "is a draft, not approved")
}

func TestHistoryOpensAndExportsAPastVersion(t *testing.T) {
	dir := t.TempDir()
	m, ids, path := editorOnFile(t, dir, "历史.orgdraft")
	signAll(t, m)
	approveByMenu(t, m, "初版")
	if err := m.Session().Revise(""); err != nil {
		t.Fatal(err)
	}
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil {
		t.Fatal(err)
	}
	signAll(t, m)
	approveByMenu(t, m, "专员改名为代表")

	menuAction(t, m, "History…")()
	dlg := topDialog(t, m)
	for _, want := range []string{"V1.0", "V1.1", "王五", "初版", "专员改名为代表", today()} {
		if !shows(dlg, want) {
			t.Fatalf("the history does not show %q: %q", want, texts(dlg))
		}
	}
	// The summary of a version may be edited, and is kept in the file.
	var edits []*widget.Button
	for _, o := range visibleObjects(dlg) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Edit Summary…" {
			edits = append(edits, b)
		}
	}
	test.Tap(edits[1]) // newest first: V1.0 is the second
	note := firstEntry(t, topDialog(t, m))
	note.SetText("第一版，试行")
	tapButton(t, topDialog(t, m), "Save")
	if !shows(topDialog(t, m), "第一版，试行") {
		t.Fatal("the history does not show the new summary")
	}

	// Open V1.0: a read-only window of the version as it was.
	var opens []*widget.Button
	for _, o := range visibleObjects(topDialog(t, m)) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Open" {
			opens = append(opens, b)
		}
	}
	before := len(m.App.Driver().AllWindows())
	test.Tap(opens[1])
	if len(m.App.Driver().AllWindows()) != before+1 {
		t.Fatal("no window opened for the version")
	}
	w := lastWindow(t, m)
	t.Cleanup(func() { w.Session().Close() })
	old := w.Session()
	if old.Revision() != 1 || !old.ReadOnly() || old.Doc.Node(ids.agent).Name != "客服专员" || old.Doc.Info.Version != "V1.0" {
		t.Fatalf("the window shows revision %d, %q", old.Revision(), old.Doc.Node(ids.agent).Name)
	}
	if b := w.BannerText(); !strings.Contains(b, "A past version: V1.0") {
		t.Fatalf("its banner says %q", b)
	}
	if err := w.Do(domain.Rename(ids.agent, "改")); err == nil {
		t.Fatal("the past version accepted an edit")
	}
	if err := old.SetRevisionNote(1, "改"); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("the past version took a new summary: %v", err)
	}
	// It exports as it was: its book has the 修订记录 of its day.
	finished := make(chan struct{}, 1)
	w.exported = func() { finished <- struct{}{} }
	menuAction(t, w, "Export Responsibility Book PDF…")()
	tapButton(t, topDialog(t, w), "Choose File…")
	out := focusedEntry(t, w).Text
	tapButton(t, topDialog(t, w), "Save")
	select {
	case <-finished:
	case <-time.After(60 * time.Second):
		t.Fatal("the export did not finish")
	}
	text := pdfText(t, filepath.Join(dir, out))
	for _, want := range []string{"修订记录", "第一版，试行", "客服专员"} {
		if !strings.Contains(text, want) {
			t.Errorf("the book of V1.0 lacks %q", want)
		}
	}
	if strings.Contains(text, "专员改名为代表") || strings.Contains(text, "客服代表") {
		t.Error("the book of V1.0 shows what came after it")
	}
	m.Session().Close()
	f, d, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if d.Revisions()[0].Note != "第一版，试行" {
		t.Fatal("the edited summary was not saved")
	}
}

// lastWindow returns the window of a past version opened last.
func lastWindow(t *testing.T, m *MainWindow) *MainWindow {
	t.Helper()
	if len(m.versions) == 0 {
		t.Fatal("no window of a past version was opened")
	}
	return m.versions[len(m.versions)-1]
}

// storedName returns the name of box id in the file at path, read while
// the editor holds it.
func storedName(t *testing.T, path string, id domain.NodeID) string {
	t.Helper()
	d, err := storage.ReadSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	return d.Node(id).Name
}

func TestAnUnsavedDocumentApprovedKeepsItsApprovalWhenSaved(t *testing.T) {
	dir := t.TempDir()
	m, _ := newTestEditor(t, Options{DocumentsDir: dir})
	signAll(t, m)
	approveByMenu(t, m, "初版")
	if !m.Session().HasUnsavedWork() {
		t.Fatal("closing would not ask to save the approved, unsaved document")
	}
	path := filepath.Join(dir, "另存.orgdraft")
	if err := m.SaveAsPath(path, false); err != nil {
		t.Fatal(err)
	}
	d, err := storage.ReadSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Locked() || len(d.Revisions()) != 1 || d.Revisions()[0].Note != "初版" {
		t.Fatalf("the saved file: locked %v, %d revisions", d.Locked(), len(d.Revisions()))
	}
}

// TestHistoryComparesAVersionWithTheCurrentOne: History's Compare with
// Current shows on the chart what changed since the version chosen.
func TestHistoryComparesAVersionWithTheCurrentOne(t *testing.T) {
	m, ids, _ := editorOnFile(t, t.TempDir(), "比较.orgdraft")
	signAll(t, m)
	approveByMenu(t, m, "初版")
	if err := m.Session().Revise(""); err != nil {
		t.Fatal(err)
	}
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil {
		t.Fatal(err)
	}
	menuAction(t, m, "History…")()
	tapButton(t, topDialog(t, m), "Compare with Current")
	c := m.Comparison()
	if c == nil {
		t.Fatal("no comparison is shown")
	}
	if c.Old.Info.Version != "V1.0" || c.Old.Node(ids.agent).Name != "客服专员" {
		t.Fatalf("compared from %q (%q)", c.Old.Info.Version, c.Old.Node(ids.agent).Name)
	}
	renamed := false
	for _, b := range c.Report.Boxes {
		renamed = renamed || (b.New == ids.agent && b.Renamed())
	}
	if !renamed || !shows(m.Window.Content(), "客服代表") {
		t.Fatalf("the rename is not shown: %q", texts(m.Window.Content()))
	}
	// While it is shown, the document the user does not see is not
	// edited, nor undone.
	if err := m.Do(domain.Rename(ids.agent, "坐席")); !errors.Is(err, errComparing) {
		t.Fatalf("an edit during the comparison gave %v", err)
	}
	m.Undo() // what Edit ▸ Undo and Ctrl+Z call
	if got := m.Session().Doc.Node(ids.agent).Name; got != "客服代表" {
		t.Fatalf("during the comparison the box became %q", got)
	}
}

// TestHistoryComparesTwoApprovedVersions: a version in the History is
// compared with the one approved before it.
func TestHistoryComparesTwoApprovedVersions(t *testing.T) {
	m, ids, _ := editorOnFile(t, t.TempDir(), "两版.orgdraft")
	signAll(t, m)
	approveByMenu(t, m, "初版")
	if err := m.Session().Revise(""); err != nil {
		t.Fatal(err)
	}
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil {
		t.Fatal(err)
	}
	signAll(t, m)
	approveByMenu(t, m, "改名")
	menuAction(t, m, "History…")()
	tapButton(t, topDialog(t, m), "Compare with V1.0")
	c := m.Comparison()
	if c == nil || c.Old.Info.Version != "V1.0" || c.New.Info.Version != "V1.1" {
		t.Fatalf("compared %v", c)
	}
	if c.New.Node(ids.agent).Name != "客服代表" || c.Report.Same() {
		t.Fatalf("the comparison of V1.0 and V1.1 misses the rename: %q", texts(m.Window.Content()))
	}
}
