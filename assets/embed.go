// Package assets holds the files built into the OrgDraft binary: the bundled
// font (WenQuanYi Micro Hei, Apache-2.0), used both on screen and in the
// PDFs so that the two agree, and the gallery of document templates drawn
// from the customer's own hand-drafted documents.
package assets

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"orgdraft/domain"
)

//go:embed fonts/WenQuanYiMicroHei.ttf
var font []byte

//go:embed fonts/LICENSE-Apache-2.0.txt
var fontLicense string

//go:embed templates/*.json
var templateFiles embed.FS

// Icon is the window icon (PNG, 256×256). The packages get the same
// drawing at 1024 px, icon-1024.png, named in FyneApp.toml (.ci/draw-icon).
//
//go:embed icon.png
var Icon []byte

// FontName is the family name of the bundled font.
const FontName = "WenQuanYi Micro Hei"

// Font returns the bundled TrueType font (WenQuanYi Micro Hei). Every call
// returns a fresh copy: PDF writers such as gofpdf modify the bytes they are
// given, and the embedded original must stay intact.
func Font() []byte { return bytes.Clone(font) }

// FontLicense returns the text of the bundled font's licence (Apache
// License 2.0), to be shown in the about box.
func FontLicense() string { return fontLicense }

// Template describes one entry of the template gallery. ID names the file
// templates/ID.json; the other fields are what the gallery shows, in
// Chinese and in English.
type Template struct {
	ID            string `json:"id"`            // e.g. "sme-service"; the file is templates/ID.json
	Name          string `json:"name"`          // gallery title in Chinese
	NameEn        string `json:"nameEn"`        // gallery title in English
	Description   string `json:"description"`   // one sentence in Chinese
	DescriptionEn string `json:"descriptionEn"` // one sentence in English
}

// ErrUnknownTemplate is returned (wrapped) by LoadTemplate for an id that is
// not in the gallery.
var ErrUnknownTemplate = errors.New("unknown template")

// index reads templates/index.json once. The index is built into the
// binary, so a broken one is a programming error that the tests catch.
var index = sync.OnceValues(func() ([]Template, error) {
	data, err := templateFiles.ReadFile("templates/index.json")
	if err != nil {
		return nil, err
	}
	var ts []Template
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ts); err != nil {
		return nil, fmt.Errorf("templates/index.json: %w", err)
	}
	seen := map[string]bool{}
	for _, t := range ts {
		if t.ID == "" || t.ID == "index" || strings.ContainsAny(t.ID, "/\\.") || seen[t.ID] {
			return nil, fmt.Errorf("templates/index.json: bad or repeated id %q", t.ID)
		}
		seen[t.ID] = true
	}
	return ts, nil
})

// Templates returns the template gallery in the order it is shown, the
// small-business customer service department first.
func Templates() []Template {
	ts, err := index()
	if err != nil {
		panic("assets: " + err.Error())
	}
	return slices.Clone(ts)
}

// LoadTemplate returns a new document made from the template with the
// given id. Each call decodes the template afresh, so the caller may edit
// the document freely.
func LoadTemplate(id string) (*domain.Document, error) {
	known := false
	var ids []string
	for _, t := range Templates() {
		known = known || t.ID == id
		ids = append(ids, t.ID)
	}
	if !known {
		return nil, fmt.Errorf("%w %q (the templates are %s)", ErrUnknownTemplate, id, strings.Join(ids, ", "))
	}
	data, err := templateFiles.ReadFile("templates/" + id + ".json")
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", id, err)
	}
	d, err := domain.DecodeJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", id, err)
	}
	return d, nil
}
