package picture

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/ui/chart"
)

func templateChart(t testing.TB, id string) (*domain.Document, *chart.Chart) {
	t.Helper()
	d, err := assets.LoadTemplate(id)
	if err != nil {
		t.Fatal(err)
	}
	c, err := chart.Build(d, chart.OptionsFor(d))
	if err != nil {
		t.Fatal(err)
	}
	return d, c
}

// keep writes a picture to $PICTURE_OUT (when set) to be looked at.
func keep(t *testing.T, name string, data []byte) {
	if dir := os.Getenv("PICTURE_OUT"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// svgBox is what the test reads back of one box group.
type svgBox struct {
	ID    string   `xml:"id,attr"`
	Title string   `xml:"title"`
	Rect  svgRect  `xml:"rect"`
	Texts []string `xml:"text"`
	Lines []struct {
		Dash string `xml:"stroke-dasharray,attr"`
	} `xml:"polyline"`
}

type svgRect struct {
	Fill   string `xml:"fill,attr"`
	Stroke string `xml:"stroke,attr"`
	Dash   string `xml:"stroke-dasharray,attr"`
	RX     string `xml:"rx,attr"`
}

type svgDoc struct {
	Width string   `xml:"width,attr"`
	Font  string   `xml:"font-family,attr"`
	Boxes []svgBox `xml:"g"` // the connectors' group first, then one per box
}

// Every template's SVG is well-formed XML in which every box is a group
// whose text lines spell its name, in the bundled font, styled as in the
// PDF.
func TestSVGOfEveryTemplate(t *testing.T) {
	for _, tm := range assets.Templates() {
		d, c := templateChart(t, tm.ID)
		var b bytes.Buffer
		if err := SVG(&b, c); err != nil {
			t.Fatal(err)
		}
		keep(t, tm.ID+".svg", b.Bytes())
		var doc svgDoc
		if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", tm.ID, err)
		}
		if !strings.Contains(doc.Font, "WenQuanYi Micro Hei") || !strings.HasSuffix(doc.Width, "pt") {
			t.Errorf("%s: font %q, width %q", tm.ID, doc.Font, doc.Width)
		}
		byID := map[string]svgBox{}
		for _, g := range doc.Boxes {
			byID[g.ID] = g
		}
		dotted := 0
		for _, g := range doc.Boxes {
			for _, l := range g.Lines {
				if l.Dash != "" {
					dotted++
				}
			}
		}
		if want := len(d.Links()); dotted != want {
			t.Errorf("%s: %d dotted lines, want %d", tm.ID, dotted, want)
		}
		d.Walk(func(n *domain.Node) bool {
			g, ok := byID["box-"+strconv.Itoa(int(n.ID))]
			if !ok {
				t.Errorf("%s: no group for %q", tm.ID, n.Name)
				return true
			}
			all := strings.Join(g.Texts, "")
			if g.Title != n.Name || !strings.Contains(strings.ReplaceAll(all, " ", ""), strings.ReplaceAll(n.Name, " ", "")) {
				t.Errorf("%s: box %q has title %q and text %q", tm.ID, n.Name, g.Title, all)
			}
			switch {
			case n.Kind == domain.KindUnit && (g.Rect.Fill != hex(unitTint) || g.Rect.Stroke != hex(unitLine)):
				t.Errorf("%s: unit %q drawn %+v", tm.ID, n.Name, g.Rect)
			case n.Kind == domain.KindAssistant && g.Rect.RX == "":
				t.Errorf("%s: assistant %q without rounded corners", tm.ID, n.Name)
			}
			return true
		})
	}
}

// Text that XML cannot hold or the font cannot draw does not break the
// picture.
func TestSVGEscapesText(t *testing.T) {
	d := domain.NewDocument()
	for _, name := range []string{`<&"引号">`, "控制\x01字符", "😀 表情", "a]]>b"} {
		if _, err := domain.AddChild(0, domain.KindPosition, name).Do(d); err != nil {
			t.Fatal(err)
		}
	}
	c, err := chart.Build(d, chart.OptionsFor(d))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := SVG(&b, c); err != nil {
		t.Fatal(err)
	}
	var doc svgDoc
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if doc.Boxes[1].Title != `<&"引号">` {
		t.Errorf("title %q", doc.Boxes[1].Title)
	}
	if _, err := Image(c, 1); err != nil {
		t.Error(err)
	}
}

func decodePNG(t *testing.T, data []byte) *image.RGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rgba, ok := img.(*image.RGBA)
	if !ok {
		// The encoder may choose another model; convert for the checks.
		rgba = image.NewRGBA(img.Bounds())
		for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
			for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
				rgba.Set(x, y, img.At(x, y))
			}
		}
	}
	return rgba
}

