package domain

import (
	"fmt"
	"strings"
)

// This file holds the editing of a position's 岗位说明书 (JobSpec): one
// command per text field, the numbering scheme of 岗位编号, and the
// superior a top position names outside the chart. The two list fields,
// Authority and KPIs, are Lists edited by the item commands of command.go.

// JobField names one text field of a JobSpec.
type JobField int

// The text fields of a JobSpec, in the order the inspector shows them.
const (
	JobCode JobField = iota
	JobPayGrade
	JobSummary
	JobEducation
	JobMajor
	JobExperience
	JobSkills
	JobCertificates
	JobOther
	JobInternal
	JobExternal
	JobSuperior
)

// JobFields are all the text fields of a JobSpec.
var JobFields = []JobField{JobCode, JobPayGrade, JobSummary, JobEducation, JobMajor, JobExperience,
	JobSkills, JobCertificates, JobOther, JobInternal, JobExternal, JobSuperior}

var jobFieldNames = [...]string{"code", "payGrade", "summary", "education", "major", "experience",
	"skills", "certificates", "other", "internal", "external", "superior"}

// jobFieldLabels name the fields in messages and undo labels, in English.
var jobFieldLabels = [...]string{"position code", "pay grade", "job summary", "education", "major",
	"work experience", "skills", "certificates", "other requirements", "internal relations",
	"external relations", "superior outside the chart"}

// jobFieldEdits name the edit of each field for the Undo menu, in
// English (the editor translates them).
var jobFieldEdits = [...]string{"Set position code", "Set pay grade", "Set job summary", "Set education",
	"Set major", "Set work experience", "Set skills", "Set certificates", "Set other requirements",
	"Set internal relations", "Set external relations", "Set superior outside the chart"}

// String returns the field's stable name, used in JSON ("payGrade").
func (f JobField) String() string { return enumName(jobFieldNames[:], f, "job field") }

// ParseJobField is the inverse of JobField.String.
func ParseJobField(s string) (JobField, error) {
	return parseEnum[JobField](jobFieldNames[:], s, "job field")
}

// Limit is the most characters the field may hold: a code or a name is
// short, a description is a free text.
func (f JobField) Limit() int {
	switch f {
	case JobCode, JobSuperior:
		return MaxNameRunes
	case JobPayGrade:
		return MaxFieldRunes
	}
	return MaxTextRunes
}

// Field returns a pointer to the text field f of j.
func (j *JobSpec) Field(f JobField) *string {
	return [...]*string{&j.Code, &j.PayGrade, &j.Summary, &j.Education, &j.Major, &j.Experience,
		&j.Skills, &j.Certificates, &j.Other, &j.Internal, &j.External, &j.Superior}[f]
}

// Text returns the text field f of j.
func (j JobSpec) Text(f JobField) string { return *j.Field(f) }

// SetJobText sets one text field of a box's JobSpec. A unit keeps only its
// code (JobCode), which numbers the positions inside it.
func SetJobText(id NodeID, f JobField, v string) *EditNode {
	label := "Set job description"
	if f >= JobCode && f <= JobSuperior {
		label = jobFieldEdits[f]
	}
	return edit(id, label, func(n *Node) error {
		if f < JobCode || f > JobSuperior {
			return fmt.Errorf("unknown job field %d", f)
		}
		if f == JobCode || f == JobSuperior {
			v = strings.TrimSpace(v)
		}
		*n.Job.Field(f) = v
		return nil
	})
}

// checkJob checks a JobSpec against the limits.
func checkJob(j *JobSpec) error {
	for i, f := range JobFields {
		if err := checkText("the "+jobFieldLabels[i], j.Text(f), f.Limit()); err != nil {
			return err
		}
	}
	return nil
}

// CodeScheme numbers the positions of a document (岗位编号): a position's
// code is the prefix, the codes of the units above it (JobSpec.Code of a
// unit box, outermost first) and its sequence number within the nearest
// coded unit, joined by "-": KF-01-003. A position with a Code of its own
// keeps it, and still takes its number, so that setting one by hand does
// not renumber the others.
type CodeScheme struct {
	// Prefix comes first in every code, e.g. the company's letters.
	Prefix string
	// Digits is the width of the sequence number, padded with zeros; 0
	// turns the automatic numbering off.
	Digits int
}

// MaxCodeDigits bounds CodeScheme.Digits.
const MaxCodeDigits = 6

// checkCodes checks a numbering scheme against the limits.
func checkCodes(c *CodeScheme) error {
	if c.Digits < 0 || c.Digits > MaxCodeDigits {
		return fmt.Errorf("%w: the position code has %d digits, at most %d", ErrOutOfRange, c.Digits, MaxCodeDigits)
	}
	return checkText("the position code prefix", c.Prefix, MaxNameRunes)
}

