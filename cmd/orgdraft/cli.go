package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"orgdraft/assets"
	"orgdraft/domain"
	"orgdraft/storage"
	"orgdraft/ui"
)

// usage and usageZh are the usage text in English and in Chinese;
// usageText picks one. A new command adds its lines to both.
const usage = `OrgDraft: org charts and job responsibilities

Usage:
  orgdraft [FILE.orgdraft]              open the editor (on FILE, else on the last document)
  orgdraft templates                    list the built-in templates
  orgdraft new [-template ID] FILE      create FILE.orgdraft, blank or from a template
  orgdraft show [-json] FILE|@ID        print the chart: boxes, headcounts, direct superiors
  orgdraft check FILE|@ID               print the headcount of every unit and the checks;
                                        exit status 1 when there are errors
  orgdraft export FILE|@ID --chart OUT.pdf --book OUT.pdf [--paper A4|A3|A2] [--book-paper A4|A3|A2] [--landscape|--portrait] [--tile|--split]
                                        print the org chart and/or the job-responsibility book as PDF
          [--docx OUT.docx]             the job-responsibility book as a Word file, to edit in Word or WPS
          [--png OUT.png [--scale 2]] [--svg OUT.svg] [--csv OUT.csv] [--xlsx OUT.xlsx] [--english]
                                        the chart as a picture for slides and chat, the boxes as a table for Excel;
                                        --english writes their words in English
          [--force]                     replace output files that exist (never a document: an export
                                        never replaces an .orgdraft document or the one exported)
  orgdraft diff OLD NEW [--json] [--by-name|--by-id] [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--force]
                                        compare two versions (files, @ID, or FILE@V1.0 for an approved
                                        version kept in FILE); exit status 0 when
                                        the same, 1 when they differ; the comparison table as PDF/Excel
  orgdraft import OUTLINE.txt|TABLE.csv|TABLE.xlsx FILE
                                        create FILE.orgdraft from an indented outline or a staffing table
  orgdraft staffing --posts N --hours H --days D [--week-hours 40 | --system standard|comprehensive]
          [--allowance PCT] [--round up|nearest]
                                        size a post from its hours and shifts: the working step by step,
                                        the result on the last line; H is hours a day or a range (22:00-06:00)
  orgdraft staffing FILE|@ID            the working of every position sized from a staffing plan
  orgdraft sign FILE --role ROLE --name NAME [--date YYYY-MM-DD]
                                        fill in a row of the sign-off block, ROLE as the document
                                        names it
  orgdraft approve FILE [--approver NAME] [--note TEXT] [--date YYYY-MM-DD]
                                        approve and lock FILE, keeping a snapshot of this version
  orgdraft revise FILE [--version V1.1]  start the next draft of an approved FILE
  orgdraft history FILE [--note N TEXT] list the approved versions, or set the summary of version N
  orgdraft --version                    print the version

FILE is an .orgdraft document; @ID names a built-in template instead.
Messages follow the system's language (LC_ALL, LC_MESSAGES, LANG: zh_* gives Chinese);
-lang zh|en, before or after the command, overrides it.
`

