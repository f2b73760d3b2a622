package chartview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"orgdraft/domain"
)

// dashesDrawn counts the dashed border lines of box id among the board's
// objects.
func dashesDrawn(v *View, id domain.NodeID) int {
	it := v.board.r.item(id)
	n := 0
	for _, o := range v.board.r.objects {
		if l, ok := o.(*canvas.Line); ok {
			for _, d := range it.dashes {
				if d == l {
					n++
				}
			}
		}
	}
	return n
}

func TestComparisonMarksPaintBoxesAndDrawGhostsDashed(t *testing.T) {
	l := newLookDoc(t)
	v := showLook(t, l.d, fyne.NewSize(900, 700))
	v.SetMarks(map[domain.NodeID]Mark{l.agent: MarkAdded, l.support: MarkChanged, l.long: MarkRemoved})
	for id, want := range map[domain.NodeID]color.Color{
		l.agent: addedFill, l.support: changedFill, l.long: removedFill, l.lead: positionFill, l.manager: positionFill,
	} {
		if got := drawnFill(t, v, id); got != want {
			t.Errorf("box %q is filled %v, want %v", v.doc.Node(id).Name, got, want)
		}
	}
	if n := dashesDrawn(v, l.long); n < 8 {
		t.Errorf("the ghost's border has %d dashes", n)
	}
	if n := dashesDrawn(v, l.support); n != 0 {
		t.Errorf("a changed box has %d dashes", n)
	}
	// Marks and selection are apart: a marked box can be selected, and
	// clearing the marks draws every box as its kind again.
	v.Select(l.agent)
	if drawnFill(t, v, l.agent) != color.Color(addedFill) || v.board.r.item(l.agent).look.selected != 2 {
		t.Error("selecting a marked box lost its mark or its selection")
	}
	v.SetMarks(nil)
	if drawnFill(t, v, l.agent) != color.Color(positionFill) || dashesDrawn(v, l.long) != 0 {
		t.Error("clearing the marks leaves them drawn")
	}
}
