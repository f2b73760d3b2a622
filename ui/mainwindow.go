// Package ui is OrgDraft's editor: the main window with its menus,
// toolbar, chart, inspector (the duty editor), checks panel and status bar;
// the dialogs for files, templates, document properties, search, export
// and settings; the theme with the bundled font; and the translations
// (Simplified Chinese and English).
//
// Every edit goes through a domain command and the document's history
// (Session), so it can be undone and is saved to the file at once. The
// logic sits in plain structs (Session, Inspector, ChecksPanel …) that the
// widgets call, so it is tested with Fyne's headless test driver. The
// package does not import fyne.io/fyne/v2/app: the program creates the app
// and hands it to Run.
package ui

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"orgdraft/domain"
	"orgdraft/ui/chartview"
)

// Options configure the editor; the zero value is the usual editor.
type Options struct {
	// DocumentsDir is where Save As and Export first look; "" means the
	// user's Documents folder (or home folder).
	DocumentsDir string
	// Open is a document to open at start (as when a file is opened from
	// the desktop), instead of the last one; "" opens the last one.
	Open string
}

// MainWindow is the editor window and what it is showing.
type MainWindow struct {
	App    fyne.App
	Window fyne.Window

	opts    Options
	session *Session

	chart     *chartview.View
	inspector *Inspector
	checks    *ChecksPanel
	status    *StatusBar
	left      *fyne.Container
	toolbar   *toolbar
	menu      *menus
	banner    *lockBanner
	// versions are the windows of past versions opened from the History
	// (history.go).
	versions []*MainWindow

	// The splits between chart and inspector and between chart and
	// checks panel; their places are remembered between runs.
	mainSplit, checksSplit *container.Split

	// compare is the comparison shown in place of the editor (compare.go).
	compare *Comparison

	checksVisible bool
	saveErrShown  bool // the current run of failed saves was reported
	// exported, when set, is called after an export finished and its
	// result is shown; tests wait for it.
	exported func()
}

// Run opens the editor on a and runs the app until the window is closed:
// opts.Open if given, else the last document reopened, or on the first
// start a new document from the small-business customer-service template.
// A document that cannot be opened is reported in a dialog over the
// usual start.
func Run(a fyne.App, opts Options) {
	m := NewMainWindow(a, opts)
	m.Start()
	if opts.Open != "" {
		m.OpenPath(opts.Open)
	}
	m.Window.ShowAndRun()
}

// NewMainWindow builds the editor window on a, in the language and look
// stored in a's preferences, without a document (see Start, SetSession)
// and without showing it.
func NewMainWindow(a fyne.App, opts Options) *MainWindow {
	m := &MainWindow{App: a, opts: opts}
	p := a.Preferences()
	SetLanguage(p.String(prefLanguage))
	a.Settings().SetTheme(NewTheme(p.String(prefAppearance)))
	m.checksVisible = p.BoolWithFallback(prefChecksVisible, true)
	m.Window = a.NewWindow(lang.L("OrgDraft"))
	m.Window.Resize(fyne.NewSize(
		float32(p.FloatWithFallback(prefWindowWidth, 1280)),
		float32(p.FloatWithFallback(prefWindowHeight, 800))))
	m.Window.SetCloseIntercept(m.Quit)
	m.build()
	return m
}

// build makes every widget, in the current language. It runs again after
// the language is switched; the document and selection stay.
func (m *MainWindow) build() {
	var sel []domain.NodeID
	if m.chart != nil {
		sel = m.chart.Selection()
	}
	m.chart = chartview.New()
	m.chart.SetMarkVacancies(m.App.Preferences().Bool(prefVacancies))
	m.chart.SetEnglish(Language() == LanguageEnglish)
	m.chart.SetHost(chartview.Host{
		Do:               m.DoAndShow,
		SelectionChanged: m.selectionChanged,
		Key:              m.handleKey,
		ZoomChanged:      func(int) { m.updateStatus() },
		Menu:             m.boxMenu,
	})
	m.inspector = NewInspector(m.Do)
	m.checks = NewChecksPanel()
	m.checks.OnSelect = func(id domain.NodeID) { m.Select(id) }
	m.checks.OnDocument = m.ShowProperties
	m.status = NewStatusBar()
	m.inspector.OnTyping = func(on bool) { m.status.SetTyping(on); m.updateTitle() }
	m.left = container.NewStack()
	m.layoutLeft()
	m.rememberLook() // a rebuild (language switch) keeps the panels where they were
	split := container.NewHSplit(m.left, m.inspector.Content)
	split.Offset = m.App.Preferences().FloatWithFallback(prefInspectorAt, 0.64)
	m.mainSplit = split
	m.toolbar = m.makeToolbar()
	m.menu = m.makeMenus()
	m.Window.SetMainMenu(m.menu.main)
	m.banner = m.makeBanner() // approve.go: says when the document is locked
	m.Window.SetContent(container.NewBorder(container.NewVBox(m.toolbar.Content, m.banner.Content), m.status.Content, nil, nil, split))
	m.registerShortcuts()
	if m.session != nil {
		m.bind()
		if len(sel) > 0 {
			m.Select(sel...)
		}
	}
}

