package pdf

import (
	"fmt"
	"strings"

	"orgdraft/domain"
)

// The staffing table (人员编制表) lists every position under its unit, the
// units in chart order with sub-units indented under their parents:
//
//   - a unit's name heads its first row; a unit with positions of its own
//     ends with a 小计 when it has more than one position or has sub-units
//     (a single position is its own subtotal);
//   - the 含下级部门 column gives a unit's roll-up, its sub-units included,
//     on the unit's last row, where it has sub-units;
//   - 在岗 and 缺编 are columns only when the document records filled
//     headcounts;
//   - a unit's rows and its subtotal share a page (a unit of more than
//     keepWhole positions breaks, but never after its first row or before
//     its last two), and the table's last rows share one with the total
//     and the start of the notes under it.
//
// Concurrent positions are listed but not counted, as in the roll-up.

// keepWhole is the most positions of a unit kept on one page: a longer
// unit would leave most of a page empty before it.
const keepWhole = 8

// staffingUnit is one unit's part of the table.
type staffingUnit struct {
	id        domain.NodeID // 0 for positions outside any unit
	depth     int           // units above it
	positions []*domain.Node
	subUnits  bool // whether units below it hold positions
}

// staffingUnits returns the units holding positions in their subtree, in
// chart order, each with the positions directly in it.
func (c *composer) staffingUnits() []*staffingUnit {
	byID := map[domain.NodeID]*staffingUnit{}
	var out []*staffingUnit
	count := map[domain.NodeID]int{} // positions in each unit's subtree
	parentUnit := map[domain.NodeID]domain.NodeID{}
	c.d.Walk(func(n *domain.Node) bool {
		switch {
		case n.Kind == domain.KindUnit:
			up := c.d.UnitOf(n.ID)
			parentUnit[n.ID] = up
			depth := 0
			if p := byID[up]; p != nil {
				depth = p.depth + 1
			}
			u := &staffingUnit{id: n.ID, depth: depth}
			byID[n.ID] = u
			out = append(out, u)
		case n.Kind.IsPosition():
			u := c.d.UnitOf(n.ID)
			if byID[u] == nil { // no unit: a group of its own, first
				byID[u] = &staffingUnit{}
				out = append([]*staffingUnit{byID[u]}, out...)
			}
			byID[u].positions = append(byID[u].positions, n)
			for a := u; a != 0; a = parentUnit[a] {
				count[a]++
			}
		}
		return true
	})
	kept := out[:0]
	for _, u := range out {
		if u.id == 0 || count[u.id] > 0 {
			u.subUnits = u.id != 0 && count[u.id] > len(u.positions)
			kept = append(kept, u)
		}
	}
	return kept
}

