package pdf

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"orgdraft/domain"
	"orgdraft/domain/layout"
	"orgdraft/ui/chart"
)

// How the chart is put on pages: at one scale on one page (fit), across
// several pages at full size (tiles, with a map page), or as an overview
// plus a page per top-level unit (split), each of which is fitted or tiled.

// Chart placement constants, in points on paper.
const (
	maxScale    = 1.4 // a small chart is enlarged at most this much
	tileOverlap = 18  // paper shared by neighbouring tiles
	tileMargin  = 18  // room around a tile for the neighbours' labels
	captionH    = 18  // the caption strip above a view
	markRadius  = 4   // assembly mark circle
	chartMargin = 36  // margins of the chart PDF's pages
	headerH     = 16  // running header of the chart PDF's later pages
)

// frame says where charts go on the pages of one PDF.
type frame struct {
	upright paper // the paper, portrait
	// turn picks each view's orientation from the chart's shape (the
	// book); otherwise every page is landscape or not as fixed.
	turn      bool
	landscape bool
	// first and rest return the rectangle a view may fill on the first
	// chart page and on the others, for a page of the given size.
	first, rest func(p paper) layout.Rect
}

func (fr frame) paper(landscape bool) paper {
	if landscape {
		return paper{fr.upright.h, fr.upright.w}
	}
	return fr.upright
}

// orientations returns the orientations a view may take.
func (fr frame) orientations() []bool {
	if fr.turn {
		return []bool{false, true}
	}
	return []bool{fr.landscape}
}

// view is one page's worth of chart.
type view struct {
	ch      *chart.Chart
	page    paper
	area    layout.Rect // where on the page the view draws, caption included
	caption string
	k       float64     // scale from chart points to paper points
	win     layout.Rect // the chart window shown, in chart points
	tile    *tileAt     // set when the view is one tile of a tiling
	tiles   *tiling     // set when the view is the map of a tiling
	// root is the box whose page this view begins in split mode: a
	// folded box elsewhere names the page it continues on.
	root domain.NodeID
	// join puts the view on the page of the one before it: split mode
	// packs small units onto a page.
	join bool
	// pageOf gives the page index (among the views' pages) where a folded
	// box continues, for the note 见第 N 页 beside it.
	pageOf map[domain.NodeID]int
}

// content returns the part of a view's area left for the chart under its
// caption.
func content(area layout.Rect, caption string) layout.Rect {
	if caption != "" {
		area.Y += captionH
		area.H -= captionH
	}
	return area
}

// smallestText returns the smallest font size in the chart.
func smallestText(ch *chart.Chart) float64 {
	s := math.Inf(1)
	for _, b := range ch.Boxes {
		for _, l := range b.Lines {
			s = min(s, l.Size)
		}
	}
	return s
}

// fit returns the chart on one page at the largest scale that fits (at
// most maxScale), trying each allowed orientation, and whether its text is
// still at least MinTextSize.
func (c *composer) fit(ch *chart.Chart, fr frame, first bool, caption string) (view, bool) {
	var best view
	for _, land := range fr.orientations() {
		p := fr.paper(land)
		area := fr.rest(p)
		if first {
			area = fr.first(p)
		}
		if v := fitIn(ch, p, area, caption); best.ch == nil || v.k > best.k {
			best = v
		}
	}
	return best, len(ch.Boxes) == 0 || best.k*smallestText(ch) >= MinTextSize-1e-9
}

// fitIn scales the chart to fit the area of page p under the caption,
// centred.
func fitIn(ch *chart.Chart, p paper, area layout.Rect, caption string) view {
	r := content(area, caption)
	b := ch.Bounds
	k := maxScale
	if b.W > 0 {
		k = min(k, r.W/b.W)
	}
	if b.H > 0 {
		k = min(k, r.H/b.H)
	}
	return fitAt(ch, p, area, caption, k)
}

// fitAt shows the chart at scale k centred in the area of page p under
// the caption.
func fitAt(ch *chart.Chart, p paper, area layout.Rect, caption string, k float64) view {
	return fitRectAt(ch, ch.Bounds, p, area, caption, k)
}

// fitBounds is fitIn for the part b of the chart.
func fitBounds(ch *chart.Chart, b layout.Rect, p paper, area layout.Rect, caption string) view {
	r := content(area, caption)
	k := maxScale
	if b.W > 0 {
		k = min(k, r.W/b.W)
	}
	if b.H > 0 {
		k = min(k, r.H/b.H)
	}
	return fitRectAt(ch, b, p, area, caption, k)
}

