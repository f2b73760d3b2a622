package pdf

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"orgdraft/assets"
	"orgdraft/domain"
)

// approvedTwice returns a template document approved as V1.0 试用稿, revised
// and approved again as V1.1 试用稿.
func approvedTwice(t *testing.T) *domain.Document {
	t.Helper()
	d, err := assets.LoadTemplate("property-service")
	if err != nil {
		t.Fatal(err)
	}
	d.Info.Version = "V1.0 试用稿"
	sign := func(day string) {
		d.Info.SignOffs = []domain.SignOff{
			{Role: "编制", Name: "李明", Date: day}, {Role: "审核", Name: "王芳", Date: day}, {Role: "批准", Name: "赵总", Date: day},
		}
	}
	approve := func(a domain.Approval) {
		r, err := d.PrepareApproval(a)
		if err == nil {
			err = d.Approve(r)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	sign("2024-03-01")
	approve(domain.Approval{Date: "2024-03-05", Note: "初版，试行"})
	info, err := d.RevisedInfo("")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Revise(info); err != nil {
		t.Fatal(err)
	}
	sign("2024-09-01")
	d.Info.SignOffs[0].Name = "孙丽" // a new preparer for the second version
	approve(domain.Approval{Date: "2024-09-10", Note: "巡逻岗编制由 7 人调为 8 人；新增消防主管岗位，负责消防设施的巡检与维护"})
	return d
}

// pageText returns the text of page n of the PDF at path, squeezed.
func pageText(t *testing.T, path string, n int) string {
	return squeeze(run(t, "pdftotext", "-raw", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), path, "-"))
}

func TestBookPrintsTheRevisionHistoryAfterTheCover(t *testing.T) {
	needPoppler(t)
	d := approvedTwice(t)
	path, _ := write(t, "revisions", bookFn, d, Options{})
	page2 := pageText(t, path, 2)
	for _, want := range []string{"修订记录", "版本", "批准日期", "修订说明", "编制", "审核", "批准",
		"V1.0试用稿", "2024-03-05", "初版，试行", "V1.1试用稿", "2024-09-10", "新增消防主管岗位", "孙丽", "李明", "王芳", "赵总", "2024-09-01"} {
		if !strings.Contains(page2, want) {
			t.Errorf("page 2 lacks %q:\n%s", want, page2)
		}
	}
	// Oldest first.
	if strings.Index(page2, "V1.0试用稿") > strings.Index(page2, "V1.1试用稿") {
		t.Error("the revisions are not in order")
	}
	// The contents follow it, and their page numbers still point at the
	// sections.
	contents := pageText(t, path, 3)
	if !strings.HasPrefix(contents, "目录") {
		t.Fatalf("page 3 is not the contents: %.80s", contents)
	}
	m := regexp.MustCompile(`3人员编制表(\d+)4岗位说明`).FindStringSubmatch(contents)
	if m == nil {
		t.Fatalf("no entry for the staffing table in %s", contents)
	}
	n, _ := strconv.Atoi(m[1])
	if !strings.Contains(pageText(t, path, n), "3人员编制表") {
		t.Errorf("the contents say the staffing table is on page %d, but it is not", n)
	}
	checkFonts(t, path)
}

func TestBookOfADraftNeverApprovedHasNoRevisionHistory(t *testing.T) {
	needPoppler(t)
	d, _ := assets.LoadTemplate("property-service")
	path, _ := write(t, "no-revisions", bookFn, d, Options{})
	if txt := text(t, path); strings.Contains(txt, "修订记录") {
		t.Fatal("a draft never approved prints a revision history")
	}
	if !strings.HasPrefix(pageText(t, path, 2), "目录") {
		t.Fatal("the contents do not follow the cover")
	}
}
