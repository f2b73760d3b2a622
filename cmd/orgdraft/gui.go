package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"orgdraft/assets"
	"orgdraft/ui"
)

// appID names OrgDraft to the system: its preferences (language, look,
// recent documents) are stored under it.
const appID = "com.orgdraft.editor"

// runEditor opens the editor window, on the document at path if it is not
// empty, and returns when the window is closed.
func runEditor(path string) int {
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("orgdraft.png", assets.Icon))
	ui.Run(a, ui.Options{Open: path})
	return exitOK
}
