package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/storage"
)

const usage = `OrgDraft 组织架构设计器

Usage:
  orgdraft [FILE.orgdraft]              open the editor (on FILE, else on the last document)
  orgdraft templates                    list the built-in templates
  orgdraft new [-template ID] FILE      create FILE.orgdraft, blank or from a template
  orgdraft show [-json] FILE|@ID        print the chart: boxes, headcounts, direct superiors
  orgdraft check FILE|@ID               print the checks; exit status 1 when there are errors
  orgdraft export FILE|@ID --chart OUT.pdf --book OUT.pdf [--paper A4|A3|A2] [--landscape|--portrait] [--fit|--tile|--split]
                                        print the org chart and/or the job-responsibility book as PDF
          [--png OUT.png [--scale 2]] [--svg OUT.svg] [--csv OUT.csv] [--xlsx OUT.xlsx] [--english]
                                        the chart as a picture for slides and chat, the boxes as a table for Excel
          [--force]                     replace output files that exist (never a document: an export
                                        never replaces an .orgdraft document or the one exported)
  orgdraft import OUTLINE.txt|TABLE.csv|TABLE.xlsx FILE
                                        create FILE.orgdraft from an indented outline or a staffing table
  orgdraft --version                    print the version

FILE is an .orgdraft document; @ID names a built-in template instead.
Messages follow LANG (zh_* gives Chinese); -lang zh|en overrides it.
`

// exit statuses
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
	exitFailed   = 3
)

// run executes the command line and returns the exit status. It is main
// without os.Exit, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runEditor("")
	}
	if len(args) == 1 && strings.HasSuffix(strings.ToLower(args[0]), ".orgdraft") {
		return runEditor(args[0]) // a document opened from the desktop
	}
	cmd, rest := args[0], args[1:]
	return runWith(func() (int, error) { return dispatch(cmd, rest, stdout) }, cmd, rest, stderr)
}

// runWith runs the command cmd (with arguments rest) by work, and turns
// its outcome into an exit status and, on stderr, a message.
//
// A panic (a bug of ours or of a library, met on some input) ends the
// command with a message and exit status 3, never with a stack dump;
// every file is written whole or not at all, so none is left broken.
func runWith(work func() (int, error), cmd string, rest []string, stderr io.Writer) int {
	status := exitOK
	err := domain.Safely(func() (err error) {
		status, err = work()
		return err
	})
	var ue usageError
	var pe *domain.PanicError
	switch {
	case errors.Is(err, errUnknown):
		fmt.Fprintf(stderr, "orgdraft: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "orgdraft %s: %v\n\n%s", cmd, err, usage)
		return exitUsage
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stderr, usage)
		return exitUsage
	case errors.As(err, &pe) && !errors.As(err, new(*outputFailure)):
		fmt.Fprintf(stderr, "orgdraft %s: %s\n", cmd, panicText(pe, chinese(langArg(rest))))
		return exitFailed
	case err != nil:
		fmt.Fprintf(stderr, "orgdraft %s: %v\n", cmd, err)
		return exitFailed
	}
	return status
}

// errUnknown is dispatch's answer to a command it does not know.
var errUnknown = errors.New("unknown command")

// dispatch runs the command cmd with its arguments args.
func dispatch(cmd string, rest []string, stdout io.Writer) (int, error) {
	var err error
	status := exitOK
	switch cmd {
	case "templates":
		err = listTemplates(rest, stdout)
	case "new":
		err = newDocument(rest, stdout)
	case "show":
		err = show(rest, stdout)
	case "check":
		status, err = check(rest, stdout)
	case "export":
		err = exportCommand(rest, stdout)
	case "import":
		err = importCommand(rest, stdout)
	case "version", "-version", "--version":
		printVersion(stdout)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
	default:
		err = errUnknown
	}
	return status, err
}

// panicText explains a panic caught by domain.Safely: what it was, that
// it is a bug, and that nothing was damaged.
func panicText(pe *domain.PanicError, zh bool) string {
	return pick(zh,
		fmt.Sprintf("内部错误：%v。这是 OrgDraft 的缺陷，请报告。文档没有被改动，也没有留下写了一半的文件。", pe.Value),
		fmt.Sprintf("internal error: %v. This is a bug in OrgDraft; please report it. The document was not changed and no half-written file was left.", pe.Value))
}

