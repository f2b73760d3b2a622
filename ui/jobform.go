package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// jobForm is the inspector's part for the standard 岗位说明书: the panel's
// fields grouped in collapsible sections (基本信息, 岗位概述, 岗位职责,
// 工作权限, 任职资格, 工作关系, 考核指标 for a position; 基本信息 and
// 部门职能 for a unit), so that a position's many fields stay calm. A
// section the user opens or closes stays so from box to box. Its fields
// commit like the others of the panel (Inspector.textField): on leaving
// the field, on Enter, and at a pause in the typing.
type jobForm struct {
	in *Inspector

	codeLabel *widget.Label
	code      *commitEntry // a position's own code, or a unit's code
	payGrade  *commitEntry
	outside   *commitEntry // the superior outside the chart of a top position
	summary   *commitEntry
	// The parts of 任职资格 and 工作关系, in the order of quals.
	quals            []*commitEntry
	qualLabels       []string
	internal         *commitEntry
	external         *commitEntry
	authority, kpis  *itemList
	positionRows     []fyne.CanvasObject // rows of the inspector's form for positions
	outsideRow       []fyne.CanvasObject // shown for a position without a superior in the chart
	acc              *widget.Accordion
	basic            *widget.AccordionItem
	positionSections []*widget.AccordionItem
	unitSections     []*widget.AccordionItem
	// Content is what the inspector places.
	Content fyne.CanvasObject
}

// jobQualFields are the parts of 任职资格 the form shows, in order.
var jobQualFields = []domain.JobField{domain.JobEducation, domain.JobMajor, domain.JobExperience,
	domain.JobSkills, domain.JobCertificates, domain.JobOther}

// newJobForm makes the fields; rows returns those that go in the
// inspector's form, sections builds the accordion around it.
func newJobForm(in *Inspector) *jobForm {
	j := &jobForm{in: in}
	field := func(multi bool, f domain.JobField) *commitEntry {
		return in.textField(multi, func(id domain.NodeID, s string) domain.Command { return domain.SetJobText(id, f, s) })
	}
	j.codeLabel = widget.NewLabel(lang.L("Position code"))
	j.code = field(false, domain.JobCode)
	j.payGrade = field(false, domain.JobPayGrade)
	j.outside = field(false, domain.JobSuperior)
	j.outside.SetPlaceHolder(lang.L("e.g. General Manager, when the chart has none above"))
	j.summary = field(true, domain.JobSummary)
	j.summary.minRows = 2
	j.summary.fit()
	j.summary.SetPlaceHolder(lang.L("What the position is for, in a sentence or two"))
	j.qualLabels = []string{lang.L("Education"), lang.L("Major"), lang.L("Work experience"),
		lang.L("Skills"), lang.L("Certificates"), lang.L("Other (age, health…)")}
	for _, f := range jobQualFields {
		e := field(true, f)
		j.quals = append(j.quals, e)
	}
	j.internal = field(true, domain.JobInternal)
	j.external = field(true, domain.JobExternal)
	j.authority = newItemList(domain.Authority, lang.L("Authority"), in)
	j.kpis = newItemList(domain.KPIs, lang.L("KPIs"), in)
	return j
}

// rows returns the form rows the 岗位说明书 adds to the inspector's form:
// the code (of a position or a unit), the pay grade and the superior
// outside the chart.
func (j *jobForm) rows() []fyne.CanvasObject {
	payLabel := widget.NewLabel(lang.L("Pay grade"))
	j.positionRows = []fyne.CanvasObject{payLabel, j.payGrade}
	j.outsideRow = []fyne.CanvasObject{widget.NewLabel(lang.L("Superior outside the chart")), j.outside}
	return append([]fyne.CanvasObject{j.codeLabel, j.code}, append(j.positionRows, j.outsideRow...)...)
}

