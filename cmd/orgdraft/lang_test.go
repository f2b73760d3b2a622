package main

import (
	"errors"
	"flag"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"orgdraft/domain"
	"orgdraft/storage"
)

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// zhAllowedWords are the Latin words a Chinese message may hold: the
// program's and its commands' names and the file formats.
var zhAllowedWords = map[string]bool{
	"orgdraft": true, "OrgDraft": true, "templates": true, "new": true, "show": true,
	"check": true, "export": true, "import": true, "json": true, "lang": true, "diff": true, "staffing": true, "sign": true, "approve": true, "revise": true, "history": true,
	"template": true, "chart": true, "book": true, "paper": true, "landscape": true,
	"portrait": true, "fit": true, "tile": true, "split": true, "png": true, "scale": true,
	"svg": true, "csv": true, "xlsx": true, "english": true, "force": true, "version": true,
	"Excel": true, "true": true, "false": true,
}

// latinWord is a run of Latin letters with what may stick to it in a
// file name, an option or an identifier.
var latinWord = regexp.MustCompile(`[-A-Za-z0-9_.@/|]+`)

// englishWords returns the English words in s that a Chinese message
// must not have: words of three or more letters that are not options
// (-x), file names or paths (with . / _ @), identifiers with digits or
// hyphens, capitalised abbreviations (PDF, LANG) or zhAllowedWords.
func englishWords(s string) []string {
	var bad []string
	for _, w := range latinWord.FindAllString(s, -1) {
		if strings.ContainsAny(w, "-./_@|0123456789") || strings.ToUpper(w) == w || zhAllowedWords[w] || len(w) < 3 {
			continue
		}
		bad = append(bad, w)
	}
	return bad
}

// quoted is a word the user gave, quoted back in a message.
var quoted = regexp.MustCompile(`"[^"\n]*"`)

// otherLanguage returns what in out belongs to the other language than
// lang ("zh" or "en"): Han characters in English, English words in
// Chinese. What the user typed, quoted back, does not count.
func otherLanguage(lang, out string) []string {
	out = quoted.ReplaceAllString(out, `""`)
	if lang == "en" {
		var bad []string
		for _, line := range strings.Split(out, "\n") {
			if hasHan(line) {
				bad = append(bad, line)
			}
		}
		return bad
	}
	return englishWords(out)
}

// englishDocument stores a small document whose own texts are English,
// so that any Chinese in an English command's output would be ours.
func englishDocument(t *testing.T) string {
	return document(t, [7]string{"Service", "Example Ltd", "Internal", "Customer service", "Manager", "Hotline", "Agent"})
}

// chineseDocument is englishDocument in Chinese.
func chineseDocument(t *testing.T) string {
	return document(t, [7]string{"客服", "示例公司", "对内公开", "客户服务部", "经理", "热线组", "话务员"})
}

// document stores a unit with a head and a sub-unit of six planned: its
// title, company, confidentiality and box names are words; it states a
// total of 9, which is wrong (7).
func document(t *testing.T, words [7]string) string {
	t.Helper()
	info := domain.NewDocument().Info
	info.Title, info.Company, info.Confidentiality = words[0], words[1], words[2]
	info.StatedTotal = 9
	nodes := []domain.Node{
		{ID: 1, Kind: domain.KindUnit, Name: words[3]},
		{ID: 2, Parent: 1, Kind: domain.KindPosition, Name: words[4], Head: true, Planned: 1, Filled: 1},
		{ID: 3, Parent: 1, Kind: domain.KindUnit, Name: words[5]},
		{ID: 4, Parent: 3, Kind: domain.KindPosition, Name: words[6], Planned: 6, Filled: 4},
	}
	d, err := domain.Restore(info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "doc.orgdraft")
	f, err := storage.Create(path, d)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every command's words, its errors and the usage are in one language:
// the one -lang chooses.
func TestCommandsSpeakOneLanguage(t *testing.T) {
	docs := map[string]string{"zh": chineseDocument(t), "en": englishDocument(t)}
	dir := t.TempDir()
	for _, lang := range []string{"zh", "en"} {
		doc := docs[lang]
		cases := []struct {
			name string
			args []string
			code int
		}{
			{"templates", []string{"templates", "-lang", lang}, exitOK},
			{"new", []string{"new", "-lang", lang, "-template", "sme-service", filepath.Join(dir, "new-"+lang)}, exitOK},
			{"new blank", []string{"new", "-lang", lang, filepath.Join(dir, "blank-"+lang)}, exitOK},
			{"check", []string{"check", "-lang", lang, doc}, exitFindings},
			{"show", []string{"show", "-lang", lang, doc}, exitOK},
			{"usage", []string{"help", "-lang", lang}, exitOK},
			{"missing file", []string{"check", "-lang", lang, filepath.Join(dir, "missing.orgdraft")}, exitFailed},
			{"missing folder", []string{"new", "-lang", lang, filepath.Join(dir, "no-dir", "x")}, exitFailed},
			{"existing file", []string{"new", "-lang", lang, doc}, exitFailed},
			{"unknown command", []string{"frobnicate", "-lang", lang}, exitUsage},
			{"unknown option", []string{"check", "-lang", lang, "-frob", doc}, exitUsage},
			{"option without value", []string{"new", "-lang", lang, "-template"}, exitUsage},
			{"wrong arguments", []string{"show", "-lang", lang}, exitUsage},
			{"unknown template", []string{"show", "-lang", lang, "@no-such"}, exitFailed},
			{"unknown paper", []string{"export", "-lang", lang, "@sme-service", "--paper", "Letter", "--chart", filepath.Join(dir, "c.pdf")}, exitUsage},
			{"language first", []string{"-lang", lang, "check", filepath.Join(dir, "missing.orgdraft")}, exitFailed},
			{"language last", []string{"check", doc, "-lang", lang}, exitFindings},
			{"diff", []string{"diff", "-lang", lang, doc, doc}, exitOK},
			{"staffing", []string{"staffing", "-lang", lang, "--posts", "1", "--hours", "24", "--days", "7", "--allowance", "5"}, exitOK},
			{"approve not ready", []string{"approve", "-lang", lang, doc}, exitFailed},
			{"history", []string{"history", "-lang", lang, doc}, exitOK},
		}
		for _, c := range cases {
			code, out, errs := runCLI(t, c.args...)
			if code != c.code {
				t.Errorf("%s %s: exit %d, want %d\n%s%s", lang, c.name, code, c.code, out, errs)
			}
			text := out + errs
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s %s: no output", lang, c.name)
			}
			if bad := otherLanguage(lang, text); len(bad) > 0 {
				t.Errorf("%s %s: text of the other language %q in:\n%s", lang, c.name, bad, text)
			}
		}
	}
}

