package ui

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// accordionHeader returns the header button of the inspector's section
// titled title, as the user sees it on the canvas.
func accordionHeader(t *testing.T, m *MainWindow, title string) *widget.Button {
	t.Helper()
	for _, o := range visibleObjects(m.Inspector().Content) {
		if b, ok := o.(*widget.Button); ok && b.Text == title {
			return b
		}
	}
	t.Fatalf("no section %q among %q", title, texts(m.Inspector().Content))
	return nil
}

// onScreen reports whether o is shown in the inspector: it and every
// object around it visible.
func onScreen(m *MainWindow, o fyne.CanvasObject) bool {
	return slices.Contains(visibleObjects(m.Inspector().Content), o)
}

// TestInspectorSectionsOfTheJobDescription: a position shows the 岗位说明书
// in collapsible sections, closed but for the basic fields and the duties;
// opening one by its header shows its fields, a unit shows its own two.
func TestInspectorSectionsOfTheJobDescription(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.agent)
	i := m.Inspector()
	var titles []string
	for _, it := range i.job.acc.Items {
		titles = append(titles, it.Title)
	}
	want := []string{"Basic information", "Job summary", "Duties", "Authority", "Qualifications", "Working relations", "KPIs"}
	if !slices.Equal(titles, want) {
		t.Fatalf("sections %q, want %q", titles, want)
	}
	if onScreen(m, i.job.summary) || onScreen(m, i.job.kpis.add) {
		t.Error("closed sections show their fields")
	}
	if !onScreen(m, i.name) || !onScreen(m, i.duties.add) {
		t.Error("the basic fields or the duties are not open at first")
	}
	test.Tap(accordionHeader(t, m, "Qualifications"))
	for _, e := range i.job.quals {
		if !onScreen(m, e) {
			t.Fatal("opening 任职资格 does not show its parts")
		}
	}
	if !shows(i.Content, "Education") || !shows(i.Content, "Other (age, health…)") {
		t.Errorf("the parts of 任职资格 are not labelled: %q", texts(i.Content))
	}
	// The opened section stays open on another position; a unit has its
	// own sections.
	m.Select(ids.head)
	if !onScreen(m, i.job.quals[0]) {
		t.Error("the section closed on selecting another position")
	}
	m.Select(ids.unit)
	titles = titles[:0]
	for _, it := range i.job.acc.Items {
		titles = append(titles, it.Title)
	}
	if !slices.Equal(titles, []string{"Basic information", "Unit functions"}) {
		t.Errorf("a unit's sections: %q", titles)
	}
	if !shows(i.Content, "Unit code") || onScreen(m, i.job.payGrade) {
		t.Error("a unit shows no code field, or a pay grade")
	}
}

// TestInspectorEditsTheJobDescription: typing in the fields sets the
// position's JobSpec, each field one undo step; a paste of several lines
// in 工作权限 and 考核指标 gives several items; the scheme's code shows
// in the empty code field; a top position names its superior outside the
// chart and the panel's 直接上级 shows it.
func TestInspectorEditsTheJobDescription(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	if err := m.Do(domain.SetJobText(ids.unit, domain.JobCode, "KF")); err != nil {
		t.Fatal(err)
	}
	if err := m.Do(domain.SetCodeScheme(domain.CodeScheme{Digits: 3})); err != nil {
		t.Fatal(err)
	}
	m.Select(ids.agent)
	i := m.Inspector()
	if got := i.job.code.PlaceHolder; got != "KF-002" {
		t.Errorf("the code field's hint is %q, want the scheme's KF-002", got)
	}
	for _, s := range []string{"Job summary", "Authority", "Qualifications", "Working relations", "KPIs"} {
		test.Tap(accordionHeader(t, m, s))
	}
	typeInto(m, i.job.summary, "接待客户来电来访")
	typeInto(m, i.job.payGrade, "定级工资 3000")
	typeInto(m, i.job.quals[0], "大专")
	typeInto(m, i.job.external, "客户")
	typeInto(m, i.job.code, "KF-A1")
	n := d.Node(ids.agent)
	if n.Job.Summary != "接待客户来电来访" || n.Job.PayGrade != "定级工资 3000" || n.Job.Education != "大专" ||
		n.Job.External != "客户" || d.PositionCode(ids.agent) != "KF-A1" {
		t.Fatalf("the JobSpec after typing: %+v", n.Job)
	}
	if got := m.UndoMenuLabel(); got != "Undo Set position code" {
		t.Errorf("Undo menu = %q", got)
	}
	m.Undo()
	if d.PositionCode(ids.agent) != "KF-002" || i.job.code.Text != "" {
		t.Errorf("after undo: code %q, field %q", d.PositionCode(ids.agent), i.job.code.Text)
	}

	i.job.authority.add.SetText("1、处理投诉的建议权\n2、服务标准的解释权")
	i.job.authority.Add()
	if got := d.Node(ids.agent).Job.Authority; !slices.Equal(got, []string{"处理投诉的建议权", "服务标准的解释权"}) {
		t.Fatalf("authority after a paste: %q", got)
	}
	if i.job.authority.Len() != 2 || !onScreen(m, i.job.authority.rows[1].entry) {
		t.Errorf("the panel shows %d authority rows", i.job.authority.Len())
	}
	pasteInto(m, i.job.kpis.add, "接通率\n满意度\n")
	i.job.kpis.Add()
	if got := d.Node(ids.agent).Job.KPIs; !slices.Equal(got, []string{"接通率", "满意度"}) {
		t.Fatalf("KPIs after a paste: %q", got)
	}
	if got := m.UndoMenuLabel(); !strings.HasPrefix(got, "Undo Add kpis") {
		t.Errorf("Undo menu = %q", got)
	}

	// The head of the unit is the top position: it takes a superior
	// outside the chart, and 直接上级 shows it.
	m.Select(ids.head)
	if !onScreen(m, i.job.outside) {
		t.Fatal("a top position has no field for a superior outside the chart")
	}
	typeInto(m, i.job.outside, "总经理")
	if d.SuperiorName(ids.head) != "总经理" {
		t.Fatalf("SuperiorName = %q", d.SuperiorName(ids.head))
	}
	if !strings.Contains(i.superior.Text, "总经理") {
		t.Errorf("直接上级 shows %q", i.superior.Text)
	}
	m.Select(ids.agent)
	if onScreen(m, i.job.outside) || i.superior.Text != "客服经理" {
		t.Errorf("a position under the head: outside field shown %v, superior %q", onScreen(m, i.job.outside), i.superior.Text)
	}
}

