package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"orgdraft/domain"
	"orgdraft/storage"
	"orgdraft/ui/pdf"
)

// exportCommand prints a document's chart and job-responsibility book as
// PDF files:
//
//	orgdraft export FILE|@ID --chart OUT.pdf --book OUT.pdf --docx OUT.docx [--paper A3] [--book-paper A4]
//	                [--landscape|--portrait] [--tile|--split] [--lang en] [--force]
//
// The chart's and the book's paper, the orientation and print language
// default to the document's own page settings; --lang chooses the
// language of the PDFs and of the messages at once. Without --tile or
// --split the chart is fitted on one page, and split by unit when its
// text would not stay legible there. (There is no --fit: it was that
// default under another name.)
// Each file is written by storage.WriteOutput: to a temporary file beside
// it, renamed only when complete, so a failed export never leaves a
// half-written file. An existing file is replaced only with --force, and
// never when it is the document exported, any OrgDraft document or a file
// an OrgDraft holds open.
func exportCommand(args []string, stdout io.Writer) error {
	fs := flags("export")
	chartOut := fs.String("chart", "", "write the org chart to this PDF file")
	bookOut := fs.String("book", "", "write the job-responsibility book to this PDF file")
	docxOut := fs.String("docx", "", "write the job-responsibility book to this Word file (.docx)")
	paper := fs.String("paper", "", "the chart's paper: A4, A3 or A2 (default: the document's)")
	bookPaper := fs.String("book-paper", "", "the book's paper: A4, A3 or A2 (default: the document's, else A4)")
	landscape := fs.Bool("landscape", false, "turn the paper sideways")
	portrait := fs.Bool("portrait", false, "keep the paper upright")
	tile := fs.Bool("tile", false, "the chart at full size across several pages, to be assembled")
	split := fs.Bool("split", false, "an overview page and a page per top-level unit")
	lang := fs.String("lang", "", "zh or en: the PDFs' words (default: the document's print language) and the messages (default: the system's)")
	ex := addExchangeFlags(fs)
	pos, err := parse(fs, flagsFirst(fs, args), 1, "one FILE or @TEMPLATE")
	if err != nil {
		return err
	}
	zh := chinese(*lang)
	switch {
	case *chartOut == "" && *bookOut == "" && *docxOut == "" && !ex.any():
		return usageError{pick(zh, "没有要做的事：请给出 --chart 输出.pdf、--book 输出.pdf、--docx 输出.docx、--png、--svg、--csv 或 --xlsx", "nothing to do: give --chart OUT.pdf, --book OUT.pdf, --docx OUT.docx, --png, --svg, --csv or --xlsx")}
	case *chartOut != "" && *bookOut != "" && samePath(*chartOut, *bookOut):
		return usageError{pick(zh, "--chart 和 --book 指向同一个文件", "--chart and --book name the same file")}
	case *docxOut != "" && ((*chartOut != "" && samePath(*chartOut, *docxOut)) || (*bookOut != "" && samePath(*bookOut, *docxOut))):
		return usageError{pick(zh, "--docx 与 --chart 或 --book 指向同一个文件", "--docx names the same file as --chart or --book")}
	case *landscape && *portrait:
		return usageError{pick(zh, "--landscape 和 --portrait 只能选一个", "--landscape and --portrait exclude each other")}
	case *paper != "" && !slices.Contains(pdf.PaperSizes(), strings.ToUpper(*paper)):
		return usageError{pick(zh, fmt.Sprintf("没有 %q 这种纸张（可选 %s）", *paper, strings.Join(pdf.PaperSizes(), "、")), fmt.Sprintf("unknown paper %q (want %s)", *paper, strings.Join(pdf.PaperSizes(), ", ")))}
	case *bookPaper != "" && !slices.Contains(pdf.PaperSizes(), strings.ToUpper(*bookPaper)):
		return usageError{pick(zh, fmt.Sprintf("说明书没有 %q 这种纸张（可选 %s）", *bookPaper, strings.Join(pdf.PaperSizes(), "、")), fmt.Sprintf("unknown book paper %q (want %s)", *bookPaper, strings.Join(pdf.PaperSizes(), ", ")))}
	}
	ex.zh = zh
	if err := ex.check(*chartOut, *bookOut, *docxOut); err != nil {
		return err
	}
	mode, err := chartMode(*tile, *split, zh)
	if err != nil {
		return err
	}

	d, err := load(pos[0])
	if err != nil {
		return err
	}
	o, err := printOptions(d, pos[0], *lang)
	if err != nil {
		return err
	}
	o.Mode = mode
	if *paper != "" {
		o.Paper = *paper
	}
	if *bookPaper != "" {
		o.BookPaper = *bookPaper
	}
	if *landscape || *portrait {
		o.Landscape = *landscape
	}
	if !strings.HasPrefix(pos[0], "@") {
		ex.input = pos[0]
	}
	jobs := []struct {
		out     string
		zh, en  string
		export  func(io.Writer, *domain.Document, pdf.Options) (pdf.Report, error)
		enabled bool
	}{
		{*chartOut, "组织架构图", "chart", pdf.Chart, *chartOut != ""},
		{*bookOut, "岗位职责说明书", "book", pdf.Book, *bookOut != ""},
		{*docxOut, "岗位职责说明书（.docx）", "book (Word)", pdf.Docx, *docxOut != ""},
	}
	for _, j := range jobs {
		if !j.enabled {
			continue
		}
		var r pdf.Report
		err := ex.write(j.out, zh, func(w io.Writer) error {
			var err error
			r, err = j.export(w, d, o)
			return err
		})
		if err != nil {
			return err
		}
		if r.Pages > 0 {
			fmt.Fprintf(stdout, "%s: %s (%s)\n", pick(zh, j.zh, j.en), j.out, pick(zh, fmt.Sprintf("共 %d 页", r.Pages), count(zh, r.Pages, "", "page", "pages")))
		} else {
			// A Word file is paginated by the program that opens it.
			fmt.Fprintf(stdout, "%s: %s\n", pick(zh, j.zh, j.en), j.out)
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(stdout, "  %s: %s\n", pick(zh, "警告", "warning"), w)
		}
	}
	return ex.export(d, zh, stdout)
}

