package storage

import (
	"errors"
	"fmt"
	"testing"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
)

func countRows(t *testing.T, f *File, table string) int {
	t.Helper()
	var n int
	must(t, f.conn.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n))
	return n
}

// A plan set, applied, removed and its box deleted is saved with each
// edit and read back as it was.
func TestStaffingPlanIsSaved(t *testing.T) {
	_, path := tempPath(t, "定编.orgdraft")
	d := richDocument(t)
	f := mustCreate(t, path, d)
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	do := func(c domain.Command) {
		t.Helper()
		if err := h.Do(c); err != nil {
			t.Fatalf("%s: %v", c.Label(), err)
		}
	}
	do(domain.SetStaffing(23, &staffing.Plan{Posts: []staffing.Post{{Name: "操作岗", People: 3, Hours: staffing.Hours{N: 24}, Days: 7}}}))
	do(domain.ApplyStaffing(23))
	mustClose(t, f)
	f, got := reopen(t, path)
	assertSameDoc(t, d, got)
	if got.Node(23).Planned != 13 || got.Node(23).Staffing == nil || got.Node(25).Staffing == nil {
		t.Fatalf("read back: 编制 %d, plans %v %v", got.Node(23).Planned, got.Node(23).Staffing, got.Node(25).Staffing)
	}
	mustClose(t, f)

	f, d = reopen(t, path)
	h = domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	do(domain.SetStaffing(23, nil))
	do(&domain.DeleteNode{ID: 20}) // takes 25 and its plan along
	if n := countRows(t, f, "staffing"); n != 0 {
		t.Errorf("%d staffing rows left", n)
	}
	mustClose(t, f)
	f, got = reopen(t, path)
	defer f.Close()
	assertSameDoc(t, d, got)
}

// makeV1 writes a document file of schema version 1, as OrgDraft wrote it
// before the staffing table: one unit with one position.
func makeV1(t *testing.T, path string) {
	t.Helper()
	rawExec(t, path, migrations[0].sql,
		`INSERT INTO document VALUES (1, '物业', '', 'V1.0', 'draft', '', '对内公开', 0, '', 'A4', 0, 0, 1)`,
		`INSERT INTO node VALUES (1, NULL, 0, 'unit', '秩序管理组', 0, 0, 0, 0, '', '', '', 0, 0, 0, 'default')`,
		`INSERT INTO node VALUES (2, 1, 0, 'position', '车辆门岗', 0, 4, 4, 0, '', '三班工作制', '', 0, 0, 0, 'default')`,
		`INSERT INTO item VALUES (2, 'duties', 0, '车辆进出管理')`,
		fmt.Sprintf("PRAGMA application_id = %d", applicationID), "PRAGMA user_version = 1")
}

// A file made by the first schema opens, is upgraded to the newest one,
// and then keeps a plan.
func TestVersion1FileIsUpgraded(t *testing.T) {
	_, path := tempPath(t, "旧版.orgdraft")
	makeV1(t, path)
	f, d := reopen(t, path)
	var version int
	must(t, f.conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version))
	if version != len(migrations) {
		t.Errorf("user_version %d after opening, want %d", version, len(migrations))
	}
	n := d.Node(2)
	if n == nil || n.Name != "车辆门岗" || n.Planned != 4 || n.Hours != "三班工作制" || len(n.Duties) != 1 || n.Staffing != nil {
		t.Fatalf("the upgraded document lost its box: %+v", n)
	}
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	if err := h.Do(domain.SetStaffing(2, &staffing.Plan{Posts: []staffing.Post{{People: 1, Hours: staffing.Hours{N: 24}, Days: 7}}, Round: staffing.RoundNearest})); err != nil {
		t.Fatal(err)
	}
	mustClose(t, f)
	f, got := reopen(t, path)
	defer f.Close()
	assertSameDoc(t, d, got)
	if r, ok, err := got.StaffingResult(2); !ok || err != nil || r.Total != 4 {
		t.Errorf("the plan read back gives %d (%v, %v)", r.Total, ok, err)
	}
}

// A stored plan that cannot be read is left out with a warning; the box
// and its 编制 stay, and the file keeps its bytes.
func TestBrokenStaffingPlanIsLeftOut(t *testing.T) {
	for name, plan := range map[string]string{
		"not JSON":      "{posts",
		"out of range":  `{"posts":[{"people":1,"hours":"24","days":9}],"system":"standard","round":"up"}`,
		"unknown field": `{"posts":[],"system":"standard","round":"up","weekly":40}`,
	} {
		_, path := tempPath(t, "坏.orgdraft")
		mustClose(t, mustCreate(t, path, richDocument(t)))
		rawExec(t, path, "UPDATE staffing SET plan = '"+plan+"' WHERE node = 25")
		before := fileHash(t, path)
		f, d := reopen(t, path)
		ws := f.Warnings()
		mustClose(t, f)
		if len(ws) != 1 || !errors.Is(ws[0], ErrStaffingDropped) {
			t.Errorf("%s: warnings %v", name, ws)
		}
		if n := d.Node(25); n == nil || n.Staffing != nil || n.Planned != 3 {
			t.Errorf("%s: box %+v", name, n)
		}
		if fileHash(t, path) != before {
			t.Errorf("%s: opening changed the file", name)
		}
	}
}
