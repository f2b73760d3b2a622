package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"orgdraft/domain"
	"orgdraft/domain/staffing"
)

// staffingCommand sizes a post from its hours (排班定编) and prints the
// working step by step, the result on its last line:
//
//	orgdraft staffing --posts N --hours H --days D [--week-hours 40 | --system standard|comprehensive]
//	                  [--allowance PCT] [--round up|nearest]
//	orgdraft staffing FILE|@ID
//
// The second form prints the working of every position of a document that
// has a staffing plan, with its rota check. The working is the editor's
// text (staffing.Working), in the language of the messages.
func staffingCommand(args []string, stdout io.Writer) error {
	fs := flags("staffing")
	lang := fs.String("lang", "", "zh or en")
	posts := fs.Int("posts", 1, "posts manned at once")
	hours := fs.String("hours", "", "hours a day, or a time range such as 22:00-06:00")
	days := fs.String("days", "", "days a week")
	weekHours := fs.String("week-hours", "", "hours a person works a week")
	system := fs.String("system", "", "standard or comprehensive")
	allowance := fs.String("allowance", "0", "allowance for leave, in percent")
	round := fs.String("round", "up", "up or nearest")
	if err := fs.Parse(flagsFirst(fs, args)); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageError{err.Error()}
	}
	zh := chinese(*lang)
	if fs.NArg() == 1 && *hours == "" && *days == "" {
		return printPlans(fs.Arg(0), zh, stdout)
	}
	if fs.NArg() != 0 || *hours == "" || *days == "" {
		return usageError{pick(zh, "需要 --hours 和 --days（或一个文档）", "expected --hours and --days (or a document)")}
	}
	p := &staffing.Plan{}
	h, err := staffing.ParseHours(*hours)
	if err != nil {
		return usageError{staffing.Message(err, zh)}
	}
	d, err := number(*days, zh, "--days")
	if err != nil {
		return err
	}
	p.Posts = []staffing.Post{{People: *posts, Hours: h, Days: d}}
	switch {
	case *weekHours != "" && *system != "":
		return usageError{pick(zh, "--week-hours 与 --system 只能用一个", "give --week-hours or --system, not both")}
	case *weekHours != "":
		p.System = staffing.Custom
		if p.WeekHours, err = number(*weekHours, zh, "--week-hours"); err != nil {
			return err
		}
	default:
		if p.System, err = staffing.ParseSystem(*system); err != nil {
			return usageError{staffing.Message(err, zh)}
		}
		if p.System == staffing.Custom {
			return usageError{pick(zh, "自定义工时请用 --week-hours", "for custom hours use --week-hours")}
		}
	}
	if p.Allowance, err = number(strings.TrimSuffix(strings.TrimSpace(*allowance), "%"), zh, "--allowance"); err != nil {
		return err
	}
	if p.Round, err = staffing.ParseRounding(*round); err != nil {
		return usageError{staffing.Message(err, zh)}
	}
	r, err := staffing.Compute(p)
	if err != nil {
		return fmt.Errorf("%s", staffing.Message(err, zh))
	}
	for _, line := range staffing.Working(r, zh) {
		fmt.Fprintln(stdout, line)
	}
	return nil
}

// number reads a flag's number, or says which flag is wrong.
func number(s string, zh bool, flagName string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, usageError{fmt.Sprintf(pick(zh, "%s 应为数字，而不是“%s”", "%s must be a number, not %q"), flagName, s)}
	}
	return v, nil
}

// printPlans prints the working and rota check of every position of the
// document at arg that has a staffing plan.
func printPlans(arg string, zh bool, stdout io.Writer) error {
	d, err := load(arg)
	if err != nil {
		return err
	}
	found := false
	d.Walk(func(n *domain.Node) bool {
		if n.Staffing == nil {
			return true
		}
		if found {
			fmt.Fprintln(stdout)
		}
		found = true
		fmt.Fprintf(stdout, pick(zh, "%s（编制 %d 人）\n", "%s (planned %d)\n"), strings.Join(d.Path(n.ID), " / "), n.Planned)
		r, ok, err := d.StaffingResult(n.ID)
		if !ok || err != nil {
			fmt.Fprintln(stdout, "  "+staffing.Message(err, zh))
			return true
		}
		rr, rerr := staffing.CheckRota(n.Staffing)
		lines := staffing.RotaLines(rr, zh)
		if rerr != nil {
			lines = []string{staffing.Message(rerr, zh)}
		}
		for _, line := range append(staffing.Working(r, zh), lines...) {
			fmt.Fprintln(stdout, "  "+line)
		}
		return true
	})
	if !found {
		fmt.Fprintln(stdout, pick(zh, "没有岗位按排班定编测算", "no position is sized from a staffing plan"))
	}
	return nil
}
