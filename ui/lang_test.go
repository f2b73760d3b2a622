package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"orgdraft/assets"
	"orgdraft/domain"
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

// chineseStyle matches what English text must not hold: Chinese
// characters, the curly quotes that the Chinese text uses (the bundled
// font draws them full width) and full-width punctuation.
var chineseStyle = regexp.MustCompile(`[\p{Han}“”\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]`)

// translationValues returns a translation file's keys with their texts:
// a plain string, or every plural form of a key that has them.
func translationValues(t *testing.T, name string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("translations", name))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string][]string{}
	for k, v := range raw {
		var s string
		var forms map[string]string
		switch {
		case json.Unmarshal(v, &s) == nil:
			out[k] = []string{s}
		case json.Unmarshal(v, &forms) == nil:
			for _, f := range forms {
				out[k] = append(out[k], f)
			}
		default:
			t.Errorf("%s: %q is neither a text nor plural forms: %s", name, k, v)
		}
	}
	return out
}

// TestEveryTranslationIsInItsLanguage walks every key of both files: each
// is in both, the Chinese text is Chinese (it has Chinese characters
// wherever the key has letters) and the English text has nothing Chinese.
func TestEveryTranslationIsInItsLanguage(t *testing.T) {
	zh := translationValues(t, "orgdraft.zh_Hans.json")
	en := translationValues(t, "orgdraft.en.json")
	if len(zh) < 100 || len(en) < 100 {
		t.Fatalf("%d Chinese and %d English keys: the files were not read", len(zh), len(en))
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("%q is in the English file only", k)
		}
	}
	letters := regexp.MustCompile(`[A-Za-z]`)
	for k, vs := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in the Chinese file only", k)
		}
		for _, v := range vs {
			switch {
			case strings.TrimSpace(v) == "":
				t.Errorf("%q has an empty Chinese text", k)
			case letters.MatchString(k) && !hasHan(v):
				t.Errorf("%q is not Chinese in the Chinese file: %q", k, v)
			}
		}
	}
	for k, vs := range en {
		for _, v := range vs {
			if m := chineseStyle.FindString(v); m != "" {
				t.Errorf("the English text of %q holds %q: %q", k, m, v)
			}
		}
	}
}