// staffingTable places the staffing table, then the concurrent positions'
// footnote and notes, the document's 说明.
func (c *composer) staffingTable(f *pieces, notes string) {
	tracks := c.total.Filled > 0
	// A number column is as wide as its title; 直接上级 takes what is left.
	num := func(title string, least float64) column {
		w := c.m.Width(title, labelFont(fSmall).size) + 2*cellPadX + 1
		return column{title: title, width: max(least, w), align: alignRight}
	}
	cols := []column{
		{title: c.pick("部门", "Unit"), width: 84},
		{title: c.pick("岗位", "Position"), width: 92},
		{title: c.pick("职务等级", "Grade"), width: 48},
		// Room for a concurrent position's 1（兼）.
		num(c.pick("编制", "Planned"), c.m.Width("10"+c.pick("（兼）", ""), fSmall.size)+2*cellPadX+1),
	}
	if tracks {
		cols = append(cols, num(c.pick("在岗", "Filled"), 34), num(c.pick("缺编", "Vacant"), 34))
	}
	cols = append(cols, column{title: c.pick("直接上级", "Reports to")}, num(c.pick("含下级部门", "With units below"), 0))
	if c.o.Language == domain.English {
		cols[len(cols)-1].width = 56 // the English title takes two lines
	}
	used := 0.0
	for _, col := range cols {
		used += col.width
	}
	cols[len(cols)-2].width = f.width - used
	t := &table{header: true, font: fSmall, cols: cols}

	// counts returns the headcount cells: planned, and filled and vacant
	// when the document records them.
	counts := func(h domain.Headcount) []string {
		out := []string{fmt.Sprint(h.Planned)}
		if tracks {
			out = append(out, fmt.Sprint(h.Filled), fmt.Sprint(max(0, h.Planned-h.Filled)))
		}
		return out
	}
	cells := func(unit, pos, grade string, nums []string, sup, roll string) []string {
		out := append([]string{unit, pos, grade}, nums...)
		return append(out, sup, roll)
	}
	indent := func(u *staffingUnit) float64 { return float64(u.depth) * fSmall.size }

	var rows []row
	concurrent := false
	for _, u := range c.staffingUnits() {
		name := c.pick("（无所属部门）", "(No unit)")
		if u.id != 0 {
			name = c.d.Node(u.id).Name
		}
		roll := ""
		if u.subUnits {
			roll = fmt.Sprint(c.roll[u.id].Planned)
		}
		if len(u.positions) == 0 {
			// A unit holding only sub-units: its name, its roll-up, and
			// kept with the first sub-unit.
			rows = append(rows, row{cells: cells(name, "", "", counts(domain.Headcount{}), "", roll),
				font: labelFont(fSmall), fill: &paleGrey, indent: indent(u), keepNext: true})
			// Its own counts are none: blank them.
			for i := 3; i < len(cols)-2; i++ {
				rows[len(rows)-1].cells[i] = ""
			}
			continue
		}
		var sub domain.Headcount
		for i, n := range u.positions {
			nums := counts(domain.Headcount{Planned: n.Planned, Filled: n.Filled})
			if n.Concurrent {
				// The English mark would not fit the narrow column; the
				// position's name carries it.
				nums[0] += c.pick("（兼）", "")
				for j := 1; j < len(nums); j++ {
					nums[j] = "—"
				}
				concurrent = true
			} else {
				sub = sub.Add(domain.Headcount{Planned: n.Planned, Filled: n.Filled})
			}
			sup := "—"
			if s := c.d.Superior(n.ID); s != 0 {
				sup = c.label(s)
			}
			unit := ""
			if i == 0 {
				unit = name
			}
			// A long unit may break across a page, but not after its
			// first row or before its last two and the subtotal.
			keep := len(u.positions) <= keepWhole || i == 0 || i >= len(u.positions)-2
			r := row{cells: cells(unit, c.positionName(n), orDash(n.Grade), nums, sup, ""), indent: indent(u), keepNext: keep}
			if i > 0 {
				r.continued = name + c.pick("（续）", " (cont.)")
			}
			rows = append(rows, r)
		}
		if len(u.positions) > 1 || u.subUnits {
			rows = append(rows, row{cells: cells("", c.pick("小计", "Subtotal"), "", counts(sub), "", roll),
				font: labelFont(fSmall), fill: &paleGrey, indent: indent(u)})
		} else {
			rows[len(rows)-1].keepNext = false
		}
	}
	if len(rows) > 0 {
		rows[len(rows)-1].keepNext = true // the total is not left alone
	}
	total := c.total
	rows = append(rows, row{cells: cells(c.pick("合计", "Total"), "", "", counts(total), "", ""),
		font: labelFont(fSmall), fill: &unitTint})
	footnote := ""
	if st := c.d.Info.StatedTotal; st != 0 && st != total.Planned {
		footnote = fmt.Sprintf(c.pick("注：文件写明编制 %d 人，与各岗位合计 %d 人不符。", "The document states %d, which differs from the positions' sum of %d."), st, total.Planned)
	}
	if concurrent {
		footnote = strings.TrimSpace(footnote + "\n" + c.pick("注：标“（兼）”的岗位由其他岗位人员兼任，不计入小计与合计。",
			"Note: positions marked (concurrent) are held by people of other positions and are not counted in the subtotals and the total."))
	}
	t.tail = c.staffingTail(f, footnote, notes)
	f.table(t, rows)
	if footnote != "" {
		f.space(4)
		f.paragraph(footnote, fNote, 0)
	}
	f.add(c.notes(notes)...)
}

// staffingTail returns the height under the table that must share a page
// with its last rows: the footnote and the notes' heading with their first
// lines, as c.notes places them.
func (c *composer) staffingTail(f *pieces, footnote, notes string) float64 {
	h := 0.0
	if footnote != "" {
		h += 4 + float64(len(c.wrap(footnote, fNote, f.width)))*c.lineHeight(fNote)
	}
	if strings.TrimSpace(notes) != "" {
		lines := min(2, len(c.wrap(notes, fBody, f.width)))
		h += 6 + c.lineHeight(fH3)*1.85 + float64(lines)*c.lineHeight(fBody)
	}
	return h
}
