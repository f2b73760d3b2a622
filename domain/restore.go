package domain

import (
	"fmt"
	"slices"
	"strconv"
)

// Restore rebuilds a document from stored parts, as a file or a template
// holds them. Each node names its parent; siblings keep the order in which
// they appear in nodes. The tree must be sound (unique positive ids, parents
// that exist, no cycles) and every field within the limits (limits.go);
// links may point at missing nodes, which the validation report then names.
func Restore(info Info, nodes []Node, links []Link) (*Document, error) {
	d := NewDocument()
	d.Info = info.clone()
	if err := checkInfo(&d.Info); err != nil {
		return nil, fmt.Errorf("the document's own fields: %w", err)
	}
	for i := range nodes {
		n := nodes[i].clone()
		if n.ID <= 0 {
			return nil, fmt.Errorf("node %d (%q): id must be positive", n.ID, n.Name)
		}
		if _, dup := d.nodes[n.ID]; dup {
			return nil, fmt.Errorf("node id %d appears twice", n.ID)
		}
		if n.Kind < KindUnit || n.Kind > KindAssistant {
			return nil, fmt.Errorf("node %d (%q): unknown kind %d", n.ID, n.Name, n.Kind)
		}
		if err := checkBounds(&n); err != nil {
			return nil, fmt.Errorf("box %d %s: %w", n.ID, quoteShort(n.Name), err)
		}
		d.nodes[n.ID] = &n
		d.nextNode = max(d.nextNode, n.ID+1)
	}
	for i := range nodes {
		id, parent := nodes[i].ID, nodes[i].Parent
		if parent != 0 && d.nodes[parent] == nil {
			return nil, fmt.Errorf("node %d (%q): parent %d does not exist", id, nodes[i].Name, parent)
		}
		s := d.siblings(parent)
		*s = append(*s, id)
	}
	// Every node must be reachable from a root; anything else sits on a
	// cycle of parents.
	seen := 0
	d.Walk(func(*Node) bool { seen++; return true })
	if seen != len(d.nodes) {
		return nil, fmt.Errorf("the parent links form a cycle (%d of %d boxes are not under any top-level box)", len(d.nodes)-seen, len(d.nodes))
	}
	d.links = slices.Clone(links)
	for _, l := range links {
		if l.ID <= 0 {
			return nil, fmt.Errorf("link id %d must be positive", l.ID)
		}
		if err := checkLink(&l); err != nil {
			return nil, fmt.Errorf("link %d: %w", l.ID, err)
		}
		d.nextLink = max(d.nextLink, l.ID+1)
	}
	return d, nil
}

// Nodes returns deep copies of all nodes in pre-order, the form Restore
// takes back.
func (d *Document) Nodes() []Node {
	out := make([]Node, 0, len(d.nodes))
	d.Walk(func(n *Node) bool {
		out = append(out, n.clone())
		return true
	})
	return out
}

// Clone returns a deep copy of the document.
func (d *Document) Clone() *Document {
	c, err := Restore(d.Info, d.Nodes(), d.links)
	if err != nil {
		panic("domain: a sound document failed to restore: " + err.Error())
	}
	c.SetRevisions(d.revisions) // the book of a copy prints its 修订记录 too
	return c
}

// quoteShort quotes a name for an error message, cut short: the name may
// be the over-long text the message is about.
func quoteShort(name string) string {
	if s, cut := Truncate(name, 40); cut {
		return strconv.Quote(s) + "…"
	}
	return strconv.Quote(name)
}
