package domain

import (
	"orgdraft/domain/staffing"

	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// signed fills in the three sign-off rows of d.
func signed(d *Document) {
	d.Info.SignOffs = []SignOff{
		{Role: "编制", Name: "张三", Date: "2026-11-20"},
		{Role: "审核", Name: "李四", Date: "2026-11-25"},
		{Role: "批准", Name: "王五", Date: "2026-11-30"},
	}
}

// approve approves d as the file does: prepare, then mark.
func approve(t *testing.T, h *History, a Approval) Revision {
	t.Helper()
	r, err := h.Doc.PrepareApproval(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Doc.Approve(r); err != nil {
		t.Fatal(err)
	}
	h.Forget()
	return r
}

func TestNextVersion(t *testing.T) {
	for in, want := range map[string]string{
		"V1.0":       "V1.1",
		"V1.0 试用稿":   "V1.1 试用稿",
		"V1.9":       "V1.10",
		"V2":         "V3",
		"v1.2.3 草案":  "v1.2.4 草案",
		"第1.0版":      "第1.1版",
		"试用稿":        "试用稿 V1.1",
		"":           "V1.1",
		"2024版 V1.0": "2025版 V1.0", // the first number is the version's
	} {
		if got := NextVersion(in); got != want {
			t.Errorf("NextVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestApprovalNamesWhatIsMissing(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	d.Info.SignOffs[1] = SignOff{Role: "审核", Name: "李四"} // no date
	_, err := d.PrepareApproval(Approval{Date: "2026-12-01"})
	var nr *NotReadyError
	if !errors.As(err, &nr) || !errors.Is(err, ErrNotReady) {
		t.Fatalf("approving with an empty sign-off block gave %v", err)
	}
	msg := err.Error()
	for _, want := range []string{`"Prepared by" has no name and no date`, `"Reviewed by" has no date`, `"Approved by" has no name and no date`} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refusal %q does not say %q", msg, want)
		}
	}
	if !strings.Contains(nr.Missing[1].Zh, "审核") || !strings.Contains(nr.Missing[1].Zh, "日期") {
		t.Errorf("the Chinese text %q does not name 审核's date", nr.Missing[1].Zh)
	}
	if d.Locked() || len(d.Revisions()) != 0 {
		t.Fatal("a refused approval changed the document")
	}
	// Signed, but with an error in the checks: still refused, naming it.
	signed(d)
	mustDo(t, h, setStatedTotal(99))
	_, err = d.PrepareApproval(Approval{Date: "2026-12-01"})
	if !errors.As(err, &nr) || len(nr.Missing) != 1 || nr.Missing[0].Code != "stated-total" {
		t.Fatalf("approving with a wrong stated total gave %v", err)
	}
	mustDo(t, h, setStatedTotal(0))
	r := approve(t, h, Approval{Date: "2026-12-01", Note: "初版"})
	if r.Approver != "王五" || r.Version != "V1.0" || r.Seq != 1 || !d.Locked() {
		t.Fatalf("revision %+v, locked %v", r, d.Locked())
	}
	if _, ok := ids["经理"]; !ok {
		t.Fatal("sample lost its boxes")
	}
}

// setStatedTotal sets the stated total, for the tests.
func setStatedTotal(n int) *EditInfo {
	return &EditInfo{Name: "stated total", Apply: func(i *Info) error { i.StatedTotal = n; return nil }}
}

func TestApprovedDocumentRefusesEditsAndUndo(t *testing.T) {
	h, ids := sample(t)
	signed(h.Doc)
	mustDo(t, h, Rename(ids["文员"], "行政文员"))
	before := snapshot(t, h.Doc)
	approve(t, h, Approval{Date: "2026-12-01"})
	approved := snapshot(t, h.Doc)
	if approved == before || !strings.Contains(approved, `"status": "approved"`) {
		t.Fatal("approving did not set the status")
	}
	if ok, _ := h.Undo(); ok || snapshot(t, h.Doc) != approved || h.CanUndo() {
		t.Fatal("undo after approving changed the document")
	}
	if err := h.Do(Rename(ids["文员"], "文员")); !errors.Is(err, ErrApproved) {
		t.Fatalf("an edit of the approved document gave %v", err)
	}
	if err := h.Do(SetInfo(Info{Title: "别的"})); !errors.Is(err, ErrApproved) || snapshot(t, h.Doc) != approved {
		t.Fatalf("a change of the fields gave %v", err)
	}
	if _, err := h.Doc.PrepareApproval(Approval{Date: "2026-12-02"}); !errors.Is(err, ErrApproved) {
		t.Fatalf("approving twice gave %v", err)
	}
}

func TestReviseStartsTheNextDraft(t *testing.T) {
	h, ids := sample(t)
	signed(h.Doc)
	h.Doc.Info.Version = "V1.0 试用稿"
	if _, err := h.Doc.RevisedInfo(""); !errors.Is(err, ErrNotApproved) {
		t.Fatalf("revising a draft gave %v", err)
	}
	first := approve(t, h, Approval{Date: "2026-12-01", Note: "初版"})
	info, err := h.Doc.RevisedInfo("")
	if err != nil {
		t.Fatal(err)
	}
	if info.Version != "V1.1 试用稿" || info.Status != Draft || info.SignOffs[2].Name != "王五" || info.SignOffs[2].Date != "" {
		t.Fatalf("revised fields %+v", info)
	}
	if err := h.Doc.Revise(info); err != nil {
		t.Fatal(err)
	}
	h.Forget()
	mustDo(t, h, Rename(ids["文员"], "行政文员"))
	d := h.Doc
	d.Info.SignOffs = first.SignOffs
	second := approve(t, h, Approval{Date: "2026-12-10", Approver: "赵六", Note: "文员改名"})
	if second.Seq != 2 || second.Version != "V1.1 试用稿" || second.Approver != "赵六" || len(d.Revisions()) != 2 {
		t.Fatalf("second revision %+v of %d", second, len(d.Revisions()))
	}
	old, err := d.RevisionDocument(1)
	if err != nil {
		t.Fatal(err)
	}
	if old.Node(ids["文员"]).Name != "文员" || old.Info.Version != "V1.0 试用稿" || !old.Locked() || len(old.Revisions()) != 1 {
		t.Fatalf("revision 1 reads back as %q %q locked=%v with %d revisions",
			old.Node(ids["文员"]).Name, old.Info.Version, old.Locked(), len(old.Revisions()))
	}
	if err := d.SetRevisionNote(1, "第一版"); err != nil || d.Revisions()[0].Note != "第一版" {
		t.Fatalf("editing the note: %v", err)
	}
	if err := d.SetRevisionNote(7, "x"); !errors.Is(err, ErrNoSuchRevision) {
		t.Fatalf("editing the note of a missing revision gave %v", err)
	}
}

// TestSnapshotKeepsEveryField fills every exported field of the document's
// fields and of a box (found by reflection, so a field added later is
// covered too) and checks that the snapshot gives it back, ids included.
func TestSnapshotKeepsEveryField(t *testing.T) {
	var info Info
	fill(t, reflect.ValueOf(&info).Elem())
	info.Page.Paper = "A3"
	info.Page.BookPaper = "A2"
	info.Status = Approved
	var a, b, c Node
	for _, n := range []*Node{&a, &b, &c} {
		fill(t, reflect.ValueOf(n).Elem())
		n.Kind, n.Leaves, n.Head = KindPosition, LeavesColumn, false
		// A staffing plan filled with arbitrary values is not one the
		// calculator takes; give it values it does.
		n.Staffing.System, n.Staffing.WeekHours = staffing.Custom, 40
		for k := range n.Staffing.Posts {
			n.Staffing.Posts[k].Hours = staffing.Hours{From: 6 * 60, To: 14 * 60, Range: true}
		}
		for k := range n.Staffing.Shifts {
			n.Staffing.Shifts[k].Time = staffing.Hours{From: 14 * 60, To: 22 * 60, Range: true}
		}
	}
	a.ID, a.Parent, a.Kind, a.Head = 40, 0, KindUnit, false
	b.ID, b.Parent, b.Head = 7, 40, true
	c.ID, c.Parent, c.Kind = 23, 7, KindAssistant
	d, err := Restore(info, []Node{a, b, c}, []Link{{ID: 9, From: 23, To: 40, Label: "协调"}})
	if err != nil {
		t.Fatal(err)
	}
	data, err := EncodeSnapshotJSON(d)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Info, d.Info) {
		t.Errorf("fields differ:\n%+v\n%+v", back.Info, d.Info)
	}
	if !reflect.DeepEqual(back.Nodes(), d.Nodes()) {
		t.Errorf("boxes differ:\n%+v\n%+v", back.Nodes(), d.Nodes())
	}
	if !slices.Equal(back.Links(), d.Links()) {
		t.Errorf("links differ: %+v, %+v", back.Links(), d.Links())
	}
	// The usual JSON form (templates, show --json) stays without ids.
	var plain bytes.Buffer
	if err := EncodeJSON(&plain, d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), `"id"`) || !bytes.Contains(data, []byte(`"id":40`)) {
		t.Error("the ids are in the wrong JSON form")
	}
}

// fill gives every settable field of v a value other than its zero.
func fill(t *testing.T, v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(t, v.Field(i))
			}
		}
	case reflect.String:
		v.SetString("文" + v.Type().Name() + "x")
	case reflect.Int, reflect.Int64:
		v.SetInt(1)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Float64:
		v.SetFloat(2.5)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(t, p.Elem())
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(t, s.Index(i))
		}
		v.Set(s)
	default:
		t.Fatalf("fill: a field of kind %s: teach the test about it", v.Kind())
	}
}

