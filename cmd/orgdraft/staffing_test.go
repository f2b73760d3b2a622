package main

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
	"orgdraft/ui"
)

func TestStaffingCommandPrintsTheWorking(t *testing.T) {
	code, out, errs := runCLI(t, "staffing", "--posts", "1", "--hours", "24", "--days", "7", "--allowance", "5", "-lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := []string{"1 post × 24 h × 7 d = 168 h/week", "÷ 40 h (standard hours, a week per person) = 4.2",
		"× (1 + 5%) = 4.41 (allowance for leave and absence)", "rounded up to 5", "Result: 5 people"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("printed:\n%s", out)
	}
	code, out, _ = runCLI(t, "staffing", "--hours", "22:00-06:00", "--days", "7", "--system", "comprehensive", "--round", "nearest", "-lang", "zh")
	if code != exitOK || !strings.HasSuffix(out, "测算编制：1 人\n") || !strings.Contains(out, "8 小时（22:00–06:00）") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "staffing", "--posts", "2", "--hours", "8", "--days", "5", "--week-hours", "44", "-lang", "en")
	if code != exitOK || !strings.Contains(out, "÷ 44 h (custom hours") || !strings.HasSuffix(out, "Result: 2 people\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestStaffingCommandRefusesBadInput(t *testing.T) {
	for _, c := range []struct {
		args   []string
		code   int
		zh, en string
	}{
		{[]string{"--hours", "25", "--days", "7"}, exitFailed, "每天小时数应大于 0", "the hours a day must be over 0"},
		{[]string{"--hours", "8", "--days", "NaN"}, exitFailed, "每周天数", "the days a week"},
		{[]string{"--posts", "-3", "--hours", "8", "--days", "5"}, exitFailed, "同时在岗人数", "the people at once"},
		{[]string{"--hours", "8", "--days", "5", "--allowance", "500%"}, exitFailed, "休假余量", "the allowance"},
		{[]string{"--hours", "8", "--days", "five"}, exitUsage, "--days 应为数字", "--days must be a number"},
		{[]string{"--hours", "8", "--days", "5", "--week-hours", "40", "--system", "standard"}, exitUsage, "只能用一个", "not both"},
		{[]string{"--hours", "8", "--days", "5", "--round", "down"}, exitUsage, "取整方式", "unknown rounding"},
		{[]string{"--days", "5"}, exitUsage, "需要 --hours", "expected --hours"},
	} {
		for _, lang := range []string{"zh", "en"} {
			code, _, errs := runCLI(t, append([]string{"staffing", "-lang", lang}, c.args...)...)
			want := c.en
			if lang == "zh" {
				want = c.zh
			}
			if code != c.code || !strings.Contains(errs, want) {
				t.Errorf("%v (%s): exit %d, %q; want %d and %q", c.args, lang, code, errs, c.code, want)
			}
		}
	}
}

func TestStaffingCommandOnATemplate(t *testing.T) {
	code, out, _ := runCLI(t, "staffing", "@property-service", "-lang", "zh")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"秩序管理组 / 巡逻岗（编制 7 人）", "每周 280 小时", "夜间巡逻：1 个岗位点 × 8 小时（22:00–06:00）", "四班三运转：各班次合计每天 24 小时，需 4 人"} {
		if !strings.Contains(strings.ReplaceAll(out, "各岗位点合计 280 小时/周", "每周 280 小时"), want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
}

// The command line prints the working the editor shows, word for word, in
// either language.
func TestStaffingCommandMatchesTheEditor(t *testing.T) {
	test.NewTempApp(t)
	defer ui.SetLanguage(ui.LanguageEnglish)
	for _, lang := range []string{"zh", "en"} {
		ui.SetLanguage(map[string]string{"zh": ui.LanguageChinese, "en": ui.LanguageEnglish}[lang])
		d := domain.NewDocument()
		h := domain.NewHistory(d)
		add := domain.AddChild(0, domain.KindPosition, "监控岗")
		if err := h.Do(add); err != nil {
			t.Fatal(err)
		}
		night, _ := staffing.ParseHours("22:00-06:00")
		plan := &staffing.Plan{Posts: []staffing.Post{{People: 2, Hours: night, Days: 6}}, System: staffing.Comprehensive,
			Allowance: 7.5, Round: staffing.RoundNearest}
		if err := h.Do(domain.SetStaffing(add.ID, plan)); err != nil {
			t.Fatal(err)
		}
		insp := ui.NewInspector(func(c domain.Command) error { return h.Do(c) })
		insp.Show(d, add.ID, 1)
		shown := insp.StaffingWorking()
		code, out, errs := runCLI(t, "staffing", "-lang", lang, "--posts", "2", "--hours", "22:00-06:00", "--days", "6",
			"--system", "comprehensive", "--allowance", "7.5", "--round", "nearest")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if shown == "" || strings.TrimRight(out, "\n") != shown {
			t.Errorf("%s: the editor shows\n%s\nthe command line prints\n%s", lang, shown, out)
		}
	}
}
