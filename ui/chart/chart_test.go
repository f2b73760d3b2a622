package chart

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/domain/layout"
)

func overlaps(a, b layout.Rect) bool {
	const eps = 1e-6
	return a.X < b.X+b.W-eps && b.X < a.X+a.W-eps && a.Y < b.Y+b.H-eps && b.Y < a.Y+a.H-eps
}

// TestTemplatesLayOutCleanly builds every template in both orientations
// and checks what a reader of the chart would: every box is drawn once,
// no two boxes overlap, every text line sits inside its box, every line of
// the tree joins a parent to its child, and the units show their roll-up.
func TestTemplatesLayOutCleanly(t *testing.T) {
	pngDir := os.Getenv("ORGDRAFT_PNG_DIR") // set it to look at the charts
	for _, tm := range assets.Templates() {
		for _, ltr := range []bool{false, true} {
			d, err := assets.LoadTemplate(tm.ID)
			if err != nil {
				t.Fatal(err)
			}
			opt := OptionsFor(d)
			opt.LeftToRight = ltr
			c, err := Build(d, opt)
			if err != nil {
				t.Fatalf("%s: %v", tm.ID, err)
			}
			if len(c.Boxes) != d.Len() {
				t.Fatalf("%s: %d boxes drawn for %d in the document", tm.ID, len(c.Boxes), d.Len())
			}
			for i := range c.Boxes {
				for j := i + 1; j < len(c.Boxes); j++ {
					if overlaps(c.Boxes[i].Rect, c.Boxes[j].Rect) {
						t.Fatalf("%s: %q overlaps %q", tm.ID, d.Node(c.Boxes[i].ID).Name, d.Node(c.Boxes[j].ID).Name)
					}
				}
				b := c.Boxes[i]
				for _, l := range b.Lines {
					if l.X < 0 || l.X+l.W > b.Rect.W+1e-6 || l.Top < 0 || l.Y > b.Rect.H {
						t.Fatalf("%s: line %q sticks out of box %q", tm.ID, l.Text, d.Node(b.ID).Name)
					}
				}
			}
			tree := 0
			for _, l := range c.Lines {
				if l.Dotted {
					continue
				}
				tree++
				// Members of a unit with a head hang from the head.
				parent := d.Node(l.To).Parent
				if head := d.HeadOf(parent); head != 0 && head != l.To {
					parent = head
				}
				if l.From != parent {
					t.Fatalf("%s: a line joins %q to %q, which is not drawn under it", tm.ID, d.Node(l.From).Name, d.Node(l.To).Name)
				}
			}
			if want := d.Len() - len(d.Roots()); tree != want {
				t.Fatalf("%s: %d tree lines, want %d", tm.ID, tree, want)
			}
			roll := d.Rollup()
			for _, b := range c.Boxes {
				n := d.Node(b.ID)
				if n.Kind == domain.KindUnit && !n.Concurrent {
					want := "编制 " + itoa(roll[n.ID].Planned) + "人"
					if !strings.HasPrefix(detailText(b), want) {
						t.Fatalf("%s: unit %q shows %q, want the roll-up %q", tm.ID, n.Name, detailText(b), want)
					}
				}
			}
			if pngDir != "" {
				name := tm.ID
				if ltr {
					name += "-ltr"
				}
				writePNG(t, c, filepath.Join(pngDir, name+".png"))
			}
		}
	}
}

func TestCollapsedBoxShowsHiddenCount(t *testing.T) {
	d, err := assets.LoadTemplate("property-service")
	if err != nil {
		t.Fatal(err)
	}
	var unit *domain.Node
	d.Walk(func(n *domain.Node) bool {
		if n.Parent != 0 && n.Kind == domain.KindUnit && len(n.Children()) > 1 {
			unit = n
			return false
		}
		return true
	})
	size := 0
	d.WalkSubtree(unit.ID, func(*domain.Node) bool { size++; return true })
	if err := domain.NewHistory(d).Do(domain.SetCollapsed(unit.ID, true)); err != nil {
		t.Fatal(err)
	}
	c, err := Build(d, OptionsFor(d))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Boxes) != d.Len()-(size-1) {
		t.Fatalf("%d boxes drawn, want %d", len(c.Boxes), d.Len()-(size-1))
	}
	b, ok := c.Box(unit.ID)
	if !ok || b.Hidden != size-1 {
		t.Fatalf("collapsed %q: hidden = %v, want %d", unit.Name, b, size-1)
	}
	if want := "已折叠 " + itoa(size-1) + " 个框"; !strings.Contains(detailText(*b), want) {
		t.Fatalf("collapsed box says %q, want it to contain %q", detailText(*b), want)
	}
}

