package sheet

import (
	"strings"
	"unicode/utf8"

	"orgdraft/domain"
)

// The columns of the rest of a position's 岗位说明书 (domain.JobSpec),
// after the others: 岗位编号 (a unit's own code on a unit's row), 薪资等级,
// 岗位概述, 工作权限, the parts of the qualifications (学历, 专业, 工作经验,
// 技能, 证书, 其他要求), 内部协作, 外部联系, 考核指标 and 外部上级 (the
// superior outside the chart of a top position). 工作权限 and 考核指标 are
// list cells, one item per line.

// jobTextColumns are the columns of the JobSpec's text fields.
var jobTextColumns = []struct {
	col   column
	field domain.JobField
}{
	{colCode, domain.JobCode}, {colPayGrade, domain.JobPayGrade}, {colSummary, domain.JobSummary},
	{colEducation, domain.JobEducation}, {colMajor, domain.JobMajor}, {colExperience, domain.JobExperience},
	{colSkills, domain.JobSkills}, {colCertificates, domain.JobCertificates}, {colOther, domain.JobOther},
	{colInternal, domain.JobInternal}, {colExternal, domain.JobExternal}, {colSuperior, domain.JobSuperior},
}

// jobColumnNames are the headers of the JobSpec's columns, as columnNames.
var jobColumnNames = map[column]struct {
	zh, en  string
	aliases []string
}{
	colCode:         {"岗位编号", "Position code", []string{"岗位代码", "code"}},
	colPayGrade:     {"薪资等级", "Pay grade", []string{"定级工资", "工资等级", "薪级"}},
	colSummary:      {"岗位概述", "Summary", []string{"岗位目的", "岗位工作描述", "工作描述", "job summary"}},
	colAuthority:    {"工作权限", "Authority", []string{"岗位权限"}},
	colEducation:    {"学历", "Education", []string{"学历要求"}},
	colMajor:        {"专业", "Major", []string{"专业要求"}},
	colExperience:   {"工作经验", "Experience", []string{"经验", "work experience"}},
	colSkills:       {"技能", "Skills", []string{"技能要求"}},
	colCertificates: {"证书", "Certificates", []string{"资格证书"}},
	colOther:        {"其他要求", "Other requirements", []string{"其它要求"}},
	colInternal:     {"内部协作", "Internal relations", []string{"内部关系"}},
	colExternal:     {"外部联系", "External relations", []string{"外部关系"}},
	colKPIs:         {"考核指标", "KPIs", []string{"绩效指标", "考核标准"}},
	colSuperior:     {"外部上级", "Superior outside the chart", []string{"架构图外上级"}},
}

// init adds the JobSpec's columns to columnNames and columnByKey.
func init() {
	for c, n := range jobColumnNames {
		columnNames[c] = n
		for _, name := range append([]string{n.zh, n.en}, n.aliases...) {
			columnByKey[headerKey(name)] = c
		}
	}
}

// jobColumnWidths are the widths of the JobSpec's columns in a workbook.
var jobColumnWidths = map[column]float64{
	colCode: 12, colPayGrade: 12, colSummary: 40, colAuthority: 40, colEducation: 12, colMajor: 12,
	colExperience: 16, colSkills: 24, colCertificates: 16, colOther: 16, colInternal: 24,
	colExternal: 24, colKPIs: 30, colSuperior: 12,
}

// jobCells writes n's JobSpec into its row.
func (o Options) jobCells(row []string, n *domain.Node) {
	for _, jc := range jobTextColumns {
		row[jc.col] = n.Job.Text(jc.field)
	}
	row[colAuthority] = o.list(n.Job.Authority)
	row[colKPIs] = o.list(n.Job.KPIs)
}

// job reads the JobSpec of the row into n.
func (r *reader) job(rec record, n *domain.Node) {
	for _, jc := range jobTextColumns {
		v := r.cell(rec, jc.col)
		if jc.field == domain.JobCode || jc.field == domain.JobSuperior {
			v = strings.TrimSpace(v)
		}
		if utf8.RuneCountInString(v) > jc.field.Limit() {
			r.fail(rec.row, jc.col, "文字太长（最多 %d 个字）", "the text is too long (at most %d characters)", jc.field.Limit())
		}
		*n.Job.Field(jc.field) = v
	}
	n.Job.Authority = r.list(rec, colAuthority)
	n.Job.KPIs = r.list(rec, colKPIs)
}