// layoutLeft shows the chart alone or above the checks panel.
func (m *MainWindow) layoutLeft() {
	if m.checksSplit != nil {
		m.App.Preferences().SetFloat(prefChecksAt, m.checksSplit.Offset)
	}
	if m.checksVisible {
		split := container.NewVSplit(m.chart, m.checks.Content)
		split.Offset = m.App.Preferences().FloatWithFallback(prefChecksAt, 0.75)
		m.checksSplit = split
		m.left.Objects = []fyne.CanvasObject{split}
	} else {
		m.left.Objects = []fyne.CanvasObject{m.chart}
	}
	m.left.Refresh()
}

// ShowChecks shows or hides the checks panel (remembered for next time).
func (m *MainWindow) ShowChecks(on bool) {
	m.checksVisible = on
	m.App.Preferences().SetBool(prefChecksVisible, on)
	m.layoutLeft()
	m.updateMenus()
}

// ChecksVisible reports whether the checks panel is shown.
func (m *MainWindow) ChecksVisible() bool { return m.checksVisible }

// Session returns the open document's session (nil before Start).
func (m *MainWindow) Session() *Session { return m.session }

// Chart returns the chart canvas.
func (m *MainWindow) Chart() *chartview.View { return m.chart }

// Inspector returns the inspector panel.
func (m *MainWindow) Inspector() *Inspector { return m.inspector }

// Checks returns the checks panel.
func (m *MainWindow) Checks() *ChecksPanel { return m.checks }

// SetSession makes s the document the window edits, closing the one
// before. It does not touch the recent-files list (see files.go).
func (m *MainWindow) SetSession(s *Session) {
	old := m.session
	m.session = s
	m.saveErrShown = false
	s.OnChange(func(ch domain.Change) {
		if m.session == s {
			m.changed(ch)
		}
	})
	if old != nil && old != s {
		if err := old.Close(); err != nil {
			fyne.LogError("closing the previous document", err)
		}
	}
	m.bind()
}

// bind shows the session's document in every panel.
func (m *MainWindow) bind() {
	m.chart.SetReadOnly(m.session.ReadOnly())
	m.chart.SetDocument(m.session.Doc)
	m.inspector.Show(m.session.Doc, 0, 0)
	m.checks.Update(m.session.Doc)
	m.updateAll()
}

// changed follows every edit, undo and redo (and saves).
func (m *MainWindow) changed(ch domain.Change) {
	d := m.session.Doc
	if len(ch.Nodes) > 0 || len(ch.Links) > 0 || ch.Info {
		m.status.SetMessage("")
	}
	m.chart.Changed(ch)
	sel := m.chart.Selection()
	m.inspector.Show(d, first(sel), len(sel))
	m.checks.Update(d)
	m.updateAll()
}

func first(ids []domain.NodeID) domain.NodeID {
	if len(ids) == 0 {
		return 0
	}
	return ids[0]
}

// selectionChanged follows a selection the user made on the chart.
func (m *MainWindow) selectionChanged(ids []domain.NodeID) {
	if m.session == nil {
		return
	}
	m.inspector.Show(m.session.Doc, first(ids), len(ids))
	m.updateMenus()
}

// Select selects ids on the chart (scrolling the first into view) and
// shows the first in the inspector.
func (m *MainWindow) Select(ids ...domain.NodeID) {
	m.chart.Select(ids...)
	m.selectionChanged(m.chart.Selection())
}

// Selected returns the primary selected box, or 0.
func (m *MainWindow) Selected() domain.NodeID { return first(m.chart.Selection()) }

// Do runs an edit through the session. A failed save is reported in a
// dialog (once until saving works again) and in the status bar; domain
// refusals are only returned, for the caller to show where the user typed.
func (m *MainWindow) Do(cmd domain.Command) error {
	if m.session == nil {
		return errNoDocument
	}
	if m.compare != nil {
		// The comparison is shown in place of the editor: an edit made
		// from a menu would change a document the user does not see.
		return errComparing
	}
	err := m.session.Do(cmd)
	m.reportSave()
	return err
}

// DoAndShow is Do for commands given from a menu, a key or the chart:
// a refusal is shown in a dialog.
func (m *MainWindow) DoAndShow(cmd domain.Command) error {
	err := m.Do(cmd)
	if err != nil {
		m.showError(err)
	}
	return err
}

