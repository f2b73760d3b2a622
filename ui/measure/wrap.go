package measure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Wrap breaks s into lines no wider than maxWidth points when set at size
// points, following the rules of Chinese text:
//
//   - A line may break between any two Han characters, kana or CJK
//     punctuation, and between such a character and anything else.
//   - Latin words and numbers — any run of characters that are neither CJK
//     nor space, such as "ISO9001", "6S", "V1.0" or "e-mail," — stay
//     whole, unless one word alone is wider than the line; only then is it
//     split between characters.
//   - A line may also break after a space. Spaces at a break stay at the end
//     of the earlier line and do not count toward its width.
//   - Kinsoku (避头尾): no line starts with closing punctuation such as
//     ，。；：、！？）」』】》”’ or ,.;:!?)] and none ends with opening
//     punctuation such as （「『【《“‘ or ([. Wrap keeps the rule by moving
//     the character before the punctuation down to the next line together
//     with it (so "的，" or "（ISO" move as one), never by letting the
//     punctuation hang past maxWidth. Only when that is impossible, because
//     the unbreakable run does not fit on a line by itself, does it break
//     at a forbidden place, preferring a kinsoku break to splitting a word.
//   - Each '\n' in s ends a line; the '\n' itself belongs to no line.
//
// Every line fits maxWidth (ignoring trailing spaces) except a line holding
// a single character wider than maxWidth.
//
// Wrapping never drops, adds or reorders a character. Precisely: the lines
// of s are the lines of each of its '\n'-separated paragraphs in order,
// each paragraph gives at least one line (an empty paragraph gives ""), and
// the concatenation of a paragraph's lines is the paragraph. Hence
// strings.Join(Wrap(s), "") == strings.ReplaceAll(s, "\n", ""), and an empty
// s gives one empty line.
//
// The lines are substrings of s. Wrap runs in time linear in len(s) and
// allocates only the returned slice.
func (m *Measurer) Wrap(s string, size, maxWidth float64) []string {
	var lines []string
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return m.wrapParagraph(lines, s, size, maxWidth)
		}
		lines = m.wrapParagraph(lines, s[:i], size, maxWidth)
		s = s[i+1:]
	}
}

// maxBackup bounds how many characters an emergency break (inside a word
// too wide for the line) moves down to keep kinsoku, which keeps Wrap
// linear. Chains of punctuation such as "。」" or "（《" are shorter.
const maxBackup = 4

// wrapParagraph appends the lines of p, which holds no '\n', to lines.
//
// It is the usual greedy line breaker: it walks p once, remembering the last
// place in the current line where a break is allowed. When a character does
// not fit, the line ends at that place and the characters after it start
// the next line. Break places are of two strengths: strong ones keep
// kinsoku, weak ones would break it and are used only when the current line
// has no strong one.
func (m *Measurer) wrapParagraph(lines []string, p string, size, maxWidth float64) []string {
	fits := func(units int) bool { return toPoints(units, size) <= maxWidth }

	start := 0           // byte offset in p of the current line
	w := 0               // width of p[start:i] in thousandths of an em, spaces included
	strong, weak := 0, 0 // byte offset of the last strong / weak break place after start, or 0
	strongW, weakW := 0, 0
	prev := class(0)      // the class of the rune before i
	lastInk := rune(-1)   // the last non-space rune before i
	for i, r := range p { // invalid UTF-8 yields U+FFFD per byte, as in fpdf
		rw := m.units(r)
		c := classOf(r)
		if i > start && allowsBreak(prev, c) {
			if c&closing != 0 || isOpening(lastInk) {
				weak, weakW = i, w
			} else {
				strong, strongW = i, w
			}
		}
		prev = c
		if c&space != 0 {
			// Spaces may hang past the margin: they never end a line.
			w += rw
			continue
		}
		lastInk = r
		for i > start && !fits(w+rw) {
			var b, bw int // the break: p[start:b] becomes a line, bw its width
			switch {
			case strong > start:
				b, bw = strong, strongW
			case weak > start:
				b, bw = weak, weakW
			default:
				b = emergencyBreak(p, start, i)
				bw = w - m.stringUnits(p[b:i])
			}
			lines = append(lines, p[start:b])
			start, w = b, w-bw
			if weak > b {
				weakW -= bw
			} else {
				weak = 0
			}
			strong = 0
		}
		w += rw
	}
	return append(lines, p[start:])
}

// stringUnits returns the width of s in thousandths of an em.
func (m *Measurer) stringUnits(s string) int {
	u := 0
	for _, r := range s {
		u += m.units(r)
	}
	return u
}

// emergencyBreak chooses where to split p[start:i], a run with no allowed
// break that is too wide for the line, before the character at i. It
// breaks right before i unless that would start the next line with closing
// punctuation or a space, or end this line with opening punctuation; then
// it moves up to maxBackup characters down to the next line, keeping at
// least one on this line. If no nearby place keeps the rules it breaks
// before i anyway.
func emergencyBreak(p string, start, i int) int {
	b := i
	for range maxBackup {
		if b <= start {
			break
		}
		next, _ := utf8.DecodeRuneInString(p[b:])
		before := lastNonSpace(p[start:b])
		if !isClosing(next) && !isSpace(next) && !isOpening(before) {
			return b
		}
		_, n := utf8.DecodeLastRuneInString(p[start:b])
		b -= n
	}
	return i
}