// TestJobFieldCommitsAtAPause: typing in a 岗位说明书 field is committed
// after the pause, like the other fields, and stays one undo step.
func TestJobFieldCommitsAtAPause(t *testing.T) {
	forgetPauses(t)
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	m.Select(ids.agent)
	i := m.Inspector()
	test.Tap(accordionHeader(t, m, "Job summary"))
	c := m.Window.Canvas()
	c.Focus(i.job.summary)
	test.Type(c.Focused(), "负责")
	waitFor(t, "the pause commit", func() bool { return d.Node(ids.agent).Job.Summary == "负责" })
	test.Type(c.Focused(), "接听")
	waitFor(t, "the second pause commit", func() bool { return d.Node(ids.agent).Job.Summary == "负责接听" })
	c.Unfocus()
	m.Undo()
	if got := d.Node(ids.agent).Job.Summary; got != "" {
		t.Errorf("one undo left %q", got)
	}
}

// TestPropertiesSetThePositionNumbering: Document Properties, opened from
// its menu item, sets the numbering scheme: the example follows the
// choice, OK stores it as one undoable edit, and the positions print
// their codes from it.
func TestPropertiesSetThePositionNumbering(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	d := m.Session().Doc
	if err := m.Do(domain.SetJobText(ids.unit, domain.JobCode, "KF")); err != nil {
		t.Fatal(err)
	}
	menuAction(t, m, "Document Properties…")()
	top := topDialog(t, m)
	var digits *widget.Select
	var prefix *keyEntry
	for _, o := range visibleObjects(top) {
		switch w := o.(type) {
		case *widget.Select:
			if slices.Contains(w.Options, "001") {
				digits = w
			}
		case *keyEntry:
			if w.PlaceHolder == "e.g. the company's letters; may stay empty" {
				prefix = w
			}
		}
	}
	if digits == nil || prefix == nil {
		t.Fatalf("no numbering fields in the dialog: %q", texts(top))
	}
	if digits.Selected != "Off" {
		t.Errorf("a new document's numbering is %q, want Off", digits.Selected)
	}
	digits.SetSelected("001")
	test.Type(prefix, "GS")
	dialogShows(t, m, "e.g. GS-KF-001")
	tapButton(t, top, "OK")
	if d.Info.Codes != (domain.CodeScheme{Prefix: "GS", Digits: 3}) {
		t.Fatalf("the scheme stored: %+v", d.Info.Codes)
	}
	if got := d.PositionCode(ids.support); got != "GS-KF-003" {
		t.Errorf("技术支持's code = %q, want GS-KF-003", got)
	}
	m.Undo()
	if d.PositionCode(ids.support) != "" {
		t.Errorf("after undo the code is %q", d.PositionCode(ids.support))
	}
}

// TestJobSpecCommandLabelsAreTranslated: the Undo menu names every edit
// of the 岗位说明书 in Chinese too.
func TestJobSpecCommandLabelsAreTranslated(t *testing.T) {
	data, err := os.ReadFile("translations/orgdraft.zh_Hans.json")
	if err != nil {
		t.Fatal(err)
	}
	var zh map[string]any // plural forms are objects
	if err := json.Unmarshal(data, &zh); err != nil {
		t.Fatal(err)
	}
	cmds := []domain.Command{domain.SetCodeScheme(domain.CodeScheme{})}
	for _, f := range domain.JobFields {
		cmds = append(cmds, domain.SetJobText(1, f, ""))
	}
	for _, l := range []domain.List{domain.Authority, domain.KPIs} {
		cmds = append(cmds, domain.InsertItems(1, l, 0, "x"), domain.EditItem(1, l, 0, "x"),
			domain.DeleteItem(1, l, 0), domain.MoveItem(1, l, 0, 1))
	}
	for _, c := range cmds {
		if s, _ := zh[c.Label()].(string); s == "" {
			t.Errorf("command label %q has no Chinese translation", c.Label())
		}
	}
}
