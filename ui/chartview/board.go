package chartview

import (
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/ui/chart"
	"orgdraft/ui/measure"
)

// board is the drawing surface inside the scroll container: as large as
// the chart at the current zoom, but holding canvas objects only for what
// is on the screen. It receives the pointer and keyboard events (input.go).
type board struct {
	widget.BaseWidget
	v *View
	r *boardRenderer // set once the renderer exists

	// markVacancies draws positions with fewer people in post than
	// planned in orange, with a legend (View.SetMarkVacancies).
	markVacancies bool
	// marks paints the boxes of a comparison (marks.go).
	marks map[domain.NodeID]Mark
}

// SetMarkVacancies turns the marking of vacancies on or off. When it is
// on, every position with fewer people in post (在岗) than planned (编制)
// is drawn in orange, and a legend in the view's bottom-right corner says
// what the colours mean. It is off in a new view. It is a way of looking
// at the chart, like the zoom: it changes neither the document nor the
// printed chart, whose own legend explains its vacancy marks.
func (v *View) SetMarkVacancies(on bool) {
	if v.board.markVacancies == on {
		return
	}
	v.board.markVacancies = on
	v.board.updateView()
}

// MarkVacancies reports whether vacancies are marked (SetMarkVacancies).
func (v *View) MarkVacancies() bool { return v.board.markVacancies }

