package assets

import (
	"strings"
	"testing"

	"orgdraft/domain/staffing"
)

// The property template's 秩序管理组 carries its five posts, whose plans
// give the seed's figures (人行门岗4、车辆门岗4、监控岗4、巡逻岗7、停车管理岗4,
// 23 in all), and its note says where the seed's 4 differs from rounding
// up and by how much.
func TestPropertyTemplateStaffingGivesTheSeedsFigures(t *testing.T) {
	d, err := LoadTemplate("property-service")
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, name := range []string{"人行门岗", "车辆门岗", "监控岗", "巡逻岗", "停车管理岗"} {
		n := find(t, d, "秩序管理组", name)
		r, ok, err := d.StaffingResult(n.ID)
		if !ok || err != nil {
			t.Fatalf("%s: no staffing result (%v, %v)", name, ok, err)
		}
		if r.Total != n.Planned {
			t.Errorf("%s: the plan gives %d, the seed %d\n%s", name, r.Total, n.Planned, strings.Join(staffing.Working(r, true), "\n"))
		}
		total += r.Total
		if name != "巡逻岗" {
			rr, err := staffing.CheckRota(n.Staffing)
			if err != nil || rr == nil || rr.Total != n.Planned || !rr.Over() || rr.OverLegal {
				t.Errorf("%s: rota check %+v, %v; want 四班三运转's 4 people, over 40 h but within the overtime limit", name, rr, err)
			}
		}
		// Rounding up gives 5 a post: the note says so.
		up := n.Staffing.Clone()
		up.Round = staffing.RoundUp
		if r, _ := staffing.Compute(up); name != "巡逻岗" && r.Total != 5 {
			t.Errorf("%s rounded up: %d", name, r.Total)
		}
	}
	if total != 23 {
		t.Errorf("秩序管理员 %d by the plans, 23 in the seed", total)
	}
	order := find(t, d, "公共秩序部", "秩序管理组")
	for _, want := range []string{"4.2", "四班三运转", "27", "8.4"} {
		if !strings.Contains(order.Notes, want) {
			t.Errorf("秩序管理组's note lacks %q: %s", want, order.Notes)
		}
	}
}

// The hotline template's agents carry the two shifts, 做六休一, and the
// plan gives the 3 of "3班到值班16小时服务".
func TestHotlineTemplateCarriesItsShifts(t *testing.T) {
	d, err := LoadTemplate("hotline-centre")
	if err != nil {
		t.Fatal(err)
	}
	n := find(t, d, "客户服务部", "客服热线员")
	p := n.Staffing
	if p == nil || len(p.Shifts) != 2 || p.Shifts[0].Time.String() != "06:00-14:00" || p.Shifts[1].Time.String() != "14:00-22:00" || p.Rota != staffing.SixOnOneOff {
		t.Fatalf("客服热线员's plan: %+v", p)
	}
	r, err := staffing.Compute(p)
	if err != nil || r.Total != 3 || r.Total != n.Planned {
		t.Errorf("the plan gives %d (%v), 编制 %d", r.Total, err, n.Planned)
	}
	rr, err := staffing.CheckRota(p)
	if err != nil || rr.Total != 3 || rr.PersonWeek != 48 || rr.OverLegal {
		t.Errorf("做六休一: %+v, %v", rr, err)
	}
}
