package measure

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// han is one em (10 pt at size 10) in the bundled font.
const han = 10.0

func TestWrapExamples(t *testing.T) {
	m := testMeasurer(t)
	iso := m.Width("ISO9001", 10)
	cases := []struct {
		name     string
		s        string
		maxWidth float64
		want     []string
	}{
		{"fits", "人力资源部", 80, []string{"人力资源部"}},
		{"break between Han", "负责公司售后政策的制定和修改", 8 * han, []string{"负责公司售后政策", "的制定和修改"}},
		{"Latin word kept whole", "主导ISO9001体系", 3*han + iso/2, []string{"主导", "ISO9001体", "系"}},
		{"version label", "V1.0 试用稿", m.Width("V1.0 试", 10), []string{"V1.0 试", "用稿"}},
		{"space stays at end of line", "hello world", m.Width("hello wor", 10), []string{"hello ", "world"}},
		{"ideographic space stays too", "甲乙　丙丁", 3 * han, []string{"甲乙　", "丙丁"}},
		{"comma pulls previous char down", "负责制定规划，并实施", 6 * han, []string{"负责制定规", "划，并实施"}},
		{"full stop and quote move together", "推进活动。」下一步", 4 * han, []string{"推进活", "动。」下", "一步"}},
		{"quotes stay with their word", "参与“6S”活动", 4 * han, []string{"参与", "“6S”", "活动"}},
		{"opening bracket moves down", "管理员（兼）", 4 * han, []string{"管理员", "（兼）"}},
		{"ASCII bracket moves down", "社区文化管理员(兼)", 7 * han, []string{"社区文化管理员", "(兼)"}},
		{"single Han wider than line", "汉字", 5, []string{"汉", "字"}},
		{"long word split by characters", "abcdefghij", m.Width("abcd", 10), []string{"abcd", "efgh", "ij"}},
		{"split word keeps comma off line start", "abcdefgh,", m.Width("abcdefgh", 10), []string{"abcdefg", "h,"}},
		{"word whole, kinsoku yields", "（ISO9001）", iso, []string{"（", "ISO9001", "）"}},
		{"newlines force breaks", "甲\n\n乙", 80, []string{"甲", "", "乙"}},
		{"trailing newline", "甲\n", 80, []string{"甲", ""}},
		{"empty", "", 80, []string{""}},
		{"only spaces", "   ", 1, []string{"   "}},
		{"leading comma unavoidable", "，甲", 80, []string{"，甲"}},
		{"zero width: one character a line", "甲乙，丙", 0, []string{"甲", "乙", "，", "丙"}},
		{"invalid UTF-8 kept byte for byte", "\xff\xfe甲乙", m.Width("\xff\xfe甲", 10), []string{"\xff\xfe甲", "乙"}},
	}
	for _, c := range cases {
		got := m.Wrap(c.s, 10, c.maxWidth)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: Wrap(%q, 10, %.2f) = %q, want %q", c.name, c.s, c.maxWidth, got, c.want)
		}
	}
}

// TestWrapKinsokuEveryMark checks each mark the rules name: a closing mark
// that would start a line takes the previous character with it, and an
// opening mark that would end a line moves down.
func TestWrapKinsokuEveryMark(t *testing.T) {
	m := testMeasurer(t)
	for _, p := range strings.Split("，。；：、！？）」』】》”’,.;:!?)]", "") {
		got := m.Wrap("一二三四"+p+"五六", 10, 4*han)
		want := []string{"一二三", "四" + p + "五六"}
		if !slices.Equal(got, want) {
			t.Errorf("closing %q: got %q, want %q", p, got, want)
		}
	}
	for _, p := range strings.Split("（「『【《“‘([", "") {
		got := m.Wrap("一二三"+p+"四五六", 10, 4*han)
		want := []string{"一二三", p + "四五六"}
		if !slices.Equal(got, want) {
			t.Errorf("opening %q: got %q, want %q", p, got, want)
		}
	}
}