// fitRectAt shows the part b of the chart at scale k centred in the area
// of page p under the caption.
func fitRectAt(ch *chart.Chart, b layout.Rect, p paper, area layout.Rect, caption string, k float64) view {
	r := content(area, caption)
	win := layout.Rect{X: b.X - (r.W/k-b.W)/2, Y: b.Y - (r.H/k-b.H)/2, W: r.W / k, H: r.H / k}
	return view{ch: ch, page: p, area: area, caption: caption, k: k, win: win}
}

// tile cuts the chart into full-size tiles and returns a map page, the
// whole chart in small with the grid over it, followed by the tiles. A
// chart that needs only one tile gets one page and no map.
func (c *composer) tile(ch *chart.Chart, fr frame, first bool, name string) []view {
	var best tiling
	var bestPage paper
	for _, land := range fr.orientations() {
		p := fr.paper(land)
		t := grid(ch, tileContent(fr.rest(p)), 1)
		if best.rows == 0 || t.rows*t.cols < best.rows*best.cols {
			best, bestPage = t, p
		}
	}
	t, p := &best, bestPage
	if t.rows*t.cols == 1 {
		v, _ := c.fit(ch, fr, first, name)
		return []view{v}
	}
	mapArea := fr.rest(p)
	if first {
		mapArea = fr.first(p)
	}
	// The map shows what the tiles cover, which is more than the chart,
	// so that the outlines of the outer tiles stay on the page.
	mv := fitBounds(ch, t.cover(), p, mapArea, prefix(name)+fmt.Sprintf(c.pick("拼接示意图：共 %d 行 × %d 列，%d 页，按十字标记对齐拼贴",
		"Assembly map: %d × %d tiles (rows × columns), %d pages; align the cross marks"), t.rows, t.cols, t.rows*t.cols))
	mv.tiles = t
	views := []view{mv}
	area := fr.rest(p)
	for r := range t.rows {
		for col := range t.cols {
			views = append(views, view{
				ch: ch, page: p, area: area, k: t.k, win: t.window(r, col), tile: &tileAt{t: t, r: r, c: col},
				caption: prefix(name) + fmt.Sprintf(c.pick("拼接图 %s（第 %d 行，第 %d 列；共 %d 行 × %d 列）",
					"Tile %s (row %d, column %d of %d × %d)"), t.label(r, col), r+1, col+1, t.rows, t.cols),
			})
		}
	}
	return views
}

// prefix returns name followed by a separator, or "" for the whole chart.
func prefix(name string) string {
	if name == "" {
		return ""
	}
	return name + " · "
}

// splitPoints returns the boxes under root (0 for the whole document) that
// get pages of their own in split mode: going down from root while a level
// holds a single box with children, the boxes with children on the first
// level that has several (or none). A collapsed box counts as having none.
func splitPoints(d *domain.Document, root domain.NodeID) []domain.NodeID {
	level := d.Roots()
	if root != 0 {
		level = []domain.NodeID{root}
	}
	for {
		var parents []domain.NodeID
		for _, id := range level {
			if n := d.Node(id); len(n.Children()) > 0 && !n.Collapsed {
				parents = append(parents, id)
			}
		}
		if len(parents) != 1 {
			return parents
		}
		level = d.ChildIDs(parents[0])
	}
}

// planChart lays the document's whole chart out on pages as the options
// ask.
func (c *composer) planChart(fr frame) ([]view, error) { return c.planChartOf(fr, 0) }

// planChartOf lays the chart of root's subtree (0: the whole chart) out
// on pages as the options ask: the book's chapter per unit draws the
// unit's own chart.
func (c *composer) planChartOf(fr frame, root domain.NodeID) ([]view, error) {
	opt := chart.OptionsFor(c.d)
	opt.Root = root
	opt.English = c.o.Language == domain.English
	ch, err := chart.Build(c.d, opt)
	if err != nil {
		return nil, err
	}
	switch c.o.Mode {
	case Tile:
		return c.tile(ch, fr, true, ""), nil
	case Fit:
		if v, ok := c.fit(ch, fr, true, ""); ok {
			return []view{v}, nil
		}
		c.warn(c.say("图表在一页%s纸上字号将小于 %d 磅，已改为分页打印：按部门分块，小部门同页排列，部门过大时拼接",
			"On one %s page the chart's text would be smaller than %d points, so it is printed on several pages: unit by unit, small units sharing a page, tiled where a unit is too large"),
			c.paperName(), MinTextSize)
	default:
		if len(splitPoints(c.d, root)) == 0 && len(ch.Boxes) > 0 {
			c.warn("%s", c.say("图表没有可以单独成页的下级部门，已整体打印", "The chart has no units below the top to print on pages of their own, so it is printed whole"))
		}
	}
	sp := splitter{c: c, fr: fr, opt: opt, work: c.d.Clone()}
	views, err := sp.split(root, ch, true, "", c.o.Mode == Split)
	if err != nil {
		return nil, err
	}
	return c.pack(views, fr), nil
}