func newBoard(v *View) *board {
	b := &board{v: v}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer implements fyne.Widget.
func (b *board) CreateRenderer() fyne.WidgetRenderer {
	b.r = newBoardRenderer(b)
	return b.r
}

// updateView brings the drawn objects up to date with the chart, the
// selection, the zoom and the scroll position. Before the board has a
// renderer there is nothing to update.
func (b *board) updateView() {
	if b.r != nil {
		b.r.update()
	}
}

// placeEntry moves the rename entry over its box.
func (b *board) placeEntry() {
	if b.r != nil {
		b.r.placeEntry()
	}
}

// boardRenderer keeps a pool of box objects (boxItem) and of line pieces.
// update assigns them to what is visible: a box that stays in view keeps
// its objects, which are touched only when something about it changed;
// boxes that scroll out give theirs back for re-use.
type boardRenderer struct {
	b     *board
	paper *canvas.Rectangle

	items map[domain.NodeID]*boxItem
	spare []*boxItem
	gen   uint32 // update generation, to find items that left the view

	lines     []*canvas.Line // pool of line pieces; the first used are drawn
	usedLines int

	ghost    ghost        // the box following the pointer during a drag
	linkLine *canvas.Line // from a box to the pointer while choosing a link's target
	legend   legend       // explains the colours while vacancies are marked

	objects []fyne.CanvasObject
}

func newBoardRenderer(b *board) *boardRenderer {
	r := &boardRenderer{
		b:        b,
		paper:    canvas.NewRectangle(paperColor),
		items:    map[domain.NodeID]*boxItem{},
		linkLine: canvas.NewLine(dottedColor),
	}
	r.ghost.frame = canvas.NewRectangle(ghostFill)
	r.ghost.frame.StrokeColor = selectColor
	r.ghost.text = canvas.NewText("", inkColor)
	r.ghost.text.Alignment = fyne.TextAlignCenter
	r.legend = newLegend()
	r.update()
	return r
}

// Layout implements fyne.WidgetRenderer.
func (r *boardRenderer) Layout(size fyne.Size) {
	r.paper.Resize(size)
	r.update()
}

// MinSize implements fyne.WidgetRenderer: the whole chart with its margin.
func (r *boardRenderer) MinSize() fyne.Size { return r.b.v.contentSize() }

// Refresh implements fyne.WidgetRenderer.
func (r *boardRenderer) Refresh() { r.update() }

// Objects implements fyne.WidgetRenderer: only what is on the screen.
func (r *boardRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy implements fyne.WidgetRenderer.
func (r *boardRenderer) Destroy() {}

// view is the visible part of the board, a little enlarged so that a
// small scroll does not immediately need new objects.
type view struct{ x0, y0, x1, y1 float32 }

func (w view) hits(pos fyne.Position, size fyne.Size) bool {
	return pos.X <= w.x1 && pos.X+size.Width >= w.x0 && pos.Y <= w.y1 && pos.Y+size.Height >= w.y0
}

// update makes the object list match what should be drawn now.
func (r *boardRenderer) update() {
	v := r.b.v
	off, size := v.viewport()
	const slack = 48
	w := view{off.X - slack, off.Y - slack, off.X + size.Width + slack, off.Y + size.Height + slack}

	before := len(r.objects)
	r.objects = append(r.objects[:0], r.paper)
	r.updateLines(w)
	for _, l := range r.lines[:r.usedLines] {
		r.objects = append(r.objects, l)
	}

	r.gen++
	changed := false
	pix := r.pixelScale()
	// The drop target is drawn above the drag ghost, so that its name
	// stays readable while the dragged box hovers over it.
	var target []fyne.CanvasObject
	// A box is drawn when it, its outline or its badges (which stick out)
	// touch the view.
	out := selectPad*2 + badgePts*float32(v.scale())
	for i := range v.chart.Boxes {
		b := &v.chart.Boxes[i]
		pos, bsize := v.boardRect(b.Rect)
		if !w.hits(pos.SubtractXY(out, out), bsize.AddWidthHeight(2*out, 2*out)) {
			continue
		}
		it := r.items[b.ID]
		if it == nil {
			it = r.takeItem()
			r.items[b.ID] = it
			changed = true
		}
		it.gen = r.gen
		it.show(v, b, pos, bsize, pix)
		if it.look.drop > 0 {
			target = it.objects
			continue
		}
		r.objects = append(r.objects, it.objects...)
	}
	for id, it := range r.items {
		if it.gen != r.gen {
			delete(r.items, id)
			r.spare = append(r.spare, it)
			changed = true
		}
	}

	if r.ghost.show(v) {
		r.objects = append(r.objects, r.ghost.frame)
		if r.ghost.text.Text != "" {
			r.objects = append(r.objects, r.ghost.text)
		}
	}
	r.objects = append(r.objects, target...)
	if r.b.markVacancies {
		r.objects = r.legend.show(v.chart, off, size, r.objects)
	}
	if r.showLinkLine(v) {
		r.objects = append(r.objects, r.linkLine)
	}
	if v.editing != 0 {
		r.placeEntry()
		r.objects = append(r.objects, v.entry, v.hint)
	}
	if changed || len(r.objects) != before {
		// Objects came or went: have the canvas paint the board again.
		canvas.Refresh(r.paper)
	}
}

// pixelScale is the number of screen pixels per Fyne unit of the window
// showing the board (1 before it is shown).
func (r *boardRenderer) pixelScale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.b); c != nil && c.Scale() > 0 {
		return c.Scale()
	}
	return 1
}

// takeItem returns a spare box item or a new one.
func (r *boardRenderer) takeItem() *boxItem {
	if n := len(r.spare); n > 0 {
		it := r.spare[n-1]
		r.spare = r.spare[:n-1]
		return it
	}
	return newBoxItem()
}

// ---- lines ----

// updateLines draws the visible pieces of every connector: solid lines of
// the tree and dashed dotted-line links, cut to the view.
func (r *boardRenderer) updateLines(w view) {
	v := r.b.v
	s := v.scale()
	width := float32(max(1, lineWidth*s))
	r.usedLines = 0
	for i := range v.chart.Lines {
		ln := &v.chart.Lines[i]
		col := lineColor
		if ln.Dotted {
			col = dottedColor
		}
		for k := 0; k+1 < len(ln.Points); k++ {
			a, b := v.toBoard(ln.Points[k]), v.toBoard(ln.Points[k+1])
			if !w.hits(fyne.NewPos(min(a.X, b.X), min(a.Y, b.Y)), fyne.NewSize(abs32(b.X-a.X), abs32(b.Y-a.Y))) {
				continue
			}
			if !ln.Dotted {
				r.addLine(a, b, col, width)
				continue
			}
			r.addDashes(a, b, w, float32(dashLength*s), float32(dashGap*s), col, width)
		}
	}
}