// SetCodeScheme stores the document's numbering scheme of positions.
func SetCodeScheme(c CodeScheme) *EditInfo {
	return &EditInfo{Name: "Change position numbering", Apply: func(i *Info) error {
		c.Prefix = strings.TrimSpace(c.Prefix)
		i.Codes = c
		return nil
	}}
}

// PositionCode returns the code (岗位编号) position id prints: its own Code
// if it has one, else the one the document's CodeScheme gives, "" when the
// scheme is off or id is not a position. It walks id's numbering scope;
// to number every position use PositionCodes, which is one pass.
func (d *Document) PositionCode(id NodeID) string {
	n := d.nodes[id]
	if n == nil || !n.Kind.IsPosition() {
		return ""
	}
	if n.Job.Code != "" {
		return n.Job.Code
	}
	if d.Info.Codes.Digits == 0 {
		return ""
	}
	scope := d.codedUnit(id)
	seq := 0
	count := func(m *Node) bool {
		if m.ID != scope && d.codedUnit(m.ID) != scope {
			return true
		}
		if m.Kind.IsPosition() {
			seq++
		}
		return m.ID != id
	}
	if scope == 0 {
		d.Walk(count)
	} else {
		d.WalkSubtree(scope, count)
	}
	return d.codeOf(scope, seq)
}

// PositionCodes returns the code of every position that has one, the same
// as PositionCode gives for each, in one pass over the tree.
func (d *Document) PositionCodes() map[NodeID]string {
	out := map[NodeID]string{}
	seq := map[NodeID]int{}      // positions numbered so far, by scope
	scope := map[NodeID]NodeID{} // the nearest coded unit above (or at) each box
	d.Walk(func(n *Node) bool {
		s := scope[n.Parent]
		if p := d.nodes[n.Parent]; p != nil && p.Kind == KindUnit && p.Job.Code != "" {
			s = n.Parent
		}
		scope[n.ID] = s
		if !n.Kind.IsPosition() {
			return true
		}
		seq[s]++
		switch {
		case n.Job.Code != "":
			out[n.ID] = n.Job.Code
		case d.Info.Codes.Digits > 0:
			out[n.ID] = d.codeOf(s, seq[s])
		}
		return true
	})
	return out
}

// codedUnit returns the nearest unit above id with a code, or 0.
func (d *Document) codedUnit(id NodeID) NodeID {
	for p := d.nodes[d.nodes[id].Parent]; p != nil; p = d.nodes[p.Parent] {
		if p.Kind == KindUnit && p.Job.Code != "" {
			return p.ID
		}
	}
	return 0
}

// codeOf joins the prefix, the codes of scope and the coded units above
// it, and the sequence number.
func (d *Document) codeOf(scope NodeID, seq int) string {
	var parts []string
	for u := scope; u != 0; u = d.codedUnit(u) {
		parts = append(parts, d.nodes[u].Job.Code)
	}
	if p := d.Info.Codes.Prefix; p != "" {
		parts = append(parts, p)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	parts = append(parts, fmt.Sprintf("%0*d", d.Info.Codes.Digits, seq))
	return strings.Join(parts, "-")
}

// SuperiorName returns the name of the direct superior (直接上级) box id
// prints: the position Superior finds in the chart, or, for a position
// with none there, the superior its JobSpec names outside the chart (such
// as 总经理). "" when there is neither.
func (d *Document) SuperiorName(id NodeID) string {
	if s := d.Superior(id); s != 0 {
		return d.nodes[s].Name
	}
	if n := d.nodes[id]; n != nil && n.Kind.IsPosition() {
		return n.Job.Superior
	}
	return ""
}

// emptySections names the sections of position n's 岗位说明书 that are
// empty, in one hint (zh, en) for the position: the book leaves them out,
// and the user may want to fill them. The duties are left out here; a
// warning of their own names a position without any.
func emptySections(n *Node, name string) (zh, en string, ok bool) {
	j := &n.Job
	var zhs, ens []string
	for _, s := range []struct {
		empty  bool
		zh, en string
	}{
		{j.Summary == "", "岗位概述", "summary"},
		{len(j.Authority) == 0, "工作权限", "authority"},
		{len(n.Qualifications) == 0 && j.Education == "" && j.Major == "" && j.Experience == "" &&
			j.Skills == "" && j.Certificates == "" && j.Other == "", "任职资格", "qualifications"},
		{j.Internal == "" && j.External == "", "工作关系", "working relations"},
		{len(j.KPIs) == 0, "考核指标", "KPIs"},
	} {
		if s.empty {
			zhs, ens = append(zhs, s.zh), append(ens, s.en)
		}
	}
	if len(zhs) == 0 {
		return "", "", false
	}
	return fmt.Sprintf("岗位“%s”的岗位说明书未填写：%s", name, strings.Join(zhs, "、")),
		fmt.Sprintf("Position %q has empty sections in its job description: %s", name, strings.Join(ens, ", ")), true
}