// Material for random text: Han characters, Latin words and numbers,
// spaces, punctuation, newlines and characters the font lacks.
var (
	randHan     = []rune("负责公司售后服务政策的制定和修改参与配件价格实施仓库建立与管理客户系统技能技术职业规范培训工作人员编制岗位职责")
	randWords   = []string{"ISO9001", "6S", "V1.0", "ERP", "KPI", "e-mail", "OK", "Customer", "Service", "a", "3.5%", "2024", "1", "www.example.com/path"}
	randClose   = []rune("，。；：、！？）」』】》”’,.;:!?)]")
	randOpen    = []rune("（「『【《“‘([")
	randSpace   = []rune(" 　")
	randMissing = []rune("😀\U00020000")
	randLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
)

// randomText returns a random mixed string of about n tokens.
func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		switch k := rng.IntN(100); {
		case k < 45:
			b.WriteRune(randHan[rng.IntN(len(randHan))])
		case k < 58:
			b.WriteString(randWords[rng.IntN(len(randWords))])
		case k < 63: // a random word, sometimes longer than any line
			for range 1 + rng.IntN(20) {
				b.WriteByte(randLetters[rng.IntN(len(randLetters))])
			}
		case k < 73:
			b.WriteRune(randSpace[rng.IntN(len(randSpace))])
		case k < 85:
			b.WriteRune(randClose[rng.IntN(len(randClose))])
		case k < 94:
			b.WriteRune(randOpen[rng.IntN(len(randOpen))])
		case k < 98:
			b.WriteByte('\n')
		default:
			b.WriteRune(randMissing[rng.IntN(len(randMissing))])
		}
	}
	return b.String()
}

// strongBreaks returns the byte offsets in paragraph p where a line may
// break without breaking kinsoku: the "clean" break places of the rules
// documented on Wrap.
func strongBreaks(p string) []int {
	var out []int
	prev, lastInk := rune(-1), rune(-1)
	for i, r := range p {
		if i > 0 && allowsBreak(classOf(prev), classOf(r)) && !isClosing(r) && !isOpening(lastInk) {
			out = append(out, i)
		}
		prev = r
		if !isSpace(r) {
			lastInk = r
		}
	}
	return out
}

// isWordRune reports whether r is part of a Latin word or number.
func isWordRune(r rune) bool { return !isSpace(r) && !isCJK(r) }

