package domain

import (
	"strings"
	"unicode"
)

// StripItemNumber removes a leading list number or bullet from one line of
// a duty list as people type them in Word: "1、", "1.", "1．", "(1)", "（1）",
// "（一）", "一、", "- ", "• ". Text without such a prefix is returned as is.
func StripItemNumber(s string) string {
	s = strings.TrimSpace(s)
	rest := s
	switch {
	case strings.HasPrefix(rest, "- "), strings.HasPrefix(rest, "• "), strings.HasPrefix(rest, "·"):
		_, rest, _ = strings.Cut(rest, string([]rune(rest)[0]))
		return strings.TrimSpace(rest)
	case strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "（"):
		open := []rune(rest)[0]
		close := ')'
		if open == '（' {
			close = '）'
		}
		inner, after, ok := strings.Cut(string([]rune(rest)[1:]), string(close))
		if !ok {
			// Mixed brackets such as "(1）" happen in scanned text.
			inner, after, ok = strings.Cut(string([]rune(rest)[1:]), string(otherBracket(close)))
		}
		if ok && isNumeral(inner) && strings.TrimSpace(after) != "" {
			return strings.TrimSpace(after)
		}
		return s
	}
	i := strings.IndexFunc(rest, func(r rune) bool { return !isNumeralRune(r) })
	if i <= 0 {
		return s
	}
	num, after := rest[:i], rest[i:]
	for _, sep := range []string{"、", ".", "．", "，", ",", " "} {
		if strings.HasPrefix(after, sep) && isNumeral(num) {
			// "2.5倍" is a number, not an item label: the separator must not
			// be followed by another digit.
			tail := strings.TrimSpace(after[len(sep):])
			if tail == "" || (sep == "." && unicode.IsDigit([]rune(tail)[0])) {
				return s
			}
			return tail
		}
	}
	return s
}

func otherBracket(r rune) rune {
	if r == ')' {
		return '）'
	}
	return ')'
}

func isNumeralRune(r rune) bool {
	return ('0' <= r && r <= '9') || ('０' <= r && r <= '９') || strings.ContainsRune("一二三四五六七八九十", r)
}

func isNumeral(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len([]rune(s)) > 4 {
		return false
	}
	for _, r := range s {
		if !isNumeralRune(r) {
			return false
		}
	}
	return true
}