// printOptions returns the document's printing preferences for an export
// of arg: the PDFs in the language lang names, else in the document's
// print language; the warnings in the language of the messages; the dates
// those of the document file's last save, so that exporting an unchanged
// file again writes the same PDF (a template has none: a fixed date).
func printOptions(d *domain.Document, arg, lang string) (pdf.Options, error) {
	o := pdf.OptionsFor(d)
	zh := chinese(lang)
	if lang != "" {
		l, err := domain.ParseLanguage(lang)
		if err != nil {
			return o, usageError{pick(zh, fmt.Sprintf("没有 %q 这种语言（可选 zh 或 en）", lang), fmt.Sprintf("unknown language %q (want zh or en)", lang))}
		}
		o.Language = l
	}
	o.Messages = domain.English
	if zh {
		o.Messages = domain.Chinese
	}
	if !strings.HasPrefix(arg, "@") {
		if fi, err := os.Stat(arg); err == nil {
			o.Saved = fi.ModTime()
		}
	}
	return o, nil
}

// chartMode returns the mode the flags choose, Fit when none.
func chartMode(tile, split, zh bool) (pdf.Mode, error) {
	switch {
	case tile && split:
		return pdf.Fit, usageError{pick(zh, "--tile 和 --split 只能选一个", "choose one of --tile and --split")}
	case tile:
		return pdf.Tile, nil
	case split:
		return pdf.Split, nil
	}
	return pdf.Fit, nil
}

// flagsFirst moves the flags (with their values) in front of the other
// arguments. Go's flag package stops at the first argument that is not a
// flag, but the usage puts FILE first: "export FILE --chart OUT.pdf".
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flagArgs, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case len(a) < 2 || a[0] != '-':
			rest = append(rest, a)
		default:
			flagArgs = append(flagArgs, a)
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if f := fs.Lookup(name); f != nil && !hasValue && !isBoolFlag(f) && i+1 < len(args) {
				i++
				flagArgs = append(flagArgs, args[i])
			}
		}
	}
	return append(append(flagArgs, "--"), rest...)
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// samePath reports whether two paths name the same file, as far as can be
// told without it existing.
func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// outputFailure is a refused or failed output, explained in the user's
// language; the storage error stays inside for errors.Is.
type outputFailure struct {
	msg string
	err error
}

func (e *outputFailure) Error() string { return e.msg }
func (e *outputFailure) Unwrap() error { return e.err }

// outputError explains why the output path was not written. Every refusal
// leaves the file there as it was.
func outputError(path string, err error, zh bool) error {
	why := ""
	switch {
	case errors.Is(err, storage.ErrSameAsInput):
		why = pick(zh, "这就是要导出的文档，导出不会覆盖它", "this is the document being exported; an export never replaces it")
	case errors.Is(err, storage.ErrDocumentTarget):
		why = pick(zh, "这是 OrgDraft 文档（或以 .orgdraft 结尾），导出从不覆盖文档，加 --force 也不行",
			"this is an OrgDraft document (or a .orgdraft name); an export never replaces a document, not even with --force")
	case errors.Is(err, storage.ErrInUse):
		why = pick(zh, "这个文件正被 OrgDraft 打开，导出不会覆盖它", "an OrgDraft holds this file open; an export never replaces it")
	case errors.Is(err, storage.ErrNotRegular):
		why = pick(zh, "这不是普通文件（是文件夹、设备或管道）", "this is not a regular file (a folder, a device or a pipe)")
	case errors.Is(err, storage.ErrExists):
		why = pick(zh, "文件已存在；要替换它，请加 --force", "the file exists; add --force to replace it")
	default:
		var pe *domain.PanicError
		if errors.As(err, &pe) {
			return &outputFailure{fmt.Sprintf("%s: %s", path, panicText(pe, zh)), err}
		}
		return &outputFailure{fileText(path, true, err, zh), err}
	}
	return &outputFailure{fmt.Sprintf("%s: %s", path, why), err}
}
