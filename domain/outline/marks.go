package outline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"orgdraft/domain"
)

// marks are what the brackets after a box's name say about it.
type marks struct {
	count      int  // planned headcount; -1 when the line gives none
	subtotal   bool // the count was written "共23人": a total of the boxes below
	concurrent bool // (兼)
	assistant  bool // (直属) or (助理)
	bracketed  bool // at least one mark came in brackets
	twice      bool // two headcounts were given

	// What a copied branch writes so that pasting it guesses nothing
	// (see write.go): "(部门)" or "(岗位)" fixes the kind, "(负责人)"
	// makes the post its unit's head, "(在岗2人)" is the filled headcount.
	kindSet bool
	kind    domain.Kind
	head    bool
	filled  int // -1 when the line gives none
}

// positionLike reports whether the marks alone say the line is a person's
// post rather than a group: a headcount that is not a subtotal, or a
// concurrent or assistant mark.
func (m marks) positionLike() bool {
	return (m.count >= 0 && !m.subtotal) || m.concurrent || m.assistant || m.head || (m.kindSet && m.kind != domain.KindUnit)
}

// splitMarks separates a box line into its name and its marks. Bracket
// groups at the end are read from the right for as long as every part of
// them is a mark; a group holding anything else ("(兼文员)", "(新件库)")
// ends the search and stays in the name. A count without brackets
// ("秩序员23人") is accepted at the very end when no bracket gave one.
func splitMarks(s string) (string, marks) {
	m := marks{count: -1, filled: -1}
	name := strings.TrimSpace(s)
	for {
		inner, before, ok := lastBracket(name)
		if !ok || !m.read(inner) {
			break
		}
		name, m.bracketed = strings.TrimSpace(before), true
	}
	if m.count < 0 {
		if before, n, ok := bareCount(name); ok {
			name, m.count = before, n
		}
	}
	return name, m
}

// lastBracket returns the content of a bracket group that ends s, half-
// or full-width (mixed pairs such as "(1人）" happen too), and the text
// before it.
func lastBracket(s string) (inner, before string, ok bool) {
	last, size := utf8.DecodeLastRuneInString(s)
	if last != ')' && last != '）' {
		return "", "", false
	}
	body := s[:len(s)-size]
	open := strings.LastIndexAny(body, "(（")
	if open < 0 {
		return "", "", false
	}
	_, openSize := utf8.DecodeRuneInString(body[open:])
	return body[open+openSize:], body[:open], true
}

// read applies the parts of one bracket group, separated by commas,
// enumeration commas or slashes, and reports whether every part was a
// mark. It changes m only when they all were.
func (m *marks) read(inner string) bool {
	parts := strings.FieldsFunc(inner, func(r rune) bool { return strings.ContainsRune(",，、;；/／", r) })
	if len(parts) == 0 {
		return false
	}
	next := *m
	for _, p := range parts {
		if !next.readPart(p) {
			return false
		}
	}
	*m = next
	return true
}

// readPart applies one part of a bracket group: "兼", "直属", "编制 4 人"
// or several of them separated by spaces ("1人 兼").
func (m *marks) readPart(p string) bool {
	switch p = strings.TrimSpace(p); p {
	case "兼", "兼职", "兼任":
		m.concurrent = true
		return true
	case "直属", "助理":
		m.assistant = true
		return true
	case "部门":
		m.kindSet, m.kind = true, domain.KindUnit
		return true
	case "岗位":
		m.kindSet, m.kind = true, domain.KindPosition
		return true
	case "负责人", "部门负责人":
		m.head = true
		return true
	}
	if rest, ok := strings.CutPrefix(p, "在岗"); ok {
		n, ok := number(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "人")))
		if ok {
			m.filled = n
		}
		return ok
	}
	if n, subtotal, ok := countExpr(strings.Join(strings.Fields(p), "")); ok {
		if m.count >= 0 {
			m.twice = true
		}
		m.count, m.subtotal = n, m.subtotal || subtotal
		return true
	}
	words := strings.Fields(p)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if !m.readPart(w) {
			return false
		}
	}
	return true
}

// countPrefixes may stand before a number of people; the ones that make
// it a subtotal are marked.
var countPrefixes = []struct {
	text     string
	subtotal bool
}{
	{"拟定编制", false}, {"编制", false}, {"定编", false},
	{"合计", true}, {"小计", true}, {"共计", true}, {"共", true}, {"计", true},
}

// countExpr reads a number of people: "3人", "２名", "三人", "编制3人",
// "共23人". The unit (人, 名 or 位) is required unless a prefix makes the
// meaning plain ("编制3"), so that "(1)" stays a label.
func countExpr(s string) (n int, subtotal, ok bool) {
	s = strings.TrimSpace(s)
	prefixed := false
	for _, p := range countPrefixes {
		if rest, found := strings.CutPrefix(s, p.text); found {
			s, subtotal, prefixed = strings.TrimSpace(rest), p.subtotal, true
			break
		}
	}
	unit := false
	for _, u := range []string{"人", "名", "位"} {
		if rest, found := strings.CutSuffix(s, u); found {
			s, unit = strings.TrimSpace(rest), true
			break
		}
	}
	if !unit && !prefixed {
		return 0, false, false
	}
	n, ok = number(s)
	return n, subtotal, ok
}

// bareCount reads a count written without brackets at the end of a name,
// "秩序管理员23人" or "客服 3名", with Arabic digits only: Chinese numerals
// at the end of a name are too often part of it.
func bareCount(s string) (before string, n int, ok bool) {
	for _, u := range []string{"人", "名"} {
		body, found := strings.CutSuffix(s, u)
		if !found {
			continue
		}
		i := len(body)
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(body[:i])
			if !isDigit(r) {
				break
			}
			i -= size
		}
		if i == len(body) {
			return "", 0, false
		}
		name := strings.TrimRightFunc(body[:i], func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(":：×xX*", r)
		})
		if name == "" {
			return "", 0, false
		}
		n, ok := number(body[i:])
		return name, n, ok
	}
	return "", 0, false
}

func isDigit(r rune) bool { return ('0' <= r && r <= '9') || ('０' <= r && r <= '９') }

// tooMany stands for a number too large to be a headcount; it is still a
// number, so the line gets the right message.
const tooMany = domain.MaxHeadcount + 1

// number reads a non-negative whole number in Arabic digits (half- or
// full-width) or in Chinese numerals up to 九千九百九十九.
func number(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	allDigits := true
	for _, r := range s {
		allDigits = allDigits && isDigit(r)
	}
	if allDigits {
		n := 0
		for _, r := range s {
			d := int(r - '0')
			if r >= '０' {
				d = int(r - '０')
			}
			n = min(n*10+d, tooMany)
		}
		return n, true
	}
	return chineseNumber(s)
}

var chineseDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var chineseUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// chineseNumber reads 三, 十二, 二十三, 一百零五 and the like.
func chineseNumber(s string) (int, bool) {
	total, digit, pendingDigit, lastUnit := 0, 0, false, 10000
	for _, r := range s {
		if d, ok := chineseDigits[r]; ok {
			if pendingDigit {
				return 0, false // two digits in a row, as in 二三
			}
			digit, pendingDigit = d, d != 0
			continue
		}
		u, ok := chineseUnits[r]
		if !ok || u >= lastUnit {
			return 0, false
		}
		if !pendingDigit {
			if u != 10 || total != 0 {
				return 0, false // only 十 may stand alone at the start
			}
			digit = 1
		}
		total += digit * u
		digit, pendingDigit, lastUnit = 0, false, u
	}
	return total + digit, true
}
