package domain

import (
	"slices"
	"testing"
)

func TestSplitItems(t *testing.T) {
	for text, want := range map[string][]string{
		"1、接听热线；2、做好记录；3、回访":                {"接听热线", "做好记录", "回访"},
		"1、负责A。2、负责B\n3、负责C4、负责D":           {"负责A。", "负责B", "负责C4、负责D"},
		"(1)制定规划；(2)组织招聘。":                  {"制定规划", "组织招聘。"},
		"（1）负责A（2）负责B":                      {"负责A", "负责B"},
		"（一）收银 （二）对账":                       {"收银", "对账"},
		"一、全面负责门店经营；二、排班与考勤；三、门店安全。":        {"全面负责门店经营", "排班与考勤", "门店安全。"},
		"1. Run the operations. 2. Report.": {"Run the operations.", "Report."},
		"1、按第2、3条规定执行":                      {"按第2、3条规定执行"},
		"1、提成按2.5倍计算":                       {"提成按2.5倍计算"},
		"负责现金收付，2、银行结算":                     {"负责现金收付，2、银行结算"},
		"1、客服部经理(1名)2、客服热线员(3名)":            {"客服部经理(1名)", "客服热线员(3名)"},
		"１、接听；２、记录":                         {"接听", "记录"},
		"九、甲；十、乙；十一、丙":                      {"甲", "乙", "丙"},
		"1、甲；2、":                            {"甲；2、"},
		"":                                  nil,
		"第一行\n\n第二行":                        {"第一行", "第二行"},
	} {
		if got := SplitItems(text); !slices.Equal(got, want) {
			t.Errorf("SplitItems(%q) = %q, want %q", text, got, want)
		}
	}
}

func FuzzSplitItems(f *testing.F) {
	for _, s := range []string{"1、a；2、b", "(1)a(2)b", "一、a 二、b", "1.a 2.b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, item := range SplitItems(s) {
			if item == "" {
				t.Fatalf("an empty item from %q", s)
			}
		}
	})
}