var errNoDocument = errors.New("no document is open")

// errComparing refuses an edit while a comparison is shown.
var errComparing = errors.New("close the comparison to edit the document")

// reportSave tells the user, once per run of failed saves, that edits
// could not be saved (the session's state says so; the status bar shows
// it after every edit).
func (m *MainWindow) reportSave() {
	if m.session == nil {
		return
	}
	switch err := m.session.SaveErr(); {
	case err == nil:
		m.saveErrShown = false
	case !m.saveErrShown:
		m.saveErrShown = true
		m.showSaveError(err)
	}
}

// showError shows err as a dialog in the editor's language.
func (m *MainWindow) showError(err error) {
	dialog.ShowError(errors.New(errorText(err)), m.Window)
}

// Undo undoes the typing in the focused inspector field if there is any,
// else the last edit of the document.
func (m *MainWindow) Undo() {
	if e := m.inspector.editing(m.Window.Canvas()); e != nil {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	if m.session == nil {
		return
	}
	if m.compare != nil {
		m.showError(errComparing)
		return
	}
	keep := m.keepSelection()
	if _, err := m.session.Undo(); err != nil {
		m.showError(err)
	}
	m.reportSave()
	keep()
}

// Redo redoes the typing in the focused inspector field if there is any,
// else the last undone edit.
func (m *MainWindow) Redo() {
	if e := m.inspector.editing(m.Window.Canvas()); e != nil {
		e.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	if m.session == nil {
		return
	}
	if m.compare != nil {
		m.showError(errComparing)
		return
	}
	keep := m.keepSelection()
	if _, err := m.session.Redo(); err != nil {
		m.showError(err)
	}
	m.reportSave()
	keep()
}

// keepSelection notes the selected box and its superiors before an undo
// or redo; the function it returns selects, after it, the nearest of them
// that still exists, so undoing an added box selects its superior rather
// than nothing.
func (m *MainWindow) keepSelection() func() {
	d := m.session.Doc
	var chain []domain.NodeID
	for id := m.Selected(); id != 0 && d.Node(id) != nil; id = d.Node(id).Parent {
		chain = append(chain, id)
	}
	return func() {
		if len(chain) == 0 || d != m.session.Doc || d.Node(chain[0]) != nil {
			return
		}
		for _, id := range chain[1:] {
			if d.Node(id) != nil {
				m.Select(id)
				return
			}
		}
		m.Select()
	}
}

// registerShortcuts adds the shortcuts a menu cannot carry: the second
// key for Redo (Cmd+Shift+Z on macOS beside Cmd+Y; Ctrl+Shift+Z beside
// Ctrl+Y elsewhere) and the chart's keys when nothing has the focus.
func (m *MainWindow) registerShortcuts() {
	c := m.Window.Canvas()
	if runtime.GOOS == "darwin" {
		c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { m.Redo() })
	} else {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
			func(fyne.Shortcut) { m.Redo() })
	}
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { m.handleKey(ev) })
}

// updateAll refreshes everything that shows the document's state.
func (m *MainWindow) updateAll() {
	m.updateBanner()
	m.updateStatus()
	m.updateTitle()
	m.updateMenus()
}

func (m *MainWindow) updateStatus() {
	if m.session != nil {
		m.status.Update(m.session, m.chart.Zoom())
	}
}

// DocumentName is the name the title bar shows: the file's name, or
// "Untitled" before the first Save As.
func (m *MainWindow) DocumentName() string {
	if m.session == nil || m.session.Path() == "" {
		return lang.L("Untitled")
	}
	p := m.session.Path()
	return strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
}

func (m *MainWindow) updateTitle() {
	if m.session == nil {
		m.Window.SetTitle(lang.L("OrgDraft"))
		return
	}
	// The status bar's word for the state: it knows about typing not yet
	// committed, which the title must not call saved either.
	m.Window.SetTitle(m.DocumentName() + " — " + m.status.State() + " — " + lang.L("OrgDraft"))
}

// rememberLook stores the window's size and where its panels meet, so the
// next start looks as the user left it.
func (m *MainWindow) rememberLook() {
	p := m.App.Preferences()
	size := m.Window.Canvas().Size()
	if size.Width > 0 && size.Height > 0 {
		p.SetFloat(prefWindowWidth, float64(size.Width))
		p.SetFloat(prefWindowHeight, float64(size.Height))
	}
	if m.mainSplit != nil {
		p.SetFloat(prefInspectorAt, m.mainSplit.Offset)
	}
	if m.checksSplit != nil {
		p.SetFloat(prefChecksAt, m.checksSplit.Offset)
	}
}
