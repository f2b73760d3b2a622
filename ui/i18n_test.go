package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"

	"orgdraft/domain"
)

func TestLanguageSwitchShowsChinese(t *testing.T) {
	m, ids := newTestEditor(t, Options{})
	m.Select(ids.agent)
	typeInto(m, m.Inspector().grade, "P3")
	if m.menu.main.Items[0].Label != "File" || !shows(m.Window.Content(), "Planned") {
		t.Fatal("the test editor does not start in English")
	}
	m.ApplySettings(LanguageChinese, "")
	if m.App.Preferences().String(prefLanguage) != LanguageChinese {
		t.Error("the choice is not stored")
	}
	var menus []string
	for _, mn := range m.menu.main.Items {
		menus = append(menus, mn.Label)
	}
	if strings.Join(menus, " ") != "文件 编辑 插入 视图 帮助" {
		t.Errorf("menus: %q", menus)
	}
	content := m.Window.Content()
	for _, want := range []string{"编制人数", "岗位职责", "任职资格", "直接上级", "添加", "下级", "编制合计 5 人，在岗 2 人", "未保存"} {
		if !shows(content, want) {
			t.Errorf("the window does not show %q", want)
		}
	}
	// The document, the selection and the undo history survived the
	// rebuild; the undo entry names the edit in Chinese.
	if m.Inspector().name.Text != "客服专员" {
		t.Errorf("inspector shows %q after the switch", m.Inspector().name.Text)
	}
	if got := m.UndoMenuLabel(); got != "撤销“修改职务等级”" {
		t.Errorf("undo menu = %q", got)
	}
	if !strings.Contains(m.Window.Title(), "未命名 — 未保存（已留恢复副本） — 组织架构设计器") {
		t.Errorf("title = %q", m.Window.Title())
	}
	// Fyne's own words follow too.
	m.Quit()
	m.Do(domain.Rename(ids.agent, "客服代表"))
	m.Quit()
	for _, want := range []string{"取消", "不保存", "保存…"} {
		if !shows(topDialog(t, m), want) {
			t.Errorf("the unsaved-work dialog does not show %q", want)
		}
	}
	tapButton(t, topDialog(t, m), "取消")
	m.ApplySettings(LanguageEnglish, "")
	if m.menu.main.Items[0].Label != "File" {
		t.Errorf("back in English the first menu is %q", m.menu.main.Items[0].Label)
	}
}

func TestAppearanceIsApplied(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	m.ApplySettings(LanguageEnglish, AppearanceDark)
	th, ok := m.App.Settings().Theme().(*Theme)
	if !ok || th.appearance != AppearanceDark {
		t.Fatalf("theme = %#v", m.App.Settings().Theme())
	}
	// The bundled font serves all text styles.
	if th.Font(fyne.TextStyle{Bold: true}).Name() != "WenQuanYiMicroHei.ttf" {
		t.Error("bold text does not use the bundled font")
	}
}

// readTranslations returns a translation file's flat string keys.
func readTranslations(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("translations", name))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string]string{}
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[k] = s
		}
	}
	return out
}

// TestTranslationsAreComplete checks that every word the code shows
// through lang.L, and every label of a domain command, is in both files,
// and that the English file says what the code says.
func TestTranslationsAreComplete(t *testing.T) {
	zh := readTranslations(t, "orgdraft.zh_Hans.json")
	en := readTranslations(t, "orgdraft.en.json")
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in the Chinese file only", k)
		}
	}
	for k, v := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("%q is in the English file only", k)
		}
		// Upper-case keys (HELP_TEXT) and Fyne's lower-case ids
		// ("monday") name longer texts.
		if strings.ToUpper(k) != k && !unicode.IsLower([]rune(k)[0]) && v != k {
			t.Errorf("English %q translates to %q: the key is the English text", k, v)
		}
	}
	// Reserved words of the translation format break loading when mixed
	// with other keys.
	for _, r := range []string{"id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation"} {
		for k := range zh {
			if strings.EqualFold(k, r) {
				t.Errorf("reserved key %q", k)
			}
		}
	}

	call := regexp.MustCompile("lang\\.L\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)")
	files, _ := filepath.Glob("*.go")
	used := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			key := strings.Trim(m[1], "`")
			if strings.HasPrefix(m[1], "\"") {
				key, _ = strconv.Unquote(m[1])
			}
			used++
			if _, ok := zh[key]; !ok {
				t.Errorf("%s: %q has no Chinese translation", f, key)
			}
			if strings.Count(key, "%") != strings.Count(zh[key], "%") {
				t.Errorf("%q and %q differ in their %% verbs", key, zh[key])
			}
		}
	}
	if used < 100 {
		t.Fatalf("found only %d lang.L calls: the pattern is broken", used)
	}

	// The labels of the commands (shown as "Undo …").
	d, ids := testDoc(t)
	sib, _ := domain.AddSibling(d, ids.agent, domain.KindPosition, "x")
	cmds := []domain.Command{
		domain.AddChild(0, domain.KindUnit, "x"), sib, domain.AddAssistant(ids.head, "x"),
		&domain.DeleteNode{ID: ids.agent}, &domain.Move{ID: ids.agent}, &domain.SetHead{ID: ids.agent},
		&domain.AddLink{From: ids.head, To: ids.agent}, &domain.RemoveLink{ID: 1},
		domain.Rename(1, "x"), domain.SetKind(1, 0), domain.SetPlanned(1, 0), domain.SetFilled(1, 0),
		domain.SetGrade(1, ""), domain.SetHours(1, ""), domain.SetNotes(1, ""), domain.SetConcurrent(1, true),
		domain.SetCollapsed(1, true), domain.SetOffset(1, domain.Offset{}), domain.SetInfo(d.Info),
	}
	for _, l := range []domain.List{domain.Duties, domain.Qualifications, domain.Functions} {
		cmds = append(cmds, domain.InsertItems(1, l, 0, "x"), domain.EditItem(1, l, 0, "x"),
			domain.DeleteItem(1, l, 0), domain.MoveItem(1, l, 0, 1))
	}
	labels := []string{"Delete boxes"} // the main window's own batch
	for _, c := range cmds {
		labels = append(labels, c.Label())
	}
	for _, l := range labels {
		if _, ok := zh[l]; !ok {
			t.Errorf("command label %q has no Chinese translation", l)
		}
	}
}
