package ui

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"orgdraft/assets"
)

// The appearance preference values (see NewTheme).
const (
	AppearanceSystem = ""      // follow the operating system's light or dark mode
	AppearanceLight  = "light" // always light
	AppearanceDark   = "dark"  // always dark
)

// bundledFont is the font of every text style: the same font the PDF and
// the box measurer use, so a box's text wraps on screen exactly as on paper.
// It is made once: the file is 4.6 MB.
var bundledFont = sync.OnceValue(func() fyne.Resource {
	return fyne.NewStaticResource("WenQuanYiMicroHei.ttf", assets.Font())
})

// Theme is the editor's look: Fyne's default colours and sizes, the bundled
// font for all text, and light or dark as the user chose.
type Theme struct {
	appearance string
}

// NewTheme returns the theme for an appearance preference (AppearanceSystem,
// AppearanceLight or AppearanceDark).
func NewTheme(appearance string) *Theme { return &Theme{appearance: appearance} }

// Color implements fyne.Theme; a forced appearance overrides the variant
// the system asks for.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.appearance {
	case AppearanceLight:
		v = theme.VariantLight
	case AppearanceDark:
		v = theme.VariantDark
	}
	return theme.DefaultTheme().Color(n, v)
}

// Font implements fyne.Theme. The bundled font has one face, so bold and
// italic text use it too (they look regular) — measuring alike on screen
// and paper matters more. Symbols keep Fyne's symbol font.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	return bundledFont()
}

// Icon implements fyne.Theme.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size implements fyne.Theme.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
