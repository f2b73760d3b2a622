package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/assets"
)

// ShowHelp shows a short guide with the keys.
func (m *MainWindow) ShowHelp() {
	text := widget.NewLabel(lang.L("HELP_TEXT"))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("How to Use"), lang.L("Close"), container.NewVScroll(text), m.Window)
	d.Resize(fyne.NewSize(640, 520))
	d.Show()
}

// ShowAbout shows what the program is, its version and the bundled font's
// licence.
func (m *MainWindow) ShowAbout() {
	intro := widget.NewLabel(lang.L("ABOUT_TEXT"))
	intro.Wrapping = fyne.TextWrapWord
	licence := widget.NewLabel(assets.FontLicense())
	licence.Wrapping = fyne.TextWrapWord
	// The version (FyneApp.toml's, as the packages carry it) reads the
	// same in every language.
	version := widget.NewLabelWithStyle("OrgDraft "+assets.Version, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewBorder(container.NewVBox(version, intro), nil, nil, nil, container.NewVScroll(licence))
	d := dialog.NewCustom(lang.L("About OrgDraft"), lang.L("Close"), body, m.Window)
	d.Resize(fyne.NewSize(640, 520))
	d.Show()
}
