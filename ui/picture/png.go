package picture

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"orgdraft/assets"
	"orgdraft/domain/layout"
	"orgdraft/ui/chart"
	"orgdraft/ui/measure"
)

// MaxPixels bounds the size of a PNG (width × height): 64 million pixels
// take 256 MB while drawn. A larger chart is better shared as SVG or PDF,
// or at a smaller scale.
const MaxPixels = 64 << 20

// ErrTooLarge is returned (wrapped) when the PNG would exceed MaxPixels.
var ErrTooLarge = errors.New("the picture would be too large")

// bundled is the bundled font, parsed once.
var bundled = sync.OnceValues(func() (*opentype.Font, error) { return opentype.Parse(assets.Font()) })

// PNG writes the chart as a PNG image on white, scale pixels per point:
// 1 for 72 dpi, 2 for slides and chat messages on high-density screens.
func PNG(w io.Writer, c *chart.Chart, scale float64) error {
	img, err := Image(c, scale)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, img)
}

// Image draws the chart on white, scale pixels per point, with the
// bundled font: for the editor to copy to the clipboard or preview.
func Image(c *chart.Chart, scale float64) (*image.RGBA, error) {
	if !(scale > 0) || math.IsInf(scale, 0) {
		return nil, fmt.Errorf("picture: the scale must be positive, not %v", scale)
	}
	w, h := Size(c, scale)
	if float64(w)*float64(h) > MaxPixels {
		return nil, fmt.Errorf("%w: %d × %d pixels at scale %v (at most %d million); use SVG or a smaller scale",
			ErrTooLarge, w, h, scale, MaxPixels>>20)
	}
	fnt, err := bundled()
	if err != nil {
		return nil, fmt.Errorf("picture: the bundled font: %w", err)
	}
	p := &painter{
		img: image.NewRGBA(image.Rect(0, 0, w, h)), k: scale, origin: frame(c),
		font: fnt, faces: map[float64]font.Face{}, m: measure.Default(),
	}
	defer p.close()
	draw.Draw(p.img, p.img.Bounds(), image.NewUniform(white), image.Point{}, draw.Src)
	for _, l := range c.Lines {
		if len(l.Points) < 2 {
			continue
		}
		if l.Dotted {
			p.stroke(l.Points, false, dotWidth, dotted, lineColor)
		} else {
			p.stroke(l.Points, false, lineWidth, solid, lineColor)
		}
	}
	for i := range c.Boxes {
		if err := p.box(&c.Boxes[i]); err != nil {
			return nil, err
		}
	}
	return p.img, nil
}

// painter draws on an image in chart points, turned into pixels by
// scaling by k from the frame's top-left corner.
type painter struct {
	img    *image.RGBA
	k      float64
	origin layout.Rect
	z      vector.Rasterizer
	font   *opentype.Font
	faces  map[float64]font.Face // by size in pixels
	m      *measure.Measurer
}

func (p *painter) close() {
	for _, f := range p.faces {
		f.Close()
	}
}

// pt is a point in pixels.
type pt struct{ x, y float64 }

// px turns a chart point into pixels.
func (p *painter) px(x, y float64) pt {
	return pt{(x - p.origin.X) * p.k, (y - p.origin.Y) * p.k}
}

// fill fills polygons (in pixels) in one colour. The polygons are
// rasterized within their bounding box only, so a small shape costs
// little however large the picture. Polygons of the same orientation
// that overlap simply cover the same pixels.
func (p *painter) fill(polys [][]pt, c color.RGBA) {
	if len(polys) == 0 {
		return
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, q := range poly {
			x0, y0, x1, y1 = min(x0, q.x), min(y0, q.y), max(x1, q.x), max(y1, q.y)
		}
	}
	r := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1))+1, int(math.Ceil(y1))+1).Intersect(p.img.Bounds())
	if r.Empty() {
		return
	}
	p.z.Reset(r.Dx(), r.Dy())
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	for _, poly := range polys {
		if len(poly) < 3 {
			continue
		}
		p.z.MoveTo(float32(poly[0].x-ox), float32(poly[0].y-oy))
		for _, q := range poly[1:] {
			p.z.LineTo(float32(q.x-ox), float32(q.y-oy))
		}
		p.z.ClosePath()
	}
	p.z.Draw(p.img, r, image.NewUniform(c), image.Point{})
}

// stroke draws a polyline (closed: a polygon's outline) in chart points,
// width points wide, solid, dashed or dotted, as the PDF strokes it.
func (p *painter) stroke(points []layout.Point, closed bool, width float64, d dash, c color.RGBA) {
	ps := make([]pt, len(points), len(points)+1)
	for i, q := range points {
		ps[i] = p.px(q.X, q.Y)
	}
	if closed && len(ps) > 1 {
		ps = append(ps, ps[0])
	}
	hw := width * p.k / 2
	var polys [][]pt
	switch {
	case d == solid:
		for i := 1; i < len(ps); i++ {
			// Square ends half a width long fill the corners where two
			// segments meet at a right angle, like the PDF's mitre joins.
			polys = appendSegment(polys, ps[i-1], ps[i], hw, true)
		}
	case d.on == 0:
		// Dots: round caps on zero-length dashes, one every d.off.
		walk(ps, d.off*p.k, func(at pt) { polys = append(polys, disc(at, hw)) })
	default:
		dashes(ps, d.on*p.k, d.off*p.k, func(a, b pt) { polys = appendSegment(polys, a, b, hw, false) })
	}
	p.fill(polys, c)
}

