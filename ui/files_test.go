package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/storage"
)

// savedFile writes testDoc to a new document file and returns its path.
func savedFile(t *testing.T, dir, name string) string {
	t.Helper()
	d, _ := testDoc(t)
	path := filepath.Join(dir, name)
	f, err := storage.Create(path, d)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpeningABadFileShowsWhyAndLeavesItAlone(t *testing.T) {
	dir := t.TempDir()
	good := savedFile(t, dir, "good.orgdraft")
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	// A damaged document: the file cut short. Not a document: a text file
	// with the extension. From a newer OrgDraft: user_version raised.
	damaged := filepath.Join(dir, "damaged.orgdraft")
	os.WriteFile(damaged, data[:len(data)*2/3], 0o644)
	garbled := filepath.Join(dir, "garbled.orgdraft")
	corrupt := bytes.Clone(data)
	for i := 200; i < len(corrupt); i += 7 {
		corrupt[i] ^= 0x5a
	}
	os.WriteFile(garbled, corrupt, 0o644)
	notOurs := filepath.Join(dir, "notes.orgdraft")
	os.WriteFile(notOurs, []byte("客服部的人员名单\n张三 李四\n"), 0o644)
	newer := filepath.Join(dir, "newer.orgdraft")
	nv := bytes.Clone(data)
	nv[60], nv[61], nv[62], nv[63] = 0, 0, 0x03, 0xe7 // user_version 999 in the SQLite header
	os.WriteFile(newer, nv, 0o644)

	cases := []struct {
		path string
		msg  string
	}{
		{damaged, "damaged"},
		{garbled, "damaged"},
		{notOurs, "not an OrgDraft document"},
		{newer, "newer version of OrgDraft"},
		{filepath.Join(dir, "missing.orgdraft"), "does not exist"},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			m, _ := newTestEditor(t, Options{})
			before, _ := os.ReadFile(c.path)
			doc := m.Session().Doc
			if err := m.OpenPath(c.path); err == nil {
				t.Fatal("opened")
			}
			dialogShows(t, m, c.msg)
			if m.Session().Doc != doc || m.Session().Path() != "" {
				t.Error("the current document was replaced")
			}
			after, _ := os.ReadFile(c.path)
			if !bytes.Equal(before, after) {
				t.Error("the file was changed")
			}
			if _, err := os.Stat(c.path + "-journal"); err == nil {
				t.Error("a journal was left beside the file")
			}
		})
	}
}

func TestAFileInUseCanBeViewedReadOnly(t *testing.T) {
	path := savedFile(t, t.TempDir(), "客服部.orgdraft")
	other, _, err := storage.Open(path) // another window holds it
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	before, _ := os.ReadFile(path)
	m, ids := newTestEditor(t, Options{})
	if err := m.OpenPath(path); !errors.Is(err, storage.ErrInUse) {
		t.Fatalf("err = %v", err)
	}
	dialogShows(t, m, "is open in another OrgDraft window")
	if len(m.Window.Canvas().Overlays().List()) != 1 {
		t.Fatal("more than one dialog")
	}
	tapButton(t, topDialog(t, m), "Open Read-Only")
	s := m.Session()
	if !s.ReadOnly() || s.State() != ReadOnly || s.Path() != path || s.Doc.Node(ids.agent).Name != "客服专员" {
		t.Fatalf("read-only %v, state %v, path %q", s.ReadOnly(), s.State(), s.Path())
	}
	if !strings.Contains(m.Window.Title(), "Read-only") || !shows(m.status.Content, "Read-only") {
		t.Errorf("title %q, status %q", m.Window.Title(), texts(m.status.Content))
	}
	// Every edit is refused, and says why.
	if err := m.DoAndShow(domain.Rename(ids.agent, "客服代表")); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("edit: err = %v", err)
	}
	dialogShows(t, m, "open read-only")
	tapButton(t, topDialog(t, m), "OK")
	if s.Doc.Node(ids.agent).Name != "客服专员" || s.History.CanUndo() || s.HasUnsavedWork() {
		t.Fatal("the edit was made")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the file was changed")
	}
	// Save As makes an editable copy.
	copyPath := filepath.Join(t.TempDir(), "副本.orgdraft")
	if err := m.SaveAsPath(copyPath, false); err != nil {
		t.Fatal(err)
	}
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil || s.State() != Saved || s.Path() != copyPath {
		t.Fatalf("after Save As: err %v, state %v, path %q", err, s.State(), s.Path())
	}
	if !strings.Contains(m.Window.Title(), "副本 — Saved") {
		t.Errorf("title %q", m.Window.Title())
	}
}

