package pdf

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"orgdraft/domain"
	"orgdraft/domain/layout"
)

// TestSignOffOneLine fills the sign-off block with names of four
// characters and dates in 年月日 form: each must print on one line, on the
// chart and on the book's cover.
func TestSignOffOneLine(t *testing.T) {
	needPoppler(t)
	d := mustTemplate(t, "service-group")
	d.Info.SignOffs = []domain.SignOff{
		{Role: "编制", Name: "欧阳建国", Date: "2025年12月20日"},
		{Role: "审核", Name: "司马长风", Date: "2025年12月21日"},
		{Role: "批准", Name: "诸葛明远", Date: "2025年12月22日"},
	}
	for _, p := range []string{"A4", "A3"} {
		for _, fn := range []struct {
			name string
			f    exportFn
		}{{"chart", chartFn}, {"book", bookFn}} {
			path, _ := write(t, "signoff-line-"+p+"-"+fn.name, fn.f, d, Options{Paper: p})
			// pdftotext -raw joins the cells of one row into one line; a
			// wrapped cell would put part of its text on another line.
			lines := map[string]bool{}
			for _, l := range strings.Split(text(t, path), "\n") {
				lines[squeeze(l)] = true
			}
			names, dates := "姓名", "日期"
			for _, s := range d.Info.SignOffs {
				names, dates = names+s.Name, dates+s.Date
			}
			for _, want := range []string{names, dates} {
				if !lines[want] {
					t.Errorf("%s: no line %q: a name or date wrapped", path, want)
				}
			}
		}
	}
}

// staffingPages returns the text of the staffing table's pages of a book,
// each page's lines, found by the table's column titles.
func staffingPages(t *testing.T, path string) [][]string {
	t.Helper()
	var out [][]string
	for _, pg := range strings.Split(text(t, path), "\f") {
		lines := strings.Split(pg, "\n")
		for i, l := range lines {
			if strings.HasPrefix(squeeze(l), "部门岗位职务等级编制") {
				out = append(out, lines[i+1:])
				break
			}
		}
	}
	return out
}

// TestStaffingSubtotals counts the 小计 rows of @service-group's staffing
// table: one for each unit with more than one position or with sub-units
// holding positions, none for a unit of a single position.
func TestStaffingSubtotals(t *testing.T) {
	needPoppler(t)
	d := mustTemplate(t, "service-group")
	own := map[domain.NodeID]int{}
	below := map[domain.NodeID]bool{}
	d.Walk(func(n *domain.Node) bool {
		if n.Kind.IsPosition() {
			u := d.UnitOf(n.ID)
			own[u]++
			for a := d.UnitOf(u); a != 0; a = d.UnitOf(a) {
				below[a] = true
			}
		}
		return true
	})
	want, units := 0, 0
	for u, n := range own {
		units++
		if n > 1 || below[u] {
			want++
		}
	}
	path, _ := write(t, "staffing-subtotals", bookFn, d, Options{Paper: "A4"})
	got := 0
	for _, pg := range staffingPages(t, path) {
		for _, l := range pg {
			if strings.HasPrefix(strings.TrimSpace(l), "小计") {
				got++
			}
		}
	}
	if got != want || got >= units {
		t.Errorf("%d subtotal rows for %d units with positions, want %d", got, units, want)
	}
	// The roll-up has a column of its own, not a note in 直接上级.
	if strings.Contains(text(t, path), "含下级部门共") {
		t.Error("the roll-up is still written as a note")
	}
}

// lastRow returns the last table row of a page's lines: the last line
// before the running footer (第 x 页) that is not empty.
func lastRow(lines []string) string {
	last := ""
	for _, l := range lines {
		if strings.Contains(l, "页") && strings.Contains(l, "第") {
			break
		}
		if strings.TrimSpace(l) != "" {
			last = l
		}
	}
	return last
}