// addDashes draws the dashes of the segment a–b that fall inside the view.
// They are counted from a, so they do not crawl while the view scrolls.
func (r *boardRenderer) addDashes(a, b fyne.Position, w view, dash, gap float32, col color.Color, width float32) {
	dash, gap = max(dash, 2), max(gap, 2)
	dx, dy := b.X-a.X, b.Y-a.Y
	length := float32(math.Hypot(float64(dx), float64(dy)))
	if length == 0 {
		return
	}
	t0, t1, ok := clipSegment(a, b, w)
	if !ok {
		return
	}
	period := dash + gap
	start := float32(math.Floor(float64(t0*length/period))) * period
	for d := start; d < t1*length; d += period {
		e := min(d+dash, length)
		r.addLine(
			fyne.NewPos(a.X+dx*d/length, a.Y+dy*d/length),
			fyne.NewPos(a.X+dx*e/length, a.Y+dy*e/length), col, width)
	}
}

// clipSegment returns the part [t0, t1] of the segment a + t(b−a) inside
// the view (Liang–Barsky).
func clipSegment(a, b fyne.Position, w view) (t0, t1 float32, ok bool) {
	t0, t1 = 0, 1
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, c := range [4][2]float32{{-dx, a.X - w.x0}, {dx, w.x1 - a.X}, {-dy, a.Y - w.y0}, {dy, w.y1 - a.Y}} {
		p, q := c[0], c[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
	}
	return t0, t1, t0 <= t1
}

// addLine takes the next line piece from the pool and draws a–b with it;
// the piece is refreshed only when it changed.
func (r *boardRenderer) addLine(a, b fyne.Position, col color.Color, width float32) {
	if r.usedLines == len(r.lines) {
		r.lines = append(r.lines, canvas.NewLine(col))
	}
	l := r.lines[r.usedLines]
	r.usedLines++
	if l.Position1 == a && l.Position2 == b && l.StrokeColor == col && l.StrokeWidth == width {
		return
	}
	l.Position1, l.Position2, l.StrokeColor, l.StrokeWidth = a, b, col, width
	l.Refresh()
}

func abs32(f float32) float32 { return float32(math.Abs(float64(f))) }

// showLinkLine draws the line from the box a dotted link starts at to the
// pointer while the user chooses where it goes.
func (r *boardRenderer) showLinkLine(v *View) bool {
	if v.linkFrom == 0 || !v.hovering {
		return false
	}
	b, ok := v.chart.Box(v.linkFrom)
	if !ok {
		return false
	}
	pos, size := v.boardRect(b.Rect)
	from := pos.AddXY(size.Width/2, size.Height/2)
	if r.linkLine.Position1 != from || r.linkLine.Position2 != v.pointer {
		r.linkLine.Position1, r.linkLine.Position2 = from, v.pointer
		r.linkLine.StrokeWidth = 1.5
		r.linkLine.Refresh()
	}
	return true
}

// placeEntry puts the rename entry over the box being renamed, with the
// hint under it. The entry is as wide as the box, the name and a few
// characters more need (whichever is widest), and it is kept inside the
// visible part of the board, so that a box near an edge of the view, or
// one larger than the view at a high zoom, still shows the whole entry.
func (r *boardRenderer) placeEntry() {
	v := r.b.v
	b, ok := v.chart.Box(v.editing)
	if !ok {
		return
	}
	pos, size := v.boardRect(b.Rect)
	off, view := v.viewport()
	esize := v.entry.MinSize()
	esize.Width = max(size.Width+16, entryMinWidth, entryTextWidth(v.entry.Text))
	// Centred over the box, then moved into the view; an entry wider than
	// the view starts at its left edge (its text scrolls inside).
	esize.Width = min(esize.Width, max(view.Width-2*entryInset, entryMinWidth))
	epos := fyne.NewPos(pos.X+size.Width/2-esize.Width/2, pos.Y+size.Height/2-esize.Height/2)
	epos.X = clampInto(epos.X, esize.Width, off.X+entryInset, off.X+view.Width-entryInset)
	epos.Y = clampInto(epos.Y, esize.Height, off.Y+entryInset, off.Y+view.Height-entryInset)
	if v.entry.Position() != epos || v.entry.Size() != esize {
		v.entry.Move(epos)
		v.entry.Resize(esize)
	}
	hsize := v.hint.MinSize()
	hpos := fyne.NewPos(epos.X, epos.Y+esize.Height+2)
	if hpos.Y+hsize.Height > off.Y+view.Height {
		hpos.Y = epos.Y - hsize.Height - 2 // no room below: above the entry
	}
	v.hint.Move(hpos)
	v.hint.Resize(hsize)
}

// Sizes of the rename entry, in screen units.
const (
	entryMinWidth = 160 // room for a few characters even over a small box
	entryInset    = 4   // space kept between the entry and the view's edge
)

// entryTextWidth is the width an entry needs to show text whole: the
// text in the theme's font plus the entry's inner padding on both sides
// and room for the cursor.
func entryTextWidth(text string) float32 {
	w := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width
	return w + 4*theme.InnerPadding() + theme.InputBorderSize()*2 + 4
}

// clampInto moves a span of the given length starting at start so that it
// lies within [lo, hi]; a span longer than that starts at lo.
func clampInto(start, length, lo, hi float32) float32 {
	return max(lo, min(start, hi-length))
}

// ---- one box ----

// boxLook is everything that decides how a box is drawn; a box is redrawn
// only when its look changes.
type boxLook struct {
	pos        fyne.Position
	size       fyne.Size
	scale      float32
	pix        float32 // screen pixels per unit, which rounds the text size
	kind       domain.Kind
	head       bool
	concurrent bool
	vacant     bool
	hidden     int
	parent     bool // has children (shows a fold button when selected)
	ltr        bool
	selected   int // 0 no, 1 yes, 2 primary
	drop       int // 0 not a drop target, 1 allowed, 2 refused
	dragged    bool
	mark       Mark // of a comparison (marks.go)
}

// boxItem is the canvas objects of one visible box.
type boxItem struct {
	gen   uint32
	look  boxLook
	lines []measure.PlacedLine

	frame     *canvas.Rectangle
	header    *canvas.Rectangle // units: the band behind the name
	texts     []*canvas.Text
	badge     *canvas.Circle // 兼
	badgeText *canvas.Text
	fold      *canvas.Circle // the +/− button of a box with children
	foldText  *canvas.Text
	outline   *canvas.Rectangle // selection or drop target
	dashes    []*canvas.Line    // the border of a removed box's ghost (marks.go)

	objects []fyne.CanvasObject
}

func newBoxItem() *boxItem {
	it := &boxItem{
		frame:     canvas.NewRectangle(positionFill),
		header:    canvas.NewRectangle(unitHeader),
		badge:     canvas.NewCircle(concurrentBg),
		badgeText: canvas.NewText("兼", badgeText),
		fold:      canvas.NewCircle(foldFill),
		foldText:  canvas.NewText("+", inkColor),
		outline:   canvas.NewRectangle(transparent),
	}
	it.badgeText.Alignment = fyne.TextAlignCenter
	it.foldText.Alignment = fyne.TextAlignCenter
	it.look.selected = -1 // differs from any real look: the first show draws
	return it
}

// lookOf computes how box b should look now.
func lookOf(v *View, b *chart.Box, pos fyne.Position, size fyne.Size) boxLook {
	l := boxLook{
		pos: pos, size: size, scale: float32(v.scale()),
		kind: b.Kind, head: b.Head, concurrent: b.Concurrent, hidden: b.Hidden,
		vacant: b.Vacant && v.board.markVacancies,
		ltr:    v.doc != nil && v.doc.Info.Page.LeftToRight,
		mark:   v.board.marks[b.ID],
	}
	if n := v.doc.Node(b.ID); n != nil {
		l.parent = len(n.Children()) > 0
	}
	if i := slices.Index(v.sel, b.ID); i == 0 {
		l.selected = 2
	} else if i > 0 {
		l.selected = 1
	}
	if v.drag.kind == dragBox {
		if v.drag.target == b.ID {
			l.drop = 1
			if v.drag.refused {
				l.drop = 2
			}
		}
		l.dragged = slices.Contains(v.drag.ids, b.ID)
	}
	return l
}

// show draws box b at pos (board coordinates) if anything about it
// changed since it was last drawn.
func (it *boxItem) show(v *View, b *chart.Box, pos fyne.Position, size fyne.Size, pix float32) {
	look := lookOf(v, b, pos, size)
	look.pix = pix
	if look == it.look && slices.Equal(b.Lines, it.lines) {
		return
	}
	it.look, it.lines = look, b.Lines
	s := look.scale
	it.objects = it.objects[:0]

	fill, edge := boxColours(b.Kind, look.vacant)
	stroke := max(1, edgeWidth*s)
	if b.Head {
		stroke = max(2, headWidth*s)
	}
	it.frame.FillColor, it.frame.StrokeColor, it.frame.StrokeWidth = fill, edge, stroke
	it.frame.CornerRadius = 0
	if b.Kind == domain.KindAssistant {
		it.frame.CornerRadius = cornerPts * s
	}
	if look.dragged {
		// The box stays in place, faded, while its ghost follows the pointer.
		it.frame.FillColor = fade(fill)
	}
	it.markLook(look.mark, stroke)
	it.frame.Move(pos)
	it.frame.Resize(size)
	it.frame.Refresh()
	it.objects = append(it.objects, it.frame)

	if b.Kind == domain.KindUnit {
		if h := nameHeight(b.Lines); h > 0 {
			// The band ends half way between the name and the first
			// detail line.
			bottom := float32(h+measure.DefaultBoxStyle().LineGap/2) * s
			it.header.Move(pos.AddXY(stroke, stroke))
			it.header.Resize(fyne.NewSize(size.Width-2*stroke, min(bottom, size.Height)-2*stroke))
			it.header.Refresh()
			it.objects = append(it.objects, it.header)
		}
	}

	it.showTexts(b.Lines, pos, s, pix)
	it.objects = it.markObjects(look.mark, pos, size, it.objects)

	badge := badgePts * s
	if b.Concurrent && badge >= 6 {
		it.badgeText.Text = concurrentMark(v.english)
		it.badge.Move(pos.AddXY(size.Width-badge*0.75, -badge*0.25))
		it.badge.Resize(fyne.NewSize(badge, badge))
		it.badge.Refresh()
		placeText(it.badgeText, it.badge.Position(), fyne.NewSize(badge, badge), badgeFont*s)
		it.objects = append(it.objects, it.badge, it.badgeText)
	}
	if fpos, ok := foldButton(look); ok {
		it.fold.StrokeColor, it.fold.StrokeWidth = edge, max(1, edgeWidth*s)
		it.fold.Move(fpos)
		it.fold.Resize(fyne.NewSize(badge, badge))
		it.fold.Refresh()
		it.foldText.Text = "−"
		if b.Hidden > 0 {
			it.foldText.Text = "+"
		}
		placeText(it.foldText, fpos, fyne.NewSize(badge, badge), badgePts*0.9*s)
		it.objects = append(it.objects, it.fold, it.foldText)
	}

	if look.selected > 0 || look.drop > 0 {
		col, width, pad := selectColor, float32(1.5), float32(selectPad)
		fillCol := color.Color(transparent)
		if look.selected == 2 {
			width = 2.5
		}
		switch look.drop {
		case 1:
			col, fillCol, width, pad = dropOKColor, dropOKFill, 3, selectPad+1
		case 2:
			col, fillCol, width, pad = dropBadColor, dropBadFill, 3, selectPad+1
		}
		it.outline.StrokeColor, it.outline.FillColor, it.outline.StrokeWidth = col, fillCol, width
		it.outline.CornerRadius = it.frame.CornerRadius
		it.outline.Move(pos.SubtractXY(pad, pad))
		it.outline.Resize(size.AddWidthHeight(2*pad, 2*pad))
		it.outline.Refresh()
		it.objects = append(it.objects, it.outline)
	}
}

// showTexts sets one text object per line, at the place the layout gave
// it. Text too small to read is left out: it would only cost time.
func (it *boxItem) showTexts(lines []measure.PlacedLine, pos fyne.Position, s, pix float32) {
	n := 0
	for _, pl := range lines {
		size := float32(pl.Size) * s
		if size < minTextSize {
			continue
		}
		drawn := fitTextSize(size, pix)
		if n == len(it.texts) {
			it.texts = append(it.texts, canvas.NewText("", inkColor))
		}
		t := it.texts[n]
		n++
		t.Text, t.TextSize = pl.Text, drawn
		t.Color = inkColor
		if !pl.Name {
			t.Color = detailColor
		}
		// Centre the text over the width the measurer gave it, with its
		// baseline where the PDF has it.
		t.Alignment = fyne.TextAlignCenter
		base := float32(pl.Top)*s + baseline(size) - baseline(drawn)
		t.Move(pos.AddXY(float32(pl.X)*s, base))
		t.Resize(fyne.NewSize(float32(pl.W)*s, lineHeight(size)))
		t.Refresh()
		it.objects = append(it.objects, t)
	}
}

// fitTextSize returns the text size at which Fyne draws a line no wider
// than the measurer measured it at size (both in units), pix being the
// window's pixels per unit. Fyne sets text at a whole number of pixels,
// rounding the size up (13.33 units draw as 14, about 5 % wider than the
// PDF's 13.33), which eats into the box's padding. Rounding down instead
// keeps every line inside the width the box was made for.
func fitTextSize(size, pix float32) float32 {
	if pix <= 0 {
		pix = 1
	}
	return max(1, float32(math.Floor(float64(size*pix)+1e-3))) / pix
}

// placeText centres a one-line text in a square.
func placeText(t *canvas.Text, pos fyne.Position, size fyne.Size, textSize float32) {
	t.TextSize = textSize
	h := lineHeight(textSize)
	t.Move(pos.AddXY(0, (size.Height-h)/2))
	t.Resize(fyne.NewSize(size.Width, h))
	t.Refresh()
}

// lineHeight is the height of a line of text of the given size, from the
// one measurer (asking Fyne would measure the text, which costs more and
// says the same for the bundled font).
func lineHeight(size float32) float32 {
	return float32(measure.Default().LineHeight(float64(size)))
}

// baseline is the distance from the top of a line of text of the given
// size to its baseline, from the one measurer.
func baseline(size float32) float32 {
	return float32(measure.Default().Baseline(float64(size)))
}

// nameHeight is the height of the name lines from the box's top, in points.
func nameHeight(lines []measure.PlacedLine) float64 {
	h := 0.0
	for _, l := range lines {
		if l.Name {
			h = l.Top + measure.Default().LineHeight(l.Size)
		}
	}
	return h
}

// foldButton says where the fold button of a box goes (by the edge facing
// its children) and whether it is shown: always on a collapsed box, on a
// selected box with children so that it can be folded by a click.
func foldButton(l boxLook) (fyne.Position, bool) {
	if !(l.hidden > 0 || (l.parent && l.selected > 0)) {
		return fyne.Position{}, false
	}
	d := badgePts * l.scale
	if d < 6 {
		return fyne.Position{}, false
	}
	// Just outside the edge, so it covers no text; the line to the
	// children runs under it.
	if l.ltr {
		return l.pos.AddXY(l.size.Width+1, l.size.Height/2-d/2), true
	}
	return l.pos.AddXY(l.size.Width/2-d/2, l.size.Height+1), true
}

// fade makes a colour half transparent.
func fade(c color.NRGBA) color.NRGBA {
	c.A /= 2
	return c
}

// ---- the drag ghost ----

// ghost is a see-through copy of the dragged box's outline and name that
// follows the pointer. Over a drop target it is only an outline: the
// target is drawn above it and its name, not the ghost's, is what the
// user reads there.
type ghost struct {
	frame *canvas.Rectangle
	text  *canvas.Text
}

// show places the ghost; it reports whether a box is being dragged.
func (g *ghost) show(v *View) bool {
	if v.drag.kind != dragBox || !v.drag.moved {
		return false
	}
	b, ok := v.chart.Box(v.drag.id)
	if !ok {
		return false
	}
	pos, size := v.boardRect(b.Rect)
	pos = pos.Add(v.drag.delta())
	s := float32(v.scale())
	if g.frame.Position() != pos || g.frame.Size() != size {
		g.frame.StrokeWidth = 1.5
		g.frame.Move(pos)
		g.frame.Resize(size)
		g.frame.Refresh()
	}
	name := ""
	if len(b.Lines) > 0 && v.drag.target == 0 {
		name = b.Lines[0].Text
		if len(v.drag.ids) > 1 {
			name += " …"
		}
	}
	size10 := float32(measure.DefaultBoxStyle().NameSize) * s
	if size10 < minTextSize {
		name = ""
	}
	tpos := pos.AddXY(0, max(0, (size.Height-size10*1.2)/2))
	if g.text.Text != name || g.text.Position() != tpos || g.text.TextSize != size10 {
		g.text.Text, g.text.TextSize = name, size10
		g.text.Move(tpos)
		g.text.Resize(fyne.NewSize(size.Width, lineHeight(size10)))
		g.text.Refresh()
	}
	return true
}

// boxAt returns the topmost visible box under the board position p,
// skipping those skip says to (the boxes being dragged).
func (v *View) boxAt(p fyne.Position, skip func(domain.NodeID) bool) (domain.NodeID, bool) {
	c := v.toChart(p)
	for i := len(v.chart.Boxes) - 1; i >= 0; i-- {
		b := &v.chart.Boxes[i]
		r := b.Rect
		if c.X >= r.X && c.X <= r.X+r.W && c.Y >= r.Y && c.Y <= r.Y+r.H && (skip == nil || !skip(b.ID)) {
			return b.ID, true
		}
	}
	return 0, false
}

// foldAt returns the box whose fold button is under the board position p.
func (v *View) foldAt(p fyne.Position) (domain.NodeID, bool) {
	for i := len(v.chart.Boxes) - 1; i >= 0; i-- {
		b := &v.chart.Boxes[i]
		pos, size := v.boardRect(b.Rect)
		l := lookOf(v, b, pos, size)
		fpos, ok := foldButton(l)
		d := badgePts * l.scale
		if ok && p.X >= fpos.X && p.X <= fpos.X+d && p.Y >= fpos.Y && p.Y <= fpos.Y+d {
			return b.ID, true
		}
	}
	return 0, false
}

// ---- the legend ----

// legend is the small key in the bottom-right corner of the view that
// says what the box colours mean while vacancies are marked. It lists the
// kinds of box the chart shows, the vacancy last.
type legend struct {
	bg      *canvas.Rectangle
	samples [legendRows]*canvas.Rectangle
	labels  [legendRows]*canvas.Text
}

// The legend's rows and sizes, in screen units (not zoomed: it is part of
// the window, not of the chart).
const (
	legendRows   = 4 // unit, position, assistant, vacancy
	legendSample = 14
	legendText   = 12
	legendPad    = 8
	legendInset  = 10 // from the view's edges, clear of the scroll bars
)

func newLegend() legend {
	lg := legend{bg: canvas.NewRectangle(legendFill)}
	lg.bg.StrokeColor, lg.bg.StrokeWidth, lg.bg.CornerRadius = legendEdge, 1, 4
	for i := range lg.samples {
		lg.samples[i] = canvas.NewRectangle(positionFill)
		lg.samples[i].StrokeWidth = 1
		lg.labels[i] = canvas.NewText("", inkColor)
		lg.labels[i].TextSize = legendText
	}
	return lg
}

// legendEntry is one row: a sample box and what it means.
type legendEntry struct {
	kind   domain.Kind
	vacant bool
	label  string
}

// legendEntries returns the rows for chart c: a row for each kind of box it
// shows, and the vacancy row, which is always there, so the user learns
// what the orange means even before any position is short of people.
func legendEntries(c *chart.Chart) []legendEntry {
	var unit, position, assistant bool
	for i := range c.Boxes {
		switch c.Boxes[i].Kind {
		case domain.KindUnit:
			unit = true
		case domain.KindAssistant:
			assistant = true
		default:
			position = true
		}
	}
	var out []legendEntry
	if unit {
		out = append(out, legendEntry{domain.KindUnit, false, lang.L("Unit")})
	}
	if position {
		out = append(out, legendEntry{domain.KindPosition, false, lang.L("Position")})
	}
	if assistant {
		out = append(out, legendEntry{domain.KindAssistant, false, lang.L("Assistant")})
	}
	return append(out, legendEntry{domain.KindPosition, true, lang.L("Vacancy: fewer in post than planned")})
}

// show places the legend in the bottom-right corner of the visible part
// of the board (off, size) and appends its objects to objs.
func (lg *legend) show(c *chart.Chart, off fyne.Position, size fyne.Size, objs []fyne.CanvasObject) []fyne.CanvasObject {
	rows := legendEntries(c)
	textW := float32(0)
	for i, e := range rows {
		t := lg.labels[i]
		if t.Text != e.label {
			t.Text = e.label
			t.Refresh()
		}
		textW = max(textW, t.MinSize().Width)
	}
	rowH := float32(legendSample + 6)
	w := legendPad*2 + legendSample + 6 + textW
	h := legendPad*2 + rowH*float32(len(rows)) - 6
	pos := off.AddXY(size.Width-w-legendInset, size.Height-h-legendInset)
	lg.bg.Move(pos)
	lg.bg.Resize(fyne.NewSize(w, h))
	objs = append(objs, lg.bg)
	for i, e := range rows {
		y := pos.Y + legendPad + rowH*float32(i)
		fill, edge := boxColours(e.kind, e.vacant)
		sm := lg.samples[i]
		if sm.FillColor != fill || sm.StrokeColor != edge {
			sm.FillColor, sm.StrokeColor = fill, edge
			sm.Refresh()
		}
		sm.Move(fyne.NewPos(pos.X+legendPad, y))
		sm.Resize(fyne.NewSize(legendSample, legendSample))
		t := lg.labels[i]
		t.Move(fyne.NewPos(pos.X+legendPad+legendSample+6, y+(legendSample-t.MinSize().Height)/2))
		t.Resize(t.MinSize())
		objs = append(objs, sm, t)
	}
	return objs
}