func TestOpeningAFileInUseCanBeCancelled(t *testing.T) {
	path := savedFile(t, t.TempDir(), "客服部.orgdraft")
	other, _, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	m, _ := newTestEditor(t, Options{})
	doc := m.Session().Doc
	m.OpenPath(path)
	pressKey(m, fyne.KeyEscape)
	if top := m.Window.Canvas().Overlays().Top(); top != nil || m.Session().Doc != doc {
		t.Fatal("Esc did not cancel")
	}
	m.OpenPath(path)
	pressKey(m, fyne.KeyReturn) // the default: Open Read-Only
	if !m.Session().ReadOnly() {
		t.Fatal("Enter did not open it read-only")
	}
}

func TestSaveFailureReachesTheWindowThroughTheSessionState(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	if err := m.SaveAsPath(filepath.Join(t.TempDir(), "客服部.orgdraft"), false); err != nil {
		t.Fatal(err)
	}
	m.Session().file.Close() // every save fails from now on
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil {
		t.Fatalf("Do returned %v for an edit that was made", err)
	}
	if m.Session().Doc.Node(ids.agent).Name != "客服代表" || m.Session().State() != SaveFailed {
		t.Fatalf("state %v", m.Session().State())
	}
	dialogShows(t, m, "could not be saved")
	if !shows(m.status.Content, "Saving failed") || !strings.Contains(m.Window.Title(), "Saving failed") {
		t.Errorf("status %q, title %q", texts(m.status.Content), m.Window.Title())
	}
	tapButton(t, topDialog(t, m), "OK")
	if err := m.Do(domain.Rename(ids.agent, "客服主管")); err != nil {
		t.Fatal(err)
	}
	if top := m.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("the failure was reported again: %q", texts(top))
	}
	// A refusal is still returned, and is not a save failure.
	if err := m.Do(domain.Rename(ids.agent, "")); !errors.Is(err, domain.ErrEmptyName) {
		t.Fatalf("err = %v", err)
	}
}

func TestSaveAsThenEveryEditIsSaved(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	if m.Session().State() != NotSaved || !strings.Contains(m.Window.Title(), "Untitled — Not saved") {
		t.Fatalf("title %q", m.Window.Title())
	}
	path := filepath.Join(t.TempDir(), "客服部.orgdraft")
	if err := m.SaveAsPath(path, false); err != nil {
		t.Fatal(err)
	}
	if m.Session().State() != Saved || m.Window.Title() != "客服部 — Saved — OrgDraft" {
		t.Fatalf("state %v, title %q", m.Session().State(), m.Window.Title())
	}
	if !shows(m.status.Content, path) {
		t.Errorf("status bar shows %q", texts(m.status.Content))
	}
	m.Select(ids.agent)
	typeInto(m, m.Inspector().name, "客服代表")
	if got := m.RecentFiles(); len(got) != 1 || got[0] != path {
		t.Errorf("recent = %q", got)
	}
	if m.App.Preferences().String(prefLastFile) != path {
		t.Error("the last document is not remembered")
	}
	m.Session().Close()
	f, d, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if d.Node(ids.agent).Name != "客服代表" {
		t.Fatalf("the file holds %q", d.Node(ids.agent).Name)
	}
}

func TestSaveAsRefusesToOverwriteUnasked(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	path := savedFile(t, t.TempDir(), "existing.orgdraft")
	before, _ := os.ReadFile(path)
	if err := m.SaveAsPath(path, false); !errors.Is(err, storage.ErrExists) {
		t.Fatalf("err = %v", err)
	}
	dialogShows(t, m, "already exists")
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) || m.Session().Path() != "" {
		t.Fatal("the existing file was replaced")
	}
}

