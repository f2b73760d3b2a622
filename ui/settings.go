package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// settingsDialog chooses the language and the look; both are stored in
// the preferences.
type settingsDialog struct {
	dlg        *dialog.ConfirmDialog
	language   *widget.RadioGroup
	appearance *widget.RadioGroup
	languages  []string // preference values, in the order of the choices
	looks      []string
}

// ShowSettings shows the settings dialog. A new language takes effect at
// once: the window rebuilds itself in it (open dialogs close).
func (m *MainWindow) ShowSettings() { m.showSettings() }

// showSettings is ShowSettings, and returns the dialog for the tests.
func (m *MainWindow) showSettings() *settingsDialog {
	p := m.App.Preferences()
	s := &settingsDialog{
		languages: []string{LanguageSystem, LanguageChinese, LanguageEnglish},
		looks:     []string{AppearanceSystem, AppearanceLight, AppearanceDark},
	}
	// The language names are written in their own language, so that
	// someone who cannot read the current one still finds theirs.
	s.language = widget.NewRadioGroup([]string{lang.L("Follow the system"), "简体中文", "English"}, nil)
	s.language.SetSelected(s.language.Options[index(s.languages, p.String(prefLanguage))])
	s.appearance = widget.NewRadioGroup([]string{lang.L("Follow the system"), lang.L("Light"), lang.L("Dark")}, nil)
	s.appearance.SetSelected(s.appearance.Options[index(s.looks, p.String(prefAppearance))])
	note := widget.NewLabel(lang.L("Changing the language rebuilds the window in the new language; your document and its undo history stay."))
	note.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Language"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.language,
		widget.NewLabelWithStyle(lang.L("Appearance"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.appearance,
		note,
	)
	s.dlg = dialog.NewCustomConfirm(lang.L("Settings"), lang.L("OK"), lang.L("Cancel"), body, func(ok bool) {
		if ok {
			m.ApplySettings(s.languages[index(s.language.Options, s.language.Selected)], s.looks[index(s.appearance.Options, s.appearance.Selected)])
		}
	}, m.Window)
	s.dlg.Resize(fyne.NewSize(480, 420))
	// A radio button keeps the focus it takes when clicked, and ignores
	// Esc and Enter: give the focus back, so they reach the dialog.
	s.language.OnChanged = func(string) { m.Window.Canvas().Unfocus() }
	s.appearance.OnChanged = s.language.OnChanged
	showKeyed(m.Window, s.dlg, s.dlg.Hide, s.dlg.Confirm)
	return s
}

func index(values []string, v string) int {
	for i, x := range values {
		if x == v {
			return i
		}
	}
	return 0
}

// ApplySettings stores and applies a language and an appearance
// preference.
func (m *MainWindow) ApplySettings(language, appearance string) {
	p := m.App.Preferences()
	if appearance != p.String(prefAppearance) {
		p.SetString(prefAppearance, appearance)
		m.App.Settings().SetTheme(NewTheme(appearance))
	}
	if language != p.String(prefLanguage) {
		p.SetString(prefLanguage, language)
		m.inspector.Flush()
		SetLanguage(language)
		m.build()
	}
}
