package domain

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// Every command refuses a value beyond the limits, and the document stays
// as it was.
func TestCommandsRefuseValuesBeyondTheLimits(t *testing.T) {
	h, ids := sample(t)
	before := snapshot(t, h.Doc)
	mgr := ids["经理"]
	bad := []struct {
		name string
		cmd  Command
		want error
	}{
		{"planned 2^62", SetPlanned(mgr, 1<<62), ErrOutOfRange},
		{"planned one over", SetPlanned(mgr, MaxHeadcount+1), ErrOutOfRange},
		{"filled one over", SetFilled(mgr, MaxHeadcount+1), ErrOutOfRange},
		{"filled negative", SetFilled(mgr, -1), ErrNegative},
		{"name of invalid UTF-8", Rename(mgr, "经\xff理"), ErrInvalidText},
		{"name with NUL", Rename(mgr, "经\x00理"), ErrInvalidText},
		{"new box of invalid UTF-8", AddChild(0, KindUnit, "\xc3("), ErrInvalidText},
		{"duty of invalid UTF-8", InsertItems(mgr, Duties, -1, "接听\xed\xa0\x80电话"), ErrInvalidText},
		{"notes with NUL", SetNotes(mgr, "a\x00b"), ErrInvalidText},
		{"grade too long", SetGrade(mgr, strings.Repeat("级", MaxTextRunes+1)), ErrTooLong},
		{"NaN offset", SetOffset(mgr, Offset{X: math.NaN()}), ErrOutOfRange},
		{"infinite offset", SetOffset(mgr, Offset{Y: math.Inf(-1)}), ErrOutOfRange},
		{"huge offset", SetOffset(mgr, Offset{X: 1e300}), ErrOutOfRange},
		{"link label too long", &AddLink{From: mgr, To: ids["助理"], Text: strings.Repeat("线", MaxNameRunes+1)}, ErrTooLong},
		{"link label invalid", &AddLink{From: mgr, To: ids["助理"], Text: "\xff"}, ErrInvalidText},
		{"stated total 2^62", &EditInfo{Name: "x", Apply: func(i *Info) error { i.StatedTotal = 1 << 62; return nil }}, ErrOutOfRange},
		{"title of invalid UTF-8", &EditInfo{Name: "x", Apply: func(i *Info) error { i.Title = "\xff"; return nil }}, ErrInvalidText},
		{"notes too long", &EditInfo{Name: "x", Apply: func(i *Info) error { i.Notes = strings.Repeat("注", MaxTextRunes+1); return nil }}, ErrTooLong},
		{"sign-off name too long", &EditInfo{Name: "x", Apply: func(i *Info) error {
			i.SignOffs[0].Name = strings.Repeat("名", MaxFieldRunes+1)
			return nil
		}}, ErrTooLong},
	}
	for _, c := range bad {
		if err := h.Do(c.cmd); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
	if err := h.Do(&EditInfo{Name: "x", Apply: func(i *Info) error { i.Page.Paper = "Letter"; return nil }}); err == nil {
		t.Error("an unknown paper was accepted")
	}
	if snapshot(t, h.Doc) != before {
		t.Fatal("refused edits changed the document")
	}
	// The limits themselves are allowed.
	mustDo(t, h, SetPlanned(mgr, MaxHeadcount))
	mustDo(t, h, SetOffset(mgr, Offset{X: -MaxOffset, Y: MaxOffset}))
	mustDo(t, h, Rename(mgr, strings.Repeat("长", MaxNameRunes)))
}

// Restore, the way in for files, imports and templates, refuses what the
// commands refuse and names the box.
func TestRestoreRefusesValuesBeyondTheLimits(t *testing.T) {
	info := NewDocument().Info
	good := Node{ID: 7, Kind: KindPosition, Name: "出纳", Planned: 1}
	cases := []struct {
		name string
		edit func(n *Node, i *Info, l *Link)
		want error
	}{
		{"planned 2^62", func(n *Node, _ *Info, _ *Link) { n.Planned = 1 << 62 }, ErrOutOfRange},
		{"filled negative", func(n *Node, _ *Info, _ *Link) { n.Filled = -5 }, ErrNegative},
		{"name of invalid UTF-8", func(n *Node, _ *Info, _ *Link) { n.Name = "出\xff纳" }, ErrInvalidText},
		{"name too long", func(n *Node, _ *Info, _ *Link) { n.Name = strings.Repeat("名", MaxNameRunes+1) }, ErrTooLong},
		{"empty name", func(n *Node, _ *Info, _ *Link) { n.Name = " " }, ErrEmptyName},
		{"NaN offset", func(n *Node, _ *Info, _ *Link) { n.Offset.Y = math.NaN() }, ErrOutOfRange},
		{"duty with NUL", func(n *Node, _ *Info, _ *Link) { n.Duties = []string{"ok", "\x00"} }, ErrInvalidText},
		{"too many duties", func(n *Node, _ *Info, _ *Link) { n.Duties = make([]string, MaxItems+1) }, ErrTooLong},
		{"stated total 2^62", func(_ *Node, i *Info, _ *Link) { i.StatedTotal = 1 << 62 }, ErrOutOfRange},
		{"sign-off of invalid UTF-8", func(_ *Node, i *Info, _ *Link) { i.SignOffs = []SignOff{{Role: "\xff"}} }, ErrInvalidText},
		{"link label too long", func(_ *Node, _ *Info, l *Link) { l.Label = strings.Repeat("线", MaxNameRunes+1) }, ErrTooLong},
	}
	for _, c := range cases {
		n, i, l := good.clone(), info.clone(), Link{ID: 1, From: 7, To: 7}
		c.edit(&n, &i, &l)
		_, err := Restore(i, []Node{n}, []Link{l})
		if !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
			continue
		}
		if strings.Contains(c.name, "planned") && !strings.Contains(err.Error(), `box 7 "出纳"`) {
			t.Errorf("%s: %q does not name the box", c.name, err)
		}
	}
	bad := info.clone()
	bad.Page.Paper = "B5"
	if _, err := Restore(bad, nil, nil); err == nil || !strings.Contains(err.Error(), `"B5"`) {
		t.Errorf("unknown paper: got %v", err)
	}
	if _, err := Restore(info, []Node{good}, nil); err != nil {
		t.Fatalf("a sound document was refused: %v", err)
	}
}

