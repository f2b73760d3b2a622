package outline

import (
	"fmt"
	"strings"

	"orgdraft/domain"
)

// Format writes a branch (copied boxes) as an indented outline: readable
// where it is pasted as text (WeChat, Word, Notepad), and read back by
// Insert as the same boxes with the same fields. Every position carries
// its headcount ("（3人）"), and "在岗2人", "兼", "直属" and "负责人" where
// they apply; the lists go under their headings (部门职能, 岗位职责, 任职
// 资格), grade, working hours and notes under theirs, and the dotted-line
// links inside the branch as "虚线汇报：" lines naming the other box by
// its path. Where the reader would guess a box's kind or head wrongly
// from its name or place, the line says it: "（部门）" or "（岗位）".
//
// What an outline cannot carry is left out: manual offsets, folding, the
// arrangement of leaf boxes, blank lines inside notes, and list items of
// the wrong kind of box (duties of a unit, functions of a position),
// which the editor does not show either.
func Format(b *domain.Branch) string {
	w := newWriter(b)
	// Write, read back, and state the kind of every box read wrongly;
	// stating a kind can change the reading of a sibling's head, so
	// repeat a few times, then state every kind.
	for range 4 {
		text := w.render()
		var wrong []int
		for _, into := range pasteTargets {
			wrong = append(wrong, w.misread(text, into)...)
		}
		if len(wrong) == 0 {
			return text
		}
		for _, i := range wrong {
			w.fixed[i] = true
		}
	}
	for i := range w.fixed {
		w.fixed[i] = true
	}
	return w.render()
}

// writer renders one branch.
type writer struct {
	b        *domain.Branch
	children map[domain.NodeID][]int // branch node index by parent id (0: the roots)
	index    map[domain.NodeID]int
	fixed    []bool // the box's line states its kind
	lineOf   []int  // the 0-based line each box was written on, by the last render
}

func newWriter(b *domain.Branch) *writer {
	w := &writer{b: b, children: map[domain.NodeID][]int{}, index: map[domain.NodeID]int{},
		fixed: make([]bool, len(b.Nodes)), lineOf: make([]int, len(b.Nodes))}
	for i := range b.Nodes {
		w.index[b.Nodes[i].ID] = i
	}
	for i := range b.Nodes {
		parent := b.Nodes[i].Parent
		if _, ok := w.index[parent]; !ok {
			parent = 0
		}
		w.children[parent] = append(w.children[parent], i)
	}
	return w
}

// path returns the names from the branch's top level down to node i.
func (w *writer) path(i int) []string {
	var names []string
	for {
		n := &w.b.Nodes[i]
		names = append(names, n.Name)
		j, ok := w.index[n.Parent]
		if !ok {
			break
		}
		i = j
	}
	for l, r := 0, len(names)-1; l < r; l, r = l+1, r-1 {
		names[l], names[r] = names[r], names[l]
	}
	return names
}

// render writes the outline with the kinds stated for the boxes in fixed.
func (w *writer) render() string {
	var sb strings.Builder
	line := 0
	put := func(depth int, s string) {
		sb.WriteString(strings.Repeat("\t", depth))
		sb.WriteString(s)
		sb.WriteByte('\n')
		line++
	}
	list := func(depth int, heading string, items []string) {
		if len(items) == 0 {
			return
		}
		put(depth, heading+"：")
		for k, s := range items {
			put(depth+1, fmt.Sprintf("%d、%s", k+1, oneLine(s)))
		}
	}
	field := func(depth int, heading, text string) {
		lines := strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' })
		var kept []string
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				kept = append(kept, l)
			}
		}
		if len(kept) == 0 {
			return
		}
		put(depth, heading+"："+kept[0])
		for _, l := range kept[1:] {
			put(depth+1, l)
		}
	}
	links := map[domain.NodeID][]domain.Link{}
	for _, l := range w.b.Links {
		if _, ok := w.index[l.To]; ok {
			links[l.From] = append(links[l.From], l)
		}
	}
	// Iterative pre-order, as deep as the branch is.
	type item struct{ i, depth int }
	var stack []item
	push := func(parent domain.NodeID, depth int) {
		kids := w.children[parent]
		for k := len(kids) - 1; k >= 0; k-- {
			stack = append(stack, item{kids[k], depth})
		}
	}
	push(0, 0)
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := &w.b.Nodes[it.i]
		w.lineOf[it.i] = line
		put(it.depth, oneLine(n.Name)+w.marks(it.i))
		d := it.depth + 1
		field(d, "职务等级", n.Grade)
		field(d, "工作时间", n.Hours)
		if n.Kind == domain.KindUnit {
			field(d, jobWords[jobHeading(domain.JobCode)][0], n.Job.Code) // the unit's code
			list(d, "部门职能", n.Functions)
		} else {
			list(d, "岗位职责", n.Duties)
			list(d, "任职资格", n.Qualifications)
			// The rest of the 岗位说明书, under the headings the reader
			// knows first (jobwords.go).
			for _, f := range domain.JobFields {
				field(d, jobWords[jobHeading(f)][0], n.Job.Text(f))
			}
			list(d, jobWords[hAuthority][0], n.Job.Authority)
			list(d, jobWords[hKPIs][0], n.Job.KPIs)
		}
		field(d, "备注", n.Notes)
		for _, l := range links[n.ID] {
			target := boxPath(w.path(w.index[l.To]))
			if l.Label != "" {
				target += "（" + oneLine(l.Label) + "）"
			}
			put(d, "虚线汇报："+target)
		}
		push(n.ID, d)
	}
	return sb.String()
}

