package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// OutlineView shows the chart as an indented outline (a tree list) and
// implements ChartView. It is the centre of the main window until the drawn
// canvas of package ui/chartview is plugged in through Options.NewChartView,
// and it is good for editing large charts by keyboard. It selects one box at
// a time and cannot zoom.
type OutlineView struct {
	widget.Tree

	doc      *domain.Document
	host     ChartHost
	rollup   map[domain.NodeID]domain.Headcount
	selected domain.NodeID
	quiet    bool // set while Select changes the tree, so it is not reported back
}

// NewOutlineView returns an empty outline.
func NewOutlineView() *OutlineView {
	v := &OutlineView{}
	v.ChildUIDs = v.childUIDs
	v.IsBranch = func(uid widget.TreeNodeID) bool { return len(v.childUIDs(uid)) > 0 }
	v.CreateNode = func(bool) fyne.CanvasObject { return widget.NewLabel("") }
	v.UpdateNode = v.updateNode
	v.OnSelected = func(uid widget.TreeNodeID) {
		v.selected = parseID(uid)
		if !v.quiet && v.host.SelectionChanged != nil {
			v.host.SelectionChanged(v.Selection())
		}
	}
	v.OnUnselected = func(uid widget.TreeNodeID) {
		if v.selected == parseID(uid) {
			v.selected = 0
		}
	}
	v.ExtendBaseWidget(v)
	return v
}

func parseID(uid widget.TreeNodeID) domain.NodeID {
	n, _ := strconv.ParseInt(uid, 10, 64)
	return domain.NodeID(n)
}

func uidOf(id domain.NodeID) widget.TreeNodeID { return strconv.FormatInt(int64(id), 10) }

func (v *OutlineView) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	if v.doc == nil {
		return nil
	}
	ids := v.doc.ChildIDs(parseID(uid))
	out := make([]widget.TreeNodeID, len(ids))
	for i, id := range ids {
		out[i] = uidOf(id)
	}
	return out
}

func (v *OutlineView) updateNode(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	n := v.doc.Node(parseID(uid))
	if n == nil {
		return
	}
	o.(*widget.Label).SetText(outlineText(n, v.rollup[n.ID]))
}

// outlineText is one row: kind, name and headcount (a unit's rolled up).
func outlineText(n *domain.Node, roll domain.Headcount) string {
	text := fmt.Sprintf("%s  %s", kindLabel(n.Kind), n.Name)
	if n.Head {
		text += "  ★" + lang.L("head")
	}
	if n.Concurrent {
		text += "  (" + lang.L("concurrent") + ")"
	}
	if roll.Planned > 0 || n.Kind.IsPosition() {
		text += "  · " + fmt.Sprintf(lang.L("%d planned"), roll.Planned)
	}
	return text
}

// SetHost implements ChartView.
func (v *OutlineView) SetHost(h ChartHost) { v.host = h }

// SetDocument implements ChartView.
func (v *OutlineView) SetDocument(d *domain.Document) {
	v.doc = d
	v.rollup = d.Rollup()
	v.quiet = true
	v.UnselectAll()
	v.quiet = false
	v.selected = 0
	v.OpenAllBranches()
	v.Refresh()
}

// Changed implements ChartView.
func (v *OutlineView) Changed(domain.Change) {
	v.rollup = v.doc.Rollup()
	if v.selected != 0 && v.doc.Node(v.selected) == nil {
		v.quiet = true
		v.UnselectAll()
		v.quiet = false
		v.selected = 0
	}
	v.Refresh()
}

// Select implements ChartView. The outline selects only the first id.
func (v *OutlineView) Select(ids ...domain.NodeID) {
	v.quiet = true
	defer func() { v.quiet = false }()
	if len(ids) == 0 || v.doc == nil || v.doc.Node(ids[0]) == nil {
		v.UnselectAll()
		v.selected = 0
		return
	}
	id := ids[0]
	for p := v.doc.Node(id).Parent; p != 0; p = v.doc.Node(p).Parent {
		v.OpenBranch(uidOf(p))
	}
	v.Tree.Select(uidOf(id))
	v.selected = id
	v.ScrollTo(uidOf(id))
}

// Selection implements ChartView.
func (v *OutlineView) Selection() []domain.NodeID {
	if v.selected == 0 {
		return nil
	}
	return []domain.NodeID{v.selected}
}

// TypedKey passes the editing keys (Tab, Enter, Delete, F2) to the host and
// the rest (arrows, space) to the tree.
func (v *OutlineView) TypedKey(ev *fyne.KeyEvent) {
	if v.host.Key != nil && v.host.Key(ev) {
		return
	}
	v.Tree.TypedKey(ev)
}

// AcceptsTab keeps Tab in the outline (it adds a subordinate) instead of
// moving the focus.
func (v *OutlineView) AcceptsTab() bool { return true }

// Zoom implements ChartView: the outline cannot zoom.
func (v *OutlineView) Zoom() int { return 0 }

// SetZoom implements ChartView; the outline ignores it.
func (v *OutlineView) SetZoom(int) {}

// ZoomToFit implements ChartView; the outline ignores it.
func (v *OutlineView) ZoomToFit() {}
