package chartview

import (
	"image/color"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/ui/measure"
)

// Tests of how the canvas looks: the rename entry, the drag ghost, the
// text inside the boxes, the vacancy marks. They need only a view in a
// window (no host): nothing here edits the document.

// bundledFontTheme is the test theme with the bundled font, which the
// editor's own theme uses too: text widths are then the ones users see.
type bundledFontTheme struct{ fyne.Theme }

func (bundledFontTheme) Font(fyne.TextStyle) fyne.Resource {
	return fyne.NewStaticResource("WenQuanYiMicroHei.ttf", assets.Font())
}

// lookDoc is a department whose manager has four leaf positions, one of
// them with a long name, so that the chart has boxes by every edge.
type lookDoc struct {
	d                          *domain.Document
	dept, manager              domain.NodeID
	agent, support, long, lead domain.NodeID
}

func newLookDoc(t testing.TB) *lookDoc {
	t.Helper()
	d := domain.NewDocument()
	h := domain.NewHistory(d)
	add := func(parent domain.NodeID, kind domain.Kind, name string, planned, filled int) domain.NodeID {
		c := domain.AddChild(parent, kind, name)
		c.Init.Planned, c.Init.Filled = planned, filled
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	l := &lookDoc{d: d}
	l.dept = add(0, domain.KindUnit, "客户服务部", 0, 0)
	l.manager = add(l.dept, domain.KindPosition, "客户服务经理", 1, 1)
	if err := h.Do(&domain.SetHead{ID: l.manager, On: true}); err != nil {
		t.Fatal(err)
	}
	l.agent = add(l.manager, domain.KindPosition, "客户服务代表", 3, 3)
	l.support = add(l.manager, domain.KindPosition, "客户支持专员", 2, 1)
	l.long = add(l.manager, domain.KindPosition, "客户满意度调查与回访专员", 1, 0)
	l.lead = add(l.manager, domain.KindPosition, "客户关系主管", 1, 1)
	return l
}

// showLook shows d in a new view in a window of the given size, with the
// bundled font.
func showLook(t testing.TB, d *domain.Document, size fyne.Size) *View {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(bundledFontTheme{a.Settings().Theme()})
	v := New()
	w := test.NewTempWindow(t, v)
	w.Resize(size)
	v.SetDocument(d)
	return v
}

// visibleRect is the part of the board on the screen.
func visibleRect(v *View) (fyne.Position, fyne.Position) {
	off, size := v.viewport()
	return off, off.AddXY(size.Width, size.Height)
}

func TestRenameEntryStaysInsideTheView(t *testing.T) {
	l := newLookDoc(t)
	v := showLook(t, l.d, fyne.NewSize(420, 320))
	for _, zoom := range []int{100, 50, 400} {
		v.SetZoom(zoom)
		for _, b := range v.chart.Boxes {
			v.StartRename(b.ID)
			if v.Renaming() != b.ID {
				t.Fatalf("zoom %d%%: renaming %d did not start", zoom, b.ID)
			}
			lo, hi := visibleRect(v)
			pos, size := v.entry.Position(), v.entry.Size()
			if pos.X < lo.X || pos.Y < lo.Y || pos.X+size.Width > hi.X || pos.Y+size.Height > hi.Y {
				t.Errorf("zoom %d%%, box %q: entry %v+%v is not inside the visible part %v–%v",
					zoom, v.doc.Node(b.ID).Name, pos, size, lo, hi)
			}
			name := v.doc.Node(b.ID).Name
			need := fyne.MeasureText(name, test.Theme().Size("text"), fyne.TextStyle{}).Width
			if size.Width < min(need, hi.X-lo.X-2*entryInset) {
				t.Errorf("zoom %d%%: entry %.0f wide for %q, which needs %.0f", zoom, size.Width, name, need)
			}
			v.cancelRename()
		}
	}
}

func TestDropTargetNameStaysReadableUnderTheGhost(t *testing.T) {
	l := newLookDoc(t)
	v := showLook(t, l.d, fyne.NewSize(900, 700))
	from, to := centre(t, v, l.support), centre(t, v, l.agent)
	// Drag the support box onto the agent box in small steps, as the
	// desktop driver reports a drag, without letting go.
	prev := from
	for i := 1; i <= 5; i++ {
		f := float32(i) / 5
		p := fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f)
		v.board.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)})
		prev = p
	}
	if v.drag.target != l.agent {
		t.Fatalf("drop target %d, want the agent box %d", v.drag.target, l.agent)
	}
	target := v.board.r.item(l.agent)
	objs := v.board.r.objects
	for _, name := range target.texts[:1] {
		at := slices.Index(objs, fyne.CanvasObject(name))
		if at < 0 {
			t.Fatal("the target's name is not drawn")
		}
		for _, o := range objs[at+1:] {
			if slices.Contains(target.objects, o) || !overlaps(o, name) {
				continue
			}
			// Something else is painted over the target's name.
			switch o := o.(type) {
			case *canvas.Text:
				t.Errorf("text %q is drawn over the target's name %q", o.Text, name.Text)
			case *canvas.Rectangle:
				t.Errorf("a rectangle filled %v is drawn over the target's name %q", o.FillColor, name.Text)
			default:
				t.Errorf("%T is drawn over the target's name %q", o, name.Text)
			}
		}
	}
	// The ghost is still there, under the target.
	if !slices.Contains(objs, fyne.CanvasObject(v.board.r.ghost.frame)) {
		t.Error("no ghost is drawn while dragging over a box")
	}
}

