package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"orgdraft/domain"
	"orgdraft/domain/diff"
	"orgdraft/storage"
	"orgdraft/storage/sheet"
	"orgdraft/ui/pdf"
)

// diffCommand compares two versions of a document:
//
//	orgdraft diff OLD NEW [--json] [--by-name|--by-id] [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--force]
//
// OLD and NEW are files, @template ids, or FILE@VERSION: an approved
// version kept in FILE, named by its label (V1.0) or its number (1). It prints what changed from OLD
// to NEW (as JSON with --json) and, like diff, exits with 0 when the two
// are the same and 1 when they differ (3 when it failed). --pdf and
// --xlsx write the comparison table (变更对照表) as well; they never
// replace OLD, NEW or any document.
func diffCommand(args []string, stdout io.Writer) (int, error) {
	fs := flags("diff")
	asJSON := fs.Bool("json", false, "print the comparison as JSON")
	byName := fs.Bool("by-name", false, "match boxes by their path of names, whatever their ids")
	byID := fs.Bool("by-id", false, "match boxes by their ids only")
	pdfOut := fs.String("pdf", "", "write the comparison table to this PDF file")
	xlsxOut := fs.String("xlsx", "", "write the comparison table to this Excel workbook")
	force := fs.Bool("force", false, "replace output files that exist (never a document)")
	lang := fs.String("lang", "", "zh or en")
	pos, err := parse(fs, flagsFirst(fs, args), 2, "OLD and NEW (files or @TEMPLATE)")
	if err != nil {
		return exitUsage, err
	}
	switch {
	case *byName && *byID:
		return exitUsage, usageError{pick(chinese(*lang), "--by-name 和 --by-id 不能同时使用", "--by-name and --by-id exclude each other")}
	case *pdfOut != "" && *xlsxOut != "" && samePath(*pdfOut, *xlsxOut):
		return exitUsage, usageError{pick(chinese(*lang), "--pdf 和 --xlsx 指向同一个文件", "--pdf and --xlsx name the same file")}
	}
	zh := chinese(*lang)
	old, err := loadVersion(pos[0], zh)
	if err != nil {
		return exitFailed, err
	}
	new, err := loadVersion(pos[1], zh)
	if err != nil {
		return exitFailed, err
	}
	o := diff.Options{}
	switch {
	case *byName:
		o.Matching = diff.ByName
	case *byID:
		o.Matching = diff.ByID
	}
	r := diff.Compare(old, new, o)

	var inputs []string
	for _, p := range pos {
		if file, _, ok := versionArg(p); ok {
			inputs = append(inputs, file)
		} else if !strings.HasPrefix(p, "@") {
			inputs = append(inputs, p)
		}
	}
	v := pdf.Versions{Old: versionName(pos[0], old), New: versionName(pos[1], new)}
	write := func(path string, fn func(io.Writer) error) error {
		if err := storage.WriteOutput(path, *force, fn, inputs...); err != nil {
			return outputError(path, err, zh)
		}
		return nil
	}
	// The files first, so that their messages come before the report.
	var wrote []string
	if *pdfOut != "" {
		var rep pdf.Report
		err := write(*pdfOut, func(w io.Writer) error {
			var err error
			rep, err = pdf.Comparison(w, new, r, v, pdf.Options{Paper: "A4", Landscape: true}, !zh)
			return err
		})
		if err != nil {
			return exitFailed, err
		}
		wrote = append(wrote, fmt.Sprintf("%s: %s (%s)", pick(zh, "变更对照表", "comparison"), *pdfOut,
			pick(zh, fmt.Sprintf("共 %d 页", rep.Pages), fmt.Sprintf("%d pages", rep.Pages))))
	}
	if *xlsxOut != "" {
		err := write(*xlsxOut, func(w io.Writer) error {
			return sheet.Options{English: !zh}.WriteComparisonXLSX(w, r, v.Old, v.New)
		})
		if err != nil {
			return exitFailed, err
		}
		wrote = append(wrote, fmt.Sprintf("%s: %s", pick(zh, "变更对照表 Excel", "comparison Excel"), *xlsxOut))
	}

	bw := bufio.NewWriter(stdout)
	if *asJSON {
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return exitFailed, err
		}
	} else {
		printComparison(bw, r, v, zh)
		for _, s := range wrote {
			fmt.Fprintln(bw, s)
		}
	}
	if err := bw.Flush(); err != nil {
		return exitFailed, err
	}
	if r.Same() {
		return exitOK, nil
	}
	return exitFindings, nil
}

