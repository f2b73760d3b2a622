package measure

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A box shows at most MaxNameLines lines of a name of a million
// characters, Latin without a break or Chinese, the last ending in "…",
// each line within the box's text width; the box stays a box's size.
func TestBoxCutsAHugeName(t *testing.T) {
	m := Default()
	st := DefaultBoxStyle()
	for _, name := range []string{strings.Repeat("a", 1000000), strings.Repeat("中", 1000000), strings.Repeat("ab ", 300000)} {
		b := m.Box(name, []string{strings.Repeat("编制", 100000)}, st)
		if len(b.Name) != MaxNameLines || len(b.Detail) != MaxDetailLines {
			t.Fatalf("%.6s…: %d name lines, %d detail lines", name, len(b.Name), len(b.Detail))
		}
		for _, lines := range [][]string{b.Name, b.Detail} {
			last := lines[len(lines)-1]
			if !strings.HasSuffix(last, "…") {
				t.Errorf("%.6s…: the last line shown %q has no …", name, last)
			}
		}
		for _, l := range b.Lines() {
			if l.W > st.MaxTextWidth {
				t.Errorf("%.6s…: line %q is %.1f wide, more than %.1f", name, l.Text, l.W, st.MaxTextWidth)
			}
		}
		if b.H > 600 {
			t.Errorf("%.6s…: a box %.0f points tall", name, b.H)
		}
	}
}

// Every name within the editor's limit (200 characters, the widest of
// them Chinese) is shown whole.
func TestBoxShowsEveryNameOfTheEditorsLength(t *testing.T) {
	m := Default()
	for _, name := range []string{strings.Repeat("服", 200), strings.Repeat("W", 200), strings.Repeat("客服 ", 50)} {
		b := m.Box(name, []string{"编制 3人"}, DefaultBoxStyle())
		if got := strings.Join(b.Name, ""); got != name {
			t.Errorf("%d characters: shown %d", utf8.RuneCountInString(name), utf8.RuneCountInString(got))
		}
	}
}