func TestSaveDialogAsksBeforeReplacing(t *testing.T) {
	dir := t.TempDir()
	m, _ := newTestEditor(t, Options{DocumentsDir: dir})
	existing := savedFile(t, dir, "客服部.orgdraft")
	m.Save() // not saved yet: asks where
	ask := topDialog(t, m)
	if !shows(ask, dir) {
		t.Fatalf("Save did not ask for a file name in the documents folder: %q", texts(ask))
	}
	focusedEntry(t, m).SetText("客服部")
	tapButton(t, topDialog(t, m), "Save")
	dialogShows(t, m, `"客服部.orgdraft" already exists. Replace it?`)
	tapButton(t, topDialog(t, m), "Yes")
	if m.Session().Path() != existing || m.Session().State() != Saved {
		t.Fatalf("path %q state %v", m.Session().Path(), m.Session().State())
	}
}

func TestStartOpensTemplateThenLastDocument(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, LanguageEnglish)
	m := NewMainWindow(a, Options{DocumentsDir: t.TempDir()})
	m.Start()
	want, _ := assets.LoadTemplate(assets.Templates()[0].ID)
	if m.Session().Path() != "" || m.Session().Doc.Info.Title != want.Info.Title || m.Session().Doc.Len() != want.Len() {
		t.Fatalf("first start opened %q (%d boxes) at %q", m.Session().Doc.Info.Title, m.Session().Doc.Len(), m.Session().Path())
	}
	if top := m.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is shown: %q", texts(top))
	}
	path := filepath.Join(t.TempDir(), "mine.orgdraft")
	if err := m.SaveAsPath(path, false); err != nil {
		t.Fatal(err)
	}
	m.Quit()
	if m.Session().file.Path() != path {
		t.Fatal("quit changed the path")
	}

	// The next start reopens it.
	m2 := NewMainWindow(a, Options{})
	m2.Start()
	defer m2.Session().Close()
	if m2.Session().Path() != path {
		t.Fatalf("second start opened %q", m2.Session().Path())
	}
	if len(m2.menu.recent.ChildMenu.Items) != 1 || !strings.Contains(m2.menu.recent.ChildMenu.Items[0].Label, "mine.orgdraft") {
		t.Errorf("recent menu: %v", m2.menu.recent.ChildMenu.Items)
	}
}

func TestClosingAsksAboutUnsavedWork(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	closed := false
	m.Window.SetOnClosed(func() { closed = true })
	m.Quit() // nothing edited: closes at once
	if !closed {
		t.Fatal("an unedited document asked before closing")
	}
	m, ids = newTestEditor(t, Options{})
	closed = false
	m.Window.SetOnClosed(func() { closed = true })
	if err := m.Do(domain.Rename(ids.agent, "客服代表")); err != nil {
		t.Fatal(err)
	}
	m.Quit()
	if closed {
		t.Fatal("closed without asking")
	}
	dialogShows(t, m, "is not saved to a file")
	tapButton(t, topDialog(t, m), "Cancel")
	if closed {
		t.Fatal("Cancel closed the window")
	}
	m.Quit()
	tapButton(t, topDialog(t, m), "Don't Save")
	if !closed {
		t.Fatal("Don't Save did not close")
	}
}

func TestStartWithAnUnopenableLastDocument(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, LanguageEnglish)
	bad := filepath.Join(t.TempDir(), "bad.orgdraft")
	os.WriteFile(bad, []byte("not a database"), 0o644)
	a.Preferences().SetString(prefLastFile, bad)
	m := NewMainWindow(a, Options{})
	m.Start()
	defer m.Session().Close()
	dialogShows(t, m, "not an OrgDraft document")
	if m.Session().Path() != "" || m.Session().Doc.Len() == 0 {
		t.Fatal("no template document to work on")
	}
	if data, _ := os.ReadFile(bad); string(data) != "not a database" {
		t.Fatal("the file was changed")
	}
	if a.Preferences().String(prefLastFile) != "" {
		t.Error("the next start would complain again")
	}
}

func TestWindowSizeAndPanelsAreRemembered(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	m.Window.Resize(fyne.NewSize(1200, 850))
	m.mainSplit.SetOffset(0.5)
	m.checksSplit.SetOffset(0.6)
	m.Quit() // nothing edited: closes at once

	again := NewMainWindow(m.App, Options{})
	if got := again.mainSplit.Offset; got != 0.5 {
		t.Errorf("inspector split at %v, want 0.5", got)
	}
	if got := again.checksSplit.Offset; got != 0.6 {
		t.Errorf("checks split at %v, want 0.6", got)
	}
	if got := again.Window.Canvas().Size(); got.Width != 1200 || got.Height != 850 {
		t.Errorf("window size %v, want 1200×850", got)
	}
}