// langArg returns the value of a -lang flag among args, or "": for
// messages given before (or instead of) a command's own flag parsing.
func langArg(args []string) string {
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// usageError marks a wrong command line (as opposed to a failure).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// flags returns a flag set that reports errors instead of exiting.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args and demands exactly n positional arguments.
func parse(fs *flag.FlagSet, args []string, n int, what string) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usageError{err.Error()}
	}
	if fs.NArg() != n {
		return nil, usageError{fmt.Sprintf("expected %s", what)}
	}
	return fs.Args(), nil
}

// chinese reports whether messages should be in Chinese.
func chinese(lang string) bool {
	if lang == "" {
		lang = os.Getenv("LANG")
	}
	return strings.HasPrefix(strings.ToLower(lang), "zh")
}

// load opens a document file read-only in effect (it is closed again
// before returning, nothing is written), or decodes a template for "@ID".
func load(arg string) (*domain.Document, error) {
	if id, ok := strings.CutPrefix(arg, "@"); ok {
		return assets.LoadTemplate(id)
	}
	f, d, err := storage.Open(arg)
	if errors.Is(err, storage.ErrReadOnlyFile) {
		return storage.ReadSnapshot(arg) // reading is all the commands need
	}
	if err != nil {
		return nil, err
	}
	return d, f.Close()
}

func listTemplates(args []string, w io.Writer) error {
	fs := flags("templates")
	lang := fs.String("lang", "", "zh or en")
	if _, err := parse(fs, args, 0, "no arguments"); err != nil {
		return err
	}
	zh := chinese(*lang)
	for _, t := range assets.Templates() {
		d, err := assets.LoadTemplate(t.ID)
		if err != nil {
			return fmt.Errorf("template %s: %w", t.ID, err)
		}
		name, desc := t.NameEn, t.DescriptionEn
		if zh {
			name, desc = t.Name, t.Description
		}
		fmt.Fprintf(w, "%-22s %s — %d boxes, %d planned\n", t.ID, name, d.Len(), d.Total().Planned)
		if desc != "" {
			fmt.Fprintf(w, "%-22s %s\n", "", desc)
		}
	}
	return nil
}

func newDocument(args []string, w io.Writer) error {
	fs := flags("new")
	tmpl := fs.String("template", "", "template id (see `orgdraft templates`); blank document when empty")
	pos, err := parse(fs, args, 1, "one FILE")
	if err != nil {
		return err
	}
	path := pos[0]
	if !strings.HasSuffix(strings.ToLower(path), ".orgdraft") {
		path += ".orgdraft"
	}
	d := domain.NewDocument()
	if *tmpl != "" {
		if d, err = assets.LoadTemplate(*tmpl); err != nil {
			return err
		}
	}
	f, err := storage.Create(path, d)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(w, "created %s: %d boxes, %d planned\n", path, d.Len(), d.Total().Planned)
	return nil
}

func show(args []string, w io.Writer) error {
	fs := flags("show")
	asJSON := fs.Bool("json", false, "print the document as JSON")
	lang := fs.String("lang", "", "zh or en")
	pos, err := parse(fs, args, 1, "one FILE or @TEMPLATE")
	if err != nil {
		return err
	}
	d, err := load(pos[0])
	if err != nil {
		return err
	}
	if *asJSON {
		return domain.EncodeJSON(w, d)
	}
	bw := bufio.NewWriter(w)
	describe(bw, d, chinese(*lang))
	return bw.Flush()
}

func check(args []string, w io.Writer) (int, error) {
	fs := flags("check")
	lang := fs.String("lang", "", "zh or en")
	pos, err := parse(fs, args, 1, "one FILE or @TEMPLATE")
	if err != nil {
		return exitUsage, err
	}
	d, err := load(pos[0])
	if err != nil {
		return exitFailed, err
	}
	findings := d.Validate()
	bw := bufio.NewWriter(w)
	printFindings(bw, d, findings, chinese(*lang))
	if err := bw.Flush(); err != nil {
		return exitFailed, err
	}
	if len(domain.Errors(findings)) > 0 {
		return exitFindings, nil
	}
	return exitOK, nil
}

