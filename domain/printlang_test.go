package domain

import (
	"bytes"
	"strings"
	"testing"
)

// TestPrintLanguage: the print language is an undoable edit, survives the
// JSON form, and an unknown one is refused.
func TestPrintLanguage(t *testing.T) {
	d := NewDocument()
	if d.Info.Page.Language != Chinese {
		t.Fatalf("a new document prints in %v, want zh", d.Info.Page.Language)
	}
	h := NewHistory(d)
	if err := h.Do(SetPrintLanguage(English)); err != nil {
		t.Fatal(err)
	}
	if d.Info.Page.Language != English || h.UndoLabel() != "Change print language" {
		t.Errorf("after the edit: %v, undo %q", d.Info.Page.Language, h.UndoLabel())
	}
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"language": "en"`) {
		t.Errorf("the JSON form does not say the language:\n%s", buf.String())
	}
	back, err := DecodeJSON(&buf)
	if err != nil || back.Info.Page.Language != English {
		t.Errorf("read back: %v, %v", back, err)
	}
	if _, err := h.Undo(); err != nil || d.Info.Page.Language != Chinese {
		t.Errorf("undo: %v, language %v", err, d.Info.Page.Language)
	}
	buf.Reset()
	EncodeJSON(&buf, d)
	if strings.Contains(buf.String(), `"language"`) {
		t.Errorf("a Chinese document's JSON names the language (it is the default):\n%s", buf.String())
	}
	if _, err := DecodeJSON(strings.NewReader(`{"title": "x", "page": {"language": "fr"}, "nodes": []}`)); err == nil {
		t.Error("a JSON document in French was accepted")
	}
	if err := h.Do(SetPrintLanguage(Language(7))); err == nil {
		t.Error("an unknown print language was accepted")
	}
	for s, want := range map[string]Language{"": Chinese, "zh": Chinese, "zh_CN.UTF-8": Chinese, "en": English, "EN-gb": English} {
		if got, err := ParseLanguage(s); err != nil || got != want {
			t.Errorf("ParseLanguage(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
}