// marks returns the bracket after box i's name, "" for none.
func (w *writer) marks(i int) string {
	n := &w.b.Nodes[i]
	var parts []string
	if n.Kind.IsPosition() {
		parts = append(parts, fmt.Sprintf("%d人", n.Planned))
		if n.Filled != 0 {
			parts = append(parts, fmt.Sprintf("在岗%d人", n.Filled))
		}
		if n.Concurrent {
			parts = append(parts, "兼")
		}
	}
	switch {
	case n.Kind == domain.KindAssistant:
		parts = append(parts, "直属")
	case w.fixed[i] && n.Kind == domain.KindUnit:
		parts = append(parts, "部门")
	case w.fixed[i]:
		parts = append(parts, "岗位")
	}
	if n.Head && n.Kind == domain.KindPosition {
		parts = append(parts, "负责人")
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
}

// pasteTargets are the places a copied branch may be pasted, as the
// reader sees them: the top level, under a position (where a plain line
// is a duty), under a unit without a head (which a pasted leader heads).
var pasteTargets = []*target{nil, {kind: domain.KindPosition}, {kind: domain.KindUnit, headFree: true}}

// misread reads text back as Insert would into a box like into (nil: at
// the top level) and returns the boxes whose line is not read as that
// box: not a box at all, or of another kind, name, headcount or head.
func (w *writer) misread(text string, into *target) []int {
	p := &parser{pasting: true, into: into}
	if into != nil {
		p.f.top = &box{node: domain.Node{Kind: into.kind}}
	}
	if !p.split(text) || !p.nest() {
		return nil // cannot happen for what render writes; nothing to state
	}
	p.classify()
	p.build()
	bad := map[int]bool{}
	for _, e := range p.errs {
		bad[e.Line-1] = true
	}
	var wrong []int
	for i := range w.b.Nodes {
		if w.fixed[i] {
			continue
		}
		at := w.lineOf[i]
		if at >= len(p.lines) {
			wrong = append(wrong, i)
			continue
		}
		l := &p.lines[at]
		n := &w.b.Nodes[i]
		if bad[at] || l.role != roleBox || l.box == nil {
			wrong = append(wrong, i)
			continue
		}
		got := &l.box.node
		// A head matters in a unit: the box's superior in the branch, or
		// for a top-level box the unit it is pasted into.
		inUnit := w.parentIsUnit(i) || (n.Parent == 0 || !w.inBranch(n.Parent)) && into != nil && into.kind == domain.KindUnit
		head := n.Head && n.Kind == domain.KindPosition
		if got.Kind != n.Kind || got.Name != oneLine(n.Name) || got.Planned != n.Planned || inUnit && got.Head != head {
			wrong = append(wrong, i)
		}
	}
	return wrong
}

// inBranch reports whether id is a box of the branch.
func (w *writer) inBranch(id domain.NodeID) bool {
	_, ok := w.index[id]
	return ok
}

// parentIsUnit reports whether box i's superior is in the branch and a
// unit: only there does the reading of its head matter.
func (w *writer) parentIsUnit(i int) bool {
	j, ok := w.index[w.b.Nodes[i].Parent]
	return ok && w.b.Nodes[j].Kind == domain.KindUnit
}

// oneLine puts text on one line: an outline line cannot hold a line
// break.
func oneLine(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s))
}