// The JSON form is bounded like every other way in.
func TestDecodeJSONRefusesValuesBeyondTheLimits(t *testing.T) {
	for doc, want := range map[string]error{
		`{"title":"x","nodes":[{"kind":"unit","name":"a","planned":4611686018427387904}]}`: ErrOutOfRange,
		`{"title":"x","nodes":[{"kind":"unit","name":"a\u0000b"}]}`:                        ErrInvalidText,
		`{"title":"x","nodes":[{"kind":"unit","name":"a","offset":{"x":1e308,"y":0}}]}`:    ErrOutOfRange,
		`{"title":"x","statedTotal":4611686018427387904,"nodes":[]}`:                       ErrOutOfRange,
	} {
		if _, err := DecodeJSON(strings.NewReader(doc)); !errors.Is(err, want) {
			t.Errorf("%s: got %v, want %v", doc, err, want)
		}
	}
}

func TestSanitizeTextAndTruncate(t *testing.T) {
	for in, want := range map[string]string{
		"经理":           "经理",
		"经\xff理":       "经\uFFFD理",
		"a\x00b\x00":   "ab",
		"\xed\xa0\x80": "\uFFFD", // a UTF-16 surrogate half, as one run
		"\xc3":         "\uFFFD",
	} {
		got, changed := SanitizeText(in)
		if got != want || changed != (in != want) {
			t.Errorf("SanitizeText(%q) = %q, %v; want %q", in, got, changed, want)
		}
	}
	if s, cut := Truncate("组织架构", 2); s != "组织" || !cut {
		t.Errorf("Truncate = %q, %v", s, cut)
	}
	if s, cut := Truncate("组织", 2); s != "组织" || cut {
		t.Errorf("Truncate at the limit = %q, %v", s, cut)
	}
}
