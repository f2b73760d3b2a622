package pdf

// The one table helper, used by the staffing table, the position fact
// sheets and both sign-off blocks.

// column is one column of a table.
type column struct {
	title string
	width float64 // points
	align align
}

// row is one row of a table.
type row struct {
	cells []string
	font  font    // zero means the table's font
	fill  *rgb    // background, or nil
	min   float64 // minimum height, e.g. room to sign by hand
	// labelFirst sets the first cell like a column title, bold on a tint,
	// for the label column of a key–value table.
	labelFirst bool
	// keyed sets every other cell from the first as a label, for a form
	// with two label–value pairs a row (the 岗位说明书's 基本信息).
	keyed bool
	// spans gives how many columns each cell covers, for a form's merged
	// cells; a missing or zero entry is one column. Nil: one cell a column.
	spans []int
	// indent moves the first cell's text right, to show a level of a
	// hierarchy (a sub-unit in the staffing table).
	indent float64
	// keepNext keeps the row on the same page as the next one, so that a
	// group of rows (a unit and its subtotal) is not split by a page.
	keepNext bool
	// continued, when set, is the row's first cell where a page break puts
	// the row at the top of a page: the group's name marked （续）, so a
	// long unit broken across pages is named on each.
	continued string
}

// cellWidths returns the width of each of r's cells in table t: one per
// column, or fewer and wider where r merges columns.
func (t *table) cellWidths(r row) []float64 {
	if r.spans == nil {
		w := make([]float64, len(t.cols))
		for i, col := range t.cols {
			w[i] = col.width
		}
		return w
	}
	var w []float64
	for i, col := 0, 0; col < len(t.cols); i++ {
		n := 1
		if i < len(r.spans) && r.spans[i] > 1 {
			n = r.spans[i]
		}
		x := 0.0
		for k := col; k < min(col+n, len(t.cols)); k++ {
			x += t.cols[k].width
		}
		w = append(w, x)
		col += n
	}
	return w
}

// cellAlign is how cell i of r is aligned: as the column it starts in.
func (t *table) cellAlign(r row, i int) align {
	col := 0
	for k := 0; k < i; k++ {
		if k < len(r.spans) && r.spans[k] > 1 {
			col += r.spans[k]
		} else {
			col++
		}
	}
	if col < len(t.cols) {
		return t.cols[col].align
	}
	return alignLeft
}

// isLabel reports whether cell i of r is set as a label.
func (r row) isLabel(i int) bool { return (i == 0 && r.labelFirst) || (r.keyed && i%2 == 0) }

// table is a grid of wrapped text with ruled cells.
type table struct {
	cols []column
	// header repeats the column titles at the top of every page the table
	// covers. Without it the titles are not drawn at all.
	header bool
	font   font
	// tail is the height of what follows the table and must share a page
	// with its last row (the start of a note under it), so that it is
	// never left alone on a page.
	tail float64
}

// Cell padding and rule width.
const (
	cellPadX = 4
	cellPadY = 3
	ruleW    = 0.5
)

// laidRow is a row with every cell's text wrapped to its column.
type laidRow struct {
	row
	lines [][]string // per cell
	n     int        // the most lines of any cell
	lh    float64    // line height
}

// lay wraps every cell of r to its column.
func (c *composer) lay(t *table, r row) laidRow {
	if r.font == (font{}) {
		r.font = t.font
	}
	widths := t.cellWidths(r)
	lr := laidRow{row: r, lines: make([][]string, len(widths)), lh: c.lineHeight(r.font)}
	for i, w := range widths {
		text := ""
		if i < len(r.cells) {
			text = r.cells[i]
		}
		f := r.font
		if r.isLabel(i) {
			f = labelFont(r.font)
		}
		tw := w - 2*cellPadX
		if i == 0 {
			tw -= r.indent
		}
		lr.lines[i] = c.wrap(text, f, tw)
		lr.n = max(lr.n, len(lr.lines[i]))
	}
	return lr
}

// headerRow returns the table's title row.
func (t *table) headerRow() row {
	cells := make([]string, len(t.cols))
	for i, col := range t.cols {
		cells[i] = col.title
	}
	return row{cells: cells, font: labelFont(t.font), fill: &unitTint}
}

func labelFont(f font) font {
	f.bold = true
	return f
}

// height returns the height of lines [from, to) of the row, padding
// included; a whole row is at least its minimum height.
func (lr *laidRow) height(from, to int) float64 {
	h := float64(to-from)*lr.lh + 2*cellPadY
	if from == 0 && to == lr.n {
		h = max(h, lr.min)
	}
	return h
}

// width returns the table's total width.
func (t *table) width() float64 {
	w := 0.0
	for _, col := range t.cols {
		w += col.width
	}
	return w
}

// drawRow draws lines [from, to) of a laid-out row as one band of height h
// with its top-left corner at (x, y): background, cell rules and text. The
// text block is centred vertically, so a tall row for a signature keeps its
// text in the middle.
func (c *composer) drawRow(s *sheet, t *table, x, y, h float64, lr *laidRow, from, to int) {
	if lr.fill != nil {
		s.rect(x, y, t.width(), h, pen{}, lr.fill)
	}
	rule := pen{width: ruleW, color: ink}
	cx := x
	for i, w := range t.cellWidths(lr.row) {
		f := lr.font
		var tint *rgb
		if lr.isLabel(i) {
			f = labelFont(lr.font)
			if lr.fill == nil {
				tint = &unitTint
			}
		}
		s.rect(cx, y, w, h, rule, tint)
		lines := lr.lines[i]
		top := y + (h-float64(to-from)*lr.lh)/2
		in := 0.0
		if i == 0 {
			in = lr.indent
		}
		for j := from; j < to && j < len(lines); j++ {
			base := top + float64(j-from)*lr.lh + c.baseline(f)
			c.textIn(s, cx+cellPadX+in, w-2*cellPadX-in, base, f, t.cellAlign(lr.row, i), lines[j])
		}
		cx += w
	}
}

// placeTable draws a whole table at (x, y) on one sheet, with no page breaks,
// and returns its height. It is for the small blocks of a fixed page, such
// as the sign-off block of the chart.
func (c *composer) placeTable(s *sheet, t *table, x, y float64, rows []row) float64 {
	top := y
	if t.header {
		rows = append([]row{t.headerRow()}, rows...)
	}
	for _, r := range rows {
		lr := c.lay(t, r)
		h := lr.height(0, lr.n)
		c.drawRow(s, t, x, y, h, &lr, 0, lr.n)
		y += h
	}
	return y - top
}