// otherLanguage finds the other language in mixed text, and lets names
// and options pass, so the test above can fail.
func TestOtherLanguageFindsMixedText(t *testing.T) {
	if bad := otherLanguage("zh", "已创建 x.orgdraft：6 boxes，编制 7 人"); len(bad) != 1 || bad[0] != "boxes" {
		t.Errorf("English in Chinese: %q", bad)
	}
	if bad := otherLanguage("en", "created x: 6 个框"); len(bad) != 1 {
		t.Errorf("Chinese in English: %q", bad)
	}
	if bad := otherLanguage("zh", "orgdraft check -lang zh @sme-service 文件.orgdraft PDF"); len(bad) != 0 {
		t.Errorf("names and options flagged: %q", bad)
	}
}

// Without -lang the system's language decides, as for the editor: LC_ALL
// first, then LC_MESSAGES, then LANG.
func TestLanguageFollowsTheEnvironment(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	for _, c := range []struct {
		all, messages, lang string
		zh                  bool
	}{
		{"", "", "zh_CN.UTF-8", true},
		{"", "", "C.UTF-8", false},
		{"", "zh_CN.UTF-8", "en_US.UTF-8", true},
		{"", "en_US.UTF-8", "zh_CN.UTF-8", false},
		{"zh_TW.UTF-8", "en_US.UTF-8", "en_US.UTF-8", true},
		{"en_GB.UTF-8", "zh_CN.UTF-8", "zh_CN.UTF-8", false},
	} {
		t.Setenv("LC_ALL", c.all)
		t.Setenv("LC_MESSAGES", c.messages)
		t.Setenv("LANG", c.lang)
		_, out, _ := runCLI(t, "templates")
		if got := strings.Contains(out, "个框"); got != c.zh {
			t.Errorf("LC_ALL=%q LC_MESSAGES=%q LANG=%q: Chinese %v, want %v:\n%.200s", c.all, c.messages, c.lang, got, c.zh, out)
		}
		if !c.zh && !strings.Contains(out, "boxes") {
			t.Errorf("LC_ALL=%q LC_MESSAGES=%q LANG=%q: not English either:\n%.200s", c.all, c.messages, c.lang, out)
		}
	}
	// -lang wins over the environment.
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	if _, out, _ := runCLI(t, "templates", "-lang", "en"); hasHan(strings.Split(out, " — ")[1]) {
		t.Errorf("-lang en under LC_ALL=zh_CN:\n%.200s", out)
	}
}

// English counts take the singular for one.
func TestEnglishPlurals(t *testing.T) {
	dir := t.TempDir()
	_, out, errs := runCLI(t, "new", "-lang", "en", filepath.Join(dir, "blank"))
	if !strings.Contains(out, ": 0 boxes, 0 planned") {
		t.Errorf("new blank: %q %s", out, errs)
	}
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 boxes"}, {1, "1 box"}, {2, "2 boxes"}} {
		if got := count(false, c.n, "个框", "box", "boxes"); got != c.want {
			t.Errorf("count(%d) = %q, want %q", c.n, got, c.want)
		}
		if got := count(true, c.n, "个框", "box", "boxes"); !strings.HasSuffix(got, " 个框") {
			t.Errorf("count(zh, %d) = %q", c.n, got)
		}
	}
}

