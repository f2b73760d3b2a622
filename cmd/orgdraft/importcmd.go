package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"orgdraft/domain/outline"
	"orgdraft/storage"
	"orgdraft/storage/sheet"
)

// importCommand creates a document from what people bring: a chart typed
// as an indented outline, or a staffing table from Excel.
//
//	orgdraft import OUTLINE.txt|TABLE.csv|TABLE.xlsx FILE.orgdraft
//
// It never overwrites: FILE must not exist. Any problem in the input is
// listed with its line or row numbers, all at once, and then nothing is
// written. For a table it says how it read it: as our own export or as a
// staffing table, which column as what, which columns it ignored.
func importCommand(args []string, stdout io.Writer) error {
	fs := flags("import")
	lang := fs.String("lang", "", "zh or en")
	pos, err := parse(fs, flagsFirst(fs, args), 2, "an OUTLINE.txt, TABLE.csv or TABLE.xlsx and a FILE.orgdraft")
	if err != nil {
		return err
	}
	in, out := pos[0], pos[1]
	if !strings.HasSuffix(strings.ToLower(out), ".orgdraft") {
		out += ".orgdraft"
	}
	zh := chinese(*lang)
	// Refuse an existing file before reading: storage.Create would refuse
	// it too, but only after the user had read a list of import problems.
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("%s %s", out, pick(zh, "已存在，不会覆盖", "already exists; it will not be overwritten"))
	}
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	d, sum, err := sheet.ImportSummary(in, f)
	if err != nil {
		var lines outline.ErrorList
		var rows sheet.ErrorList
		switch {
		case errors.As(err, &lines):
			return fmt.Errorf("%s: %s\n%s", in, pick(zh, "无法导入，没有写入任何文件", "cannot be imported; nothing was written"), lines.Text(zh))
		case errors.As(err, &rows):
			// How the table was read, then what is wrong with it.
			return fmt.Errorf("%s: %s\n%s%s", in, pick(zh, "无法导入，没有写入任何文件", "cannot be imported; nothing was written"),
				summaryText(sum, zh), rows.Text(zh))
		}
		return fmt.Errorf("%s: %w", in, err)
	}
	file, err := storage.Create(out, d)
	if err != nil {
		return err
	}
	if err := file.Close(); err != nil {
		return err
	}
	t := d.Total()
	fmt.Fprintf(stdout, pick(zh, "已创建 %s：%d 个框，编制合计 %d 人", "created %s: %d boxes, %d planned"), out, d.Len(), t.Planned)
	if st := d.Info.StatedTotal; st != 0 {
		fmt.Fprintf(stdout, pick(zh, "（文件写明 %d 人）", " (stated %d)"), st)
	}
	fmt.Fprintln(stdout)
	fmt.Fprint(stdout, summaryText(sum, zh))
	return nil
}

// summaryText is how a table was read, one indented line each (see
// sheet.Summary.Lines), "" for an outline.
func summaryText(sum *sheet.Summary, zh bool) string {
	var b strings.Builder
	for _, l := range sum.Lines(zh) {
		b.WriteString("  " + strings.ReplaceAll(l, "\n", " ") + "\n")
	}
	return b.String()
}
