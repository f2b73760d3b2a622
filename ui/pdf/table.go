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
	// indent moves the first cell's text right, to show a level of a
	// hierarchy (a sub-unit in the staffing table).
	indent float64
	// keepNext keeps the row on the same page as the next one, so that a
	// group of rows (a unit and its subtotal) is not split by a page.
	keepNext bool
}

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
	lr := laidRow{row: r, lines: make([][]string, len(t.cols)), lh: c.lineHeight(r.font)}
	for i, col := range t.cols {
		text := ""
		if i < len(r.cells) {
			text = r.cells[i]
		}
		f := r.font
		if i == 0 && r.labelFirst {
			f = labelFont(r.font)
		}
		w := col.width - 2*cellPadX
		if i == 0 {
			w -= r.indent
		}
		lr.lines[i] = c.wrap(text, f, w)
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
	for i, col := range t.cols {
		f := lr.font
		var tint *rgb
		if i == 0 && lr.labelFirst {
			f = labelFont(lr.font)
			if lr.fill == nil {
				tint = &unitTint
			}
		}
		s.rect(cx, y, col.width, h, rule, tint)
		lines := lr.lines[i]
		top := y + (h-float64(to-from)*lr.lh)/2
		in := 0.0
		if i == 0 {
			in = lr.indent
		}
		for j := from; j < to && j < len(lines); j++ {
			base := top + float64(j-from)*lr.lh + c.baseline(f)
			c.textIn(s, cx+cellPadX+in, col.width-2*cellPadX-in, base, f, col.align, lines[j])
		}
		cx += col.width
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