const usageZh = `OrgDraft 组织架构设计器

用法：
  orgdraft [文件.orgdraft]              打开编辑器（打开该文件，否则打开上次的文档）
  orgdraft templates                    列出内置模板
  orgdraft new [-template 模板] 文件    新建 文件.orgdraft：空白文档或按模板
  orgdraft show [-json] 文件|@模板      显示架构图：各框、编制、直接上级
  orgdraft check 文件|@模板             显示各单位的编制与在岗人数和检查结果；
                                        有错误时退出状态为 1
  orgdraft export 文件|@模板 --chart 输出.pdf --book 输出.pdf [--paper A4|A3|A2] [--book-paper A4|A3|A2] [--landscape|--portrait] [--tile|--split]
                                        把组织架构图和/或岗位职责说明书打印成 PDF
          [--docx 输出.docx]            岗位职责说明书另存为可编辑的 .docx 文档
          [--png 输出.png [--scale 2]] [--svg 输出.svg] [--csv 输出.csv] [--xlsx 输出.xlsx] [--english]
                                        架构图存为图片（用于幻灯片和聊天），各框存为表格（用于 Excel）；
                                        加 --english 则其中的文字用英文
          [--force]                     替换已存在的输出文件（文档除外：导出从不覆盖
                                        .orgdraft 文档，也不覆盖正在导出的文档）
  orgdraft diff 旧版 新版 [--json] [--by-name|--by-id] [--pdf 输出.pdf] [--xlsx 输出.xlsx] [--force]
                                        比较两个版本（文件、@模板，或 文件@V1.0 表示文件中已批准的
                                        版本）：相同时退出状态为 0，
                                        不同时为 1；变更对照表可存为 PDF 或 Excel
  orgdraft import 提纲.txt|表格.csv|表格.xlsx 文件
                                        由缩进的提纲或人员编制表新建 文件.orgdraft
  orgdraft staffing --posts 岗位点数 --hours 每天小时 --days 每周天数 [--week-hours 40 | --system standard|comprehensive]
          [--allowance 百分比] [--round up|nearest]
                                        按岗位点和值班时间测算编制（排班定编）：逐步列出测算过程，
                                        最后一行是结果；每天小时可写时段（22:00-06:00）
  orgdraft staffing 文件|@模板          列出按排班定编测算的每个岗位的测算过程
  orgdraft sign 文件 --role 角色 --name 姓名 [--date 年-月-日]
                                        填写签核栏的一行（角色如 编制、审核、批准）
  orgdraft approve 文件 [--approver 批准人] [--note 说明] [--date 年-月-日]
                                        批准并锁定文件，在文件中保存这一版本的快照
  orgdraft revise 文件 [--version V1.1] 由已批准的文件开始下一版草稿
  orgdraft history 文件 [--note 序号 说明]
                                        列出已批准的各版本，或修改第 N 版的修订说明
  orgdraft --version                    显示版本

“文件”是 .orgdraft 文档；“@模板”表示内置模板（模板名见 orgdraft templates）。
提示信息跟随系统语言（LC_ALL、LC_MESSAGES、LANG：zh_* 为中文）；
在命令前后加 -lang zh|en 可以指定语言。
`

// usageText returns the usage text in Chinese (zh) or English.
func usageText(zh bool) string { return pick(zh, usageZh, usage) }

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
	if name, _, _ := strings.Cut(strings.TrimLeft(cmd, "-"), "="); name == "lang" && strings.HasPrefix(cmd, "-") {
		// "orgdraft -lang en check FILE": the language before the
		// command is given to the command.
		n := 1
		if !strings.Contains(cmd, "=") {
			n = 2
		}
		if len(args) <= n {
			return runWith(func() (int, error) { return 0, errNoCommand }, "", args, stderr)
		}
		cmd, rest = args[n], append(slices.Clone(args[:n]), args[n+1:]...)
	}
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
	l := langArg(rest)
	zh := chinese(l)
	if !knownLanguage(l) {
		zh = chinese("") // an unknown -lang is reported in the system's language
	}
	err := domain.Safely(func() (err error) {
		if !knownLanguage(l) {
			return usageError{pick(zh, fmt.Sprintf("没有 %q 这种语言（可选 zh 或 en）", l), fmt.Sprintf("unknown language %q (want zh or en)", l))}
		}
		status, err = work()
		return err
	})
	var ue usageError
	var pe *domain.PanicError
	switch {
	case errors.Is(err, errUnknown):
		fmt.Fprintf(stderr, "orgdraft: %s\n\n%s", pick(zh, fmt.Sprintf("没有 %q 这个命令", cmd), fmt.Sprintf("unknown command %q", cmd)), usageText(zh))
		return exitUsage
	case errors.Is(err, errNoCommand):
		fmt.Fprintf(stderr, "orgdraft: %s\n\n%s", pick(zh, "缺少命令", "no command given"), usageText(zh))
		return exitUsage
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "orgdraft %s: %v\n\n%s", cmd, err, usageText(zh))
		return exitUsage
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stderr, usageText(zh))
		return exitUsage
	case errors.As(err, &pe) && !errors.As(err, new(*outputFailure)):
		fmt.Fprintf(stderr, "orgdraft %s: %s\n", cmd, panicText(pe, zh))
		return exitFailed
	case err != nil:
		fmt.Fprintf(stderr, "orgdraft %s: %s\n", cmd, explain(err, zh))
		return exitFailed
	}
	return status
}

