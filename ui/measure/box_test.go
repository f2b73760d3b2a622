package measure

import (
	"math"
	"slices"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestBoxSize(t *testing.T) {
	m := testMeasurer(t)
	st := DefaultBoxStyle()
	b := m.Box("人力资源部经理", []string{"编制 3人", "在岗 2人"}, st)

	if !slices.Equal(b.Name, []string{"人力资源部经理"}) || !slices.Equal(b.Detail, []string{"编制 3人", "在岗 2人"}) {
		t.Fatalf("lines: name %q, detail %q", b.Name, b.Detail)
	}
	wantW := 7*han + 2*st.PadX
	wantH := 2*st.PadY + m.LineHeight(10) + 2*m.LineHeight(8) + 2*st.LineGap
	if !near(b.W, wantW) || !near(b.H, wantH) {
		t.Errorf("box %v × %v, want %v × %v", b.W, b.H, wantW, wantH)
	}

	// A long name wraps at 8 Han characters into lines of even length,
	// and the box is as wide as they are.
	long := m.Box("客户服务部售后技术支持工程师", nil, st)
	if !slices.Equal(long.Name, []string{"客户服务部售后", "技术支持工程师"}) || len(long.Detail) != 0 {
		t.Errorf("long name lines %q, detail %q", long.Name, long.Detail)
	}
	if !near(long.W, 7*han+2*st.PadX) {
		t.Errorf("long box width %v", long.W)
	}

	// Short names get the minimum width; a cleared name keeps the height.
	short, empty := m.Box("经理", nil, st), m.Box("", nil, st)
	if short.W != st.MinWidth || empty.W != st.MinWidth {
		t.Errorf("short box widths %v and %v, want %v", short.W, empty.W, st.MinWidth)
	}
	if !near(empty.H, short.H) || len(empty.Name) != 1 {
		t.Errorf("empty name: %d lines, height %v, want 1 line, height %v", len(empty.Name), empty.H, short.H)
	}

	// A detail with a newline becomes two lines.
	nl := m.Box("出纳员", []string{"编制 1人\n兼文员"}, st)
	if !slices.Equal(nl.Detail, []string{"编制 1人", "兼文员"}) {
		t.Errorf("detail with newline: %q", nl.Detail)
	}
}

func TestBoxLinesPlacement(t *testing.T) {
	m := testMeasurer(t)
	for _, st := range []BoxStyle{DefaultBoxStyle(), func() BoxStyle { s := DefaultBoxStyle(); s.MinHeight = 100; return s }()} {
		b := m.Box("客户服务部售后技术支持工程师 ", []string{"编制 3人", "在岗 2人", "P5"}, st)
		lines := b.Lines()
		if len(lines) != len(b.Name)+len(b.Detail) {
			t.Fatalf("%d placed lines for %d+%d lines", len(lines), len(b.Name), len(b.Detail))
		}
		for i, pl := range lines {
			isName := i < len(b.Name)
			if pl.Name != isName || (isName && pl.Size != st.NameSize) || (!isName && pl.Size != st.DetailSize) {
				t.Errorf("line %d %q: name %v size %v", i, pl.Text, pl.Name, pl.Size)
			}
			if pl.Text != "" && pl.Text[len(pl.Text)-1] == ' ' {
				t.Errorf("line %q keeps a trailing space", pl.Text)
			}
			if !near(pl.W, m.Width(pl.Text, pl.Size)) {
				t.Errorf("line %q: W %v, Width %v", pl.Text, pl.W, m.Width(pl.Text, pl.Size))
			}
			// Centred horizontally, inside the padding.
			if !near(pl.X+pl.W/2, b.W/2) || pl.X < st.PadX-1e-9 {
				t.Errorf("line %q at x %v width %v in box of width %v", pl.Text, pl.X, pl.W, b.W)
			}
			if !near(pl.Y, pl.Top+m.Baseline(pl.Size)) {
				t.Errorf("line %q: baseline %v, top %v", pl.Text, pl.Y, pl.Top)
			}
			if pl.Top < st.PadY-1e-9 || pl.Top+m.LineHeight(pl.Size) > b.H-st.PadY+1e-9 {
				t.Errorf("line %q from %v to %v outside box of height %v", pl.Text, pl.Top, pl.Top+m.LineHeight(pl.Size), b.H)
			}
			if i > 0 {
				prev := lines[i-1]
				if !near(pl.Top, prev.Top+m.LineHeight(prev.Size)+st.LineGap) {
					t.Errorf("line %q starts at %v, previous ends at %v", pl.Text, pl.Top, prev.Top+m.LineHeight(prev.Size))
				}
			}
		}
		// Centred vertically: equal space above the first and below the last line.
		first, last := lines[0], lines[len(lines)-1]
		above, below := first.Top, b.H-(last.Top+m.LineHeight(last.Size))
		if !near(above, below) {
			t.Errorf("MinHeight %v: %v above the text, %v below", st.MinHeight, above, below)
		}
		if st.MinHeight > 0 && b.H != st.MinHeight {
			t.Errorf("box height %v, want MinHeight %v", b.H, st.MinHeight)
		}
	}
}