func TestRootLimitsToSubtreeAndAtFindsBoxes(t *testing.T) {
	d, err := assets.LoadTemplate("service-group")
	if err != nil {
		t.Fatal(err)
	}
	root := d.ChildIDs(d.Roots()[0])[0]
	size := 0
	d.WalkSubtree(root, func(*domain.Node) bool { size++; return true })
	opt := OptionsFor(d)
	opt.Root = root
	c, err := Build(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Boxes) != size {
		t.Fatalf("subtree chart has %d boxes, want %d", len(c.Boxes), size)
	}
	for _, b := range c.Boxes {
		centre := layout.Point{X: b.Rect.X + b.Rect.W/2, Y: b.Rect.Y + b.Rect.H/2}
		if id, ok := c.At(centre); !ok || id != b.ID {
			t.Fatalf("At(centre of %q) = %v", d.Node(b.ID).Name, id)
		}
	}
	if _, ok := c.At(layout.Point{X: -1000, Y: -1000}); ok {
		t.Fatal("At found a box far outside the chart")
	}
}

func detailText(b Box) string {
	var s []string
	for _, l := range b.Lines {
		if !l.Name {
			s = append(s, l.Text)
		}
	}
	return strings.Join(s, "")
}

func itoa(i int) string { return strconv.Itoa(i) }

