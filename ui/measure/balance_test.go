package measure

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWrapBalancedExamples: the lone last characters the book and chart
// printed before ("…总经 / 理", "经理 / 级") share the lines evenly.
func TestWrapBalancedExamples(t *testing.T) {
	m := testMeasurer(t)
	cases := []struct {
		s        string
		maxWidth float64
		want     []string
	}{
		{"客户服务中心总经理", 8 * han, []string{"客户服务中", "心总经理"}},
		{"职务等级：部门经理级", 9 * han, []string{"职务等级：", "部门经理级"}},
		{"人力资源部", 8 * han, []string{"人力资源部"}},               // one line stays as it is
		{"甲乙丙丁戊己庚辛\n壬", 8 * han, []string{"甲乙丙丁戊己庚辛", "壬"}}, // a paragraph of its own is the user's choice
	}
	for _, c := range cases {
		if got := m.WrapBalanced(c.s, 10, c.maxWidth); !slices.Equal(got, c.want) {
			t.Errorf("WrapBalanced(%q, 10, %.0f) = %q, want %q", c.s, c.maxWidth, got, c.want)
		}
	}
}

// TestWrapBalancedProperties: on random texts, balancing keeps every
// promise of Wrap (same characters in order, no more lines, every line
// within the width) and on runs of Han characters, which all have the
// same width, the longest line is as short as n lines allow.
func TestWrapBalancedProperties(t *testing.T) {
	m := testMeasurer(t)
	rng := rand.New(rand.NewPCG(11, 12))
	for i := range 3000 {
		s := randomText(rng, 1+rng.IntN(60))
		width := float64(2+rng.IntN(12)) * han
		greedy := m.Wrap(s, 10, width)
		got := m.WrapBalanced(s, 10, width)
		if strings.Join(got, "") != strings.ReplaceAll(s, "\n", "") {
			t.Fatalf("case %d: WrapBalanced(%q) = %q lost or moved characters", i, s, got)
		}
		if len(got) > len(greedy) {
			t.Fatalf("case %d: WrapBalanced(%q, %.0f) gives %d lines, Wrap %d", i, s, width, len(got), len(greedy))
		}
		for _, l := range got {
			l = strings.TrimRightFunc(l, isSpace)
			if utf8.RuneCountInString(l) > 1 && m.Width(l, 10) > width {
				t.Fatalf("case %d: line %q of %q is wider than %.0f", i, l, s, width)
			}
		}
	}
	han := []rune("组织架构岗位职责编制审核批准客户服务热线售后物业秩序管理")
	for i := range 500 {
		var b strings.Builder
		for range 2 + rng.IntN(40) {
			b.WriteRune(han[rng.IntN(len(han))])
		}
		s := b.String()
		lines := m.WrapBalanced(s, 10, float64(2+rng.IntN(10))*10)
		longest := 0
		for _, l := range lines {
			longest = max(longest, utf8.RuneCountInString(l))
		}
		k, n := utf8.RuneCountInString(s), len(lines)
		if want := (k + n - 1) / n; longest != want {
			t.Fatalf("case %d: %q wraps unevenly as %q: longest line %d characters, %d would do", i, s, lines, longest, want)
		}
	}
}

// BenchmarkWrapBalanced measures balancing a box name of two lines.
func BenchmarkWrapBalanced(b *testing.B) {
	m := testMeasurer(b)
	for b.Loop() {
		m.WrapBalanced("客户服务中心总经理助理", 10, 80)
	}
}