// TestStaffingPages prints a staffing table of many pages: no page starts
// with a subtotal or the total (a unit split from its subtotal), or in
// the middle of a unit that fits on a page; every page starts with the
// name of its unit (with （续） where a long unit goes on); the notes are not alone on
// their page; and 在岗 and 缺编 are columns only when the document has
// filled numbers.
func TestStaffingPages(t *testing.T) {
	needPoppler(t)
	d := bigDoc(300, 1)
	d.Info.Notes = "本表依据二〇二五年度编制计划整理。"
	units := map[string]bool{}
	d.Walk(func(n *domain.Node) bool {
		if n.Kind == domain.KindUnit {
			units[n.Name] = true
		}
		return true
	})
	path, _ := write(t, "staffing-pages", bookFn, d, Options{Paper: "A4"})
	pgs := staffingPages(t, path)
	if len(pgs) < 3 {
		t.Fatalf("the staffing table covers %d pages, want several", len(pgs))
	}
	// bigDoc's groups hold 19 positions, more than keepWhole: they may
	// break, but a page never starts with a subtotal or the total.
	for i, pg := range pgs {
		first := strings.Fields(pg[0])
		if len(first) == 0 || first[0] == "小计" || first[0] == "合计" {
			t.Errorf("staffing page %d starts with %q", i+1, pg[0])
		}
		if name, cont := strings.CutSuffix(first[0], "（续）"); i > 0 && cont {
			// A unit broken across pages is named again, marked （续）,
			// and the page before ends with more than its first row (a
			// unit's name and first position).
			prev := strings.Fields(lastRow(pgs[i-1]))
			if len(prev) > 0 && units[prev[0]] {
				t.Errorf("staffing page %d continues the unit whose first row alone ends page %d", i+1, i)
			}
			if !units[name] {
				t.Errorf("staffing page %d continues %q, which is no unit", i+1, name)
			}
		} else if i > 0 && !units[first[0]] {
			t.Errorf("staffing page %d starts with %q, not with the name of its unit", i+1, pg[0])
		}
	}
	last := strings.Join(pgs[len(pgs)-1], "\n")
	if !strings.Contains(last, "说明") || !strings.Contains(last, "合计") {
		t.Errorf("the notes are not on the page of the total:\n%s", last)
	}
	head := func(path string) string {
		for _, pg := range strings.Split(text(t, path), "\f") {
			for _, l := range strings.Split(pg, "\n") {
				if s := squeeze(l); strings.HasPrefix(s, "部门岗位") {
					return s
				}
			}
		}
		return ""
	}
	if h := head(path); strings.Contains(h, "在岗") || strings.Contains(h, "缺编") {
		t.Errorf("no filled numbers, yet the columns are %q", h)
	}
	d.Walk(func(n *domain.Node) bool {
		if n.Kind.IsPosition() {
			n.Filled = n.Planned / 2
		}
		return true
	})
	path, _ = write(t, "staffing-filled", bookFn, d, Options{Paper: "A4"})
	if h := head(path); !strings.Contains(h, "编制在岗缺编") {
		t.Errorf("filled numbers, yet the columns are %q", h)
	}
}

// pageSizes returns every page's size as pdfinfo prints it ("595.28 x
// 841.89"), page by page.
func pageSizes(t *testing.T, path string) []string {
	t.Helper()
	n := pages(t, path)
	var out []string
	for _, l := range strings.Split(run(t, "pdfinfo", "-f", "1", "-l", fmt.Sprint(n), path), "\n") {
		if _, v, ok := strings.Cut(l, " size: "); ok && strings.HasPrefix(l, "Page ") {
			size, _, _ := strings.Cut(strings.TrimSpace(v), " pts")
			out = append(out, size)
		}
	}
	if len(out) != n {
		t.Fatalf("%s: %d page sizes for %d pages", path, len(out), n)
	}
	return out
}

// TestBookPaperApart prints the chart on A3 and the book on A4, as an
// office does: every chart page is A3 and every book page A4, upright or
// turned for a chart page.
func TestBookPaperApart(t *testing.T) {
	needPoppler(t)
	d := mustTemplate(t, "service-group")
	o := Options{Paper: "A3", BookPaper: "A4", Landscape: true}
	sizes := map[string][2]string{
		"A4": {"595.28 x 841.89", "841.89 x 595.28"},
		"A3": {"841.89 x 1190.55", "1190.55 x 841.89"},
	}
	check := func(path, paper string) {
		t.Helper()
		for i, s := range pageSizes(t, path) {
			if want := sizes[paper]; s != want[0] && s != want[1] {
				t.Errorf("%s page %d: %s, want %s", path, i+1, s, paper)
			}
		}
	}
	chart, _ := write(t, "apart-chart", chartFn, d, o)
	check(chart, "A3")
	book, _ := write(t, "apart-book", bookFn, d, o)
	check(book, "A4")
	o.BookPaper = "A3"
	book, _ = write(t, "apart-book-a3", bookFn, d, o)
	check(book, "A3")
	if got := OptionsFor(d).BookPaper; got != domain.DefaultBookPaper {
		t.Errorf("a document without a book paper prints its book on %q", got)
	}
}

