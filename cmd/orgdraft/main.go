// Command orgdraft is OrgDraft (组织架构设计器), the org-chart and
// job-responsibility editor. Run without arguments it starts the editor;
// its subcommands (new, templates, show, check, export, import) do headless work and never
// open a window.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