// commandLabels returns every label a domain command can carry, read from
// the source of the packages that make commands: what Label methods
// return, the names of the edits (edit(id, "Rename", …)), of batches
// (Steps("Delete boxes", …), Batch{Name: …}) and of the document edits
// (EditInfo{Name: …}). A label built as "Add "+l.String() is expanded for
// every list.
func commandLabels(t *testing.T) map[string]string {
	t.Helper()
	var lists []string
	for _, l := range domain.Lists {
		lists = append(lists, l.String())
	}
	out := map[string]string{} // label → where
	fset := token.NewFileSet()
	for _, dir := range []string{"../domain", "../domain/outline", "."} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			add := func(e ast.Expr) {
				where := fset.Position(e.Pos()).String()
				switch e := e.(type) {
				case *ast.BasicLit:
					if s, err := strconv.Unquote(e.Value); err == nil && e.Kind == token.STRING {
						out[s] = where
					}
				case *ast.BinaryExpr: // "Add " + l.String()
					if lit, ok := e.X.(*ast.BasicLit); ok && e.Op == token.ADD {
						prefix, _ := strconv.Unquote(lit.Value)
						for _, l := range lists {
							out[prefix+l] = where
						}
					}
				}
			}
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if n.Name.Name == "Label" && n.Recv != nil && n.Body != nil {
						ast.Inspect(n.Body, func(m ast.Node) bool {
							if r, ok := m.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
								add(r.Results[0])
							}
							return true
						})
					}
				case *ast.CallExpr:
					switch name := calleeName(n.Fun); {
					case name == "edit" && len(n.Args) == 3:
						add(n.Args[1])
					case (name == "Steps" || name == "NewBatch") && len(n.Args) > 0:
						add(n.Args[0])
					}
				case *ast.CompositeLit:
					switch calleeName(n.Type) {
					case "Batch", "EditInfo", "EditNode":
						for _, el := range n.Elts {
							if kv, ok := el.(*ast.KeyValueExpr); ok {
								if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Name" {
									add(kv.Value)
								}
							}
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// calleeName is the name a call or a type is written with, without its
// package: "Steps" for domain.Steps.
func calleeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

// TestEveryCommandLabelIsTranslated: the Edit menu names the edit to undo
// or redo ("撤销“粘贴提纲”"), so every command's label needs a Chinese
// text.
func TestEveryCommandLabelIsTranslated(t *testing.T) {
	zh := translationValues(t, "orgdraft.zh_Hans.json")
	labels := commandLabels(t)
	for _, want := range []string{"Rename", "Add duties", "Delete boxes", "Paste outline", "Auto layout", "Document properties"} {
		if _, ok := labels[want]; !ok {
			t.Errorf("the scan of the source misses the label %q: it is broken", want)
		}
	}
	for l, where := range labels {
		if _, ok := zh[l]; !ok {
			t.Errorf("%s: the command label %q has no Chinese text", where, l)
		}
	}
}

// englishTestDoc is testDoc's department written in English throughout,
// title and sign-off block included, so that any Chinese the English
// editor shows is its own.
func englishTestDoc(t *testing.T) *domain.Document {
	t.Helper()
	info := domain.NewDocument().Info
	info.Title, info.Company, info.Version, info.Confidentiality = "Customer service", "Example Ltd", "V1.0 trial", "Internal"
	info.SignOffs = []domain.SignOff{{Role: "Prepared by"}, {Role: "Reviewed by"}, {Role: "Approved by"}}
	nodes := []domain.Node{
		{ID: 1, Kind: domain.KindUnit, Name: "Customer service", Functions: []string{"Serve customers"}},
		{ID: 2, Parent: 1, Kind: domain.KindPosition, Name: "Manager", Head: true, Planned: 1, Filled: 1, Duties: []string{"Lead the unit"}},
		{ID: 3, Parent: 1, Kind: domain.KindPosition, Name: "Agent", Planned: 3, Filled: 2, Grade: "P3", Duties: []string{"Answer calls"}},
		{ID: 4, Parent: 1, Kind: domain.KindPosition, Name: "Clerk", Concurrent: true, Planned: 1},
		{ID: 5, Parent: 1, Kind: domain.KindUnit, Name: "Night shift", Collapsed: true},
		{ID: 6, Parent: 5, Kind: domain.KindPosition, Name: "Guard", Planned: 2},
	}
	d, err := domain.Restore(info, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// editorIn returns a main window in lang editing d (testDoc in Chinese
// when d is nil), as newTestEditor does.
func editorIn(t *testing.T, language string, d *domain.Document) *MainWindow {
	t.Helper()
	a := newRecoveryApp(t)
	a.Preferences().SetString(prefLanguage, language)
	m := NewMainWindow(a, Options{DocumentsDir: t.TempDir()})
	m.Window.Resize(fyne.NewSize(1280, 800))
	if d == nil {
		d, _ = testDoc(t)
	}
	s, err := NewRecoverableSession(d, m.recoveryDir())
	if err != nil {
		t.Fatal(err)
	}
	m.SetSession(s)
	t.Cleanup(func() { m.session.Close(); SetLanguage(LanguageEnglish) })
	return m
}

// shownTexts returns every text o shows: what texts finds, and the
// entries' placeholders, radio and select choices and hyperlinks too.
func shownTexts(o fyne.CanvasObject) []string {
	out := texts(o)
	for _, obj := range visibleObjects(o) {
		switch w := obj.(type) {
		case *widget.Entry:
			out = append(out, w.PlaceHolder)
		case *widget.RadioGroup:
			out = append(out, w.Options...)
		case *widget.Select:
			if w.Selected == "" {
				out = append(out, w.PlaceHolder)
			}
			out = append(out, w.Selected)
			out = append(out, w.Options...)
		case *widget.Hyperlink:
			out = append(out, w.Text)
		}
	}
	return out
}

// menuTexts returns the labels of every menu item, submenus included.
func menuTexts(mm *fyne.MainMenu) []string {
	var out []string
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			out = append(out, it.Label)
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, menu := range mm.Items {
		out = append(out, menu.Label)
		walk(menu.Items)
	}
	return out
}

// languageNames are the one text shown in the other language on purpose:
// the Settings dialog names each language in itself.
var languageNames = []string{"简体中文", "English"}

// isLicence reports whether s is (a line of) the bundled font's licence,
// which the About box shows as it is written: a legal text. A line of
// three words or more, or a web address, is enough to tell it from the
// editor's own words.
func isLicence(s string) bool {
	s = strings.TrimSpace(s)
	return (len(strings.Fields(s)) >= 3 || strings.HasPrefix(s, "http")) && strings.Contains(assets.FontLicense(), s)
}

// foreignText returns the texts among shown that belong to the other
// language than lang: in English anything Chinese; in Chinese an English
// word of three or more letters that the English file uses and the
// Chinese file does not (so "PDF" or "Ctrl" pass, "Cancel" does not).
// The names of the languages and the font's licence pass.
func foreignText(lang string, shown []string, enWords, zhWords map[string]bool) []string {
	word := regexp.MustCompile(`[A-Za-z]{3,}`)
	var bad []string
	for _, s := range shown {
		for _, n := range languageNames {
			s = strings.ReplaceAll(s, n, "")
		}
		if isLicence(s) {
			continue
		}
		if lang == LanguageEnglish {
			if chineseStyle.MatchString(s) {
				bad = append(bad, s)
			}
			continue
		}
		for _, w := range word.FindAllString(s, -1) {
			if l := strings.ToLower(w); enWords[l] && !zhWords[l] {
				bad = append(bad, s)
				break
			}
		}
	}
	return bad
}

// wordsOf returns the lower-case words of three or more letters in the
// texts of a translation file; with inChinese only those that stand in
// Chinese text ("导出 PDF"), so that a text left in English in the
// Chinese file does not let its own words pass.
func wordsOf(values map[string][]string, inChinese bool) map[string]bool {
	word := regexp.MustCompile(`[A-Za-z]{3,}`)
	out := map[string]bool{}
	for _, vs := range values {
		for _, v := range vs {
			if inChinese && !hasHan(v) {
				continue
			}
			for _, w := range word.FindAllString(v, -1) {
				out[strings.ToLower(w)] = true
			}
		}
	}
	return out
}

// dialogItems are the menu items that open a dialog, each opened the way
// a user does: through the item's action.
var dialogItems = []string{
	"New…", "Open…", "Import Outline or Table…", "Save As…",
	"Export Chart PDF…", "Export Responsibility Book PDF…",
	"Chart picture (PNG)", "Chart drawing (SVG)", "Staffing table (Excel)", "Staffing table (CSV)",
	"Document Properties…", "Settings…", "Find…", "How to Use", "About OrgDraft",
}

// TestTheEditorSpeaksOneLanguage renders the main window, every dialog of
// the menus and the boxes in each language and finds no text of the
// other one. The English pass edits a document written in English, so
// that the user's own words cannot hide a Chinese word of ours.
func TestTheEditorSpeaksOneLanguage(t *testing.T) {
	zhValues := translationValues(t, "orgdraft.zh_Hans.json")
	enWords, zhWords := wordsOf(translationValues(t, "orgdraft.en.json"), false), wordsOf(zhValues, true)
	// The menu items are found by their English labels; in Chinese by
	// the Chinese text of the same key.
	label := func(language, key string) string {
		if language == LanguageChinese {
			return zhValues[key][0]
		}
		return key
	}
	for _, language := range []string{LanguageEnglish, LanguageChinese} {
		t.Run(language, func(t *testing.T) {
			var d *domain.Document
			if language == LanguageEnglish {
				d = englishTestDoc(t)
			}
			m := editorIn(t, language, d)
			if Language() != language {
				t.Fatalf("the editor speaks %q", Language())
			}
			check := func(what string, shown []string) {
				t.Helper()
				if len(shown) == 0 {
					t.Errorf("%s: nothing shown", what)
				}
				if bad := foreignText(language, shown, enWords, zhWords); len(bad) > 0 {
					t.Errorf("%s shows text of the other language: %q", what, bad)
				}
			}
			// A box selected and its panel filled; a finding in the
			// checks panel; the undo entry named.
			m.Select(m.Session().Doc.Roots()[0])
			m.Do(domain.SetGrade(3, "P4"))
			check("the main window", append(shownTexts(m.Window.Content()), m.Window.Title()))
			check("the menus", menuTexts(m.Window.MainMenu()))
			for _, id := range []domain.NodeID{0, m.Session().Doc.Roots()[0], 3} { // the background, a unit, a position
				check("the box menu", menuTexts(fyne.NewMainMenu(m.boxMenu(id))))
			}

			// The boxes say their headcount in the language.
			boxes := strings.Join(shownTexts(m.Chart()), " ")
			wantBox := map[string]string{LanguageEnglish: "3 planned / 2 filled", LanguageChinese: "编制 3 / 在岗 2"}[language]
			if !strings.Contains(boxes, wantBox) {
				t.Errorf("the boxes do not say %q: %q", wantBox, boxes)
			}

			// Paste an outline: the Edit menu then names it.
			m.App.Clipboard().SetContent(map[string]string{LanguageEnglish: "Sales\n  Seller (2)", LanguageChinese: "销售部\n  销售员（2人）"}[language])
			menuAction(t, m, label(language, "Paste"))()
			if got := m.UndoMenuLabel(); !strings.Contains(got, label(language, "Paste")) {
				t.Errorf("after pasting an outline the Edit menu says %q", got)
			}
			check("the Edit menu after a paste", menuTexts(m.Window.MainMenu()))

			for _, item := range dialogItems {
				menuAction(t, m, label(language, item))()
				overlays := m.Window.Canvas().Overlays()
				if overlays.Top() == nil {
					t.Errorf("%q opened no dialog", item)
					continue
				}
				for _, o := range overlays.List() {
					check(item, shownTexts(o))
				}
				for overlays.Top() != nil {
					overlays.Remove(overlays.Top())
				}
			}
		})
	}
}

// The walk can fail: it finds a Chinese word in English and an English
// word in Chinese, and lets names of the languages and words both files
// use pass.
func TestForeignTextFindsTheOtherLanguage(t *testing.T) {
	enWords := map[string]bool{"cancel": true, "pdf": true}
	zhWords := map[string]bool{"pdf": true}
	for _, c := range []struct {
		lang  string
		shown []string
		bad   int
	}{
		{LanguageEnglish, []string{"Cancel", "编制 3人"}, 1},
		{LanguageEnglish, []string{`Delete "x"?`, "Delete “x”?"}, 1},
		{LanguageEnglish, []string{"简体中文", "English"}, 0},
		{LanguageChinese, []string{"取消", "Cancel"}, 1},
		{LanguageChinese, []string{"导出 PDF", "English", "P3"}, 0},
	} {
		if bad := foreignText(c.lang, c.shown, enWords, zhWords); len(bad) != c.bad {
			t.Errorf("%s %q: found %q, want %d", c.lang, c.shown, bad, c.bad)
		}
	}
}

// The English gallery shows the whole of every template's name: the names
// wrap within their cards, and the cards within the dialog, so nothing is
// cut off at the right.
func TestEnglishGalleryNamesFit(t *testing.T) {
	m := editorIn(t, LanguageEnglish, englishTestDoc(t))
	g := m.showGallery()
	var scroll *container.Scroll
	for _, o := range visibleObjects(topDialog(t, m)) {
		if s, ok := o.(*container.Scroll); ok {
			scroll = s
		}
	}
	if scroll == nil {
		t.Fatal("the gallery has no scrolled list of cards")
	}
	if need, have := scroll.Content.MinSize().Width, scroll.Size().Width; need > have {
		t.Errorf("the cards need %.0f wide, the dialog gives them %.0f: the right-hand column is cut off", need, have)
	}
	for _, e := range g.entries {
		if !shows(topDialog(t, m), e.Name) {
			t.Errorf("the gallery does not show the whole name %q", e.Name)
		}
	}
}

// An error of the system (a missing file) reads in Chinese in the
// Chinese editor and still names the file.
func TestSystemErrorsInChinese(t *testing.T) {
	SetLanguage(LanguageChinese)
	t.Cleanup(func() { SetLanguage(LanguageEnglish) })
	path := filepath.Join(t.TempDir(), "missing.orgdraft")
	_, err := os.Open(path)
	text := errorText(err)
	if !strings.Contains(text, path) || !hasHan(text) {
		t.Fatalf("errorText = %q", text)
	}
	if bad := regexp.MustCompile(`[A-Za-z]{3,}`).FindAllString(strings.ReplaceAll(text, path, ""), -1); len(bad) > 0 {
		t.Errorf("English words %q in %q", bad, text)
	}
}
