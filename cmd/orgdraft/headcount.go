package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"orgdraft/domain"
)

// printHeadcount prints the headcount table that check shows before its
// findings: every unit with its planned (编制) and filled (在岗)
// headcount rolled up over everything under it, indented as in the
// chart, then the document's total and the total it states. The columns
// are aligned in a terminal's cells, where a Chinese character takes two.
func printHeadcount(w io.Writer, d *domain.Document, zh bool) {
	type row struct {
		label    string
		h        domain.Headcount
		noFilled bool // the stated total: only a planned number
	}
	roll := d.Rollup()
	depth := map[domain.NodeID]int{}
	var rows []row
	d.Walk(func(n *domain.Node) bool {
		if n.Parent != 0 {
			depth[n.ID] = depth[n.Parent] + 1
		}
		if n.Kind == domain.KindUnit {
			rows = append(rows, row{label: indentFor(depth[n.ID]) + n.Name, h: roll[n.ID]})
		}
		return true
	})
	rows = append(rows, row{label: pick(zh, "合计", "Total"), h: d.Total()})
	if st := d.Info.StatedTotal; st != 0 {
		rows = append(rows, row{label: pick(zh, "文件写明合计", "Stated total"), h: domain.Headcount{Planned: st}, noFilled: true})
	}

	head := []string{pick(zh, "单位", "Unit"), pick(zh, "编制", "Planned"), pick(zh, "在岗", "Filled")}
	cols := []int{cells(head[0]), cells(head[1]), cells(head[2])}
	for _, r := range rows {
		cols[0] = max(cols[0], cells(r.label))
		cols[1] = max(cols[1], len(strconv.Itoa(r.h.Planned)))
		cols[2] = max(cols[2], len(strconv.Itoa(r.h.Filled)))
	}
	line := func(label, planned, filled string) {
		text := label + strings.Repeat(" ", cols[0]-cells(label)) +
			"  " + strings.Repeat(" ", cols[1]-cells(planned)) + planned
		if filled != "" {
			text += "  " + strings.Repeat(" ", cols[2]-cells(filled)) + filled
		}
		fmt.Fprintln(w, text)
	}
	line(head[0], head[1], head[2])
	for _, r := range rows {
		filled := strconv.Itoa(r.h.Filled)
		if r.noFilled {
			filled = ""
		}
		line(r.label, strconv.Itoa(r.h.Planned), filled)
	}
}

// indentFor is the indentation of a box at depth: two spaces a level,
// and below maxIndent levels the level's number instead (as show does),
// so that a deep chain's table stays in proportion to its boxes.
func indentFor(depth int) string {
	indent := strings.Repeat("  ", min(depth, maxIndent))
	if depth > maxIndent {
		indent += "[" + strconv.Itoa(depth+1) + "] "
	}
	return indent
}

// cells is the width of s in a terminal: two cells for a wide (Chinese,
// full-width) character, one for any other.
func cells(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
