package sheet

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"orgdraft/domain"
)

// jobDoc is a small document whose boxes carry every JobSpec field.
func jobDoc(t *testing.T) *domain.Document {
	t.Helper()
	nodes := []domain.Node{
		{ID: 1, Kind: domain.KindUnit, Name: "客户服务部", Job: domain.JobSpec{Code: "KF"}},
		{ID: 2, Parent: 1, Kind: domain.KindPosition, Name: "客服部经理", Head: true, Planned: 1,
			Duties: []string{"统筹部门工作"},
			Job: domain.JobSpec{Code: "KF-001", PayGrade: "定级工资 5000", Summary: "全面负责客户服务部\n第二行",
				Authority: []string{"考核权", "=建议权"}, Education: "大专", Major: "管理", Experience: "三年",
				Skills: "沟通", Certificates: "普通话二级", Other: "身体健康", Internal: "营销管理部",
				External: "客户", KPIs: []string{"满意度", "接通率"}, Superior: "总经理"}},
		{ID: 3, Parent: 1, Kind: domain.KindPosition, Name: "客服", Planned: 3, Job: domain.JobSpec{KPIs: []string{"接通率"}}},
	}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestJobColumnsRoundTrip: a table written as CSV and as a workbook, in
// Chinese and in English, reads back with every JobSpec field.
func TestJobColumnsRoundTrip(t *testing.T) {
	d := jobDoc(t)
	for _, o := range []Options{{}, {English: true}} {
		for _, format := range []struct {
			name  string
			write func(*bytes.Buffer) error
			read  func(*bytes.Buffer) (*domain.Document, error)
		}{
			{"csv", func(b *bytes.Buffer) error { return o.WriteCSV(b, d) }, func(b *bytes.Buffer) (*domain.Document, error) { return ReadCSV(b) }},
			{"xlsx", func(b *bytes.Buffer) error { return o.WriteXLSX(b, d) }, func(b *bytes.Buffer) (*domain.Document, error) { return ReadXLSX(b) }},
		} {
			var b bytes.Buffer
			if err := format.write(&b); err != nil {
				t.Fatal(err)
			}
			got, err := format.read(&b)
			if err != nil {
				t.Fatalf("%s English=%v: %v", format.name, o.English, err)
			}
			for _, want := range d.Nodes() {
				var g *domain.Node
				got.Walk(func(n *domain.Node) bool {
					if n.Name == want.Name {
						g = n
					}
					return g == nil
				})
				if g == nil || !reflect.DeepEqual(g.Job, want.Job) {
					t.Errorf("%s English=%v: %s's JobSpec\n got %+v\nwant %+v", format.name, o.English, want.Name, g, want.Job)
				}
			}
		}
	}
}

// TestJobColumnsOfAUserTable: a table of the user's own with a few of
// the JobSpec's columns under their usual names reads them; a text over
// its limit is an error naming the row and column.
func TestJobColumnsOfAUserTable(t *testing.T) {
	csv := "名称,上级编号,编号,定级工资,岗位目的,学历要求,绩效指标\n" +
		"客服部,,1,,,,\n" +
		"客服,1,2,3000元,接待客户,高中,\"1、接通率\n2、满意度\"\n"
	d, err := ReadCSV(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	var agent *domain.Node
	d.Walk(func(n *domain.Node) bool {
		if n.Name == "客服" {
			agent = n
		}
		return true
	})
	want := domain.JobSpec{PayGrade: "3000元", Summary: "接待客户", Education: "高中", KPIs: []string{"接通率", "满意度"}}
	if agent == nil || !reflect.DeepEqual(agent.Job, want) {
		t.Fatalf("客服's JobSpec %+v, want %+v", agent, want)
	}
	long := strings.Repeat("长", domain.MaxNameRunes+1)
	_, err = ReadCSV(strings.NewReader("名称,岗位编号\n客服," + long + "\n"))
	if err == nil || !strings.Contains(err.Error(), `row 2, column "岗位编号"`) {
		t.Errorf("an over-long code: %v", err)
	}
}
