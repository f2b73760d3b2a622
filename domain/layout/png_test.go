package layout

import (
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// -png writes the example charts of TestExampleCharts to testdata/out
// (ignored by git) so a person can look at them.
var pngOut = flag.Bool("png", false, "write example charts as PNG files to testdata/out")

var (
	paper    = color.RGBA{255, 255, 255, 255}
	boxFill  = color.RGBA{221, 232, 245, 255}
	asstFill = color.RGBA{250, 236, 204, 255}
	leafFill = color.RGBA{224, 242, 222, 255}
	boxLine  = color.RGBA{40, 70, 120, 255}
	wire     = color.RGBA{60, 60, 60, 255}
	dotted   = color.RGBA{200, 40, 40, 255}
	overlapC = color.RGBA{230, 0, 0, 255}
)

// drawChart renders a laid-out chart: boxes (assistants orange, compact
// leaves green, collapsed boxes with a thick border), tree lines in grey,
// dotted links in red, overlapping boxes outlined in red. No text.
func drawChart(in Input, opt Options, res Result) *image.RGBA {
	const margin = 12.0
	b := res.Bounds
	scale := math.Min(2, 2400/math.Max(1, math.Max(b.W, b.H)))
	w := int(b.W*scale + 2*margin)
	h := int(b.H*scale + 2*margin)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(paper), image.Point{}, draw.Src)
	pt := func(p Point) (float64, float64) {
		return (p.X-b.X)*scale + margin, (p.Y-b.Y)*scale + margin
	}
	v := newView(in, opt)
	for _, c := range res.Connectors {
		col := wire
		if c.Dotted {
			col = dotted
		}
		for k := 1; k < len(c.Points); k++ {
			x0, y0 := pt(c.Points[k-1])
			x1, y1 := pt(c.Points[k])
			line(img, x0, y0, x1, y1, col, c.Dotted)
		}
	}
	bad := make([]bool, len(res.Boxes))
	for _, o := range res.Overlaps {
		bad[o[0]], bad[o[1]] = true, true
	}
	for i, r := range res.Boxes {
		if !res.Visible[i] {
			continue
		}
		x0, y0 := pt(Point{r.X, r.Y})
		x1, y1 := pt(Point{r.X + r.W, r.Y + r.H})
		rect := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1)))
		fill := boxFill
		switch v.kind[i] {
		case 'a':
			fill = asstFill
		case 's':
			fill = leafFill
		}
		draw.Draw(img, rect, image.NewUniform(fill), image.Point{}, draw.Src)
		border := boxLine
		if bad[i] {
			border = overlapC
		}
		outline(img, rect, border)
		if res.Hidden[i] > 0 {
			outline(img, rect.Inset(1), border)
		}
	}
	return img
}

func outline(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	for x := r.Min.X; x < r.Max.X; x++ {
		img.SetRGBA(x, r.Min.Y, c)
		img.SetRGBA(x, r.Max.Y-1, c)
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		img.SetRGBA(r.Min.X, y, c)
		img.SetRGBA(r.Max.X-1, y, c)
	}
}

// line draws a straight line by stepping along its longer axis.
func line(img *image.RGBA, x0, y0, x1, y1 float64, c color.RGBA, dashed bool) {
	steps := int(math.Max(math.Abs(x1-x0), math.Abs(y1-y0))) + 1
	for s := 0; s <= steps; s++ {
		if dashed && (s/3)%2 == 1 {
			continue
		}
		t := float64(s) / float64(steps)
		img.SetRGBA(int(math.Round(x0+(x1-x0)*t)), int(math.Round(y0+(y1-y0)*t)), c)
	}
}

// writePNG saves the chart as testdata/out/name.png when -png is given.
func writePNG(t *testing.T, name string, in Input, opt Options, res Result) {
	t.Helper()
	img := drawChart(in, opt, res)
	if !*pngOut {
		return
	}
	dir := filepath.Join("testdata", "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
