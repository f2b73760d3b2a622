package outline

import (
	"slices"
	"strings"
	"unicode/utf8"

	"orgdraft/domain"
)

// The headings of the rest of a position's 岗位说明书 (domain.JobSpec):
// "岗位概述：…", "学历：…", "直属上级：总经理", "工作权限：" over its items,
// "考核指标：" and the like. A text field takes the heading's inline text
// and the lines under it, one per line; 工作权限 and 考核指标 are lists, as
// 岗位职责 is. Under "任职资格：" an item such as "学历：本科" goes to its
// part of the qualifications rather than into the list.

// The headings of the JobSpec: its two lists, and one per text field
// (hJobText + the field).
const (
	hAuthority heading = hJob + iota
	hKPIs
	hJobText
)

// jobHeading is the heading of JobSpec text field f.
func jobHeading(f domain.JobField) heading { return hJobText + heading(f) }

// jobFieldOf returns the text field heading h names, if it names one.
func jobFieldOf(h heading) (domain.JobField, bool) {
	if h < hJobText {
		return 0, false
	}
	return domain.JobField(h - hJobText), true
}

// jobWords are the words of the JobSpec headings, as the customers' own
// documents and the usual 岗位说明书 forms write them.
var jobWords = map[heading][]string{
	hAuthority:                         {"工作权限", "岗位权限", "权限", "职权"},
	hKPIs:                              {"考核指标", "绩效指标", "考核标准", "考核内容", "绩效考核", "KPI"},
	jobHeading(domain.JobCode):         {"岗位编号", "岗位代码"},
	jobHeading(domain.JobPayGrade):     {"薪资等级", "定级工资", "工资等级", "薪酬等级", "薪级"},
	jobHeading(domain.JobSummary):      {"岗位概述", "岗位目的", "岗位工作描述", "工作描述", "岗位描述", "工作概述"},
	jobHeading(domain.JobEducation):    {"学历", "学历要求"},
	jobHeading(domain.JobMajor):        {"专业", "专业要求"},
	jobHeading(domain.JobExperience):   {"工作经验", "经验", "工作经历"},
	jobHeading(domain.JobSkills):       {"技能", "技能要求", "专业技能", "能力要求"},
	jobHeading(domain.JobCertificates): {"证书", "资格证书", "职业资格"},
	jobHeading(domain.JobOther):        {"其他要求", "其它要求", "年龄", "身体状况"},
	jobHeading(domain.JobInternal):     {"内部协作", "内部关系", "内部联系"},
	jobHeading(domain.JobExternal):     {"外部联系", "外部关系", "外部协作"},
	jobHeading(domain.JobSuperior):     {"直属上级", "直接上级"},
}

func init() {
	for h, words := range jobWords {
		for _, w := range words {
			headings[w] = h
		}
	}
}

// fillJob fills owner's JobSpec from heading line i, when it is one of
// the JobSpec's; it reports whether it was.
func (p *parser) fillJob(i int, owner *box) bool {
	l := &p.lines[i]
	f, text := jobFieldOf(l.heading)
	if !text && l.heading != hAuthority && l.heading != hKPIs {
		return false
	}
	unit := owner.node.Kind == domain.KindUnit
	switch {
	case unit && !(text && f == domain.JobCode):
		p.fail(i, "部门没有岗位说明书的这一项：请把它写在部门下的岗位里（部门可以写“岗位编号”作为部门编号）",
			"a unit has no such part of a job description: put it under one of its positions (a unit may have a 岗位编号, its code)")
	case l.heading == hAuthority:
		p.addItems(i, owner, domain.Authority, p.itemKids(i), l.inline)
	case l.heading == hKPIs:
		p.addItems(i, owner, domain.KPIs, p.itemKids(i), l.inline)
	default:
		var parts []string
		if l.inline != "" {
			parts = append(parts, l.inline)
		}
		for _, k := range p.itemKids(i) {
			parts = append(parts, p.lines[k].text)
		}
		p.setJobText(i, owner, f, parts)
	}
	return true
}

// setJobText adds parts, one per line, to text field f of owner's JobSpec.
func (p *parser) setJobText(i int, owner *box, f domain.JobField, parts []string) {
	field := owner.node.Job.Field(f)
	*field = strings.Join(append(slices.DeleteFunc([]string{*field}, func(s string) bool { return s == "" }), parts...), "\n")
	if n := utf8.RuneCountInString(*field); n > f.Limit() {
		p.fail(i, "文字太长（最多 %d 个字）", "the text is too long (at most %d characters)", f.Limit())
	}
}

// itemKids returns the item lines under line i.
func (p *parser) itemKids(i int) []int {
	var items []int
	for _, k := range p.lines[i].kids {
		if p.lines[k].role == roleItem {
			items = append(items, k)
		}
	}
	return items
}

// qualificationPart puts an item of 任职资格 that names a part ("学历：本科")
// into that part of owner's JobSpec; it reports whether the item was one.
func (p *parser) qualificationPart(i int, owner *box, text string) bool {
	key, rest, colon := cutColon(text)
	h, ok := headings[strings.TrimSpace(key)]
	f, isText := jobFieldOf(h)
	if !colon || !ok || !isText || f < domain.JobEducation || f > domain.JobOther {
		return false
	}
	if rest = strings.TrimSpace(rest); rest != "" {
		p.setJobText(i, owner, f, []string{rest})
	}
	return true
}

// mergeJob adds the JobSpec parts pasted into a box to its own: items go
// after its items, texts after its texts, and a code, pay grade or
// superior replaces the one it had.
func mergeJob(dst *domain.JobSpec, add domain.JobSpec) {
	dst.Authority = append(dst.Authority, add.Authority...)
	dst.KPIs = append(dst.KPIs, add.KPIs...)
	for _, f := range domain.JobFields {
		v := add.Text(f)
		switch {
		case v == "":
		case f == domain.JobCode || f == domain.JobPayGrade || f == domain.JobSuperior:
			*dst.Field(f) = v
		default:
			*dst.Field(f) = joinText(dst.Text(f), v)
		}
	}
}

// emptyJob reports whether j has nothing in it.
func emptyJob(j domain.JobSpec) bool {
	if len(j.Authority)+len(j.KPIs) > 0 {
		return false
	}
	for _, f := range domain.JobFields {
		if j.Text(f) != "" {
			return false
		}
	}
	return true
}
