package pdf

import (
	"bytes"
	"strings"
	"testing"

	"orgdraft/domain"
)

// A box named with a million characters (only a damaged or crafted file
// holds one: the editor stops names far shorter) prints as a box of a
// few lines on one page. It used to wrap into a box 100,000 lines tall,
// printed across thousands of pages, each holding all the lines.
func TestChartOfAHugeNameStaysSmall(t *testing.T) {
	d, err := domain.Restore(domain.NewDocument().Info, []domain.Node{
		{ID: 1, Kind: domain.KindUnit, Name: "客服部"},
		{ID: 2, Parent: 1, Kind: domain.KindPosition, Name: strings.Repeat("a", 1000000), Planned: 1},
		{ID: 3, Parent: 1, Kind: domain.KindPosition, Name: "客服专员", Planned: 2},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	rep, err := Chart(&b, d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages != 1 || b.Len() > 200<<10 {
		t.Errorf("%d pages, %d bytes", rep.Pages, b.Len())
	}
}