// writePNG draws the chart's boxes (units tinted) and lines, without text,
// so the shape of a template's chart can be looked at.
func writePNG(t *testing.T, c *Chart, path string) {
	t.Helper()
	const scale = 2.0
	w := int(math.Ceil(c.Bounds.W*scale)) + 20
	h := int(math.Ceil(c.Bounds.H*scale)) + 20
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	px := func(x, y float64) (int, int) {
		return int((x-c.Bounds.X)*scale) + 10, int((y-c.Bounds.Y)*scale) + 10
	}
	for _, l := range c.Lines {
		col := color.RGBA{60, 60, 60, 255}
		if l.Dotted {
			col = color.RGBA{200, 80, 0, 255}
		}
		for i := 1; i < len(l.Points); i++ {
			x0, y0 := px(l.Points[i-1].X, l.Points[i-1].Y)
			x1, y1 := px(l.Points[i].X, l.Points[i].Y)
			for s := 0; s <= 400; s++ {
				f := float64(s) / 400
				img.Set(x0+int(f*float64(x1-x0)), y0+int(f*float64(y1-y0)), col)
			}
		}
	}
	for _, b := range c.Boxes {
		x0, y0 := px(b.Rect.X, b.Rect.Y)
		x1, y1 := px(b.Rect.X+b.Rect.W, b.Rect.Y+b.Rect.H)
		fill := color.RGBA{235, 242, 255, 255}
		if b.Kind == domain.KindUnit {
			fill = color.RGBA{200, 220, 250, 255}
		}
		draw.Draw(img, image.Rect(x0, y0, x1, y1), image.NewUniform(color.RGBA{30, 60, 120, 255}), image.Point{}, draw.Src)
		draw.Draw(img, image.Rect(x0+1, y0+1, x1-1, y1-1), image.NewUniform(fill), image.Point{}, draw.Src)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestLeavesArrangementPerBox checks the per-box choice beats the
// document default: a row puts the leaves side by side, a column stacks
// them.
func TestLeavesArrangementPerBox(t *testing.T) {
	d, err := assets.LoadTemplate("property-service")
	if err != nil {
		t.Fatal(err)
	}
	var group *domain.Node // 秩序管理组: five leaf posts
	d.Walk(func(n *domain.Node) bool {
		if n.Name == "秩序管理组" {
			group = n
		}
		return group == nil
	})
	h := domain.NewHistory(d)
	ys := func() map[float64]bool {
		c, err := Build(d, OptionsFor(d))
		if err != nil {
			t.Fatal(err)
		}
		rows := map[float64]bool{}
		for _, id := range group.Children() {
			b, _ := c.Box(id)
			rows[b.Rect.Y] = true
		}
		return rows
	}
	for _, tc := range []struct {
		compactDefault bool
		leaves         domain.Leaves
		rows           int
	}{
		{true, domain.LeavesDefault, 5},
		{true, domain.LeavesRow, 1},
		{false, domain.LeavesDefault, 1},
		{false, domain.LeavesColumn, 5},
	} {
		d.Info.Page.CompactLeaves = tc.compactDefault
		if err := h.Do(domain.SetLeaves(group.ID, tc.leaves)); err != nil {
			t.Fatal(err)
		}
		if got := len(ys()); got != tc.rows {
			t.Errorf("default compact %v, box %v: leaves on %d rows, want %d", tc.compactDefault, tc.leaves, got, tc.rows)
		}
	}
}

// TestTextCacheGivesTheSameChart checks that a cached build draws exactly
// what a fresh one does, also after a rename, and forgets the old text.
func TestTextCacheGivesTheSameChart(t *testing.T) {
	d, err := assets.LoadTemplate("large-service")
	if err != nil {
		t.Fatal(err)
	}
	cache := NewTextCache()
	cached := func() *Chart {
		opt := OptionsFor(d)
		opt.Cache = cache
		c, err := Build(d, opt)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	fresh := func() *Chart {
		c, err := Build(d, OptionsFor(d))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	same := func(a, b *Chart) bool {
		if len(a.Boxes) != len(b.Boxes) {
			return false
		}
		for i := range a.Boxes {
			x, y := a.Boxes[i], b.Boxes[i]
			if x.Rect != y.Rect || x.ID != y.ID || len(x.Lines) != len(y.Lines) {
				return false
			}
			for j := range x.Lines {
				if x.Lines[j] != y.Lines[j] {
					return false
				}
			}
		}
		return true
	}
	if !same(cached(), fresh()) || !same(cached(), fresh()) {
		t.Fatal("a cached build differs from a fresh one")
	}
	first := d.Roots()[0]
	if err := domain.NewHistory(d).Do(domain.Rename(first, "客户服务中心（新名称很长很长）")); err != nil {
		t.Fatal(err)
	}
	if !same(cached(), fresh()) {
		t.Fatal("after a rename the cached build differs from a fresh one")
	}
	if len(cache.boxes) > d.Len() {
		t.Fatalf("cache holds %d entries for %d boxes: old text was kept", len(cache.boxes), d.Len())
	}
}

// TestHeadIsDrawnAboveTheUnitsMembers checks the reading of a department
// chart: the unit, its head right below it, the other members below the
// head.
func TestHeadIsDrawnAboveTheUnitsMembers(t *testing.T) {
	d, err := assets.LoadTemplate("after-sales")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Build(d, OptionsFor(d))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	d.Walk(func(n *domain.Node) bool {
		head := d.HeadOf(n.ID)
		if head == 0 {
			return true
		}
		u, _ := c.Box(n.ID)
		h, _ := c.Box(head)
		if h.Rect.Y <= u.Rect.Y+u.Rect.H {
			t.Errorf("head %q is not below its unit %q", d.Node(head).Name, n.Name)
		}
		for _, m := range n.Children() {
			mb, _ := c.Box(m)
			if m != head && d.Node(m).Kind != domain.KindAssistant && mb.Rect.Y <= h.Rect.Y+h.Rect.H {
				t.Errorf("member %q of %q is not below the head %q", d.Node(m).Name, n.Name, d.Node(head).Name)
			}
		}
		checked++
		return true
	})
	if checked == 0 {
		t.Fatal("the template has no unit with a head")
	}
}
