package assets

// Version is OrgDraft's version: what `orgdraft --version`, the About box
// and the PDFs' Producer show. It is FyneApp.toml's Version, which Fyne's
// packager writes into the Windows exe's version resource and the macOS
// bundle; a test (cmd/orgdraft/version_test.go) keeps the two equal, so
// a new version is set in both places or the tests fail.
const Version = "0.1.0"