// splitter cuts a chart into an overview and a page per unit, again and
// again down the tree until every page is legible; only a part that
// cannot be split further is tiled.
type splitter struct {
	c    *composer
	fr   frame
	opt  chart.Options
	work *domain.Document // a copy whose boxes are folded for overviews
}

// split returns the pages for root's subtree, whose chart is ch: an
// overview with the split points folded, then each folded point on a page
// of its own or split further.
//
// With all set, every split point is folded, as the user asked for a
// page per unit. Otherwise the smallest points are unfolded again while
// the overview stays legible, so that a part small enough to show in the
// overview does not take a page of its own.
func (sp *splitter) split(root domain.NodeID, ch *chart.Chart, first bool, name string, all bool) ([]view, error) {
	c := sp.c
	if !all {
		if v, ok := c.fit(ch, sp.fr, first, name); ok {
			return []view{v}, nil
		}
	}
	points := splitPoints(sp.work, root)
	if len(points) == 0 {
		return c.place(ch, sp.fr, first, name), nil
	}
	caption := c.pick("总览", "Overview")
	if root != 0 {
		caption = name + c.inParens(c.pick("总览", "overview"))
	}
	over, err := sp.build(root, points)
	if err != nil {
		return nil, err
	}
	folded := points
	if !all {
		for _, p := range sp.bySize(points) {
			rest := slices.DeleteFunc(slices.Clone(folded), func(q domain.NodeID) bool { return q == p })
			try, err := sp.build(root, rest)
			if err != nil {
				return nil, err
			}
			if _, ok := c.fit(try, sp.fr, first, caption); ok {
				folded, over = rest, try
			}
		}
	}
	views := c.place(over, sp.fr, first, caption)
	for _, p := range folded {
		sp.opt.Root = p
		sub, err := chart.Build(sp.work, sp.opt)
		if err != nil {
			return nil, err
		}
		more, err := sp.split(p, sub, false, sp.work.Node(p).Name, false)
		if err != nil {
			return nil, err
		}
		more[0].root = p
		views = append(views, more...)
	}
	return views, nil
}

// bySize returns the points ordered by the size of their subtrees,
// smallest first.
func (sp *splitter) bySize(points []domain.NodeID) []domain.NodeID {
	size := map[domain.NodeID]int{}
	for _, p := range points {
		sp.work.WalkSubtree(p, func(*domain.Node) bool { size[p]++; return true })
	}
	out := slices.Clone(points)
	slices.SortStableFunc(out, func(a, b domain.NodeID) int { return size[a] - size[b] })
	return out
}

// place fits a chart on one page when its text stays legible there, and
// tiles it otherwise.
func (c *composer) place(ch *chart.Chart, fr frame, first bool, name string) []view {
	if v, ok := c.fit(ch, fr, first, name); ok {
		return []view{v}
	}
	return c.tile(ch, fr, first, name)
}

// build returns the chart of root's subtree with the points folded.
//
// A folded box stands for a whole unit, not a leaf: its family is drawn
// in a row, as an org chart, rather than stacked in a compact column with
// the leaf positions.
func (sp *splitter) build(root domain.NodeID, points []domain.NodeID) (*chart.Chart, error) {
	leaves := map[domain.NodeID]domain.Leaves{}
	for _, p := range points {
		if up := sp.work.Node(p).Parent; up != 0 {
			leaves[up] = sp.work.Node(up).Leaves
		}
	}
	fold := func(v bool) error {
		for _, p := range points {
			if _, err := domain.SetCollapsed(p, v).Do(sp.work); err != nil {
				return err
			}
		}
		for up, was := range leaves {
			to := domain.LeavesRow
			if !v {
				to = was
			}
			if _, err := domain.SetLeaves(up, to).Do(sp.work); err != nil {
				return err
			}
		}
		return nil
	}
	if err := fold(true); err != nil {
		return nil, err
	}
	sp.opt.Root = root
	ch, err := chart.Build(sp.work, sp.opt)
	if err := errors.Join(err, fold(false)); err != nil {
		return nil, err
	}
	return ch, nil
}

// paperName is the paper's name for messages.
func (c *composer) paperName() string {
	if c.o.Paper == "" {
		return "A4"
	}
	return strings.ToUpper(c.o.Paper)
}