// TestWrapProperties wraps thousands of random strings at random sizes and
// widths, and checks every promise Wrap documents.
func TestWrapProperties(t *testing.T) {
	m := testMeasurer(t)
	rng := rand.New(rand.NewPCG(2024, 1))
	var breaks, pulledDown, splitWords, unavoidable int
	for n := range 5000 {
		s := randomText(rng, 1+rng.IntN(80))
		size := []float64{8, 10, 12}[rng.IntN(3)]
		maxWidth := 4 + rng.Float64()*200
		lines := m.Wrap(s, size, maxWidth)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("case %d: Wrap(%q, %v, %.3f) = %q: "+format,
				append([]any{n, s, size, maxWidth, lines}, args...)...)
		}

		// Join invariant, and each paragraph wraps on its own.
		if got, want := strings.Join(lines, ""), strings.ReplaceAll(s, "\n", ""); got != want {
			fail("lines join to %q, want %q", got, want)
			continue
		}
		var perPara []string
		paras := strings.Split(s, "\n")
		for _, p := range paras {
			pl := m.Wrap(p, size, maxWidth)
			if len(pl) == 0 {
				fail("paragraph %q gave no line", p)
			}
			if strings.Join(pl, "") != p {
				fail("paragraph %q does not join", p)
			}
			perPara = append(perPara, pl...)
		}
		if !slices.Equal(lines, perPara) {
			fail("differs from wrapping paragraph by paragraph: %q", perPara)
			continue
		}

		li := 0
		for _, p := range paras {
			pl := m.Wrap(p, size, maxWidth)
			li += len(pl)
			strong := strongBreaks(p)
			off := 0 // byte offset of the current line in p
			for k, l := range pl {
				if strings.Contains(l, "\n") {
					fail("line %q holds a newline", l)
				}
				if l == "" && p != "" {
					fail("empty line inside paragraph %q", p)
				}
				// Every line fits, unless it is one character too wide.
				ink := strings.TrimRightFunc(l, isSpace)
				if m.Width(ink, size) > maxWidth && utf8.RuneCountInString(ink) > 1 {
					fail("line %q is %.3f pt wide", l, m.Width(ink, size))
				}
				if k == len(pl)-1 {
					break
				}
				// Check the soft break after line k, at offset b.
				b := off + len(l)
				breaks++
				// The clean break places either side of b.
				j, _ := slices.BinarySearch(strong, b+1)
				prevClean, nextClean := 0, len(p)
				if j < len(strong) {
					nextClean = strong[j]
				}
				if j > 0 {
					prevClean = strong[j-1] // == b when b is clean
				}

				// Greedy: the line could not have run on to the next
				// clean break place.
				if m.Width(strings.TrimRightFunc(p[off:nextClean], isSpace), size) <= maxWidth {
					fail("line %q broke early: %q would fit", l, p[off:nextClean])
				}

				// Kinsoku, unless the unbreakable run around the break is
				// wider than the line.
				first, _ := utf8.DecodeRuneInString(pl[k+1])
				last := lastNonSpace(l)
				if isClosing(first) || isOpening(last) {
					// b is not a clean place, so the run without one is
					// p[prevClean:nextClean].
					run := strings.TrimRightFunc(p[prevClean:nextClean], isSpace)
					if m.Width(run, size) <= maxWidth {
						fail("kinsoku broken between %q and %q", l, pl[k+1])
					}
					unavoidable++
				}
				if second := []rune(pl[k+1]); len(second) > 1 && isClosing(second[1]) && !isClosing(second[0]) {
					pulledDown++
				}

				// Words stay whole unless wider than the line.
				before, _ := utf8.DecodeLastRuneInString(l)
				if isWordRune(before) && isWordRune(first) {
					ws, we := b, b
					for ws > 0 {
						r, n := utf8.DecodeLastRuneInString(p[:ws])
						if !isWordRune(r) {
							break
						}
						ws -= n
					}
					for we < len(p) {
						r, n := utf8.DecodeRuneInString(p[we:])
						if !isWordRune(r) {
							break
						}
						we += n
					}
					if m.Width(p[ws:we], size) <= maxWidth {
						fail("word %q split although it fits", p[ws:we])
					}
					splitWords++
				}
				off = b
			}
		}
	}
	// The random cases must really exercise the rules checked above.
	t.Logf("%d soft breaks, %d with a character pulled down before a closing mark, %d split words, %d unavoidable kinsoku breaks",
		breaks, pulledDown, splitWords, unavoidable)
	if breaks < 10000 || pulledDown < 100 || splitWords < 100 || unavoidable < 10 {
		t.Errorf("random cases too easy: %d breaks, %d pull-downs, %d split words, %d unavoidable",
			breaks, pulledDown, splitWords, unavoidable)
	}
}

// TestWrapAllocations checks that Wrap allocates only its result, not per
// character: a 200-character text wrapped into about 25 lines needs only
// the few allocations of a growing slice.
func TestWrapAllocations(t *testing.T) {
	m := testMeasurer(t)
	s := dutyText()
	var lines []string
	allocs := testing.AllocsPerRun(100, func() { lines = m.Wrap(s, 10, 80) })
	if len(lines) < 20 {
		t.Fatalf("expected many lines, got %d", len(lines))
	}
	if allocs > 8 {
		t.Errorf("Wrap of %d runes into %d lines made %v allocations", utf8.RuneCountInString(s), len(lines), allocs)
	}
	if a := testing.AllocsPerRun(100, func() { _ = m.Width(s, 10) }); a != 0 {
		t.Errorf("Width allocates %v times", a)
	}
}

// dutyText returns a 200-character duty text mixing Chinese, Latin words,
// numbers and punctuation, as in a job-responsibility book.
func dutyText() string {
	const unit = "6、积极参与公司的ISO9001质量体系、“6S”活动的推进工作（V1.0 试用稿）；负责市场产品质量信息的收集、整理、汇总、反馈、跟进工作。"
	r := []rune(strings.Repeat(unit, 4))
	return string(r[:200])
}
