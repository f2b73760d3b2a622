package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// pathDialog asks where to save a file: a folder (chosen with Fyne's folder
// dialog) and a file name. Fyne's own save dialog is not used because it
// creates — and so empties — the chosen file before the program sees it,
// which would destroy a document that is open in another window or that
// the user picked by mistake; saving through storage replaces a file only
// when it is safe.
type pathDialog struct {
	dlg     *dialog.CustomDialog
	win     fyne.Window
	dir     string
	ext     string
	folder  *widget.Label
	name    *keyEntry
	message *widget.Label
	save    *widget.Button
	done    func(path string, overwrite bool)
}

// askSavePath shows the dialog, starting in dir with the file name name;
// ext (".orgdraft", ".pdf") is added to a name without it. done gets the
// chosen path, and overwrite=true when the user agreed to replace an
// existing file.
func askSavePath(w fyne.Window, title, dir, name, ext string, done func(path string, overwrite bool)) *pathDialog {
	p := &pathDialog{win: w, dir: dir, ext: ext, done: done}
	p.folder = widget.NewLabel(dir)
	p.folder.Truncation = fyne.TextTruncateEllipsis
	p.name = newKeyEntry()
	p.name.SetText(name)
	p.name.OnSubmitted = func(string) { p.confirm() }
	p.message = widget.NewLabel("")
	p.message.Importance = widget.DangerImportance
	p.message.Wrapping = fyne.TextWrapWord
	p.message.Hide()
	change := widget.NewButton(lang.L("Change…"), p.chooseFolder)
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Folder")), container.NewBorder(nil, nil, nil, change, p.folder),
		widget.NewLabel(lang.L("File name")), p.name,
	)
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, p.message), w)
	p.save = &widget.Button{Text: lang.L("Save"), Importance: widget.HighImportance, OnTapped: p.confirm}
	p.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), p.dlg.Hide), p.save})
	p.dlg.Resize(fyne.NewSize(600, 240))
	showKeyed(w, p.dlg, p.dlg.Hide, p.confirm)
	w.Canvas().Focus(p.name)
	return p
}

func (p *pathDialog) chooseFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		// Back in this dialog, typing goes on in the name.
		defer p.win.Canvas().Focus(p.name)
		if err != nil || u == nil {
			return
		}
		p.dir = u.Path()
		p.folder.SetText(p.dir)
	}, p.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(p.dir)); err == nil {
		d.SetLocation(l)
	}
	// Fyne's file dialog builds its window in Show: sized before, it
	// panics (Fyne 2.8.1). Esc dismisses it, like its Cancel button.
	showKeyed(p.win, d, d.Dismiss, nil)
	d.Resize(fyne.NewSize(800, 560))
}

// chosenPath makes the path to save to from the name typed, or says why it
// cannot. The name may be a whole path, as users paste or type them: an
// absolute one ("/home/me/部门.orgdraft", "C:\\Users\\me\\部门",
// "~/部门") or one relative to the folder shown ("备份/部门"); its folder
// must exist. The extension is added when missing.
func (p *pathDialog) chosenPath() (path, msg string) {
	typed := strings.TrimSpace(p.name.Text)
	dir := p.dir
	if typed == "~" || strings.HasPrefix(typed, "~/") || strings.HasPrefix(typed, "~"+string(filepath.Separator)) {
		if home, err := os.UserHomeDir(); err == nil {
			typed = home + typed[1:]
		}
	}
	if strings.ContainsRune(typed, '/') || strings.ContainsRune(typed, filepath.Separator) {
		folder, base := filepath.Split(filepath.FromSlash(typed))
		if !filepath.IsAbs(folder) {
			folder = filepath.Join(p.dir, folder)
		}
		dir, typed = filepath.Clean(folder), base
		if !isDir(dir) {
			return "", fmt.Sprintf(lang.L("The folder \"%s\" does not exist."), dir)
		}
	}
	switch {
	case typed == "":
		return "", lang.L("Enter a file name.")
	case strings.ContainsAny(typed, `/\:*?"<>|`):
		return "", lang.L(`A file name cannot contain / \ : * ? " < > |`)
	}
	if !strings.EqualFold(filepath.Ext(typed), p.ext) {
		typed += p.ext
	}
	return filepath.Join(dir, typed), ""
}

// showMessage says what is wrong with the name, and puts the cursor back
// in it to correct it.
func (p *pathDialog) showMessage(s string) {
	p.message.SetText(s)
	p.message.Show()
	p.win.Canvas().Focus(p.name)
}

// confirm checks the name and hands the path over, asking first when a
// file of that name exists.
func (p *pathDialog) confirm() {
	path, msg := p.chosenPath()
	if msg != "" {
		p.showMessage(msg)
		return
	}
	name := filepath.Base(path)
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		p.showMessage(lang.L("A folder of that name exists; choose another name."))
	case err == nil:
		ask := dialog.NewConfirm(lang.L("Replace the file?"),
			fmt.Sprintf(lang.L("\"%s\" already exists. Replace it?"), name),
			func(ok bool) {
				if ok {
					p.dlg.Hide()
					p.done(path, true)
				} else {
					p.win.Canvas().Focus(p.name)
				}
			}, p.win)
		// Replacing is never the default: Enter, like Esc, keeps the file
		// (as in Windows' own Save As).
		ask.SetConfirmImportance(widget.DangerImportance)
		showKeyed(p.win, ask, ask.Hide, ask.Hide)
	default:
		p.dlg.Hide()
		p.done(path, false)
	}
}
