package sheet

import (
	"io"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"orgdraft/domain/diff"
)

// WriteComparisonXLSX writes the comparison of two versions as an Excel
// workbook (变更对照表): the two versions' names and the totals at the top,
// then one row per change (number, status, box, what changed, before,
// after), added rows green and removed rows red as in the editor. oldName
// and newName name the versions as the user knows them.
func (o Options) WriteComparisonXLSX(w io.Writer, r *diff.Report, oldName, newName string) error {
	zh := !o.English
	f := excelize.NewFile()
	defer f.Close()
	sheet := o.pick("变更对照表", "Comparison")
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	headStyle, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE9F7"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	if err != nil {
		return err
	}
	styles := map[diff.Status]int{}
	for s, color := range map[diff.Status]string{diff.Changed: "", diff.Added: "E2F2E3", diff.Removed: "F9E4E2"} {
		st := &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}
		if color != "" {
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
		}
		if styles[s], err = f.NewStyle(st); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for c, wd := range []float64{6, 8, 30, 24, 40, 40} {
		if err := sw.SetColWidth(c+1, c+1, wd); err != nil {
			return err
		}
	}
	const headRow = 5 // the table's header, under the particulars
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: "A6", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	line := func(n int, cells ...any) error {
		cell, err := excelize.CoordinatesToCellName(1, n)
		if err != nil {
			return err
		}
		return sw.SetRow(cell, cells)
	}
	label := func(s string) excelize.Cell { return excelize.Cell{StyleID: bold, Value: s} }
	if err := line(1, label(o.pick("原版本", "Old version")), cut(oldName)); err != nil {
		return err
	}
	if err := line(2, label(o.pick("新版本", "New version")), cut(newName)); err != nil {
		return err
	}
	t := r.Total
	if err := line(3, label(o.pick("编制合计", "Planned total")), t.Planned.Before, t.Planned.After,
		label(o.pick("在岗合计", "Filled total")), t.Filled.Before, t.Filled.After); err != nil {
		return err
	}
	head := []string{o.pick("序号", "No."), o.pick("状态", "Status"), o.pick("框", "Box"), o.pick("变更", "Change"), o.pick("变更前", "Before"), o.pick("变更后", "After")}
	cells := make([]any, len(head))
	for c, h := range head {
		cells[c] = excelize.Cell{StyleID: headStyle, Value: h}
	}
	if err := line(headRow, cells...); err != nil {
		return err
	}
	for i, x := range r.Rows(zh) {
		st := styles[x.Status]
		cells := []any{
			excelize.Cell{StyleID: st, Value: i + 1},
			excelize.Cell{StyleID: st, Value: diff.Word(x.Status.String(), zh)},
			excelize.Cell{StyleID: st, Value: cut(x.Box)},
			excelize.Cell{StyleID: st, Value: cut(x.What)},
			excelize.Cell{StyleID: st, Value: cut(x.Before)},
			excelize.Cell{StyleID: st, Value: cut(x.After)},
		}
		if err := line(headRow+1+i, cells...); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

// cut shortens a text to what an Excel cell holds, with "…" at the end:
// in a comparison a long list of names is better cut than refused.
func cut(s string) string {
	if len(s) <= maxCellUnits {
		return s
	}
	u := utf16.Encode([]rune(s))
	if len(u) <= maxCellUnits {
		return s
	}
	u = u[:maxCellUnits-1]
	if utf16.IsSurrogate(rune(u[len(u)-1])) {
		u = u[:len(u)-1]
	}
	return string(utf16.Decode(u)) + "…"
}
