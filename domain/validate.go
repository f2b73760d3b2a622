package domain

import (
	"fmt"
	"strings"
)

// Severity ranks a validation finding.
type Severity int

// Severities, mildest first.
const (
	SeverityInfo Severity = iota
	SeverityWarning
	SeverityError
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	return [...]string{"info", "warning", "error"}[s]
}

// Finding is one problem the validation report names, with its message in
// Chinese and English.
type Finding struct {
	Severity Severity
	Node     NodeID // 0 when the finding concerns the whole document
	Code     string // stable key, e.g. "empty-name"
	Zh, En   string
}

// Validate checks the document and returns its findings, errors first, in
// chart order within each severity.
func (d *Document) Validate() []Finding {
	var out []Finding
	add := func(sev Severity, id NodeID, code, zh, en string) {
		out = append(out, Finding{Severity: sev, Node: id, Code: code, Zh: zh, En: en})
	}
	withPositions := d.unitsWithPositions()
	d.Walk(func(n *Node) bool {
		name := n.Name
		if strings.TrimSpace(name) == "" {
			add(SeverityError, n.ID, "empty-name", "名称为空", "The name is empty")
			name = "?"
		}
		if n.Planned < 0 || n.Filled < 0 {
			add(SeverityError, n.ID, "negative", fmt.Sprintf("“%s”的人数为负数", name), fmt.Sprintf("%q has a negative headcount", name))
		}
		if n.Kind.IsPosition() {
			if len(n.Duties) == 0 {
				add(SeverityWarning, n.ID, "no-duties", fmt.Sprintf("岗位“%s”没有岗位职责", name), fmt.Sprintf("Position %q has no duties", name))
			}
			switch {
			case n.Filled > n.Planned:
				add(SeverityWarning, n.ID, "overfilled", fmt.Sprintf("岗位“%s”在岗 %d 人，超过编制 %d 人", name, n.Filled, n.Planned),
					fmt.Sprintf("Position %q has %d people filled, more than the %d planned", name, n.Filled, n.Planned))
			case n.Planned == 0 && !n.Concurrent:
				// A post held concurrently (兼) is filled by someone counted
				// in another box, so 0 is right for it; any other position
				// of 0 people is a headcount not filled in yet. (With people
				// in post the overfilled finding above already says it.)
				add(SeverityWarning, n.ID, "zero-planned", fmt.Sprintf("岗位“%s”的编制为 0 人（兼任的岗位请勾选“兼”）", name),
					fmt.Sprintf("Position %q has a planned headcount of 0 (tick \"Held concurrently\" for a post held by someone counted elsewhere)", name))
			}
			// A position without duties is blank, and the warning above
			// says so; a hint about its other sections would only repeat it.
			if zh, en, ok := emptySections(n, name); ok && len(n.Duties) > 0 {
				add(SeverityInfo, n.ID, "empty-sections", zh, en)
			}
		} else if !withPositions[n.ID] {
			add(SeverityWarning, n.ID, "empty-unit", fmt.Sprintf("部门“%s”下没有岗位", name), fmt.Sprintf("Unit %q has no positions", name))
		}
		seen := map[string]bool{}
		for _, c := range n.children {
			cn := strings.TrimSpace(d.nodes[c].Name)
			if cn != "" && seen[cn] {
				add(SeverityWarning, c, "duplicate-name", fmt.Sprintf("“%s”下有重名的“%s”", name, cn), fmt.Sprintf("%q has two boxes named %q", name, cn))
			}
			seen[cn] = true
		}
		return true
	})
	seen := map[string]bool{}
	for _, r := range d.roots {
		rn := strings.TrimSpace(d.nodes[r].Name)
		if rn != "" && seen[rn] {
			add(SeverityWarning, r, "duplicate-name", fmt.Sprintf("有重名的顶层“%s”", rn), fmt.Sprintf("Two top-level boxes are named %q", rn))
		}
		seen[rn] = true
	}
	if st := d.Info.StatedTotal; st != 0 {
		if t := d.Total().Planned; t != st {
			add(SeverityError, 0, "stated-total", fmt.Sprintf("文件写明合计 %d 人，但各岗位编制合计 %d 人", st, t),
				fmt.Sprintf("The document states a total of %d, but the positions add up to %d", st, t))
		}
	}
	if d.Info.StatedTotal < 0 {
		add(SeverityError, 0, "negative", "写明的合计人数为负数", "The stated total is negative")
	}
	for _, l := range d.links {
		if d.nodes[l.From] == nil || d.nodes[l.To] == nil {
			add(SeverityError, 0, "dangling-link", fmt.Sprintf("虚线关系 %d 指向不存在的框", l.ID), fmt.Sprintf("Dotted-line link %d points at a missing box", l.ID))
		}
	}
	// Stable sort by severity, most severe first, keeping chart order.
	sorted := make([]Finding, 0, len(out))
	for sev := SeverityError; sev >= SeverityInfo; sev-- {
		for _, f := range out {
			if f.Severity == sev {
				sorted = append(sorted, f)
			}
		}
	}
	return sorted
}

// unitsWithPositions returns the boxes that have a position somewhere in
// their subtree, in one pass.
func (d *Document) unitsWithPositions() map[NodeID]bool {
	order := make([]*Node, 0, len(d.nodes))
	d.Walk(func(n *Node) bool { order = append(order, n); return true })
	has := make(map[NodeID]bool, len(d.nodes))
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		if n.Kind.IsPosition() || has[n.ID] {
			has[n.ID] = true
			has[n.Parent] = true
		}
	}
	return has
}

// Errors returns only the findings of severity SeverityError.
func Errors(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Severity == SeverityError {
			out = append(out, f)
		}
	}
	return out
}
