package pdf

import (
	"fmt"
	"math"
	"slices"

	"orgdraft/domain"
	"orgdraft/domain/layout"
)

// Split mode gives every unit a chart of its own. Printed one to a page,
// small units leave pages nearly empty and each page has its own text
// size. pack puts them at one scale, the smallest any of them needs, and
// shelves them onto as few pages as hold them, left to right in rows,
// each page's rows centred on it. Tiles keep their pages.

// Gaps between charts packed on one page, in points.
const (
	packGapX = 28
	packGapY = 24
)

// pack returns the views at one scale with the small ones sharing pages,
// and every folded box's page noted (view.pageOf).
func (c *composer) pack(views []view, fr frame) []view {
	k := math.Inf(1)
	for _, v := range views {
		if v.tile == nil && v.tiles == nil && len(v.ch.Boxes) > 0 {
			k = min(k, v.k)
		}
	}
	if math.IsInf(k, 1) || len(views) < 2 {
		return views
	}
	var out, page []view
	flush := func() {
		out = append(out, page...)
		page = nil
	}
	for i, v := range views {
		switch {
		case v.tile != nil || v.tiles != nil:
			flush()
			out = append(out, v)
		case i == 0:
			// The first page, under the title block, keeps its chart
			// alone, at the common scale.
			root := v.root
			v = fitAt(v.ch, v.page, v.area, v.caption, k)
			v.root = root
			out = append(out, v)
		default:
			if len(page) > 0 {
				if placed, ok := c.shelve(append(page, v), page[0].page, fr.rest(page[0].page), k); ok {
					page = placed
					continue
				}
				flush()
			}
			// A chart that fitted its own page fits it alone at a scale
			// no larger. Where pages may turn (the book), a page takes the
			// orientation that holds the most of the charts to come.
			p := c.pageFor(views[i:], fr, k)
			page, _ = c.shelve([]view{v}, p, fr.rest(p), k)
		}
	}
	flush()

	pageOf := map[domain.NodeID]int{}
	n := -1
	for i := range out {
		if !out[i].join {
			n++
		}
		if out[i].root != 0 {
			pageOf[out[i].root] = n
		}
	}
	for i := range out {
		out[i].pageOf = pageOf
	}
	return out
}

// pageFor returns the paper for a page starting with the first of the
// views: its own orientation, or the other where that holds more of the
// views that follow (up to the next tiling) at scale k.
func (c *composer) pageFor(views []view, fr frame, k float64) paper {
	best, most := views[0].page, 0
	for _, land := range fr.orientations() {
		p := fr.paper(land)
		n := 0
		for j := 1; j <= len(views); j++ {
			if v := views[j-1]; v.tile != nil || v.tiles != nil {
				break
			}
			if _, ok := c.shelve(slices.Clone(views[:j]), p, fr.rest(p), k); !ok {
				break
			}
			n = j
		}
		if n > most || (n == most && p == views[0].page) {
			best, most = p, n
		}
	}
	return best
}

// pieceSize returns the paper a chart takes at scale k with its caption.
func (c *composer) pieceSize(v view, k float64) (w, h float64) {
	b := v.ch.Bounds
	w, h = b.W*k, b.H*k
	if v.caption != "" {
		w = max(w, c.m.Width(v.caption, fH3.size)+4)
		h += captionH
	}
	return w, h
}

// shelve places the charts at scale k in rows across area r of page p,
// the rows centred on the page and the block of rows centred in r, and
// reports whether they all fit. The first keeps its page; the others
// join it.
func (c *composer) shelve(pieces []view, p paper, r layout.Rect, k float64) ([]view, bool) {
	type shelf struct {
		from, to int // pieces[from:to]
		w, h     float64
	}
	var rows []shelf
	for i, v := range pieces {
		w, h := c.pieceSize(v, k)
		if n := len(rows); n > 0 && rows[n-1].w+packGapX+w <= r.W+1e-6 {
			rows[n-1].to = i + 1
			rows[n-1].w += packGapX + w
			rows[n-1].h = max(rows[n-1].h, h)
			continue
		}
		rows = append(rows, shelf{from: i, to: i + 1, w: w, h: h})
	}
	total := 0.0
	for i, s := range rows {
		if i > 0 {
			total += packGapY
		}
		total += s.h
		if s.w > r.W+1e-6 {
			return pieces, false
		}
	}
	if total > r.H+1e-6 && len(pieces) > 1 {
		return pieces, false
	}
	out := make([]view, len(pieces))
	y := r.Y + max(0, (r.H-total)/2)
	for _, s := range rows {
		x := r.X + (r.W-s.w)/2
		for i := s.from; i < s.to; i++ {
			v := pieces[i]
			w, h := c.pieceSize(v, k)
			area := layout.Rect{X: x, Y: y, W: w, H: h}
			nv := fitAt(v.ch, p, area, v.caption, k)
			nv.root, nv.join = v.root, i > 0
			out[i] = nv
			x += w + packGapX
		}
		y += s.h + packGapY
	}
	return out, true
}

// sheetsOf groups views by the page they share, in order.
func sheetsOf(views []view) [][]view {
	var out [][]view
	for _, v := range views {
		if v.join && len(out) > 0 {
			out[len(out)-1] = append(out[len(out)-1], v)
			continue
		}
		out = append(out, []view{v})
	}
	return out
}

// pageRef is a note 见第 N 页 waiting for the page numbers, which the book
// knows only once its contents are laid out.
type pageRef struct {
	s    *sheet
	x, y float64 // the centre of the note's baseline
	f    font
	page int // index among the chart's pages
}

// noteFolded notes under every folded box of v the page where it
// continues.
func (c *composer) noteFolded(s *sheet, v view, px, py float64) {
	for i := range v.ch.Boxes {
		b := &v.ch.Boxes[i]
		pg, ok := v.pageOf[b.ID]
		if b.Hidden == 0 || !ok || !intersects(v.win, b.Rect) {
			continue
		}
		size := MinTextSize + 1.0
		if len(b.Lines) > 0 {
			size = max(size, b.Lines[len(b.Lines)-1].Size*v.k)
		}
		f := font{size: size, bold: true, color: unitLine}
		x := px + (b.Rect.X+b.Rect.W/2-v.win.X)*v.k
		y := py + (b.Rect.Y+b.Rect.H-v.win.Y)*v.k + c.lineHeight(f)
		c.refs = append(c.refs, pageRef{s: s, x: x, y: y, f: f, page: pg})
	}
}

// drawRefs prints the notes 见第 N 页, first being the page number of the
// chart's first page.
func (c *composer) drawRefs(first int) {
	for _, r := range c.refs {
		t := fmt.Sprintf(c.pick("见第 %d 页", "see page %d"), first+r.page)
		c.textIn(r.s, r.x-60, 120, r.y, r.f, alignCenter, t)
	}
	c.refs = nil
}
