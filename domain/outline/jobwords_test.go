package outline

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"orgdraft/domain"
)

// TestJobDescriptionLines: the lines of a 岗位说明书 under a position go to
// its fields; 直属上级 under a top position is the superior the book
// prints; 工作权限 and 考核指标 are lists; the parts under 任职资格 go to
// their fields, the other lines there stay qualifications.
func TestJobDescriptionLines(t *testing.T) {
	d := mustParse(t, strings.Join([]string{
		"客户服务部",
		"  岗位编号：KF",
		"  客服部经理(1名)",
		"    岗位编号：KF-001",
		"    直属上级：总经理",
		"    定级工资：5000元",
		"    岗位概述：全面负责客户服务部的工作",
		"    1、统筹部门工作",
		"    工作权限：",
		"      1、对部门员工的考核权",
		"      2、服务标准的建议权",
		"    任职资格：",
		"      学历：大专以上",
		"      工作经验：三年以上客服管理经验",
		"      熟悉办公软件",
		"    证书：普通话二级",
		"    内部协作：营销管理部",
		"    外部联系：客户、供应商",
		"    考核指标：客户满意度",
		"  客服热线员(3名)",
		"    直接上级：客服部经理",
		"    1、接听热线",
	}, "\n"))
	mgr := find(t, d, "客服部经理")
	want := domain.JobSpec{
		Code: "KF-001", Superior: "总经理", PayGrade: "5000元", Summary: "全面负责客户服务部的工作",
		Authority: []string{"对部门员工的考核权", "服务标准的建议权"},
		Education: "大专以上", Experience: "三年以上客服管理经验", Certificates: "普通话二级",
		Internal: "营销管理部", External: "客户、供应商", KPIs: []string{"客户满意度"},
	}
	got := mgr.Job
	if !slices.Equal(got.Authority, want.Authority) || !slices.Equal(got.KPIs, want.KPIs) {
		t.Errorf("lists: authority %q, KPIs %q", got.Authority, got.KPIs)
	}
	got.Authority, got.KPIs, want.Authority, want.KPIs = nil, nil, nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JobSpec\n got %+v\nwant %+v", got, want)
	}
	if !slices.Equal(mgr.Qualifications, []string{"熟悉办公软件"}) || !slices.Equal(mgr.Duties, []string{"统筹部门工作"}) {
		t.Errorf("qualifications %q, duties %q", mgr.Qualifications, mgr.Duties)
	}
	if got := d.SuperiorName(mgr.ID); got != "总经理" {
		t.Errorf("the manager's superior is %q, want 总经理", got)
	}
	agent := find(t, d, "客服热线员")
	if got := d.SuperiorName(agent.ID); got != "客服部经理" {
		t.Errorf("the agent's superior is %q, want the chart's 客服部经理", got)
	}
	if unit := find(t, d, "客户服务部"); unit.Job.Code != "KF" {
		t.Errorf("the unit's code is %q, want KF", unit.Job.Code)
	}
}

// TestJobDescriptionLinesRefusedOnAUnit: a unit has no 岗位概述; the error
// names the line, and nothing is imported.
func TestJobDescriptionLinesRefusedOnAUnit(t *testing.T) {
	_, err := Parse("客户服务部\n  岗位概述：服务客户\n  客服(2人)\n")
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 || list[0].Line != 2 {
		t.Fatalf("err = %v, want one error on line 2", err)
	}
}

// TestHotlineOutlineKeepsItsSuperior: the seed's hotline outline, whose
// manager says 直属上级：总经理, gives the manager that superior.
func TestHotlineOutlineKeepsItsSuperior(t *testing.T) {
	d := mustParse(t, readOutline(t, "hotline.txt"))
	if got := d.SuperiorName(find(t, d, "客服部经理").ID); got != "总经理" {
		t.Errorf("the hotline manager's superior is %q, want 总经理", got)
	}
}

// TestPasteAddsJobDescriptionLines: an outline pasted into a position adds
// its 岗位说明书 lines to it, as one undoable edit.
func TestPasteAddsJobDescriptionLines(t *testing.T) {
	d := mustParse(t, "客服部\n  客服(2人)\n    1、接听\n")
	h := domain.NewHistory(d)
	agent := find(t, d, "客服").ID
	p, err := Insert(d, agent, "岗位概述：接待客户\n考核指标：\n  接通率\n  满意度\n")
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Do(p); err != nil {
		t.Fatal(err)
	}
	n := d.Node(agent)
	if n.Job.Summary != "接待客户" || !slices.Equal(n.Job.KPIs, []string{"接通率", "满意度"}) {
		t.Fatalf("after the paste: %+v", n.Job)
	}
	h.Undo()
	if n := d.Node(agent); n.Job.Summary != "" || len(n.Job.KPIs) != 0 {
		t.Errorf("after undo: %+v", n.Job)
	}
}
