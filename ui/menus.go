package ui

import (
	"fmt"
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// menus holds the main menu and the items whose label or state follows
// the document.
type menus struct {
	main                              *fyne.MainMenu
	undo, redo                        *fyne.MenuItem
	del, addSibling, addAssistant     *fyne.MenuItem
	zoomIn, zoomOut, zoom100, zoomFit *fyne.MenuItem
	checks                            *fyne.MenuItem
	leftToRight, compactLeaves        *fyne.MenuItem
	vacancies                         *fyne.MenuItem
	exportChart, exportBook           *fyne.MenuItem
	recent                            *fyne.MenuItem
}

// shortcut returns Ctrl+key (Cmd+key on macOS), with shift if asked.
func shortcut(key fyne.KeyName, shift bool) *desktop.CustomShortcut {
	mod := fyne.KeyModifierShortcutDefault
	if shift {
		mod |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

func item(label string, action func(), sc fyne.Shortcut) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

// makeMenus builds File, Edit, Insert, View and Help. The keys without a
// modifier (Tab, Enter, Delete, F2) are shown in the labels but bound by
// the chart (handleKey): as menu shortcuts they would fire while typing.
func (m *MainWindow) makeMenus() *menus {
	mm := &menus{}
	mm.recent = fyne.NewMenuItem(lang.L("Open Recent"), nil)
	mm.exportChart = fyne.NewMenuItem(lang.L("Export Chart PDF…"), func() { m.ShowExport(ExportChart) })
	mm.exportBook = fyne.NewMenuItem(lang.L("Export Responsibility Book PDF…"), func() { m.ShowExport(ExportBook) })
	// Our own Quit, so that quitting asks about unsaved work like closing
	// the window does (Fyne's would quit at once).
	quit := item(lang.L("Quit"), m.Quit, shortcut(fyne.KeyQ, false))
	quit.IsQuit = true
	var exchange []*fyne.MenuItem
	for _, f := range exchangeFormats {
		exchange = append(exchange, fyne.NewMenuItem(lang.L(f.label), func() { m.ExportExchange(f.ext) }))
	}
	exportOther := fyne.NewMenuItem(lang.L("Export Picture or Table"), nil)
	exportOther.ChildMenu = fyne.NewMenu("", exchange...)
	file := fyne.NewMenu(lang.L("File"),
		item(lang.L("New…"), m.NewDocument, shortcut(fyne.KeyN, false)),
		item(lang.L("Open…"), m.OpenDocument, shortcut(fyne.KeyO, false)),
		mm.recent,
		fyne.NewMenuItem(lang.L("Import Outline or Table…"), m.ImportFile),
		fyne.NewMenuItem(lang.L("Compare…"), m.Compare),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Save"), m.Save, shortcut(fyne.KeyS, false)),
		item(lang.L("Save As…"), m.SaveAs, shortcut(fyne.KeyS, true)),
		fyne.NewMenuItemSeparator(),
		mm.exportChart,
		mm.exportBook,
		exportOther,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Document Properties…"), func() { m.ShowProperties() }),
		fyne.NewMenuItem(lang.L("Approve…"), m.ShowApprove),
		fyne.NewMenuItem(lang.L("New Revision…"), m.ShowNewRevision),
		fyne.NewMenuItem(lang.L("History…"), m.ShowHistory),
		fyne.NewMenuItem(lang.L("Settings…"), func() { m.ShowSettings() }),
		fyne.NewMenuItemSeparator(),
		quit,
	)

	mm.undo = item(lang.L("Undo"), m.Undo, &fyne.ShortcutUndo{})
	var redoKey fyne.Shortcut = &fyne.ShortcutRedo{}
	if runtime.GOOS == "darwin" {
		redoKey = shortcut(fyne.KeyZ, true) // the Mac's own; Cmd+Y also works
	}
	mm.redo = item(lang.L("Redo"), m.Redo, redoKey)
	mm.del = fyne.NewMenuItem(lang.L("Delete Box (Delete)"), m.Delete)
	edit := fyne.NewMenu(lang.L("Edit"),
		mm.undo, mm.redo,
		fyne.NewMenuItemSeparator(),
		mm.del,
		item(lang.L("Paste Outline"), func() { m.PasteOutline() }, shortcut(fyne.KeyV, true)),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Find…"), func() { m.ShowSearch() }, shortcut(fyne.KeyF, false)),
	)

	mm.addSibling = fyne.NewMenuItem(lang.L("Sibling Box (Enter)"), func() { m.Add(addSibling) })
	mm.addAssistant = fyne.NewMenuItem(lang.L("Assistant"), func() { m.Add(addAssistant) })
	insert := fyne.NewMenu(lang.L("Insert"),
		fyne.NewMenuItem(lang.L("Subordinate Position (Tab)"), func() { m.Add(addSubordinate) }),
		fyne.NewMenuItem(lang.L("Subordinate Unit"), func() { m.Add(addSubunit) }),
		mm.addSibling,
		mm.addAssistant,
	)

	mm.zoomIn = item(lang.L("Zoom In"), func() { m.zoomBy(125) }, shortcut(fyne.KeyEqual, false))
	mm.zoomOut = item(lang.L("Zoom Out"), func() { m.zoomBy(80) }, shortcut(fyne.KeyMinus, false))
	mm.zoom100 = item(lang.L("Actual Size"), func() { m.chart.SetZoom(100); m.updateStatus() }, shortcut(fyne.Key0, false))
	mm.zoomFit = fyne.NewMenuItem(lang.L("Fit to Window"), m.ZoomToFit)
	mm.checks = fyne.NewMenuItem(lang.L("Checks Panel"), func() { m.ShowChecks(!m.checksVisible) })
	// The chart's orientation and compact columns are document settings
	// (the printed chart follows them), so they are undoable edits.
	mm.leftToRight = fyne.NewMenuItem(lang.L("Left to Right"), func() {
		m.DoAndShow(domain.SetLeftToRight(!m.session.Doc.Info.Page.LeftToRight))
	})
	mm.compactLeaves = fyne.NewMenuItem(lang.L("Compact Leaf Columns"), func() {
		m.DoAndShow(domain.SetCompactLeaves(!m.session.Doc.Info.Page.CompactLeaves))
	})
	// Marking vacancies is how this user likes to look at charts, not a
	// part of the document: a preference, not an edit.
	mm.vacancies = fyne.NewMenuItem(lang.L("Mark Vacancies"), func() { m.MarkVacancies(!m.chart.MarkVacancies()) })
	view := fyne.NewMenu(lang.L("View"),
		mm.zoomIn, mm.zoomOut, mm.zoom100, mm.zoomFit,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Auto Layout"), m.AutoLayout),
		mm.leftToRight, mm.compactLeaves,
		fyne.NewMenuItemSeparator(),
		mm.vacancies,
		mm.checks,
	)

	help := fyne.NewMenu(lang.L("Help"),
		fyne.NewMenuItem(lang.L("How to Use"), m.ShowHelp),
		fyne.NewMenuItem(lang.L("About OrgDraft"), m.ShowAbout),
	)
	mm.main = fyne.NewMainMenu(file, edit, insert, view, help)
	m.menu = mm
	m.updateRecentMenu()
	return mm
}

// MarkVacancies switches the chart's marking of positions with fewer in
// post than planned (and its legend) on or off, remembered for next time.
func (m *MainWindow) MarkVacancies(on bool) {
	m.chart.SetMarkVacancies(on)
	m.App.Preferences().SetBool(prefVacancies, on)
	m.updateMenus()
}

// ZoomToFit zooms the chart to fit the window and centres it.
func (m *MainWindow) ZoomToFit() {
	m.chart.ZoomToFit()
	m.updateStatus()
}

// zoomBy changes the chart's zoom by percent of itself.
func (m *MainWindow) zoomBy(percent int) {
	if z := m.chart.Zoom(); z > 0 {
		m.chart.SetZoom(z * percent / 100)
		m.updateStatus()
	}
}

// updateRecentMenu lists the recent files under File ▸ Open Recent.
func (m *MainWindow) updateRecentMenu() {
	var items []*fyne.MenuItem
	for _, p := range m.RecentFiles() {
		items = append(items, fyne.NewMenuItem(fmt.Sprintf("%s  (%s)", filepath.Base(p), filepath.Dir(p)), func() { m.OpenRecent(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(lang.L("No recent documents"), nil)
		none.Disabled = true
		items = append(items, none)
	}
	m.menu.recent.ChildMenu = fyne.NewMenu("", items...)
	m.menu.main.Refresh()
}

// updateMenus names the edit Undo and Redo would undo and enables what
// applies to the selection.
func (m *MainWindow) updateMenus() {
	mm := m.menu
	if mm == nil || m.session == nil {
		return
	}
	h := m.session.History
	mm.undo.Label, mm.undo.Disabled = lang.L("Undo"), !h.CanUndo()
	if h.CanUndo() {
		mm.undo.Label = fmt.Sprintf(lang.L("Undo %s"), commandLabel(h.UndoLabel()))
	}
	mm.redo.Label, mm.redo.Disabled = lang.L("Redo"), !h.CanRedo()
	if h.CanRedo() {
		mm.redo.Label = fmt.Sprintf(lang.L("Redo %s"), commandLabel(h.RedoLabel()))
	}
	sel := m.session.Doc.Node(m.Selected())
	editable := !m.session.ReadOnly()
	mm.del.Disabled = sel == nil || !editable
	mm.addSibling.Disabled = sel == nil || !editable
	mm.addAssistant.Disabled = sel == nil || !editable
	mm.checks.Checked = m.checksVisible
	mm.vacancies.Checked = m.chart.MarkVacancies()
	mm.leftToRight.Checked = m.session.Doc.Info.Page.LeftToRight
	mm.compactLeaves.Checked = m.session.Doc.Info.Page.CompactLeaves
	mm.main.Refresh()
	m.toolbar.update(m, sel != nil, editable)
}

// commandLabel translates a domain command's label (they are English).
func commandLabel(label string) string { return lang.L(label) }

// UndoMenuLabel returns the Edit menu's Undo entry as shown.
func (m *MainWindow) UndoMenuLabel() string { return m.menu.undo.Label }

// toolbar is the row of buttons under the menu.
type toolbar struct {
	undo, redo, subordinate, del, sibling, assistant, export *widget.Button
	checks                                                   *widget.Button
	Content                                                  fyne.CanvasObject
}

func (m *MainWindow) makeToolbar() *toolbar {
	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	t := &toolbar{
		undo:        btn(lang.L("Undo"), theme.ContentUndoIcon(), m.Undo),
		redo:        btn(lang.L("Redo"), theme.ContentRedoIcon(), m.Redo),
		subordinate: btn(lang.L("Subordinate"), theme.ContentAddIcon(), func() { m.Add(addSubordinate) }),
		sibling:     btn(lang.L("Sibling"), theme.ContentAddIcon(), func() { m.Add(addSibling) }),
		assistant:   btn(lang.L("Assistant"), theme.AccountIcon(), func() { m.Add(addAssistant) }),
		del:         btn(lang.L("Delete"), theme.DeleteIcon(), m.Delete),
		checks:      btn(lang.L("Checks"), theme.WarningIcon(), func() { m.ShowChecks(!m.checksVisible) }),
		export:      btn(lang.L("Export PDF"), theme.DocumentPrintIcon(), func() { m.ShowExport(ExportChart) }),
	}
	t.Content = container.NewVBox(container.NewHBox(
		btn(lang.L("New"), theme.DocumentCreateIcon(), m.NewDocument),
		btn(lang.L("Open"), theme.FolderOpenIcon(), m.OpenDocument),
		widget.NewSeparator(),
		t.undo, t.redo,
		widget.NewSeparator(),
		t.subordinate,
		t.sibling, t.assistant, t.del,
		widget.NewSeparator(),
		btn(lang.L("Find"), theme.SearchIcon(), func() { m.ShowSearch() }),
		btn(lang.L("Properties"), theme.DocumentIcon(), func() { m.ShowProperties() }),
		t.checks,
		t.export,
	), widget.NewSeparator())
	return t
}

// update enables the buttons that apply: the edits need a document that
// may be changed, and most a selected box.
func (t *toolbar) update(m *MainWindow, selected, editable bool) {
	h := m.session.History
	enable(t.undo, h.CanUndo())
	enable(t.redo, h.CanRedo())
	enable(t.subordinate, editable)
	enable(t.sibling, selected && editable)
	enable(t.assistant, selected && editable)
	enable(t.del, selected && editable)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