// errUnknown is dispatch's answer to a command it does not know;
// errNoCommand is run's when a -lang flag stands alone.
var (
	errUnknown   = errors.New("unknown command")
	errNoCommand = errors.New("no command")
)

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
	case "diff":
		status, err = diffCommand(rest, stdout)
	case "staffing":
		err = staffingCommand(rest, stdout)
	case "sign":
		err = signCommand(rest, stdout)
	case "approve":
		err = approveCommand(rest, stdout)
	case "revise":
		err = reviseCommand(rest, stdout)
	case "history":
		err = historyCommand(rest, stdout)
	case "version", "-version", "--version":
		printVersion(stdout)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usageText(chinese(langArg(rest))))
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

// usageError marks a wrong command line (as opposed to a failure). Its
// message is in the user's language already (see pick).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// flags returns a flag set that reports errors instead of exiting.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args and demands exactly n positional arguments, which
// what names in English ("one FILE"). Its errors are in the language of
// args' -lang flag, else of the system, as the flag itself may be what
// failed to parse.
func parse(fs *flag.FlagSet, args []string, n int, what string) ([]string, error) {
	zh := chinese(langArg(args))
	// Flags may follow the file too ("check FILE -lang en").
	if err := fs.Parse(flagsFirst(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usageError{flagErrorText(err, zh)}
	}
	if fs.NArg() != n {
		return nil, usageError{pick(zh,
			fmt.Sprintf("这个命令要 %d 个参数，这里有 %d 个", n, fs.NArg()),
			fmt.Sprintf("expected %s, got %s", what, count(false, fs.NArg(), "", "argument", "arguments")))}
	}
	return fs.Args(), nil
}

// chinese reports whether messages should be in Chinese: lang is the
// -lang flag's value; without one the system's language decides, the
// same way as for the editor (ui.SystemLanguage).
func chinese(lang string) bool {
	if lang == "" {
		lang = ui.SystemLanguage()
	}
	return strings.HasPrefix(strings.ToLower(lang), "zh")
}

// knownLanguage reports whether a -lang value names a language OrgDraft
// speaks, or is empty (the system's).
func knownLanguage(lang string) bool {
	l := strings.ToLower(lang)
	return l == "" || strings.HasPrefix(l, "zh") || strings.HasPrefix(l, "en")
}

// load opens a document file read-only in effect (it is closed again
// before returning, nothing is written), or decodes a template for "@ID".
func load(arg string) (*domain.Document, error) {
	if id, ok := strings.CutPrefix(arg, "@"); ok {
		d, err := assets.LoadTemplate(id)
		if err != nil {
			return nil, &templateError{id, err}
		}
		return d, nil
	}
	f, d, err := storage.Open(arg)
	if errors.Is(err, storage.ErrReadOnlyFile) {
		d, err = storage.ReadSnapshot(arg) // reading is all the commands need
		if err != nil {
			return nil, &fileError{path: arg, err: err}
		}
		return d, nil
	}
	if err != nil {
		return nil, &fileError{path: arg, err: err}
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
			return &templateError{t.ID, err}
		}
		name, desc := t.NameEn, t.DescriptionEn
		if zh {
			name, desc = t.Name, t.Description
		}
		fmt.Fprintf(w, "%-22s %s — %s\n", t.ID, name, sizeText(zh, d))
		if desc != "" {
			fmt.Fprintf(w, "%-22s %s\n", "", desc)
		}
	}
	return nil
}

func newDocument(args []string, w io.Writer) error {
	fs := flags("new")
	tmpl := fs.String("template", "", "template id (see `orgdraft templates`); blank document when empty")
	lang := fs.String("lang", "", "zh or en")
	pos, err := parse(fs, args, 1, "one FILE")
	if err != nil {
		return err
	}
	zh := chinese(*lang)
	path := pos[0]
	if !strings.HasSuffix(strings.ToLower(path), ".orgdraft") {
		path += ".orgdraft"
	}
	d := domain.NewDocument()
	if *tmpl != "" {
		if d, err = assets.LoadTemplate(*tmpl); err != nil {
			return &templateError{*tmpl, err}
		}
	}
	f, err := storage.Create(path, d)
	if err != nil {
		return &fileError{path: path, create: true, err: err}
	}
	if err := f.Close(); err != nil {
		return &fileError{path: path, create: true, err: err}
	}
	fmt.Fprintln(w, pick(zh, fmt.Sprintf("已创建 %s：%s", path, sizeText(zh, d)), fmt.Sprintf("created %s: %s", path, sizeText(zh, d))))
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
	zh := chinese(*lang)
	printHeadcount(bw, d, zh)
	fmt.Fprintln(bw)
	printFindings(bw, d, findings, zh)
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
		indent := indentFor(depth[n.ID])
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