func TestIDsAfterReopeningStayAboveTheSnapshots(t *testing.T) {
	h, ids := sample(t)
	signed(h.Doc)
	extra := AddChild(ids["客户服务部"], KindPosition, "临时岗")
	mustDo(t, h, extra)
	mustDo(t, h, &DeleteNode{ID: extra.ID})
	// The highest id is gone from the draft, but revision 1 knew it.
	r := approve(t, h, Approval{Date: "2026-12-01"})
	reopened, err := Restore(h.Doc.Info, h.Doc.Nodes(), h.Doc.Links())
	if err != nil {
		t.Fatal(err)
	}
	reopened.SetRevisions([]Revision{r})
	info, _ := reopened.RevisedInfo("")
	reopened.Revise(info)
	add := AddChild(ids["客户服务部"], KindPosition, "新岗")
	if err := NewHistory(reopened).Do(add); err != nil {
		t.Fatal(err)
	}
	if add.ID <= extra.ID {
		t.Fatalf("a new box got id %d, which a deleted box of an older version had (%d)", add.ID, extra.ID)
	}
}

func TestPropertiesCannotApprove(t *testing.T) {
	h, _ := sample(t)
	i := h.Doc.Info
	i.Status, i.Title = Approved, "新标题"
	mustDo(t, h, SetInfo(i))
	if h.Doc.Locked() || h.Doc.Info.Title != "新标题" {
		t.Fatal("an edit of the fields set the status; only approving may")
	}
}

// TestLastRevision: a document never approved has none; after approving
// and revising, the last revision is the approved version, not the draft.
func TestLastRevision(t *testing.T) {
	h, ids := sample(t)
	signed(h.Doc)
	if _, ok := h.Doc.LastRevision(); ok {
		t.Fatal("a document never approved has a last revision")
	}
	approve(t, h, Approval{Date: "2026-12-01"})
	info, _ := h.Doc.RevisedInfo("")
	h.Doc.Revise(info)
	mustDo(t, h, Rename(ids["文员"], "行政文员"))
	prev, ok := h.Doc.LastRevision()
	if !ok || prev.Node(ids["文员"]).Name != "文员" {
		t.Fatalf("last revision: %v, %v", prev, ok)
	}
}