// menuAction returns the Action of the main-menu item labelled label (in
// any menu or submenu), as a user would click it.
func menuAction(t *testing.T, m *MainWindow, label string) func() {
	t.Helper()
	var find func(items []*fyne.MenuItem) *fyne.MenuItem
	find = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Label == label {
				return it
			}
			if it.ChildMenu != nil {
				if got := find(it.ChildMenu.Items); got != nil {
					return got
				}
			}
		}
		return nil
	}
	for _, menu := range m.Window.MainMenu().Items {
		if it := find(menu.Items); it != nil {
			if it.Disabled || it.Action == nil {
				t.Fatalf("menu item %q is disabled", label)
			}
			return it.Action
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// fileDialogShown fails the test unless the topmost dialog is Fyne's file
// (or folder) dialog, sized for browsing, and then cancels it.
func fileDialogShown(t *testing.T, m *MainWindow) {
	t.Helper()
	top := topDialog(t, m)
	if !shows(top, "Cancel") {
		t.Fatalf("the dialog shows %q", texts(top))
	}
	var size fyne.Size
	for _, o := range visibleObjects(top) {
		if p, ok := o.(*widget.PopUp); ok {
			size = p.Content.Size()
			break
		}
	}
	if size.Width < 780 || size.Height < 540 {
		t.Errorf("the file dialog is not sized for browsing: %v", size)
	}
	tapButton(t, top, "Cancel")
}

func TestFileMenuOpenShowsTheFileDialog(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	menuAction(t, m, "Open…")()
	fileDialogShown(t, m)
	if top := m.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is left after Cancel: %q", texts(top))
	}
}

func TestFileMenuImportShowsTheFileDialog(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	menuAction(t, m, "Import Outline or Table…")()
	fileDialogShown(t, m)
}

func TestSaveAsFolderButtonShowsTheFolderDialog(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	menuAction(t, m, "Save As…")()
	tapButton(t, topDialog(t, m), "Change…")
	fileDialogShown(t, m)
	dialogShows(t, m, "File name") // back in the Save As dialog
}

func TestExportFolderButtonShowsTheFolderDialog(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	menuAction(t, m, "Export Chart PDF…")()
	tapButton(t, topDialog(t, m), "Choose File…")
	tapButton(t, topDialog(t, m), "Change…")
	fileDialogShown(t, m)
	dialogShows(t, m, "File name")
}

func TestSaveAsAcceptsAFullPath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home) // os.UserHomeDir on Windows
	other := t.TempDir()
	os.Mkdir(filepath.Join(other, "备份"), 0o755)
	cases := []struct{ typed, want string }{
		{filepath.Join(other, "部门.orgdraft"), filepath.Join(other, "部门.orgdraft")},
		{filepath.Join(other, "部门二"), filepath.Join(other, "部门二.orgdraft")},
		{"~/家里的", filepath.Join(home, "家里的.orgdraft")},
		{"备份/部门", "SHOWN/备份/部门.orgdraft"}, // relative to the folder shown
	}
	for _, c := range cases {
		t.Run(c.typed, func(t *testing.T) {
			shown := other
			m, _ := newTestEditor(t, Options{DocumentsDir: shown})
			want := strings.Replace(c.want, "SHOWN", shown, 1)
			menuAction(t, m, "Save As…")()
			focusedEntry(t, m).SetText(c.typed)
			pressKey(m, fyne.KeyReturn) // Enter saves
			if top := m.Window.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("the dialog stayed open: %q", texts(top))
			}
			if got := m.Session().Path(); got != filepath.Clean(want) {
				t.Fatalf("saved to %q, want %q", got, want)
			}
			if _, err := os.Stat(want); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestSaveAsRefusesAPathIntoNoFolder(t *testing.T) {
	dir := t.TempDir()
	m, _ := newTestEditor(t, Options{DocumentsDir: dir})
	menuAction(t, m, "Save As…")()
	missing := filepath.Join(dir, "没有的文件夹")
	focusedEntry(t, m).SetText(filepath.Join(missing, "部门"))
	tapButton(t, topDialog(t, m), "Save")
	dialogShows(t, m, "does not exist")
	dialogShows(t, m, missing)
	if m.Session().Path() != "" {
		t.Fatal("saved")
	}
	focusedEntry(t, m).SetText("a?b")
	tapButton(t, topDialog(t, m), "Save")
	dialogShows(t, m, "A file name cannot contain")
}

// focusedEntry returns the entry of a dialog that has the focus, failing
// the test if none has.
func focusedEntry(t *testing.T, m *MainWindow) *keyEntry {
	t.Helper()
	e, ok := m.Window.Canvas().Focused().(*keyEntry)
	if !ok {
		t.Fatalf("no dialog entry has the focus (%T has)", m.Window.Canvas().Focused())
	}
	return e
}

// pressKey presses key as the driver delivers it: to the focused widget,
// else to the window's typed-key handler.
func pressKey(m *MainWindow, key fyne.KeyName) {
	c := m.Window.Canvas()
	ev := &fyne.KeyEvent{Name: key}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// newRecoveryApp returns a test app whose storage folder (where the
// recovery files go) is private to the test.
func newRecoveryApp(t *testing.T) fyne.App {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir()) // the test app's storage root
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, LanguageEnglish)
	return a
}

// retitle is the edit of the document's title.
func retitle(d *domain.Document, title string) domain.Command {
	info := d.Info
	info.Title = title
	return domain.SetInfo(info)
}

// crash leaves the window as a killed OrgDraft does: the lock released,
// nothing deleted.
func crash(m *MainWindow) { m.Session().file.Close() }

func TestAnUnsavedDocumentIsRecoveredAfterACrash(t *testing.T) {
	a := newRecoveryApp(t)
	m := NewMainWindow(a, Options{DocumentsDir: t.TempDir()})
	m.Start() // the first-start template
	s := m.Session()
	if s.RecoveryPath() != "" {
		t.Fatal("a recovery file before any edit")
	}
	root := s.Doc.Roots()[0]
	if err := m.Do(retitle(s.Doc, "售后服务部")); err != nil {
		t.Fatal(err)
	}
	rec := s.RecoveryPath()
	if rec == "" || filepath.Dir(rec) != m.recoveryDir() || s.Path() != "" {
		t.Fatalf("recovery file %q in %q, path %q", rec, m.recoveryDir(), s.Path())
	}
	if s.State() != RecoveryKept || !strings.Contains(m.Window.Title(), "Not saved (recovery copy kept)") ||
		!shows(m.status.Content, "Not saved (recovery copy kept)") {
		t.Fatalf("state %v, title %q, status %q", s.State(), m.Window.Title(), texts(m.status.Content))
	}
	// Saved edit by edit: the file holds the second edit too.
	if err := m.Do(domain.SetPlanned(root, 7)); err != nil {
		t.Fatal(err)
	}
	boxes := s.Doc.Len()
	crash(m)

	m2 := NewMainWindow(a, Options{})
	m2.Start()
	dialogShows(t, m2, "售后服务部")
	dialogShows(t, m2, fmt.Sprintf("%d boxes", boxes))
	dialogShows(t, m2, "last edited "+time.Now().Format("2006-01-02"))
	pressKey(m2, fyne.KeyReturn) // Recover is the default
	if top := m2.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("still shown: %q", texts(top))
	}
	r := m2.Session()
	n := r.Doc.Node(root)
	if n == nil || r.Doc.Info.Title != "售后服务部" || n.Planned != 7 || r.RecoveryPath() != rec || r.State() != RecoveryKept {
		t.Fatalf("recovered %+v from %q, state %v", n, r.RecoveryPath(), r.State())
	}
	if !r.HasUnsavedWork() || !strings.Contains(m2.Window.Title(), "Not saved") {
		t.Errorf("title %q", m2.Window.Title())
	}
	// It goes on using its recovery file, and Save As deletes it.
	if err := m2.Do(domain.Rename(root, "客户服务中心")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "中心.orgdraft")
	if err := m2.SaveAsPath(path, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(rec); !errors.Is(err, os.ErrNotExist) {
		t.Error("Save As left the recovery file")
	}
	if r.State() != Saved || r.RecoveryPath() != "" {
		t.Errorf("state %v", r.State())
	}
	m2.Session().Close()
	f, d, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if d.Node(root).Name != "客户服务中心" {
		t.Errorf("saved %q", d.Node(root).Name)
	}
}

func TestDiscardingARecoveryAsksFirst(t *testing.T) {
	a := newRecoveryApp(t)
	m := NewMainWindow(a, Options{})
	m.Start()
	m.Do(retitle(m.Session().Doc, "售后服务部"))
	rec := m.Session().RecoveryPath()
	crash(m)

	m2 := NewMainWindow(a, Options{})
	m2.Start()
	template := m2.Session()
	pressKey(m2, fyne.KeyEscape) // Esc asks, as Discard… does
	dialogShows(t, m2, "for good")
	pressKey(m2, fyne.KeyReturn) // Enter keeps it
	dialogShows(t, m2, "售后服务部")
	tapButton(t, topDialog(t, m2), "Discard…")
	tapButton(t, topDialog(t, m2), "Delete")
	if top := m2.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("still shown: %q", texts(top))
	}
	if _, err := os.Stat(rec); !errors.Is(err, os.ErrNotExist) {
		t.Error("the recovery file is still there")
	}
	if m2.Session() != template {
		t.Error("the document was replaced")
	}
	m3 := NewMainWindow(a, Options{})
	m3.Start()
	if top := m3.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("offered again: %q", texts(top))
	}
}

