package domain

import "slices"

// JobSpec holds the parts of a position's standard job description
// (岗位说明书) beyond its name, headcount, grade, hours, duties and
// qualifications list, which Node carries itself. An empty field is a
// part the user has not written: the book leaves it out rather than
// printing a placeholder.
type JobSpec struct {
	// Code is the position number (岗位编号) set by hand; empty means the
	// document's numbering scheme gives it.
	Code string
	// PayGrade is the pay grade or fixed wage (薪资等级 / 定级工资).
	PayGrade string
	// Summary says what the position is for (岗位概述 / 岗位目的).
	Summary string
	// Authority lists the position's powers (工作权限), in order.
	Authority []string
	// The parts of the qualifications (任职资格): education (学历), major
	// (专业), work experience (工作经验), skills (技能), certificates (证书)
	// and anything else, such as age or health (其他).
	Education, Major, Experience, Skills, Certificates, Other string
	// Internal and External are the working relations (工作关系): whom
	// the position works with inside the company (内部协作) and outside it
	// (外部联系).
	Internal, External string
	// KPIs lists how the position is assessed (考核指标), in order.
	KPIs []string
	// Superior names a direct superior outside the chart (such as 总经理
	// for a department drafted on its own). Only a position with no
	// superior in the chart uses it.
	Superior string
}

// clone returns a deep copy of j.
func (j JobSpec) clone() JobSpec {
	j.Authority = slices.Clone(j.Authority)
	j.KPIs = slices.Clone(j.KPIs)
	return j
}
