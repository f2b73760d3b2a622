package main

import (
	"bytes"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestVersionIsFyneAppVersion: `orgdraft --version` prints the version of
// FyneApp.toml, the one the packages carry (the Windows exe's resource,
// the macOS bundle), so that what a user reads in a terminal, in the
// About box and in the file's properties agrees.
func TestVersionIsFyneAppVersion(t *testing.T) {
	var app struct{ Details struct{ Version string } }
	if _, err := toml.DecodeFile("../../FyneApp.toml", &app); err != nil {
		t.Fatal(err)
	}
	if app.Details.Version == "" {
		t.Fatal("FyneApp.toml has no [Details] Version")
	}
	for _, arg := range []string{"--version", "-version", "version"} {
		var out, errOut bytes.Buffer
		if status := run([]string{arg}, &out, &errOut); status != exitOK {
			t.Fatalf("orgdraft %s: exit status %d, stderr %q", arg, status, errOut.String())
		}
		if want := "OrgDraft " + app.Details.Version + "\n"; out.String() != want {
			t.Errorf("orgdraft %s printed %q, want %q (FyneApp.toml's Version)", arg, out.String(), want)
		}
	}
}