// appendSegment adds the rectangle covering the segment a–b, hw either
// side of it, extended by hw at both ends when square.
func appendSegment(polys [][]pt, a, b pt, hw float64, square bool) [][]pt {
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return polys
	}
	ux, uy := dx/l, dy/l
	if square {
		a = pt{a.x - ux*hw, a.y - uy*hw}
		b = pt{b.x + ux*hw, b.y + uy*hw}
	}
	nx, ny := -uy*hw, ux*hw
	return append(polys, []pt{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}})
}

// disc returns a polygon close to a circle of radius r around c.
func disc(c pt, r float64) []pt {
	const n = 12
	out := make([]pt, n)
	for i := range out {
		a := 2 * math.Pi * float64(i) / n
		out[i] = pt{c.x + r*math.Cos(a), c.y + r*math.Sin(a)}
	}
	return out
}

// walk calls fn at the start of the polyline and then every step along it.
func walk(ps []pt, step float64, fn func(pt)) {
	if step <= 0 || len(ps) == 0 {
		return
	}
	next := 0.0 // distance along the current segment to the next point
	for i := 1; i < len(ps); i++ {
		a, b := ps[i-1], ps[i]
		l := math.Hypot(b.x-a.x, b.y-a.y)
		for ; next <= l; next += step {
			t := 0.0
			if l > 0 {
				t = next / l
			}
			fn(pt{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t})
		}
		next -= l
	}
}

// dashes calls fn for every dash of the pattern on, off along the
// polyline; a dash may turn a corner, and then comes in pieces.
func dashes(ps []pt, on, off float64, fn func(a, b pt)) {
	if on <= 0 || off < 0 {
		return
	}
	drawing, left := true, on // in a dash or a gap, and how much of it is left
	for i := 1; i < len(ps); i++ {
		a, b := ps[i-1], ps[i]
		l := math.Hypot(b.x-a.x, b.y-a.y)
		at := 0.0
		for at < l {
			step := min(left, l-at)
			if drawing {
				fn(lerp(a, b, at/l), lerp(a, b, (at+step)/l))
			}
			at += step
			if left -= step; left <= 1e-9 {
				drawing = !drawing
				left = on
				if !drawing {
					left = off
				}
			}
		}
	}
}

func lerp(a, b pt, t float64) pt { return pt{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t} }

// box draws one box as the PDF does: its fill, its outline, the
// concurrent mark and its lines of text.
func (p *painter) box(b *chart.Box) error {
	s := styleOf(b)
	r := b.Rect
	outline := []layout.Point{{X: r.X, Y: r.Y}, {X: r.X + r.W, Y: r.Y}, {X: r.X + r.W, Y: r.Y + r.H}, {X: r.X, Y: r.Y + r.H}}
	if s.radius > 0 {
		outline = roundedRect(r, s.radius)
	}
	body := make([]pt, len(outline))
	for i, q := range outline {
		body[i] = p.px(q.X, q.Y)
	}
	p.fill([][]pt{body}, s.fill)
	p.stroke(outline, true, s.width, s.dash, s.stroke)
	if s.fold > 0 {
		p.fill([][]pt{{p.px(r.X+r.W-s.fold, r.Y), p.px(r.X+r.W, r.Y), p.px(r.X+r.W, r.Y+s.fold)}}, lineColor)
	}
	for _, l := range b.Lines {
		t := printable(l.Text, p.m)
		if t == "" {
			continue
		}
		face, err := p.face(l.Size * p.k)
		if err != nil {
			return err
		}
		at := p.px(r.X+l.X, r.Y+l.Y)
		d := font.Drawer{Dst: p.img, Src: image.NewUniform(ink), Face: face}
		offsets := []float64{0}
		if l.Name && s.bold {
			// The font has no bold face: draw the line twice, shifted by
			// the width the PDF's outline stroke adds.
			offsets = append(offsets, boldPen*l.Size*p.k)
		}
		for _, dx := range offsets {
			d.Dot = fixed.Point26_6{X: fixed.Int26_6(math.Round((at.x + dx) * 64)), Y: fixed.Int26_6(math.Round(at.y * 64))}
			d.DrawString(t)
		}
	}
	return nil
}

// face returns the bundled font at a size in pixels.
func (p *painter) face(size float64) (font.Face, error) {
	if f, ok := p.faces[size]; ok {
		return f, nil
	}
	f, err := opentype.NewFace(p.font, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("picture: %w", err)
	}
	p.faces[size] = f
	return f, nil
}

// roundedRect returns the outline of a rectangle with corners of radius
// rad, the arcs as short straight pieces.
func roundedRect(r layout.Rect, rad float64) []layout.Point {
	const steps = 6
	corners := []struct{ cx, cy, from float64 }{
		{r.X + r.W - rad, r.Y + rad, -math.Pi / 2}, // top right
		{r.X + r.W - rad, r.Y + r.H - rad, 0},      // bottom right
		{r.X + rad, r.Y + r.H - rad, math.Pi / 2},  // bottom left
		{r.X + rad, r.Y + rad, math.Pi},            // top left
	}
	var out []layout.Point
	for _, c := range corners {
		for i := 0; i <= steps; i++ {
			a := c.from + math.Pi/2*float64(i)/steps
			out = append(out, layout.Point{X: c.cx + rad*math.Cos(a), Y: c.cy + rad*math.Sin(a)})
		}
	}
	return out
}
