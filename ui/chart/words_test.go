package chart

import (
	"strings"
	"testing"
	"unicode"

	"orgdraft/domain"
)

// The words in the boxes follow Options.English: the Chinese of the
// printed document by default, English on demand, with English plurals.
func TestBoxWordsInEitherLanguage(t *testing.T) {
	nodes := []domain.Node{
		{ID: 1, Kind: domain.KindUnit, Name: "Service"},
		{ID: 2, Parent: 1, Kind: domain.KindPosition, Name: "Agent", Planned: 3},
		{ID: 3, Parent: 1, Kind: domain.KindPosition, Name: "Clerk", Concurrent: true},
		{ID: 4, Parent: 1, Kind: domain.KindPosition, Name: "Lead", Planned: 1, Concurrent: true},
		{ID: 5, Parent: 1, Kind: domain.KindUnit, Name: "Night", Collapsed: true},
		{ID: 6, Parent: 5, Kind: domain.KindPosition, Name: "Guard", Planned: 2},
		{ID: 7, Parent: 1, Kind: domain.KindUnit, Name: "Day", Collapsed: true},
		{ID: 8, Parent: 7, Kind: domain.KindPosition, Name: "Porter", Planned: 1},
		{ID: 9, Parent: 7, Kind: domain.KindPosition, Name: "Driver", Planned: 1},
	}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		english bool
		want    map[domain.NodeID]string
	}{
		{false, map[domain.NodeID]string{1: "编制 7人", 2: "编制 3人", 3: "兼任", 4: "编制 1人（兼）", 5: "编制 2人（已折叠 1 个框）", 7: "编制 2人（已折叠 2 个框）"}},
		{true, map[domain.NodeID]string{1: "7 planned", 2: "3 planned", 3: "Concurrent", 4: "1 planned (concurrent)", 5: "2 planned (1 box folded)", 7: "2 planned (2 boxes folded)"}},
	} {
		opt := OptionsFor(d)
		opt.English = c.english
		ch, err := Build(d, opt)
		if err != nil {
			t.Fatal(err)
		}
		for id, want := range c.want {
			b, ok := ch.Box(id)
			if !ok {
				t.Fatalf("box %d is not drawn", id)
			}
			// The lines are joined as wrapped, where the spaces at the
			// ends of lines go.
			got := detailText(*b)
			if strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(want, " ", "") {
				t.Errorf("english %v: box %q says %q, want %q", c.english, d.Node(id).Name, got, want)
			}
			for _, r := range got {
				if c.english && unicode.Is(unicode.Han, r) {
					t.Errorf("English box %q says %q", d.Node(id).Name, got)
					break
				}
			}
		}
	}
}
