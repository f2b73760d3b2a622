package chartview

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/domain/layout"
	"orgdraft/ui/chart"
)

// Preview draws a small picture of document d's chart for the template
// gallery, size units large; it matches ui.PreviewFunc. The picture is
// rendered at twice the size, so it stays sharp on high-density screens.
func Preview(d *domain.Document, size fyne.Size) fyne.CanvasObject {
	img := PreviewImage(d, int(2*size.Width), int(2*size.Height))
	c := canvas.NewImageFromImage(img)
	c.FillMode = canvas.ImageFillContain
	c.SetMinSize(size)
	return c
}

// previewPad is the paper left around the chart in a preview, in pixels.
const previewPad = 6

// PreviewImage renders document d's chart scaled to fit w×h pixels (never
// enlarged beyond two pixels per point): the same boxes, colours and lines
// as the canvas. Names are written when they would be at least 7 pixels
// tall; at gallery sizes usually only the boxes show.
func PreviewImage(d *domain.Document, w, h int) image.Image {
	w, h = max(w, 1), max(h, 1)
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	c, err := chart.Build(d, chart.OptionsFor(d))
	if err != nil || len(c.Boxes) == 0 {
		return img
	}
	b := c.Bounds
	s := min((float64(w)-2*previewPad)/b.W, (float64(h)-2*previewPad)/b.H, 2)
	if !(s > 0) {
		return img
	}
	// Centre the chart.
	ox := (float64(w) - b.W*s) / 2
	oy := (float64(h) - b.H*s) / 2
	pt := func(p layout.Point) (float64, float64) { return (p.X-b.X)*s + ox, (p.Y-b.Y)*s + oy }

	for _, ln := range c.Lines {
		col := lineColor
		if ln.Dotted {
			col = dottedColor
		}
		for k := 0; k+1 < len(ln.Points); k++ {
			x0, y0 := pt(ln.Points[k])
			x1, y1 := pt(ln.Points[k+1])
			drawLine(img, x0, y0, x1, y1, col, ln.Dotted)
		}
	}
	faces := map[float64]font.Face{}
	for i := range c.Boxes {
		bx := &c.Boxes[i]
		x0, y0 := pt(layout.Point{X: bx.Rect.X, Y: bx.Rect.Y})
		r := image.Rect(int(math.Round(x0)), int(math.Round(y0)),
			int(math.Round(x0+bx.Rect.W*s)), int(math.Round(y0+bx.Rect.H*s)))
		// The gallery shows how a template is built, not who is in post.
		fill, edge := boxColours(bx.Kind, false)
		draw.Draw(img, r, image.NewUniform(fill), image.Point{}, draw.Src)
		strokeRect(img, r, edge)
		if bx.Head {
			strokeRect(img, r.Inset(1), edge)
		}
		for _, l := range bx.Lines {
			px := l.Size * s
			if !l.Name || px < 7 {
				continue
			}
			face := faces[px]
			if face == nil {
				if face = previewFace(px); face == nil {
					continue
				}
				faces[px] = face
			}
			dr := font.Drawer{Dst: img, Src: image.NewUniform(inkColor), Face: face,
				Dot: fixed.P(int(math.Round(x0+l.X*s)), int(math.Round(y0+l.Y*s)))}
			dr.DrawString(l.Text)
		}
	}
	for _, f := range faces {
		f.Close()
	}
	return img
}

// previewFont is the bundled font, parsed once for previews.
var previewFont = sync.OnceValue(func() *opentype.Font {
	f, err := opentype.Parse(assets.Font())
	if err != nil {
		fyne.LogError("reading the bundled font for previews", err)
		return nil
	}
	return f
})

// previewFace returns the bundled font at px pixels, or nil.
func previewFace(px float64) font.Face {
	f := previewFont()
	if f == nil {
		return nil
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil
	}
	return face
}

// strokeRect draws the one-pixel border of r.
func strokeRect(img draw.Image, r image.Rectangle, col color.Color) {
	u := image.NewUniform(col)
	for _, e := range []image.Rectangle{
		{r.Min, image.Pt(r.Max.X, r.Min.Y+1)},
		{image.Pt(r.Min.X, r.Max.Y-1), r.Max},
		{r.Min, image.Pt(r.Min.X+1, r.Max.Y)},
		{image.Pt(r.Max.X-1, r.Min.Y), r.Max},
	} {
		draw.Draw(img, e.Intersect(r), u, image.Point{}, draw.Src)
	}
}

// drawLine draws a one-pixel line, dotted every other three pixels if
// asked. Connectors are horizontal and vertical, so plain stepping along
// the longer axis is exact enough.
func drawLine(img draw.Image, x0, y0, x1, y1 float64, col color.Color, dotted bool) {
	steps := int(math.Ceil(math.Max(math.Abs(x1-x0), math.Abs(y1-y0))))
	for i := 0; i <= steps; i++ {
		if dotted && (i/3)%2 == 1 {
			continue
		}
		t := 0.0
		if steps > 0 {
			t = float64(i) / float64(steps)
		}
		img.Set(int(math.Round(x0+(x1-x0)*t)), int(math.Round(y0+(y1-y0)*t)), col)
	}
}