// TestSplitPacksUnits lays out @service-group's chart on A4 portrait,
// where it does not fit one page: every unit's chart is at one scale,
// no page could take the first chart of the next, every page's charts are
// centred across it, and every folded box names the page where its unit
// begins.
func TestSplitPacksUnits(t *testing.T) {
	needPoppler(t)
	for _, mode := range []Mode{Fit, Split} {
		d := mustTemplate(t, "service-group")
		c, err := newComposer(d, Options{Paper: "A4", Mode: mode})
		if err != nil {
			t.Fatal(err)
		}
		fr := c.chartFrame()
		views, err := c.planChart(fr)
		if err != nil {
			t.Fatal(err)
		}
		pgs := sheetsOf(views)
		if len(pgs) >= len(views) {
			t.Errorf("%v: %d pages for %d charts: nothing shares a page", mode, len(pgs), len(views))
		}
		for _, v := range views {
			if v.tile == nil && v.tiles == nil && math.Abs(v.k-views[0].k) > 1e-9 {
				t.Errorf("%v: %q at scale %.3f, the first at %.3f", mode, v.caption, v.k, views[0].k)
			}
		}
		for i, pg := range pgs {
			r := fr.rest(pg[0].page)
			if i == 0 {
				r = fr.first(pg[0].page)
			}
			left, right := math.Inf(1), math.Inf(-1)
			for _, v := range pg {
				b := v.ch.Bounds
				x0 := content(v.area, v.caption).X + (b.X-v.win.X)*v.k
				left, right = min(left, x0), max(right, x0+b.W*v.k)
			}
			if l, rr := left-r.X, r.X+r.W-right; math.Abs(l-rr) > 1 {
				t.Errorf("%v page %d: %.1f pt of margin at the left, %.1f at the right", mode, i+1, l, rr)
			}
			if i == 0 || i+1 >= len(pgs) || pgs[i+1][0].tile != nil || pgs[i+1][0].tiles != nil {
				continue
			}
			if _, ok := c.shelve(append(slices.Clone(pg), pgs[i+1][0]), pg[0].page, r, pg[0].k); ok {
				t.Errorf("%v: page %d had room for %q of page %d", mode, i+1, pgs[i+1][0].caption, i+2)
			}
		}
		// Each folded box's note points at the page of its unit.
		first := map[domain.NodeID]int{}
		for i, pg := range pgs {
			for _, v := range pg {
				if v.root != 0 {
					first[v.root] = i + 1
				}
			}
		}
		path, _ := write(t, "split-"+mode.String(), chartFn, d, Options{Paper: "A4", Mode: mode})
		txt := squeeze(text(t, path))
		notes := 0
		for _, v := range views {
			for _, b := range v.ch.Boxes {
				if n, ok := first[b.ID]; ok && b.Hidden > 0 {
					notes++
					if !strings.Contains(txt, fmt.Sprintf("见第%d页", n)) {
						t.Errorf("%v: the folded %s lacks 见第 %d 页", mode, d.Node(b.ID).Name, n)
					}
				}
			}
		}
		if notes == 0 || strings.Count(txt, "见第") != notes {
			t.Errorf("%v: %d notes 见第 N 页 printed for %d folded boxes", mode, strings.Count(txt, "见第"), notes)
		}
	}
}

// boxRects returns the boxes drawn on a sheet: the stroked and filled
// rectangles (tile bands are filled alone, outlines stroked alone).
func boxRects(s *sheet) []layout.Rect {
	var out []layout.Rect
	for _, m := range s.marks {
		if m.kind == markRect && m.fill != nil && m.stroke.width > 0 {
			out = append(out, layout.Rect{X: m.x, Y: m.y, W: m.w, H: m.h})
		}
	}
	return out
}