func TestNormalCloseDeletesTheRecoveryFile(t *testing.T) {
	a := newRecoveryApp(t)
	m := NewMainWindow(a, Options{})
	m.Start()
	m.Do(retitle(m.Session().Doc, "售后服务部"))
	first := m.Session().RecoveryPath()
	// A new document after Don't Save: the old copy goes, the new one
	// gets its own at its first edit.
	menuAction(t, m, "New…")()
	tapButton(t, topDialog(t, m), "Don't Save")
	tapButton(t, topDialog(t, m), "Create") // the blank document
	if _, err := os.Stat(first); !errors.Is(err, os.ErrNotExist) {
		t.Error("the first recovery file is still there")
	}
	m.Do(domain.AddChild(0, domain.KindUnit, "新部门"))
	second := m.Session().RecoveryPath()
	if second == "" || second == first {
		t.Fatalf("second recovery file %q", second)
	}
	// Quit after Don't Save.
	m.Quit()
	tapButton(t, topDialog(t, m), "Don't Save")
	if _, err := os.Stat(second); !errors.Is(err, os.ErrNotExist) {
		t.Error("quitting left the recovery file")
	}
	m2 := NewMainWindow(a, Options{})
	m2.Start()
	defer m2.Session().Close()
	if top := m2.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a recovery was offered after a normal close: %q", texts(top))
	}
}

