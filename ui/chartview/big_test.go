package chartview

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"orgdraft/domain"
	"orgdraft/ui/chart"
)

// bigDoc builds a chart of n boxes shaped like a large company: a root
// unit, departments of about 8 units, groups, and positions under them.
func bigDoc(tb testing.TB, n int) (*domain.Document, *domain.History) {
	tb.Helper()
	d := domain.NewDocument()
	h := domain.NewHistory(d)
	do := func(c domain.Command) {
		if err := h.Do(c); err != nil {
			tb.Fatal(err)
		}
	}
	root := domain.AddChild(0, domain.KindUnit, "总公司")
	do(root)
	count := 1
	var units []domain.NodeID
	units = append(units, root.ID)
	for count < n {
		for i := 0; i < len(units) && count < n; i++ {
			u := units[i]
			kind := domain.KindPosition
			if count%5 == 0 && len(units) < n/8 {
				kind = domain.KindUnit
			}
			c := domain.AddChild(u, kind, fmt.Sprintf("岗位%d", count))
			if kind == domain.KindUnit {
				c.Init.Name = fmt.Sprintf("部门%d", count)
			}
			c.Init.Planned = 1 + count%4
			do(c)
			if kind == domain.KindUnit {
				units = append(units, c.ID)
			}
			count++
		}
	}
	return d, h
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		d, _ := bigDoc(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := chart.Build(d, chart.OptionsFor(d)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// visibleBox returns a box near the middle of the view and another one
// to its right.
func visibleBoxes(tb testing.TB, v *View) (domain.NodeID, domain.NodeID) {
	tb.Helper()
	off, size := v.viewport()
	var ids []domain.NodeID
	for _, b := range v.chart.Boxes {
		pos, bs := v.boardRect(b.Rect)
		if pos.X >= off.X && pos.Y >= off.Y && pos.X+bs.Width <= off.X+size.Width && pos.Y+bs.Height <= off.Y+size.Height && v.doc.Node(b.ID).Parent != 0 {
			ids = append(ids, b.ID)
		}
	}
	if len(ids) < 2 {
		tb.Fatalf("only %d boxes fully in view", len(ids))
	}
	return ids[0], ids[len(ids)-1]
}

// openBig shows a chart of n boxes scrolled to its middle.
func openBig(b *testing.B, n int) *View {
	d, _ := bigDoc(b, n)
	v, _, _ := open(b, d)
	v.scrollTo(fyne.NewPos(v.board.Size().Width/2, 0))
	return v
}

// BenchmarkDragMove is one pointer move while dragging a box: the ghost
// follows, the box under the pointer is found and marked as the target,
// and the visible objects are brought up to date. No command runs.
func BenchmarkDragMove(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			v := openBig(b, n)
			from, to := visibleBoxes(b, v)
			start, end := centre(b, v, from), centre(b, v, to)
			v.board.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.AddXY(5, 0)}, Dragged: fyne.NewDelta(5, 0)})
			i := 0
			for b.Loop() {
				// Sweep back and forth across the view over other boxes.
				f := float32(i%64) / 63
				i++
				p := fyne.NewPos(start.X+(end.X-start.X)*f, start.Y+(end.Y-start.Y)*f)
				v.board.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(1, 0)})
			}
			v.drag = dragState{}
		})
	}
}

// BenchmarkDropArrange is one drop on empty paper: the SetOffset command
// through the history, the chart laid out again and the visible objects
// updated.
func BenchmarkDropArrange(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			v := openBig(b, n)
			id, _ := visibleBoxes(b, v)
			dy := float32(8)
			for b.Loop() {
				v.arrange([]domain.NodeID{id}, fyne.NewPos(0, dy))
				dy = -dy
			}
		})
	}
}

// BenchmarkDropMove is one drop on another box: the Move command, the
// layout and the refresh.
func BenchmarkDropMove(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			v := openBig(b, n)
			id, target := visibleBoxes(b, v)
			home := v.doc.Node(id).Parent
			to := []domain.NodeID{target, home}
			i := 0
			for b.Loop() {
				v.moveUnder([]domain.NodeID{id}, to[i%2])
				i++
			}
		})
	}
}

// BenchmarkPanStep is one pointer move while panning: the view scrolls and
// the objects of boxes coming into view are taken from the pool.
func BenchmarkPanStep(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			v := openBig(b, n)
			v.board.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(3, 3)}, Dragged: fyne.NewDelta(0, 0)})
			v.drag.kind = dragPan
			i := 0
			for b.Loop() {
				dx := float32(12)
				if (i/100)%2 == 1 {
					dx = -dx
				}
				i++
				v.board.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(dx, 0)})
			}
		})
	}
}

// BenchmarkZoomToFit redraws a whole large chart at the zoom that shows
// all of it: the worst case for the number of objects.
func BenchmarkZoomToFit(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			v := openBig(b, n)
			for b.Loop() {
				v.SetZoom(100)
				v.ZoomToFit()
			}
			b.ReportMetric(float64(len(v.board.r.Objects())), "objects")
		})
	}
}
