package domain

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestPositionCodeScheme: with the scheme on, positions are numbered within
// the nearest coded unit, with the codes of the units above; a hand-set
// code wins and still takes its number; the one-pass PositionCodes agrees.
func TestPositionCodeScheme(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	if got := d.PositionCode(ids["经理"]); got != "" {
		t.Fatalf("with the scheme off the manager's code is %q, want none", got)
	}
	mustDo(t, h, SetCodeScheme(CodeScheme{Digits: 3}))
	mustDo(t, h, SetJobText(ids["客户服务部"], JobCode, " KF "))
	mustDo(t, h, SetJobText(ids["热线组"], JobCode, "01"))
	mustDo(t, h, SetJobText(ids["助理"], JobCode, "ZL-9"))
	want := map[string]string{
		"经理": "KF-001", "助理": "ZL-9", "文员": "KF-003",
		"热线员": "KF-01-001", "组长": "KF-01-002",
		"客户服务部": "", "热线组": "",
	}
	codes := d.PositionCodes()
	for name, code := range want {
		if got := d.PositionCode(ids[name]); got != code {
			t.Errorf("PositionCode(%s) = %q, want %q", name, got, code)
		}
		if codes[ids[name]] != code {
			t.Errorf("PositionCodes()[%s] = %q, want %q", name, codes[ids[name]], code)
		}
	}
	mustDo(t, h, SetCodeScheme(CodeScheme{Prefix: "ACME", Digits: 2}))
	if got := d.PositionCode(ids["组长"]); got != "ACME-KF-01-02" {
		t.Errorf("with a prefix: %q, want ACME-KF-01-02", got)
	}
	h.Undo()
	if got := d.PositionCode(ids["组长"]); got != "KF-01-002" {
		t.Errorf("after undo: %q, want KF-01-002", got)
	}
	if err := h.Do(SetCodeScheme(CodeScheme{Digits: MaxCodeDigits + 1})); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("too many digits: %v, want ErrOutOfRange", err)
	}
}

// TestSuperiorNameOutsideTheChart: a top position prints the superior its
// JobSpec names; a position with a superior in the chart prints that one.
func TestSuperiorNameOutsideTheChart(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	mgr := ids["经理"]
	if got := d.SuperiorName(mgr); got != "" {
		t.Fatalf("the top manager's superior is %q before any is named", got)
	}
	mustDo(t, h, SetJobText(mgr, JobSuperior, "总经理"))
	if got := d.SuperiorName(mgr); got != "总经理" {
		t.Errorf("SuperiorName(经理) = %q, want 总经理", got)
	}
	mustDo(t, h, SetJobText(ids["文员"], JobSuperior, "董事长"))
	if got := d.SuperiorName(ids["文员"]); got != "经理" {
		t.Errorf("a position under the manager prints %q, want the chart's 经理", got)
	}
	h.Undo()
	h.Undo()
	if got := d.SuperiorName(mgr); got != "" {
		t.Errorf("after undo: %q", got)
	}
}

// TestJobFieldsEditAndUndo: every text field is set by its command and
// undone; authority and KPIs take a multi-line paste as several items.
func TestJobFieldsEditAndUndo(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	id := ids["热线员"]
	before := snapshot(t, d)
	for i, f := range JobFields {
		v := "值" + f.String()
		mustDo(t, h, SetJobText(id, f, v))
		if got := d.Node(id).Job.Text(f); got != v {
			t.Errorf("field %d (%s) = %q, want %q", i, f, got, v)
		}
	}
	for _, l := range []List{Authority, KPIs} {
		mustDo(t, h, InsertItems(id, l, -1, "1、第一条\n2、第二条\n\n（三）第三条"))
		if got := d.Node(id).Items(l); !slices.Equal(got, []string{"第一条", "第二条", "第三条"}) {
			t.Errorf("%s after a paste: %q", l, got)
		}
		mustDo(t, h, EditItem(id, l, 1, "改"))
		mustDo(t, h, MoveItem(id, l, 0, 2))
		mustDo(t, h, DeleteItem(id, l, 0))
		if got := d.Node(id).Items(l); !slices.Equal(got, []string{"第三条", "第一条"}) {
			t.Errorf("%s after edit, move, delete: %q", l, got)
		}
	}
	if d.Node(id).Job.Authority == nil || d.Node(id).Job.KPIs == nil {
		t.Fatal("the list commands did not reach JobSpec")
	}
	for range len(JobFields) + 2*4 {
		h.Undo()
	}
	if got := snapshot(t, d); got != before {
		t.Errorf("undoing everything left\n%s\nwant\n%s", got, before)
	}
}

