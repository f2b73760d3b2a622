package domain

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// SplitItems turns the text of one table cell into list items, as
// SplitLines does for pasted text, and also splits a line that runs
// several numbered items together, as staffing tables hold them:
// "1、接听热线；2、做好记录；3、回访" is three items. Only a run of
// numbers counting up from the line's own first item number splits, and
// each further number not in brackets must follow a punctuation mark or
// a space, so "1、按第2、3条执行" stays one item. The numbers understood are those of
// StripItemNumber: "1、", "1.", "1．", "(1)", "（1）", "一、", "（一）".
func SplitItems(text string) []string {
	var items []string
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		for _, piece := range splitNumbered(strings.TrimSpace(line)) {
			items = append(items, SplitLines(piece)...)
		}
	}
	return items
}

// numbering is the way a line numbers its items.
type numbering struct {
	open, close string // "（" and "）", or "" and "、"
	chinese     bool   // 一二三 rather than 1 2 3
	wide        bool   // full-width digits
}

// mark writes the item number k in this numbering.
func (nb numbering) mark(k int) string {
	var num string
	switch {
	case nb.chinese:
		num = chineseNumeral(k)
	case nb.wide:
		num = strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(k))
	default:
		num = strconv.Itoa(k)
	}
	return nb.open + num + nb.close
}

// leadingNumber reads the item number a line starts with.
func leadingNumber(s string) (numbering, int, bool) {
	var nb numbering
	rest := s
	for _, open := range []string{"(", "（"} {
		if strings.HasPrefix(rest, open) {
			nb.open, rest = open, rest[len(open):]
		}
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return !isNumeralRune(r) })
	if end <= 0 {
		return nb, 0, false
	}
	num, after := rest[:end], rest[end:]
	seps := []string{"、", ".", "．"}
	if nb.open != "" {
		seps = []string{")", "）"}
	}
	for _, sep := range seps {
		if strings.HasPrefix(after, sep) {
			nb.close = sep
		}
	}
	if nb.close == "" {
		return nb, 0, false
	}
	k, ok := numeralValue(num, &nb)
	return nb, k, ok
}

// numeralValue reads an item number in Arabic, full-width or Chinese
// digits, noting which in nb.
func numeralValue(s string, nb *numbering) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	wide := strings.Map(func(r rune) rune {
		if '０' <= r && r <= '９' {
			return r - '０' + '0'
		}
		return -1
	}, s)
	if n, err := strconv.Atoi(wide); err == nil && utf8.RuneCountInString(wide) == utf8.RuneCountInString(s) {
		nb.wide = true
		return n, true
	}
	for k := 1; k <= 99; k++ {
		if chineseNumeral(k) == s {
			nb.chinese = true
			return k, true
		}
	}
	return 0, false
}

// chineseNumeral writes 1 to 99 as 一 … 九十九.
func chineseNumeral(k int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case k < 10:
		return digits[k]
	case k < 20:
		return "十" + digits[k-10]
	}
	return digits[k/10] + "十" + digits[k%10]
}

// itemBoundary reports whether an item number may start after r: after
// punctuation or a space, not inside a sentence ("第2、3条").
func itemBoundary(r rune) bool {
	return r == ' ' || r == '\u3000' || r == '\t' || strings.ContainsRune("；;。.，,！!？?）)】]", r)
}

// splitNumbered cuts a line before each item number of the run that
// starts it. The pieces keep their numbers (SplitLines removes them);
// the punctuation that ended a piece is dropped.
func splitNumbered(line string) []string {
	nb, k, ok := leadingNumber(line)
	if !ok {
		return []string{line}
	}
	var pieces []string
	start, from := 0, len(nb.mark(k))
	for {
		next := nb.mark(k + 1)
		at := -1
		for i := from; i < len(line); {
			j := strings.Index(line[i:], next)
			if j < 0 {
				break
			}
			j += i
			prev, _ := utf8.DecodeLastRuneInString(line[:j])
			tail := line[j+len(next):]
			// "2.5倍" is a number, not item 2.
			digitAfter := nb.close == "." && tail != "" && '0' <= tail[0] && tail[0] <= '9'
			// A number in brackets stands out by itself.
			if (nb.open != "" || itemBoundary(prev)) && !digitAfter && strings.TrimSpace(tail) != "" {
				at = j
				break
			}
			i = j + len(next)
		}
		if at < 0 {
			break
		}
		pieces = append(pieces, strings.TrimRight(strings.TrimSpace(line[start:at]), "；;，, \u3000"))
		start, from, k = at, at+len(next), k+1
	}
	return append(pieces, line[start:])
}