func TestPNGOfEveryTemplate(t *testing.T) {
	for _, tm := range assets.Templates() {
		for _, scale := range []float64{1, 2} {
			_, c := templateChart(t, tm.ID)
			var b bytes.Buffer
			if err := PNG(&b, c, scale); err != nil {
				t.Fatal(err)
			}
			if scale == 2 {
				keep(t, tm.ID+".png", b.Bytes())
			}
			img := decodePNG(t, b.Bytes())
			w, h := Size(c, scale)
			if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
				t.Errorf("%s ×%v: %v, want %d×%d", tm.ID, scale, img.Bounds(), w, h)
			}
			if wantW := int((c.Bounds.W + 2*Margin) * scale); w < wantW || w > wantW+1 {
				t.Errorf("%s ×%v: width %d, want about %d", tm.ID, scale, w, wantW)
			}
			// Inside every box: its fill by its left edge, ink somewhere in the
			// text; the margin stays white.
			for _, bx := range c.Boxes {
				at := func(x, y float64) color.RGBA {
					return img.RGBAAt(int((x-c.Bounds.X+Margin)*scale), int((y-c.Bounds.Y+Margin)*scale))
				}
				want := white
				if bx.Kind == domain.KindUnit {
					want = unitTint
				}
				if got := at(bx.Rect.X+2.5, bx.Rect.Y+bx.Rect.H/2); got != want {
					t.Errorf("%s ×%v: box %d fill %v, want %v", tm.ID, scale, bx.ID, got, want)
					break
				}
				if !hasDark(img, bx, c, scale) {
					t.Errorf("%s ×%v: box %d has no text", tm.ID, scale, bx.ID)
					break
				}
			}
			if got := img.RGBAAt(1, 1); got != white {
				t.Errorf("%s: margin %v", tm.ID, got)
			}
		}
	}
}

// hasDark reports whether the box's text area holds dark pixels.
func hasDark(img *image.RGBA, bx chart.Box, c *chart.Chart, scale float64) bool {
	x0 := int((bx.Rect.X - c.Bounds.X + Margin + 4) * scale)
	x1 := int((bx.Rect.X + bx.Rect.W - c.Bounds.X + Margin - 4) * scale)
	y0 := int((bx.Rect.Y - c.Bounds.Y + Margin + 3) * scale)
	y1 := int((bx.Rect.Y + bx.Rect.H - c.Bounds.Y + Margin - 3) * scale)
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			if p := img.RGBAAt(x, y); p.R < 100 && p.G < 100 && p.B < 100 {
				return true
			}
		}
	}
	return false
}

func TestPNGRefusesBadScaleAndHugeCharts(t *testing.T) {
	_, c := templateChart(t, "sme-service")
	for _, s := range []float64{0, -1} {
		if err := PNG(io.Discard, c, s); err == nil {
			t.Errorf("scale %v accepted", s)
		}
	}
	if err := PNG(io.Discard, c, 200); !errors.Is(err, ErrTooLarge) {
		t.Errorf("scale 200: %v", err)
	}
}

func TestEmptyChart(t *testing.T) {
	d := domain.NewDocument()
	c, err := chart.Build(d, chart.OptionsFor(d))
	if err != nil {
		t.Fatal(err)
	}
	if err := PNG(io.Discard, c, 2); err != nil {
		t.Error(err)
	}
	var b bytes.Buffer
	if err := SVG(&b, c); err != nil {
		t.Error(err)
	}
	if err := xml.Unmarshal(b.Bytes(), new(svgDoc)); err != nil {
		t.Error(err)
	}
}

// BenchmarkPNG draws the largest template at scale 2.
func BenchmarkPNG(b *testing.B) {
	_, c := templateChart(b, "service-group")
	b.ReportAllocs()
	for b.Loop() {
		if err := PNG(io.Discard, c, 2); err != nil {
			b.Fatal(err)
		}
	}
}
