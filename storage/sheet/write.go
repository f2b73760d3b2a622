package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"orgdraft/domain"
)

// header returns the header row.
func (o Options) header() []string {
	h := make([]string, numColumns)
	for c, n := range columnNames {
		h[c] = n.zh
		if o.English {
			h[c] = n.en
		}
	}
	return h
}

// rows returns one row per box, parents before children, siblings in
// order. A box's id is its id in the document, which stays the same from
// one export to the next, so rows can be matched across exports.
func (o Options) rows(d *domain.Document) [][]string {
	linksFrom := map[domain.NodeID][]domain.Link{}
	for _, l := range d.Links() {
		if d.Node(l.From) != nil && d.Node(l.To) != nil {
			linksFrom[l.From] = append(linksFrom[l.From], l)
		}
	}
	var out [][]string
	d.Walk(func(n *domain.Node) bool {
		row := make([]string, numColumns)
		row[colID] = strconv.FormatInt(int64(n.ID), 10)
		if n.Parent != 0 {
			row[colParent] = strconv.FormatInt(int64(n.Parent), 10)
		}
		row[colKind] = o.kind(n.Kind)
		row[colName] = n.Name
		row[colPlanned] = countCell(n.Planned)
		row[colFilled] = countCell(n.Filled)
		row[colGrade] = n.Grade
		row[colConcurrent] = o.flag(n.Concurrent)
		row[colHead] = o.flag(n.Head)
		row[colHours] = n.Hours
		row[colDuties] = o.list(n.Duties)
		row[colQualifications] = o.list(n.Qualifications)
		row[colFunctions] = o.list(n.Functions)
		row[colNotes] = n.Notes
		var links []string
		for _, l := range linksFrom[n.ID] {
			s := strconv.FormatInt(int64(l.To), 10)
			if l.Label != "" {
				s += o.pick("：", ": ") + l.Label
			}
			links = append(links, s)
		}
		row[colLinks] = strings.Join(links, "\n")
		row[colStaffing] = staffingCell(n)
		o.jobCells(row, n)
		out = append(out, row)
		return true
	})
	return out
}

func (o Options) pick(zh, en string) string {
	if o.English {
		return en
	}
	return zh
}

func (o Options) kind(k domain.Kind) string {
	switch k {
	case domain.KindUnit:
		return o.pick("部门", "unit")
	case domain.KindAssistant:
		return o.pick("助理", "assistant")
	}
	return o.pick("岗位", "position")
}

func (o Options) flag(v bool) string {
	if v {
		return o.pick("是", "yes")
	}
	return ""
}

// countCell writes a headcount, blank for none, so that units (whose
// headcount is their boxes') show no number of their own.
func countCell(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// list writes a list one item per line, numbered as people number them
// ("1、" in Chinese, "- " in English). Reading drops exactly one such
// number, so an item that itself starts with one ("（一）…") comes back
// unchanged.
func (o Options) list(items []string) string {
	lines := make([]string, len(items))
	for i, s := range items {
		if o.English {
			lines[i] = "- " + s
		} else {
			lines[i] = fmt.Sprintf("%d、%s", i+1, s)
		}
	}
	return strings.Join(lines, "\n")
}
