package assets

import (
	"strings"
	"testing"

	"orgdraft/domain"
)

// named returns the box of d named name.
func named(t *testing.T, d *domain.Document, name string) *domain.Node {
	t.Helper()
	var found *domain.Node
	d.Walk(func(n *domain.Node) bool {
		if n.Name == name {
			found = n
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no box %s", name)
	}
	return found
}

// TestTemplatesCarryTheSeedsJobDescriptions: where the customer's
// documents state a part of the 岗位说明书, the template has it in its
// field: the hotline manager reports to 总经理 outside the chart (and no
// note repeats it), the warehouse positions' 岗位工作描述 is their summary.
func TestTemplatesCarryTheSeedsJobDescriptions(t *testing.T) {
	d, err := LoadTemplate("hotline-centre")
	if err != nil {
		t.Fatal(err)
	}
	mgr := named(t, d, "客服部经理")
	if got := d.SuperiorName(mgr.ID); got != "总经理" {
		t.Errorf("the hotline manager's superior is %q, want 总经理", got)
	}
	if strings.Contains(mgr.Notes, "直属上级") {
		t.Errorf("the manager's notes still state the superior: %q", mgr.Notes)
	}
	d, err = LoadTemplate("furniture-warehouse")
	if err != nil {
		t.Fatal(err)
	}
	for name, start := range map[string]string{"成品仓主管": "按公司制度做好仓库的各项管理工作", "成品仓管员": "负责成品仓的日常仓库管理工作"} {
		n := named(t, d, name)
		if !strings.HasPrefix(n.Job.Summary, start) || strings.Contains(n.Notes, "岗位工作描述") {
			t.Errorf("%s: summary %q, notes %q", name, n.Job.Summary, n.Notes)
		}
	}
}