// lastNonSpace returns the last rune of s that is not a space, or -1.
func lastNonSpace(s string) rune {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if !isSpace(r) {
			return r
		}
		s = s[:len(s)-n]
	}
	return -1
}

// class holds the line-breaking properties of a rune as bit flags.
type class uint8

const (
	space   class = 1 << iota // a breaking space
	cjk                       // a character Chinese text may break around
	closing                   // punctuation that must not start a line
)

// classOf returns the line-breaking class of r.
func classOf(r rune) class {
	var c class
	if isSpace(r) {
		c |= space
	} else if isCJK(r) {
		c |= cjk
	}
	if isClosing(r) {
		c |= closing
	}
	return c
}

// allowsBreak reports whether the line-breaking classes of two neighbouring
// runes a and b allow a break between them, before kinsoku is considered:
// never before a space, always after one, and wherever a CJK character is
// on either side. Two other characters (letters, digits, ASCII punctuation,
// curly quotes, dashes) belong to one word and do not break.
func allowsBreak(a, b class) bool {
	switch {
	case b&space != 0:
		return false
	case a&space != 0:
		return true
	default:
		return (a|b)&cjk != 0
	}
}

// isSpace reports whether r is a breaking space. '\n' never reaches here.
// No-break spaces (U+00A0, U+2007, U+202F) are not spaces for wrapping;
// the zero-width space U+200B is, since it exists to mark a break.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\v', '\f', 0x85, 0x1680, 0x200B, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A && r != 0x2007
}

// isCJK reports whether r is a character between which and its neighbours
// Chinese text may break: Han ideographs, kana, Hangul, bopomofo, CJK
// symbols and punctuation, and full-width forms.
func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r <= 0x33FF: // radicals, CJK symbols and punctuation, kana, bopomofo, enclosed
		return true
	case r >= 0xFE10 && r <= 0xFE1F, // vertical forms
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFFEF: // half-width and full-width forms
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hangul)
}

// isClosing reports whether r is punctuation that must not start a line.
func isClosing(r rune) bool {
	switch r {
	case '，', '。', '；', '：', '、', '！', '？', '．', '）', '］', '｝', '｠',
		'」', '』', '】', '》', '〉', '〕', '〗', '〙', '〛', '”', '’',
		'｡', '､', '｣',
		',', '.', ';', ':', '!', '?', ')', ']', '}':
		return true
	}
	return false
}

// isOpening reports whether r is punctuation that must not end a line.
func isOpening(r rune) bool {
	switch r {
	case '（', '［', '｛', '｟', '「', '『', '【', '《', '〈', '〔', '〖', '〘', '〚',
		'“', '‘', '｢',
		'(', '[', '{':
		return true
	}
	return false
}

// WrapBalanced breaks s into lines like Wrap, in as few lines as Wrap
// gives, but evens their lengths: each paragraph is wrapped at the
// narrowest width that still needs no more lines than Wrap at maxWidth.
// So a box name that Wrap would end with one lone character ("客服部总经" /
// "理") becomes "客服部" / "总经理", and a grade line no longer orphans
// its last character.
//
// It is meant for short texts such as box names and details: a paragraph
// longer than balanceLimit runes is wrapped as Wrap does, which keeps the
// work linear in s whatever it holds.
func (m *Measurer) WrapBalanced(s string, size, maxWidth float64) []string {
	var lines []string
	for {
		p, rest, more := strings.Cut(s, "\n")
		lines = m.balanceParagraph(lines, p, size, maxWidth)
		if !more {
			return lines
		}
		s = rest
	}
}

// balanceLimit is the longest paragraph, in runes, that WrapBalanced evens
// out; longer ones are wrapped greedily.
const balanceLimit = 400

// balanceSteps bounds the search for the narrowest width: each step halves
// the interval, so after 12 of them the width is within maxWidth/4096 of
// the narrowest, far below the width of a character.
const balanceSteps = 12

// balanceParagraph appends the lines of p, which holds no '\n', to lines,
// evened out as WrapBalanced describes.
func (m *Measurer) balanceParagraph(lines []string, p string, size, maxWidth float64) []string {
	// Most box texts take one line: wrap greedily into lines itself, so
	// that they cost no more than Wrap.
	start := len(lines)
	lines = m.wrapParagraph(lines, p, size, maxWidth)
	greedy := lines[start:]
	n := len(greedy)
	if n < 2 || utf8.RuneCountInString(p) > balanceLimit {
		return lines
	}
	// The narrowest width that keeps n lines lies between the width the
	// text would need spread evenly and maxWidth, which works. (Spaces
	// hanging at line ends count in the first and not in the second, so
	// the first is capped.) Search it by halving; keep the lines of the
	// narrowest width found that gives n lines.
	best := greedy
	lo, hi := min(m.Width(p, size)/float64(n), maxWidth), maxWidth
	for range balanceSteps {
		mid := (lo + hi) / 2
		try := m.wrapParagraph(nil, p, size, mid)
		if len(try) <= n && fitsAll(m, try, size, mid) {
			best, hi = try, mid
		} else {
			lo = mid
		}
	}
	return append(lines[:start], best...)
}

// fitsAll reports whether every line fits width: Wrap lets a single
// character wider than the line stick out, which a narrower width than
// maxWidth must not be allowed to cause.
func fitsAll(m *Measurer, lines []string, size, width float64) bool {
	for _, l := range lines {
		if m.Width(strings.TrimRightFunc(l, isSpace), size) > width {
			return false
		}
	}
	return true
}