func printFindings(w io.Writer, d *domain.Document, findings []domain.Finding, zh bool) {
	if len(findings) == 0 {
		fmt.Fprintln(w, pick(zh, "检查通过：没有发现问题。", "All checks passed."))
		return
	}
	// The boxes are named by their paths, abbreviated in the middle, all
	// found in one walk: a chain a million deep prints a line per
	// finding, not a million names.
	ids := make([]domain.NodeID, 0, len(findings))
	for _, f := range findings {
		if f.Node != 0 {
			ids = append(ids, f.Node)
		}
	}
	paths := d.ShortPaths(ids)
	for _, f := range findings {
		msg := pick(zh, f.Zh, f.En)
		where := ""
		if f.Node != 0 {
			where = " (" + strings.Join(paths[f.Node], " › ") + ")"
		}
		fmt.Fprintf(w, "%s: %s%s\n", severityLabel(f.Severity, zh), msg, where)
	}
}

func severityLabel(s domain.Severity, zh bool) string {
	switch s {
	case domain.SeverityError:
		return pick(zh, "错误", "error")
	case domain.SeverityWarning:
		return pick(zh, "警告", "warning")
	}
	return pick(zh, "提示", "info")
}

func pick(zh bool, zhText, enText string) string {
	if zh {
		return zhText
	}
	return enText
}

// maxIndent is the deepest level show indents; the levels below it are
// numbered instead.
const maxIndent = 30

// describe prints the document as an indented tree with headcounts and
// derived reporting lines, then the totals.
func describe(w io.Writer, d *domain.Document, zh bool) {
	i := d.Info
	fmt.Fprintf(w, "%s  %s  %s  %s\n", i.Company, i.Title, i.Version, i.Confidentiality)
	roll := d.Rollup()
	superiors := d.Superiors()
	depth := map[domain.NodeID]int{}
	d.Walk(func(n *domain.Node) bool {
		if n.Parent != 0 {
			depth[n.ID] = depth[n.Parent] + 1
		}
		indent := strings.Repeat("  ", min(depth[n.ID], maxIndent))
		if depth[n.ID] > maxIndent {
			// Deeper levels are numbered instead of indented, so that
			// the text of a deep chain stays in proportion to its boxes.
			indent += fmt.Sprintf("[%d] ", depth[n.ID]+1)
		}
		h := roll[n.ID]
		switch {
		case n.Kind == domain.KindUnit:
			fmt.Fprintf(w, "%s▣ %s  %s %d\n", indent, n.Name, pick(zh, "编制", "planned"), h.Planned)
		default:
			line := fmt.Sprintf("%s%s %s  %s %d", indent, kindMark(n), n.Name, pick(zh, "编制", "planned"), n.Planned)
			if n.Concurrent {
				line += pick(zh, "（兼）", " (concurrent)")
			}
			if sup := superiors[n.ID]; sup != 0 {
				line += fmt.Sprintf("  %s %s", pick(zh, "直接上级:", "reports to:"), d.Node(sup).Name)
			} else if n.Job.Superior != "" { // a superior outside the chart
				line += fmt.Sprintf("  %s %s", pick(zh, "直接上级:", "reports to:"), n.Job.Superior)
			}
			if len(n.Duties) > 0 {
				line += fmt.Sprintf("  %s %d", pick(zh, "职责", "duties"), len(n.Duties))
			}
			fmt.Fprintln(w, line)
		}
		return true
	})
	t := d.Total()
	fmt.Fprintf(w, "%s %d, %s %d", pick(zh, "编制合计", "Planned total"), t.Planned, pick(zh, "在岗", "filled"), t.Filled)
	if i.StatedTotal != 0 {
		fmt.Fprintf(w, " (%s %d)", pick(zh, "文件写明", "stated"), i.StatedTotal)
	}
	fmt.Fprintln(w)
}

func kindMark(n *domain.Node) string {
	switch {
	case n.Kind == domain.KindAssistant:
		return "◇"
	case n.Head:
		return "★"
	}
	return "•"
}
