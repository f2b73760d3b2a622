package outline

import (
	"strings"
)

// Dotted-line links in an outline: a line "虚线汇报：客服部/质检主管" under a
// box links it to the box at that path, the names from a top-level line
// of the outline down, separated by "/". A label may follow in brackets:
// "虚线汇报：客服部/质检主管（质量）". This is how a copied branch carries
// the links inside it (write.go); a person may type them too.

// link is a dotted-line link between two boxes of the outline.
type link struct {
	from, to *box
	label    string
}

// pendingLink is a link line whose target is found once all boxes exist.
type pendingLink struct {
	line int // index of the line that names the target
	from *box
	text string
}

// addLinks notes the targets named by the link heading at line i (after
// its colon and on the lines under it) for resolveLinks.
func (p *parser) addLinks(i int, owner *box) {
	l := &p.lines[i]
	if owner == p.f.top {
		p.fail(i, "虚线汇报应写在它所连的框下面", "a dotted-line link must stand under the box it starts at")
		return
	}
	if l.inline != "" {
		p.pending = append(p.pending, pendingLink{line: i, from: owner, text: l.inline})
	}
	for _, k := range l.kids {
		if p.lines[k].role == roleItem {
			p.pending = append(p.pending, pendingLink{line: k, from: owner, text: p.lines[k].body})
		}
	}
}

// resolveLinks finds the boxes the link lines name.
func (p *parser) resolveLinks() {
	if len(p.pending) == 0 {
		return
	}
	paths := map[string]*box{}
	var index func(bs []*box, prefix string)
	index = func(bs []*box, prefix string) {
		for _, b := range bs {
			path := prefix + b.node.Name
			if _, dup := paths[path]; !dup {
				paths[path] = b
			}
			index(b.children, path+"/")
		}
	}
	index(p.f.roots, "")
	for _, pl := range p.pending {
		target, label := strings.TrimSpace(pl.text), ""
		to := paths[target]
		if to == nil {
			if inner, before, ok := lastBracket(target); ok {
				to, label = paths[strings.TrimSpace(before)], strings.TrimSpace(inner)
			}
		}
		switch {
		case to == nil:
			p.fail(pl.line, "虚线汇报的对象“%s”不在大纲中：请写出从最上层起的名称，用“/”分隔",
				"the box %q of the dotted-line link is not in the outline: give the names from the top level down, separated by \"/\"", target)
		case to == pl.from:
			p.fail(pl.line, "虚线汇报需要两个不同的框", "a dotted-line link needs two different boxes")
		default:
			p.f.links = append(p.f.links, link{from: pl.from, to: to, label: label})
		}
	}
}

// boxPath is the path resolveLinks finds a box by: its name and its
// superiors' names from the top level, separated by "/".
func boxPath(names []string) string { return strings.Join(names, "/") }
