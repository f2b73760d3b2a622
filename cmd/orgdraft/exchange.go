package main

import (
	"flag"
	"fmt"
	"io"
	"math"

	"orgdraft/domain"
	"orgdraft/storage"
	"orgdraft/storage/sheet"
	"orgdraft/ui/chart"
	"orgdraft/ui/picture"
)

// exchangeOutputs are the export command's pictures (for slides and chat
// messages) and tables (for Excel), beside its PDFs.
type exchangeOutputs struct {
	png, svg, csv, xlsx *string
	scale               *float64
	english             *bool
	force               *bool  // replace existing outputs (see write)
	input               string // the document exported, "" for a template
	zh                  bool   // messages in Chinese
}

// addExchangeFlags adds --png, --svg, --csv, --xlsx and their options to
// the export command's flags.
func addExchangeFlags(fs *flag.FlagSet) *exchangeOutputs {
	return &exchangeOutputs{
		png:     fs.String("png", "", "write the org chart to this PNG image"),
		svg:     fs.String("svg", "", "write the org chart to this SVG picture"),
		csv:     fs.String("csv", "", "write the boxes to this CSV table (one row per box)"),
		xlsx:    fs.String("xlsx", "", "write the boxes to this Excel workbook (one row per box)"),
		scale:   fs.Float64("scale", 2, "pixels per point of the PNG (2 suits slides and chat messages)"),
		english: fs.Bool("english", false, "English words in the boxes of the PNG and SVG and in the headers of the CSV and Excel table (default: Chinese)"),
		force:   fs.Bool("force", false, "replace output files that exist (never a document)"),
	}
}

// any reports whether any picture or table was asked for.
func (x *exchangeOutputs) any() bool {
	return *x.png != "" || *x.svg != "" || *x.csv != "" || *x.xlsx != ""
}

// check refuses, in Chinese (x.zh) or English, a scale that is not a positive number and two outputs
// (these or the PDFs named in others) that are the same file.
func (x *exchangeOutputs) check(others ...string) error {
	zh := x.zh
	if !(*x.scale > 0) || math.IsInf(*x.scale, 0) {
		return usageError{pick(zh, fmt.Sprintf("--scale 必须是正数，不能是 %v", *x.scale), fmt.Sprintf("--scale must be a positive number, not %v", *x.scale))}
	}
	outs := append([]string{*x.png, *x.svg, *x.csv, *x.xlsx}, others...)
	for i, a := range outs {
		for _, b := range outs[i+1:] {
			if a != "" && b != "" && samePath(a, b) {
				return usageError{pick(zh, fmt.Sprintf("两个输出指向同一个文件 %s", a), fmt.Sprintf("two outputs name the same file %s", a))}
			}
		}
	}
	return nil
}

// write writes one output file of the export command, PDFs included,
// through storage.WriteOutput: whole or not at all, an existing file
// replaced only with --force, and never the document exported, another
// document or a file an OrgDraft holds. A refusal is explained.
func (x *exchangeOutputs) write(path string, zh bool, write func(io.Writer) error) error {
	var inputs []string
	if x.input != "" {
		inputs = append(inputs, x.input)
	}
	if err := storage.WriteOutput(path, *x.force, write, inputs...); err != nil {
		return outputError(path, err, zh)
	}
	return nil
}

// export writes the pictures and tables asked for, each through write,
// and says what it wrote.
func (x *exchangeOutputs) export(d *domain.Document, zh bool, w io.Writer) error {
	var ch *chart.Chart
	if *x.png != "" || *x.svg != "" {
		var err error
		opt := chart.OptionsFor(d)
		opt.English = *x.english
		if ch, err = chart.Build(d, opt); err != nil {
			return err
		}
	}
	table := sheet.Options{English: *x.english}
	jobs := []struct {
		out    string
		zh, en string
		write  func(io.Writer) error
	}{
		{*x.png, "组织架构图 PNG", "chart PNG", func(w io.Writer) error { return picture.PNG(w, ch, *x.scale) }},
		{*x.svg, "组织架构图 SVG", "chart SVG", func(w io.Writer) error { return picture.SVG(w, ch) }},
		{*x.csv, "编制表 CSV", "table CSV", func(w io.Writer) error { return table.WriteCSV(w, d) }},
		{*x.xlsx, "编制表 Excel", "table Excel", func(w io.Writer) error { return table.WriteXLSX(w, d) }},
	}
	for _, j := range jobs {
		if j.out == "" {
			continue
		}
		if err := x.write(j.out, zh, j.write); err != nil {
			return err
		}
		detail := count(zh, d.Len(), "个框", "box", "boxes")
		if j.out == *x.png {
			pw, ph := picture.Size(ch, *x.scale)
			detail = pick(zh, fmt.Sprintf("%d × %d 像素", pw, ph), fmt.Sprintf("%d × %d pixels", pw, ph))
		}
		fmt.Fprintf(w, "%s: %s (%s)\n", pick(zh, j.zh, j.en), j.out, detail)
	}
	return nil
}
