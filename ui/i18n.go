package ui

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"orgdraft/domain"
	"orgdraft/ui/chart"
)

// The translation files: English words are the keys (lang.L("Open")), the
// Chinese file maps them to Chinese, the English file maps them to
// themselves. The Chinese file is named *.zh_Hans.json because a plain
// zh.json loses to Fyne's own zh_Hans words.
//
//go:embed translations/*.json
var translationFiles embed.FS

// The language preference values (see SetLanguage).
const (
	LanguageSystem  = ""   // follow the operating system
	LanguageChinese = "zh" // 简体中文
	LanguageEnglish = "en"
)

var translationFile = map[string]string{
	LanguageChinese: "translations/orgdraft.zh_Hans.json",
	LanguageEnglish: "translations/orgdraft.en.json",
}

// fyneLocales are the languages Fyne v2.8 ships its own words in. Fyne picks
// one of them from the system locale and offers no way to choose another;
// SetLanguage therefore files the chosen language's words under every one
// of them, so whichever Fyne picks shows our choice — our words and Fyne's
// own that our files also carry (Cancel, OK, Yes, No …).
var fyneLocales = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "ja", "pl", "pt", "pt_BR", "ru", "sv", "ta", "uk", "zh_Hans"}

var (
	languageMu       sync.Mutex
	loadTranslations sync.Once
	currentLanguage  = LanguageEnglish
)

// SetLanguage makes the words of the editor, and of Fyne's dialogs where our
// files carry them, appear in the language pref names (LanguageSystem,
// LanguageChinese or LanguageEnglish), and returns the language in effect
// ("zh" or "en"). Widgets already built keep their words: the main window
// rebuilds itself after a switch.
func SetLanguage(pref string) string {
	languageMu.Lock()
	defer languageMu.Unlock()
	loadTranslations.Do(func() {
		if err := lang.AddTranslationsFS(translationFiles, "translations"); err != nil {
			fyne.LogError("loading the translations", err)
		}
	})
	eff := pref
	if eff != LanguageChinese && eff != LanguageEnglish {
		eff = SystemLanguage()
	}
	data, err := translationFiles.ReadFile(translationFile[eff])
	if err != nil {
		fyne.LogError("reading the translations", err)
		return currentLanguage
	}
	for _, loc := range fyneLocales {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			fyne.LogError("loading the translations for "+string(loc), err)
		}
	}
	currentLanguage = eff
	return eff
}

// Language returns the language in effect, "zh" or "en".
func Language() string {
	languageMu.Lock()
	defer languageMu.Unlock()
	return currentLanguage
}

// SystemLanguage is LanguageChinese on a Chinese system and
// LanguageEnglish on any other: the editor has no third language. The
// system's language is Fyne's: on Linux and other Unix systems the first
// of LC_ALL, LC_MESSAGES and LANG that is set (LANGUAGE before them
// unless that says C), on Windows and macOS the user's setting. The
// command line follows the same choice.
func SystemLanguage() string {
	if strings.HasPrefix(strings.ToLower(lang.SystemLocale().String()), "zh") {
		return LanguageChinese
	}
	return LanguageEnglish
}

// findingText returns a validation finding in the editor's language.
func findingText(f domain.Finding) string {
	if Language() == LanguageChinese {
		return f.Zh
	}
	return f.En
}

// pick returns zh or en, whichever matches the editor's language; for text
// that comes in both languages from elsewhere (template names).
func pick(zh, en string) string {
	if Language() == LanguageChinese || en == "" {
		return zh
	}
	return en
}

// chartOptions are the document's chart options with the words in the
// boxes in the editor's language: for the pictures the editor exports,
// which show what the canvas shows.
func chartOptions(d *domain.Document) chart.Options {
	opt := chart.OptionsFor(d)
	opt.English = Language() == LanguageEnglish
	return opt
}

// countOf writes n with its noun in the editor's language: one and other
// are the translation keys of the singular and the plural ("%d box",
// "%d boxes"). English takes the singular for exactly one; Chinese has a
// single form, which both keys carry. Fyne's own plural forms (lang.N)
// cannot do this: they follow the system's language, not the one chosen
// in Settings.
func countOf(n int, one, other string) string {
	key := other
	if n == 1 && Language() == LanguageEnglish {
		key = one
	}
	return fmt.Sprintf(lang.L(key), n)
}