// check prints every unit's rolled-up headcount, the total and the
// stated total, in aligned columns, before the findings.
func TestCheckPrintsTheHeadcountTable(t *testing.T) {
	doc := englishDocument(t)
	for _, c := range []struct {
		lang string
		rows [][]string // label, planned, filled
	}{
		{"en", [][]string{{"Unit", "Planned", "Filled"}, {"Customer service", "7", "5"}, {"  Hotline", "6", "4"}, {"Total", "7", "5"}, {"Stated total", "9"}}},
		{"zh", [][]string{{"单位", "编制", "在岗"}, {"Customer service", "7", "5"}, {"  Hotline", "6", "4"}, {"合计", "7", "5"}, {"文件写明合计", "9"}}},
	} {
		_, out, _ := runCLI(t, "check", "-lang", c.lang, doc)
		table, findings, ok := strings.Cut(out, "\n\n")
		if !ok || !strings.Contains(findings, "9") {
			t.Fatalf("%s: no table before the findings (the stated 9 against 7):\n%s", c.lang, out)
		}
		lines := strings.Split(table, "\n")
		if len(lines) != len(c.rows) {
			t.Fatalf("%s: %d lines, want %d:\n%s", c.lang, len(lines), len(c.rows), table)
		}
		var plannedEnd, filledEnd int
		for i, want := range c.rows {
			label := want[0]
			if !strings.HasPrefix(lines[i], label+" ") {
				t.Errorf("%s: line %d %q does not start with %q", c.lang, i, lines[i], label)
				continue
			}
			rest := strings.TrimPrefix(lines[i], label)
			fields := strings.Fields(rest)
			if strings.Join(fields, " ") != strings.Join(want[1:], " ") {
				t.Errorf("%s: line %q has %q, want %q", c.lang, lines[i], fields, want[1:])
				continue
			}
			// Each column ends in the same terminal cell on every line.
			planned := cells(label) + cells(rest[:strings.Index(rest, fields[0])]) + cells(fields[0])
			if i == 0 {
				plannedEnd, filledEnd = planned, cells(lines[i])
			}
			if planned != plannedEnd || (len(fields) == 2 && cells(lines[i]) != filledEnd) {
				t.Errorf("%s: the columns of %q end in cells %d and %d, the header's in %d and %d:\n%s",
					c.lang, lines[i], planned, cells(lines[i]), plannedEnd, filledEnd, table)
			}
		}
	}
}

// show's output ends with a newline, in text and in JSON.
func TestShowEndsWithANewline(t *testing.T) {
	doc := englishDocument(t)
	for _, args := range [][]string{{"show", "-lang", "en", doc}, {"show", "-lang", "zh", doc}, {"show", "-json", doc}} {
		_, out, _ := runCLI(t, args...)
		if !strings.HasSuffix(out, "\n") || strings.HasSuffix(out, "\n\n") {
			t.Errorf("%v: output ends with %q", args, out[max(0, len(out)-20):])
		}
	}
}

// flagErrorText knows every form of error the flag package gives: each is
// turned into our own sentence, in both languages.
func TestFlagErrorsAreOurOwn(t *testing.T) {
	for _, args := range [][]string{{"-nope"}, {"-name"}, {"-on=maybe"}, {"-n", "x"}, {"---x"}} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.String("name", "", "")
		fs.Bool("on", false, "")
		fs.Int("n", 0, "")
		err := fs.Parse(args)
		if err == nil || errors.Is(err, flag.ErrHelp) {
			t.Fatalf("%v: no error", args)
		}
		en, zh := flagErrorText(err, false), flagErrorText(err, true)
		if en == err.Error() || zh == err.Error() {
			t.Errorf("%v: the flag package's own words %q are not ours", args, err)
		}
		if hasHan(en) || !hasHan(zh) {
			t.Errorf("%v: en %q, zh %q", args, en, zh)
		}
	}
}

// A missing file is named as the user gave it, not as a library saw it.
func TestMissingFileNamedAsGiven(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, c := range []struct{ lang, want string }{
		{"en", "orgdraft check: cannot read nope.orgdraft: there is no such file\n"},
		{"zh", "orgdraft check: 无法读取 nope.orgdraft：文件不存在\n"},
	} {
		if _, _, errs := runCLI(t, "check", "-lang", c.lang, "nope.orgdraft"); errs != c.want {
			t.Errorf("%s: %q, want %q", c.lang, errs, c.want)
		}
	}
}

// The Chinese usage lists the same commands as the English one: a
// command added to one is added to the other.
func TestUsageListsTheSameCommandsInBothLanguages(t *testing.T) {
	commands := func(text string) map[string]bool {
		out := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?m)^  orgdraft ([-a-z]+)`).FindAllStringSubmatch(text, -1) {
			out[m[1]] = true
		}
		return out
	}
	en, zh := commands(usage), commands(usageZh)
	if len(en) < 7 {
		t.Fatalf("the English usage lists only %v", en)
	}
	for c := range en {
		if !zh[c] {
			t.Errorf("the Chinese usage lacks %q", c)
		}
	}
	for c := range zh {
		if !en[c] {
			t.Errorf("the English usage lacks %q", c)
		}
	}
}