// TestJobSpecLimitsAndJSON: the caps hold for the new fields, and the JSON
// form keeps every field and the scheme.
func TestJobSpecLimitsAndJSON(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	id := ids["组长"]
	long := strings.Repeat("长", MaxNameRunes+1)
	if err := h.Do(SetJobText(id, JobCode, long)); !errors.Is(err, ErrTooLong) {
		t.Errorf("a code of %d characters: %v, want ErrTooLong", MaxNameRunes+1, err)
	}
	if err := h.Do(SetJobText(id, JobSummary, "a\x00b")); !errors.Is(err, ErrInvalidText) {
		t.Errorf("a NUL in the summary: %v, want ErrInvalidText", err)
	}
	many := strings.Repeat("x\n", MaxItems+1)
	if err := h.Do(InsertItems(id, KPIs, -1, many)); !errors.Is(err, ErrTooLong) {
		t.Errorf("%d KPIs: %v, want ErrTooLong", MaxItems+1, err)
	}
	for _, f := range JobFields {
		mustDo(t, h, SetJobText(id, f, "内容"+f.String()))
	}
	mustDo(t, h, InsertItems(id, Authority, -1, "审批权\n建议权"))
	mustDo(t, h, InsertItems(id, KPIs, -1, "满意度"))
	mustDo(t, h, SetCodeScheme(CodeScheme{Prefix: "P", Digits: 3}))
	text := snapshot(t, d)
	for _, want := range []string{`"payGrade": "内容payGrade"`, `"authority": [`, `"kpis": [`, `"codes": {`} {
		if !strings.Contains(text, want) {
			t.Errorf("the JSON form lacks %s", want)
		}
	}
	back, err := DecodeJSON(bytes.NewReader([]byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, back); got != text {
		t.Errorf("JSON round trip changed the document:\n%s\nwant\n%s", got, text)
	}
	if back.Info.Codes != (CodeScheme{Prefix: "P", Digits: 3}) {
		t.Errorf("scheme after the round trip: %+v", back.Info.Codes)
	}
	n := back.Nodes()
	i := slices.IndexFunc(n, func(n Node) bool { return n.Name == "组长" })
	if !slices.Equal(n[i].Job.Authority, []string{"审批权", "建议权"}) || n[i].Job.Education != "内容education" {
		t.Errorf("decoded job spec: %+v", n[i].Job)
	}
}

// TestValidateHintsEmptySections: a position whose 岗位说明书 sections are
// empty gets one hint naming them all, not an error; filling a section
// takes it off the list, filling all of them removes the hint.
func TestValidateHintsEmptySections(t *testing.T) {
	h, ids := sample(t)
	d := h.Doc
	id := ids["组长"]
	mustDo(t, h, InsertItems(id, Duties, -1, "带班"))
	hint := func() *Finding {
		var found *Finding
		for _, f := range d.Validate() {
			if f.Code == "empty-sections" && f.Node == id {
				if found != nil {
					t.Fatal("two empty-sections hints for one position")
				}
				found = &f
			}
		}
		return found
	}
	f := hint()
	if f == nil || f.Severity != SeverityInfo {
		t.Fatalf("an empty position: %+v, want one hint", f)
	}
	for _, s := range []string{"岗位概述", "工作权限", "任职资格", "工作关系", "考核指标"} {
		if !strings.Contains(f.Zh, s) {
			t.Errorf("the hint %q does not name %s", f.Zh, s)
		}
	}
	if slices.ContainsFunc(d.Validate(), func(f Finding) bool { return f.Code == "empty-sections" && f.Node == ids["热线员"] }) {
		t.Error("a position without duties got the hint beside its no-duties warning")
	}
	if len(Errors(d.Validate())) != 0 {
		t.Error("empty sections count as errors")
	}
	mustDo(t, h, SetJobText(id, JobEducation, "大专"))
	mustDo(t, h, SetJobText(id, JobExternal, "客户"))
	if f := hint(); f == nil || strings.Contains(f.Zh, "任职资格") || strings.Contains(f.Zh, "工作关系") || !strings.Contains(f.Zh, "岗位概述") {
		t.Errorf("after filling 学历 and 外部联系: %+v", f)
	}
	mustDo(t, h, SetJobText(id, JobSummary, "带领小组"))
	mustDo(t, h, InsertItems(id, Authority, -1, "排班权"))
	mustDo(t, h, InsertItems(id, KPIs, -1, "接通率"))
	if f := hint(); f != nil {
		t.Errorf("a full 岗位说明书 still has the hint %q", f.Zh)
	}
	if hint := slices.ContainsFunc(d.Validate(), func(f Finding) bool { return f.Code == "empty-sections" && f.Node == ids["热线组"] }); hint {
		t.Error("a unit got an empty-sections hint")
	}
}