// TestTilesKeepOffBoxes tiles @service-group on A4 portrait and checks
// the laid-out sheets: the map's tile outlines stay within the margins,
// its tile names and the tiles' assembly marks cover no box, and no more
// boxes are cut (whole on no tile) than by an even grid.
func TestTilesKeepOffBoxes(t *testing.T) {
	d := mustTemplate(t, "service-group")
	c, err := newComposer(d, Options{Paper: "A4", Mode: Tile})
	if err != nil {
		t.Fatal(err)
	}
	sheets, err := c.chartDocument()
	if err != nil {
		t.Fatal(err)
	}
	views, _ := c.planChart(c.chartFrame())
	tl := views[0].tiles
	if tl == nil || len(sheets) != 1+tl.rows*tl.cols {
		t.Fatalf("%d sheets: want a map and its tiles", len(sheets))
	}
	labels := map[string]bool{}
	for r := range tl.rows {
		for col := range tl.cols {
			labels[tl.label(r, col)] = true
		}
	}
	mp := sheets[0]
	for _, m := range mp.marks {
		if m.kind == markRect && m.stroke.dash == dashed && (m.x < chartMargin-0.01 || m.x+m.w > mp.w-chartMargin+0.01) {
			t.Errorf("a tile outline runs from x %.1f to %.1f, past the margins of a page %.1f wide", m.x, m.x+m.w, mp.w)
		}
		if m.kind != markText || !labels[m.text] {
			continue
		}
		r := layout.Rect{X: m.x, Y: m.y - m.size*0.8, W: c.m.Width(m.text, m.size), H: m.size}
		for _, b := range boxRects(mp) {
			if intersects(r, b) {
				t.Errorf("tile name %s at %v covers a box at %v", m.text, r, b)
			}
		}
	}
	marks := 0
	for i, s := range sheets[1:] {
		for _, m := range s.marks {
			if m.kind != markPath || !m.closed || len(m.pts) != 24 {
				continue
			}
			marks++
			x, y := (m.pts[0].x+m.pts[12].x)/2, m.pts[0].y
			r := layout.Rect{X: x - 2*markRadius, Y: y - 2*markRadius, W: 4 * markRadius, H: 4 * markRadius}
			for _, b := range boxRects(s) {
				if intersects(r, b) {
					t.Errorf("tile %d: an assembly mark at %.0f,%.0f covers a box at %v", i+1, x, y, b)
				}
			}
		}
	}
	if marks == 0 {
		t.Error("no assembly marks")
	}
	// Boxes whole on no tile, with these cuts and with an even grid, for
	// charts and papers of several shapes.
	better := false
	for _, tc := range []struct {
		id, paper string
		landscape bool
	}{{"service-group", "A4", false}, {"service-group", "A4", true}, {"large-service", "A4", false},
		{"large-service", "A3", true}, {"after-sales", "A4", false}, {"property-service", "A4", false}} {
		c, err := newComposer(mustTemplate(t, tc.id), Options{Paper: tc.paper, Landscape: tc.landscape, Mode: Tile})
		if err != nil {
			t.Fatal(err)
		}
		views, _ := c.planChart(c.chartFrame())
		tl := views[0].tiles
		if tl == nil {
			continue
		}
		cut := func(win func(r, c int) layout.Rect) int {
			n := 0
			for _, b := range views[0].ch.Boxes {
				whole := false
				for r := range tl.rows {
					for col := range tl.cols {
						w := win(r, col)
						whole = whole || (b.Rect.X >= w.X-1e-6 && b.Rect.X+b.Rect.W <= w.X+w.W+1e-6 && b.Rect.Y >= w.Y-1e-6 && b.Rect.Y+b.Rect.H <= w.Y+w.H+1e-6)
					}
				}
				if !whole {
					n++
				}
			}
			return n
		}
		stepX, stepY := tl.winW-tileOverlap/tl.k, tl.winH-tileOverlap/tl.k
		bb := views[0].ch.Bounds
		x0 := bb.X - (tl.winW+float64(tl.cols-1)*stepX-bb.W)/2
		y0 := bb.Y - (tl.winH+float64(tl.rows-1)*stepY-bb.H)/2
		even := cut(func(r, col int) layout.Rect {
			return layout.Rect{X: x0 + float64(col)*stepX, Y: y0 + float64(r)*stepY, W: tl.winW, H: tl.winH}
		})
		got := cut(tl.window)
		if got > even {
			t.Errorf("%s on %s: %d boxes cut, an even grid cuts %d", tc.id, tc.paper, got, even)
		}
		better = better || got < even
		t.Logf("%s on %s landscape=%v: %d×%d tiles, %d boxes cut, an even grid cuts %d", tc.id, tc.paper, tc.landscape, tl.rows, tl.cols, got, even)
	}
	if !better {
		t.Error("no chart is cut better than by an even grid")
	}
}