// drawView draws a view in its area: the caption, then the chart fitted,
// tiled or as a tile map.
func (c *composer) drawView(s *sheet, v view) {
	if v.caption != "" {
		c.textIn(s, v.area.X, v.area.W, v.area.Y+captionH-6, fH3, alignLeft, v.caption)
	}
	r := content(v.area, v.caption)
	if len(v.ch.Boxes) == 0 {
		c.textIn(s, r.X, r.W, r.Y+r.H/2, fBody, alignCenter, c.pick("（空白图表：尚未添加部门或岗位）", "(An empty chart: no units or positions yet.)"))
		return
	}
	switch {
	case v.tile != nil:
		c.drawTile(s, v)
	case v.tiles != nil:
		c.drawChart(s, v.ch, v.win, v.k, r.X, r.Y, false)
		c.drawTileMap(s, v, r)
	default:
		c.drawChart(s, v.ch, v.win, v.k, r.X, r.Y, true)
		c.noteFolded(s, v, r.X, r.Y)
	}
}

func contains(r layout.Rect, p layout.Point) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

// circle returns a polygon close enough to a circle at print sizes.
func circle(x, y, rad float64) []pt {
	const n = 24
	p := make([]pt, n)
	for i := range p {
		a := 2 * math.Pi * float64(i) / n
		p[i] = pt{x + rad*math.Cos(a), y + rad*math.Sin(a)}
	}
	return p
}

// intersects reports whether two rectangles overlap.
func intersects(a, b layout.Rect) bool {
	return a.X <= b.X+b.W && b.X <= a.X+a.W && a.Y <= b.Y+b.H && b.Y <= a.Y+a.H
}

// drawChart draws the boxes and lines of ch that meet the chart window
// win, scaled by k, with win's top-left corner at (px, py) on the page.
// Without text it draws a thumbnail: outlines only.
func (c *composer) drawChart(s *sheet, ch *chart.Chart, win layout.Rect, k, px, py float64, withText bool) {
	at := func(x, y float64) (float64, float64) { return px + (x-win.X)*k, py + (y-win.Y)*k }
	lw := math.Max(0.4, 0.8*min(k, 1))
	for _, l := range ch.Lines {
		if len(l.Points) < 2 || !intersects(win, bounds(l.Points)) {
			continue
		}
		p := make([]pt, len(l.Points))
		for i, q := range l.Points {
			p[i].x, p[i].y = at(q.X, q.Y)
		}
		st := pen{width: lw, color: lineColor}
		if l.Dotted {
			st.dash = dotted
			st.width = lw * 1.4
		}
		s.path(p, false, st, nil)
	}
	for i := range ch.Boxes {
		b := &ch.Boxes[i]
		if !intersects(win, b.Rect) {
			continue
		}
		x, y := at(b.Rect.X, b.Rect.Y)
		c.drawBox(s, b, x, y, k, withText)
	}
}

// bounds returns the smallest rectangle holding the points.
func bounds(ps []layout.Point) layout.Rect {
	x0, y0, x1, y1 := ps[0].X, ps[0].Y, ps[0].X, ps[0].Y
	for _, p := range ps[1:] {
		x0, y0, x1, y1 = min(x0, p.X), min(y0, p.Y), max(x1, p.X), max(y1, p.Y)
	}
	return layout.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// drawBox draws one box at page point (x, y) scaled by k. Units are tinted
// with a blue border; positions are white, heads with a heavier border;
// assistants have rounded corners; a vacancy has a red dashed outline; a
// concurrent (兼) position has a folded corner.
func (c *composer) drawBox(s *sheet, b *chart.Box, x, y, k float64, withText bool) {
	w, h := b.Rect.W*k, b.Rect.H*k
	lw := math.Max(0.4, 0.8*min(k, 1))
	st := pen{width: lw, color: ink}
	fill := &white
	switch {
	case b.Kind == domain.KindUnit:
		st.color, fill = unitLine, &unitTint
	case b.Head:
		st.width = lw * 1.8
	}
	if b.Vacant {
		st.color, st.dash = vacantRed, dashed
	}
	if b.Kind == domain.KindAssistant {
		s.roundRect(x, y, w, h, min(6*k, w/4, h/4), st, fill)
	} else {
		s.rect(x, y, w, h, st, fill)
	}
	if b.Concurrent {
		d := min(10*k, h/3)
		s.path([]pt{{x + w - d, y}, {x + w, y}, {x + w, y + d}}, true, pen{}, &lineColor)
	}
	if !withText {
		return
	}
	for _, l := range b.Lines {
		f := font{size: l.Size * k, color: ink, bold: l.Name && b.Kind == domain.KindUnit}
		c.text(s, x+l.X*k, y+l.Y*k, f, l.Text)
	}
}