// overlaps reports whether two canvas objects' rectangles overlap.
func overlaps(a, b fyne.CanvasObject) bool {
	ap, as, bp, bs := a.Position(), a.Size(), b.Position(), b.Size()
	return ap.X < bp.X+bs.Width && bp.X < ap.X+as.Width && ap.Y < bp.Y+bs.Height && bp.Y < ap.Y+as.Height
}

// TestBoxTextKeepsThePapersPadding: at every zoom, each line of box text
// as Fyne draws it (centred in its text object, measured with the bundled
// font) keeps at least the PDF's padding from the box's edges.
func TestBoxTextKeepsThePapersPadding(t *testing.T) {
	l := newLookDoc(t)
	v := showLook(t, l.d, fyne.NewSize(2400, 1600))
	st := measure.DefaultBoxStyle()
	for _, zoom := range []int{50, 75, 100, 125, 150, 200} {
		v.SetZoom(zoom)
		s := float32(v.scale())
		want := float32(st.PadX)*s - 0.01
		for _, b := range v.chart.Boxes {
			it := v.board.r.item(b.ID)
			if it == nil {
				t.Fatalf("zoom %d%%: box %d is not drawn", zoom, b.ID)
			}
			edgeL := it.frame.Position().X
			edgeR := edgeL + it.frame.Size().Width
			for _, tx := range it.texts {
				if !slices.Contains(it.objects, fyne.CanvasObject(tx)) {
					continue
				}
				w := fyne.MeasureText(tx.Text, tx.TextSize, tx.TextStyle).Width
				left := tx.Position().X + (tx.Size().Width-w)/2
				if left-edgeL < want || edgeR-(left+w) < want {
					t.Errorf("zoom %d%%: %q is %.2f and %.2f units from the box's edges, want at least %.2f as on paper",
						zoom, tx.Text, left-edgeL, edgeR-(left+w), want)
				}
			}
		}
	}
}

// drawnFill returns the fill colour of box id as drawn.
func drawnFill(t *testing.T, v *View, id domain.NodeID) color.Color {
	t.Helper()
	it := v.board.r.item(id)
	if it == nil {
		t.Fatalf("box %d is not drawn", id)
	}
	return it.frame.FillColor
}

// legendShown returns the legend's labels as drawn, nil if there is none.
func legendShown(v *View) []string {
	var out []string
	for _, tx := range v.board.r.legend.labels {
		if slices.Contains(v.board.r.objects, fyne.CanvasObject(tx)) {
			out = append(out, tx.Text)
		}
	}
	return out
}

func TestVacancyMarkingIsAViewOptionWithALegend(t *testing.T) {
	l := newLookDoc(t)
	v := showLook(t, l.d, fyne.NewSize(900, 700))
	short := []domain.NodeID{l.support, l.long} // fewer in post than planned
	full := []domain.NodeID{l.manager, l.agent, l.lead}

	if v.MarkVacancies() {
		t.Fatal("a new view marks vacancies")
	}
	for _, id := range append(slices.Clone(short), full...) {
		if drawnFill(t, v, id) == color.Color(vacantFill) {
			t.Errorf("box %q is drawn as vacant while marking is off", v.doc.Node(id).Name)
		}
	}
	if got := legendShown(v); got != nil {
		t.Errorf("a legend %q is shown while marking is off", got)
	}

	v.SetMarkVacancies(true)
	if !v.MarkVacancies() {
		t.Fatal("MarkVacancies is false after SetMarkVacancies(true)")
	}
	for _, id := range short {
		if drawnFill(t, v, id) != color.Color(vacantFill) {
			t.Errorf("box %q, fewer in post than planned, is not marked", v.doc.Node(id).Name)
		}
	}
	for _, id := range full {
		if drawnFill(t, v, id) == color.Color(vacantFill) {
			t.Errorf("box %q, fully staffed, is marked as vacant", v.doc.Node(id).Name)
		}
	}
	got := legendShown(v)
	if !slices.Contains(got, lang.L("Vacancy: fewer in post than planned")) || !slices.Contains(got, lang.L("Unit")) {
		t.Errorf("legend %q does not explain the vacancy and unit colours", got)
	}
	// The legend sits in the visible part of the view, inside it.
	lo, hi := visibleRect(v)
	bg := v.board.r.legend.bg
	if p, s := bg.Position(), bg.Size(); p.X < lo.X || p.Y < lo.Y || p.X+s.Width > hi.X || p.Y+s.Height > hi.Y {
		t.Errorf("legend %v+%v is outside the visible part %v–%v", p, s, lo, hi)
	}

	v.SetMarkVacancies(false)
	if drawnFill(t, v, l.support) == color.Color(vacantFill) || legendShown(v) != nil {
		t.Error("turning marking off leaves the marks or the legend")
	}
}
