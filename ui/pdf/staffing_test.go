package pdf

import (
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/domain/staffing"
)

// The book prints 编制测算 under each position sized from a plan, with the
// working the editor shows, and the staffing table's 说明 names them.
func TestBookPrintsTheStaffingCalculation(t *testing.T) {
	needPoppler(t)
	d, err := assets.LoadTemplate("property-service")
	if err != nil {
		t.Fatal(err)
	}
	path, _ := write(t, "staffing-book", bookFn, d, Options{})
	txt := body(text(t, path), d)
	sized := 0
	d.Walk(func(n *domain.Node) bool {
		if n.Staffing == nil {
			return true
		}
		sized++
		r, err := staffing.Compute(n.Staffing)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range staffing.Working(r, true) {
			if !strings.Contains(txt, squeeze(line)) {
				t.Errorf("%s: the book lacks the working line %q", n.Name, line)
			}
		}
		if !strings.Contains(txt, squeeze(n.Name+"（测算"+staffing.Num(float64(r.Total))+"人）")) {
			t.Errorf("the staffing table's note does not name %s", n.Name)
		}
		return true
	})
	if got := strings.Count(txt, "编制测算"); sized != 5 || got != sized+1 { // +1: the note's mention
		t.Errorf("%d positions sized, 编制测算 printed %d times", sized, got)
	}
	for _, want := range []string{"四班三运转：各班次合计每天24小时，需4人", "每人每周42小时|标准工时制40小时", "在法定上限36小时以内"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the book lacks %q", want)
		}
	}
	checkFonts(t, path)

	// A document without plans prints neither.
	plain, err := assets.LoadTemplate("sme-service")
	if err != nil {
		t.Fatal(err)
	}
	path, _ = write(t, "plain-book", bookFn, plain, Options{})
	if strings.Contains(text(t, path), "编制测算") {
		t.Error("a book without staffing plans prints 编制测算")
	}
}

// A result that differs from the 编制 is pointed out, with the difference.
func TestBookNotesAResultThatDiffers(t *testing.T) {
	needPoppler(t)
	d, err := assets.LoadTemplate("property-service")
	if err != nil {
		t.Fatal(err)
	}
	var gate domain.NodeID
	d.Walk(func(n *domain.Node) bool {
		if n.Name == "车辆门岗" {
			gate = n.ID
		}
		return true
	})
	p := d.Node(gate).Staffing.Clone()
	p.Round = staffing.RoundUp
	h := domain.NewHistory(d)
	if err := h.Do(domain.SetStaffing(gate, p)); err != nil {
		t.Fatal(err)
	}
	path, _ := write(t, "differs-book", bookFn, d, Options{})
	if txt := body(text(t, path), d); !strings.Contains(txt, "注：测算结果5人，本岗位编制4人，相差1人。") {
		t.Error("the difference is not noted")
	}
}
