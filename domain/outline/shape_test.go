package outline

import (
	"fmt"
	"strings"

	"orgdraft/domain"
)

// shape prints a document's tree: one line per box with its kind,
// name, planned headcount and marks, indented by depth.
func shape(d *domain.Document) string {
	var b strings.Builder
	depth := map[domain.NodeID]int{}
	d.Walk(func(n *domain.Node) bool {
		if n.Parent != 0 {
			depth[n.ID] = depth[n.Parent] + 1
		}
		fmt.Fprintf(&b, "%s%s %s", strings.Repeat("  ", depth[n.ID]), n.Kind.String()[:1], n.Name)
		if n.Kind.IsPosition() {
			fmt.Fprintf(&b, " %d", n.Planned)
		}
		if n.Concurrent {
			b.WriteString(" 兼")
		}
		if n.Head {
			b.WriteString(" head")
		}
		b.WriteString("\n")
		return true
	})
	return b.String()
}
