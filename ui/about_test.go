package ui

import (
	"testing"

	"fyne.io/fyne/v2/lang"

	"orgdraft/assets"
)

// TestAboutShowsVersion: Help ▸ About OrgDraft names the version, the
// one `orgdraft --version` prints and the packages carry.
func TestAboutShowsVersion(t *testing.T) {
	m, _ := newTestEditor(t, Options{})
	menuAction(t, m, lang.L("About OrgDraft"))()
	dialogShows(t, m, "OrgDraft "+assets.Version)
}