// versionName names a compared version for the report: the file's name
// (or @template) and the document's version label.
func versionName(arg string, d *domain.Document) string {
	name := arg
	if !strings.HasPrefix(arg, "@") {
		name = filepath.Base(arg)
	}
	if d.Info.Version != "" {
		name += " (" + d.Info.Version + ")"
	}
	return name
}

// printComparison prints the report as text: one line per change, marked
// + for a box added, - for a box removed and ~ for a change, then a
// summary.
func printComparison(w io.Writer, r *diff.Report, v pdf.Versions, zh bool) {
	fmt.Fprintf(w, "%s %s → %s\n", pick(zh, "比较", "Comparing"), v.Old, v.New)
	if r.ByName {
		fmt.Fprintln(w, pick(zh,
			fmt.Sprintf("两个版本的框编号不对应：按名称路径配对（%d 个框按名称配对）。", r.ByNameCount),
			fmt.Sprintf("The two versions' box ids do not correspond: boxes were matched by their path of names (%d by name).", r.ByNameCount)))
	}
	if r.Same() {
		fmt.Fprintln(w, pick(zh, "两个版本相同。", "The two versions are the same."))
		return
	}
	oneLine := strings.NewReplacer("\r\n", " ⏎ ", "\n", " ⏎ ")
	for _, x := range r.Rows(zh) {
		mark := "~"
		switch x.Status {
		case diff.Added:
			mark = "+"
		case diff.Removed:
			mark = "-"
		}
		line := fmt.Sprintf("%s %s: %s", mark, x.Box, x.What)
		before, after := oneLine.Replace(x.Before), oneLine.Replace(x.After)
		switch {
		case before != "" && after != "":
			line += fmt.Sprintf(": %s → %s", before, after)
		case after != "":
			line += ": " + after
		case before != "":
			line += ": " + before
		}
		fmt.Fprintln(w, line)
	}
	added, removed, changed := r.Counts()
	t := r.Total
	fmt.Fprintln(w, pick(zh,
		fmt.Sprintf("新增 %d 个框，删除 %d 个框，修改 %d 个框；编制合计 %d → %d，在岗合计 %d → %d。",
			added, removed, changed, t.Planned.Before, t.Planned.After, t.Filled.Before, t.Filled.After),
		fmt.Sprintf("%d boxes added, %d removed, %d changed; planned total %d → %d, filled total %d → %d.",
			added, removed, changed, t.Planned.Before, t.Planned.After, t.Filled.Before, t.Filled.After)))
}

// versionArg splits FILE@VERSION into the file and the version, when arg
// names an approved version kept in a file that exists (a file whose own
// name holds an "@" is still taken as a file).
func versionArg(arg string) (file, version string, ok bool) {
	i := strings.LastIndex(arg, "@")
	if i <= 0 || i == len(arg)-1 {
		return "", "", false
	}
	if _, err := os.Stat(arg); err == nil {
		return "", "", false
	}
	if st, err := os.Stat(arg[:i]); err != nil || !st.Mode().IsRegular() {
		return "", "", false
	}
	return arg[:i], arg[i+1:], true
}

// loadVersion reads OLD or NEW of diff: a file, a template, or an approved
// version kept in a file (FILE@V1.0 or FILE@1).
func loadVersion(arg string, zh bool) (*domain.Document, error) {
	file, version, ok := versionArg(arg)
	if !ok {
		return load(arg)
	}
	d, err := load(file)
	if err != nil {
		return nil, err
	}
	var labels []string
	for _, r := range d.Revisions() {
		if r.Version == version || strconv.Itoa(r.Seq) == version {
			return d.RevisionDocument(r.Seq)
		}
		labels = append(labels, r.Version)
	}
	if len(labels) == 0 {
		return nil, errors.New(pick(zh,
			fmt.Sprintf("%s 没有已批准的版本，没有“%s”", file, version),
			fmt.Sprintf("%s has no approved version, so no %q", file, version)))
	}
	return nil, errors.New(pick(zh,
		fmt.Sprintf("%s 没有版本“%s”；已批准的版本：%s", file, version, strings.Join(labels, "、")),
		fmt.Sprintf("%s has no version %q; its approved versions: %s", file, version, strings.Join(labels, ", "))))
}