func TestARecoveryFileInUseIsNotOffered(t *testing.T) {
	a := newRecoveryApp(t)
	m := NewMainWindow(a, Options{})
	m.Start()
	m.Do(retitle(m.Session().Doc, "售后服务部"))
	defer m.Session().Close()
	// A second OrgDraft starts while the first still runs.
	m2 := NewMainWindow(a, Options{})
	m2.Start()
	defer m2.Session().Close()
	if top := m2.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("offered a document another window is editing: %q", texts(top))
	}
}

func TestADamagedFileToOpenAtStartGivesOneDialog(t *testing.T) {
	a := newRecoveryApp(t)
	dir := t.TempDir()
	// The last document is gone, and the one asked for is damaged.
	a.Preferences().SetString(prefLastFile, filepath.Join(dir, "gone.orgdraft"))
	good := savedFile(t, dir, "good.orgdraft")
	data, _ := os.ReadFile(good)
	damaged := filepath.Join(dir, "damaged.orgdraft")
	os.WriteFile(damaged, data[:len(data)*2/3], 0o644)

	m := NewMainWindow(a, Options{Open: damaged})
	m.Start() // as Run does: Start, then the file asked for
	m.OpenPath(damaged)
	defer m.Session().Close()
	overlays := m.Window.Canvas().Overlays().List()
	if len(overlays) != 1 {
		for _, o := range overlays {
			t.Logf("dialog: %q", texts(o))
		}
		t.Fatalf("%d dialogs", len(overlays))
	}
	dialogShows(t, m, "damaged.orgdraft")
	if m.Session().Doc.Len() == 0 {
		t.Error("no document to work on")
	}
}
