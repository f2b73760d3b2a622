package domain

import (
	"fmt"
	"strings"
)

// Language is a language the printed documents (the chart and the
// job-responsibility book) set their own words in: headings, labels, page
// footers. What the user wrote (names, duties, dates) is printed as
// written. The zero value is Chinese, the customers' language.
type Language int

// The print languages.
const (
	Chinese Language = iota
	English
)

// String returns "zh" or "en", the form stored in the file and the JSON.
func (l Language) String() string {
	if l == English {
		return "en"
	}
	return "zh"
}

// ParseLanguage is the inverse of Language.String. It also takes a locale
// name such as "zh_CN.UTF-8" or "en-GB", and "" for the default, Chinese.
func ParseLanguage(s string) (Language, error) {
	switch t := strings.ToLower(strings.TrimSpace(s)); {
	case t == "" || strings.HasPrefix(t, "zh"):
		return Chinese, nil
	case strings.HasPrefix(t, "en"):
		return English, nil
	}
	return Chinese, fmt.Errorf("unknown language %q (want zh or en)", s)
}

// SetPrintLanguage returns the command that stores the language the
// document's PDFs are printed in.
func SetPrintLanguage(l Language) *EditInfo {
	// EditInfo checks the language with the other fields (checkInfo).
	return &EditInfo{Name: "Change print language", Apply: func(i *Info) error {
		i.Page.Language = l
		return nil
	}}
}
