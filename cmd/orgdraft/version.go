package main

import (
	"fmt"
	"io"

	"orgdraft/assets"
)

// printVersion answers `orgdraft --version`: the program's name and its
// version (assets.Version, which is FyneApp.toml's), the same in every
// language.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "OrgDraft %s\n", assets.Version)
}
