package pdf

import (
	"orgdraft/domain"
)

// The package's own words (headings, labels, page footers, warnings) are
// written where they are used, in both languages side by side:
// c.pick("岗位职责", "Duties"). pick chooses by the print language, say by
// the language of the user reading the report. What the user wrote is
// printed as written, except the three customary sign-off roles, which are
// the package's own words stored in the document.

// pick returns the Chinese or the English words, as the print language
// asks.
func (c *composer) pick(zh, en string) string {
	if c.o.Language == domain.English {
		return en
	}
	return zh
}

// wordPair is one of the package's words in Chinese and English, for a
// label used in several places: c.word(w) prints it as pick would.
type wordPair struct{ zh, en string }

// word returns w in the print language.
func (c *composer) word(w wordPair) string { return c.pick(w.zh, w.en) }

// say returns the Chinese or the English words of a message to the user,
// as Options.Messages asks.
func (c *composer) say(zh, en string) string {
	if c.o.Messages == domain.English {
		return en
	}
	return zh
}

// role returns a sign-off role as printed: a customary one in the print
// language, any other as the user wrote it.
func (c *composer) role(r string) string {
	return c.pick(r, domain.RoleInEnglish(r))
}
