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
)

// Options configure the editor. The zero value is a working editor with
// the outline as its chart, PDF export switched off (the menu entries are
// disabled) and a template gallery without pictures.
type Options struct {
	// NewChartView makes the chart in the centre of the window; nil gives
	// the outline (NewOutlineView).
	NewChartView func() ChartView
	// Exporter writes the PDFs; nil disables the export commands.
	Exporter Exporter
	// Preview draws the template gallery's pictures; nil shows none.
	Preview PreviewFunc
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

	chart     ChartView
	inspector *Inspector
	checks    *ChecksPanel
	status    *StatusBar
	left      *fyne.Container
	toolbar   *toolbar
	menu      *menus

	// The splits between chart and inspector and between chart and
	// checks panel; their places are remembered between runs.
	mainSplit, checksSplit *container.Split

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
	if m.opts.NewChartView != nil {
		m.chart = m.opts.NewChartView()
	} else {
		m.chart = NewOutlineView()
	}
	m.chart.SetHost(ChartHost{
		Do:               m.DoAndShow,
		SelectionChanged: m.selectionChanged,
		Key:              m.handleKey,
		ZoomChanged:      func(int) { m.updateStatus() },
	})
	m.inspector = NewInspector(m.Do)
	m.checks = NewChecksPanel()
	m.checks.OnSelect = func(id domain.NodeID) { m.Select(id) }
	m.checks.OnDocument = m.ShowProperties
	m.status = NewStatusBar()
	m.inspector.OnTyping = m.status.SetTyping
	m.left = container.NewStack()
	m.layoutLeft()
	m.rememberLook() // a rebuild (language switch) keeps the panels where they were
	split := container.NewHSplit(m.left, m.inspector.Content)
	split.Offset = m.App.Preferences().FloatWithFallback(prefInspectorAt, 0.64)
	m.mainSplit = split
	m.toolbar = m.makeToolbar()
	m.menu = m.makeMenus()
	m.Window.SetMainMenu(m.menu.main)
	m.Window.SetContent(container.NewBorder(m.toolbar.Content, m.status.Content, nil, nil, split))
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

// Chart returns the chart view.
func (m *MainWindow) Chart() ChartView { return m.chart }

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
	m.chart.SetDocument(m.session.Doc)
	m.inspector.Show(m.session.Doc, 0, 0)
	m.checks.Update(m.session.Doc)
	m.updateAll()
}

// changed follows every edit, undo and redo (and saves).
func (m *MainWindow) changed(ch domain.Change) {
	d := m.session.Doc
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
	err := m.session.Do(cmd)
	m.reportSave(err)
	return err
}

// DoAndShow is Do for commands given from a menu, a key or the chart:
// a refusal is shown in a dialog.
func (m *MainWindow) DoAndShow(cmd domain.Command) error {
	err := m.Do(cmd)
	var se *SaveError
	if err != nil && !errors.As(err, &se) {
		m.showError(err)
	}
	return err
}

var errNoDocument = errors.New("no document is open")

// reportSave tells the user when an edit could not be saved.
func (m *MainWindow) reportSave(err error) {
	var se *SaveError
	switch {
	case errors.As(err, &se):
		if !m.saveErrShown {
			m.saveErrShown = true
			m.showError(err)
		}
	case m.session != nil && m.session.SaveErr() == nil:
		m.saveErrShown = false
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
	_, err := m.session.Undo()
	m.reportSave(err)
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
	_, err := m.session.Redo()
	m.reportSave(err)
}

// The kinds of box the Insert commands add.
const (
	addSubordinate = iota // a position under the selection (a unit at the top)
	addSubunit            // a unit under the selection
	addSibling            // a box of the selection's kind after it
	addAssistant          // an assistant of the selection
)

// Add adds a box (see the add* constants) and puts the cursor in its name.
func (m *MainWindow) Add(what int) {
	if m.session == nil {
		return
	}
	sel := m.Selected()
	var cmd *domain.AddNode
	switch what {
	case addSubordinate:
		if sel == 0 {
			cmd = domain.AddChild(0, domain.KindUnit, lang.L("New unit"))
		} else {
			cmd = domain.AddChild(sel, domain.KindPosition, lang.L("New position"))
		}
	case addSubunit:
		cmd = domain.AddChild(sel, domain.KindUnit, lang.L("New unit"))
	case addSibling:
		n := m.session.Doc.Node(sel)
		if n == nil {
			return
		}
		kind, name := domain.KindPosition, lang.L("New position")
		if n.Kind == domain.KindUnit {
			kind, name = domain.KindUnit, lang.L("New unit")
		}
		var err error
		if cmd, err = domain.AddSibling(m.session.Doc, sel, kind, name); err != nil {
			m.showError(err)
			return
		}
	case addAssistant:
		if sel == 0 {
			return
		}
		cmd = domain.AddAssistant(sel, lang.L("Assistant"))
	}
	if cmd.Init.Kind.IsPosition() {
		cmd.Init.Planned = 1 // a new position is usually one person
	}
	if m.DoAndShow(cmd) == nil || m.session.Doc.Node(cmd.ID) != nil {
		m.Select(cmd.ID)
		m.inspector.FocusName(m.Window.Canvas())
	}
}

// Delete deletes the selected boxes with everything under them (one undo
// step) and selects the superior of the first.
func (m *MainWindow) Delete() {
	if m.session == nil {
		return
	}
	d := m.session.Doc
	sel := m.chart.Selection()
	var cmds []domain.Command
	for _, id := range sel {
		covered := false
		for _, other := range sel {
			if other != id && d.IsAncestor(other, id) {
				covered = true
			}
		}
		if !covered && d.Node(id) != nil {
			cmds = append(cmds, &domain.DeleteNode{ID: id})
		}
	}
	if len(cmds) == 0 {
		return
	}
	parent := d.Node(first(sel)).Parent
	var cmd domain.Command = cmds[0]
	if len(cmds) > 1 {
		cmd = &domain.Batch{Name: "Delete boxes", Cmds: cmds}
	}
	if m.DoAndShow(cmd) == nil || d.Node(first(sel)) == nil {
		if parent != 0 {
			m.Select(parent)
		} else {
			m.Select()
		}
	}
}

// handleKey binds the editing keys of the chart (see ChartHost.Key).
func (m *MainWindow) handleKey(ev *fyne.KeyEvent) bool {
	if m.Window.Canvas().Overlays().Top() != nil {
		return false // a dialog or menu is open: its keys are its own
	}
	switch ev.Name {
	case fyne.KeyTab:
		m.Add(addSubordinate)
	case fyne.KeyReturn, fyne.KeyEnter:
		if m.Selected() == 0 {
			return false
		}
		m.Add(addSibling)
	case fyne.KeyDelete, fyne.KeyBackspace:
		if m.Selected() == 0 {
			return false
		}
		m.Delete()
	case fyne.KeyF2:
		m.inspector.FocusName(m.Window.Canvas())
	default:
		return false
	}
	return true
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
	m.Window.SetTitle(m.DocumentName() + " — " + stateText(m.session.State()) + " — " + lang.L("OrgDraft"))
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