// sections builds the accordion: basic is the inspector's form, the lists
// its duties, qualifications and functions.
func (j *jobForm) sections(basic fyne.CanvasObject, duties, quals, functions *itemList) {
	// The section names the list, so the list's own title would repeat it.
	for _, l := range []*itemList{duties, functions, j.authority, j.kpis} {
		l.title.Hide()
	}
	form := func(labels []string, fields []*commitEntry) fyne.CanvasObject {
		var objs []fyne.CanvasObject
		for k, f := range fields {
			objs = append(objs, widget.NewLabel(labels[k]), f)
		}
		return container.New(layout.NewFormLayout(), objs...)
	}
	// The parts first, as the form prints them; the list holds what the
	// parts do not name (and the items of documents from before them).
	quals.title.SetText(lang.L("More requirements, one per item"))
	quals.title.TextStyle = fyne.TextStyle{}
	quals.title.Show()
	qualPart := container.NewVBox(form(j.qualLabels, j.quals), quals.Content)
	relations := form([]string{lang.L("Internal relations"), lang.L("External relations")}, []*commitEntry{j.internal, j.external})

	j.basic = widget.NewAccordionItem(lang.L("Basic information"), basic)
	j.basic.Open = true
	dutyItem := widget.NewAccordionItem(lang.L("Duties"), duties.Content)
	dutyItem.Open = true
	functionItem := widget.NewAccordionItem(lang.L("Unit functions"), functions.Content)
	functionItem.Open = true
	j.positionSections = []*widget.AccordionItem{
		j.basic,
		widget.NewAccordionItem(lang.L("Job summary"), j.summary),
		dutyItem,
		widget.NewAccordionItem(lang.L("Authority"), j.authority.Content),
		widget.NewAccordionItem(lang.L("Qualifications"), qualPart),
		widget.NewAccordionItem(lang.L("Working relations"), relations),
		widget.NewAccordionItem(lang.L("KPIs"), j.kpis.Content),
	}
	j.unitSections = []*widget.AccordionItem{j.basic, functionItem}
	j.acc = widget.NewAccordion(j.positionSections...)
	j.acc.MultiOpen = true
	// Asking its size makes its renderer now, so that the fields inside
	// belong to the canvas from the start: the panel is hidden until a
	// box is selected, and a field must take the focus before the next
	// paint (Enter in a list, a test).
	j.acc.MinSize()
	j.Content = j.acc
}

// fields returns the form's text fields, the list items included.
func (j *jobForm) fields() []*commitEntry {
	out := append([]*commitEntry{j.code, j.payGrade, j.outside, j.summary, j.internal, j.external}, j.quals...)
	return append(append(out, j.authority.fields()...), j.kpis.fields()...)
}

// show fills the form from box n of d (nil: no box).
func (j *jobForm) show(d *domain.Document, n *domain.Node) {
	if n == nil {
		j.authority.Show(nil)
		j.kpis.Show(nil)
		return
	}
	sections := j.unitSections
	j.code.SetModel(n.Job.Code)
	if n.Kind.IsPosition() {
		sections = j.positionSections
		j.codeLabel.SetText(lang.L("Position code"))
		// The scheme's code shows where the position has none of its own.
		auto := ""
		if n.Job.Code == "" {
			auto = d.PositionCode(n.ID)
		}
		j.code.SetPlaceHolder(auto)
		j.payGrade.SetModel(n.Job.PayGrade)
		j.outside.SetModel(n.Job.Superior)
		j.summary.SetModel(n.Job.Summary)
		for k, f := range jobQualFields {
			j.quals[k].SetModel(n.Job.Text(f))
		}
		j.internal.SetModel(n.Job.Internal)
		j.external.SetModel(n.Job.External)
		showAll(j.positionRows, true)
		top := d.Superior(n.ID) == 0
		showAll(j.outsideRow, top || n.Job.Superior != "")
		if top && n.Job.Superior != "" {
			j.in.superior.SetText(fmt.Sprintf(lang.L("%s (outside the chart)"), n.Job.Superior))
		}
		j.authority.Show(n)
		j.kpis.Show(n)
	} else {
		j.codeLabel.SetText(lang.L("Unit code"))
		j.code.SetPlaceHolder(lang.L("e.g. KF, numbers the positions inside"))
		showAll(j.positionRows, false)
		showAll(j.outsideRow, false)
		j.authority.Show(nil)
		j.kpis.Show(nil)
	}
	if len(j.acc.Items) != len(sections) || j.acc.Items[len(j.acc.Items)-1] != sections[len(sections)-1] {
		j.acc.Items = sections
		j.acc.Refresh()
	}
}

// section returns the accordion section titled title, or nil: for tests
// and for opening a section from elsewhere.
func (j *jobForm) section(title string) *widget.AccordionItem {
	for _, it := range j.acc.Items {
		if it.Title == title {
			return it
		}
	}
	return nil
}
