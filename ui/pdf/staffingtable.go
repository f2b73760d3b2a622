package pdf

import (
	"fmt"

	"orgdraft/domain"
)

// staffingTable places the staffing table: every position grouped under
// its unit, a subtotal after each unit and the grand total. Concurrent
// positions are listed but not counted, as in the roll-up.
func (c *composer) staffingTable(f *flow) {
	tracks := c.total.Filled > 0
	t := &table{header: true, font: fSmall, cols: []column{
		{title: c.pick("部门", "Unit"), width: 90},
		{title: c.pick("岗位", "Position"), width: 112},
		{title: c.pick("职务等级", "Grade"), width: 62},
		{title: c.pick("编制", "Planned"), width: 44, align: alignRight},
		{title: c.pick("在岗", "Filled"), width: 44, align: alignRight},
		{title: c.pick("直接上级", "Reports to"), width: f.width - 352},
	}}
	roll := c.roll
	var groups []domain.NodeID
	members := map[domain.NodeID][]*domain.Node{}
	c.d.Walk(func(n *domain.Node) bool {
		if n.Kind.IsPosition() {
			u := c.d.UnitOf(n.ID)
			if _, ok := members[u]; !ok {
				groups = append(groups, u)
			}
			members[u] = append(members[u], n)
		}
		return true
	})
	filled := func(v int) string {
		if !tracks {
			return "—"
		}
		return fmt.Sprint(v)
	}
	var rows []row
	concurrent := false
	for _, u := range groups {
		unit := c.pick("（无所属部门）", "(No unit)")
		if u != 0 {
			unit = c.d.Node(u).Name
		}
		var sub domain.Headcount
		for _, n := range members[u] {
			planned := fmt.Sprint(n.Planned)
			if n.Concurrent {
				// The English mark would not fit the narrow column; the
				// position's name carries it.
				planned += c.pick("（兼）", "")
				concurrent = true
			} else {
				sub = sub.Add(domain.Headcount{Planned: n.Planned, Filled: n.Filled})
			}
			sup := "—"
			if s := c.d.Superior(n.ID); s != 0 {
				sup = c.label(s)
			}
			rows = append(rows, row{cells: []string{unit, c.positionName(n), orDash(n.Grade), planned, filled(n.Filled), sup}})
		}
		note := ""
		if u != 0 && roll[u].Planned != sub.Planned {
			note = fmt.Sprintf(c.pick("含下级部门共 %d 人", "%d with the units below"), roll[u].Planned)
		}
		rows = append(rows, row{cells: []string{unit, c.pick("小计", "Subtotal"), "", fmt.Sprint(sub.Planned), filled(sub.Filled), note},
			font: labelFont(fSmall), fill: &paleGrey})
	}
	total := c.total
	note := ""
	if st := c.d.Info.StatedTotal; st != 0 && st != total.Planned {
		note = fmt.Sprintf(c.pick("文件写明 %d 人，与各岗位合计不符", "The document states %d, which differs from the positions' sum"), st)
	}
	rows = append(rows, row{cells: []string{c.pick("合计", "Total"), "", "", fmt.Sprint(total.Planned), filled(total.Filled), note},
		font: labelFont(fSmall), fill: &unitTint})
	f.table(t, rows)
	if concurrent {
		f.space(4)
		f.paragraph(c.pick("注：标“（兼）”的岗位由其他岗位人员兼任，不计入小计与合计。",
			"Note: positions marked (concurrent) are held by people of other positions and are not counted in the subtotals and the total."), fNote, 0)
	}
}
