package sheet

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
)

// A position's staffing plan goes out in the last column and comes back
// from CSV and XLSX as it was.
func TestStaffingColumnRoundTrip(t *testing.T) {
	d := domain.NewDocument()
	h := domain.NewHistory(d)
	unit := domain.AddChild(0, domain.KindUnit, "秩序管理组")
	post := domain.AddChild(0, domain.KindPosition, "车辆门岗")
	for _, c := range []domain.Command{unit, post} {
		if err := h.Do(c); err != nil {
			t.Fatal(err)
		}
	}
	night, _ := staffing.ParseHours("22:00-06:00")
	plan := &staffing.Plan{Posts: []staffing.Post{{Name: "夜间, \"门岗\"", People: 1, Hours: night, Days: 7}}, Allowance: 5, Rota: staffing.FourTeamsThreeShifts}
	if err := h.Do(domain.SetStaffing(post.ID, plan)); err != nil {
		t.Fatal(err)
	}
	roundTrip(t, "staffing", d)
	var b bytes.Buffer
	if err := WriteCSV(&b, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "22:00-06:00") {
		t.Errorf("the plan is not in the table:\n%s", b.String())
	}
}

func TestBadStaffingCellNamesItsRow(t *testing.T) {
	table := "名称,编制,排班定编\r\n车辆门岗,4,\"{\"\"posts\"\":[{\"\"people\"\":1,\"\"hours\"\":\"\"24\"\",\"\"days\"\":9}]}\"\r\n门岗,4,{oops\r\n"
	_, err := ReadCSV(strings.NewReader(table))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 || list[0].Row != 2 || list[1].Row != 3 || list[0].Column != "排班定编" {
		t.Fatalf("errors %v", err)
	}
	if !strings.Contains(list.Text(true), "每周天数") || !strings.Contains(list.Text(false), "days a week") {
		t.Errorf("messages:\n%s\n%s", list.Text(true), list.Text(false))
	}
}
