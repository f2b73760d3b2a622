package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"orgdraft/domain"
	"orgdraft/domain/diff"
	"orgdraft/storage"
)

// The commands of a document's versions:
//
//	orgdraft sign FILE --role 审核 --name NAME [--date YYYY-MM-DD]
//	orgdraft approve FILE [--approver NAME] [--note TEXT] [--date YYYY-MM-DD]
//	orgdraft revise FILE [--version V1.1]
//	orgdraft history FILE [--note SEQ TEXT]
//
// Approving checks the sign-off block and the checks, keeps a snapshot in
// the file and locks it; every command that changes a document refuses an
// approved one (editDocument) until `revise` starts the next draft.

// today is the day an approval or a signature is dated by default.
func today() string { return time.Now().Format("2006-01-02") }

// editDocument opens the document at path for a change, refusing an
// approved one with a message that says how to go on, runs edit with a
// history that saves every edit, and closes the file.
func editDocument(path string, zh bool, edit func(f *storage.File, d *domain.Document, h *domain.History) error) error {
	f, d, err := storage.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if d.Locked() {
		return approvedError(path, d, zh)
	}
	h := domain.NewHistory(d)
	h.OnChange = func(ch domain.Change) error { return f.Apply(d, ch) }
	if err := edit(f, d, h); err != nil {
		return err
	}
	return f.Close()
}

// approvedError refuses a change to the approved document d at path.
func approvedError(path string, d *domain.Document, zh bool) error {
	return errors.New(pick(zh,
		fmt.Sprintf("%s 已批准（%s），已锁定，不能修改。要修改，请先用 orgdraft revise %[1]s 开始新修订。", path, d.Info.Version),
		fmt.Sprintf("%s is approved (%s) and locked; it cannot be changed. To change it, start a new revision first: orgdraft revise %[1]s", path, d.Info.Version)))
}

// signCommand fills in one row of the sign-off block (编制/审核/批准).
func signCommand(args []string, w io.Writer) error {
	fs := flags("sign")
	lang := fs.String("lang", "", "zh or en")
	role := fs.String("role", "", "the sign-off row as the document names it, or its English name (another name adds a row)")
	name := fs.String("name", "", "the name to sign with")
	date := fs.String("date", today(), "the date, YYYY-MM-DD")
	pos, err := parse(fs, flagsFirst(fs, args), 1, "one FILE")
	if err != nil {
		return err
	}
	zh := chinese(*lang)
	if strings.TrimSpace(*role) == "" || strings.TrimSpace(*name) == "" {
		return usageError{pick(zh, "需要 --role 和 --name", "--role and --name are needed")}
	}
	return editDocument(pos[0], zh, func(f *storage.File, d *domain.Document, h *domain.History) error {
		r, n, day := strings.TrimSpace(*role), strings.TrimSpace(*name), strings.TrimSpace(*date)
		err := h.Do(&domain.EditInfo{Name: "Sign", Apply: func(i *domain.Info) error {
			for k := range i.SignOffs {
				// The customary rows answer to their English names
				// too, as the English messages call them.
				if have := strings.TrimSpace(i.SignOffs[k].Role); have == r || strings.EqualFold(domain.RoleInEnglish(have), r) {
					r = have
					i.SignOffs[k].Name, i.SignOffs[k].Date = n, day
					return nil
				}
			}
			i.SignOffs = append(i.SignOffs, domain.SignOff{Role: r, Name: n, Date: day})
			return nil
		}})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, pick(zh, "%s：%s 已签 %s（%s）\n", "%s: %s signed by %s (%s)\n"), pos[0], r, n, day)
		return nil
	})
}

// approveCommand approves a document: see storage.File.Approve.
func approveCommand(args []string, w io.Writer) error {
	fs := flags("approve")
	lang := fs.String("lang", "", "zh or en")
	approver := fs.String("approver", "", "who approves (default: the name in the 批准 row)")
	note := fs.String("note", "", "the summary of changes for the revision history")
	date := fs.String("date", today(), "the day of the approval, YYYY-MM-DD")
	pos, err := parse(fs, flagsFirst(fs, args), 1, "one FILE")
	if err != nil {
		return err
	}
	zh := chinese(*lang)
	path := pos[0]
	f, d, err := storage.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	text := *note
	if text == "" {
		text = diff.SuggestedNote(d, d.Info.Page.Language != domain.English)
	}
	err = f.Approve(d, domain.Approval{Approver: strings.TrimSpace(*approver), Date: strings.TrimSpace(*date), Note: text})
	var nr *domain.NotReadyError
	switch {
	case errors.As(err, &nr):
		var lines []string
		for _, m := range nr.Missing {
			lines = append(lines, "  "+pick(zh, m.Zh, m.En))
		}
		return fmt.Errorf("%s %s\n%s", path, pick(zh, "还不能批准，缺少：", "cannot be approved yet; missing:"), strings.Join(lines, "\n"))
	case errors.Is(err, domain.ErrApproved):
		return errors.New(pick(zh, fmt.Sprintf("%s 已经批准（%s）", path, d.Info.Version), fmt.Sprintf("%s is already approved (%s)", path, d.Info.Version)))
	case err != nil:
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	r := d.Revisions()[len(d.Revisions())-1]
	fmt.Fprintf(w, pick(zh, "%s：%s 已批准（%s，批准人 %s），文档已锁定\n", "%s: %s approved (%s, by %s); the document is locked\n"),
		path, r.Version, r.Date, r.Approver)
	return nil
}

// reviseCommand starts the next draft of an approved document.
func reviseCommand(args []string, w io.Writer) error {
	fs := flags("revise")
	lang := fs.String("lang", "", "zh or en")
	version := fs.String("version", "", "the new version label (default: the next one, V1.0 → V1.1)")
	pos, err := parse(fs, flagsFirst(fs, args), 1, "one FILE")
	if err != nil {
		return err
	}
	zh := chinese(*lang)
	path := pos[0]
	f, d, err := storage.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	old := d.Info.Version
	err = f.Revise(d, *version)
	if errors.Is(err, domain.ErrNotApproved) {
		return errors.New(pick(zh, fmt.Sprintf("%s 是草稿，尚未批准；只有批准过的文档才能开始新修订", path),
			fmt.Sprintf("%s is a draft, not approved; only an approved document can be revised", path)))
	}
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(w, pick(zh, "%s：已从 %s 开始新修订 %s（草稿，签核日期待填）\n", "%s: new revision %[3]s started from %[2]s (a draft; the sign-off dates are to be filled in)\n"),
		path, old, d.Info.Version)
	return nil
}

// historyCommand lists the approved versions, or edits the note of one.
func historyCommand(args []string, w io.Writer) error {
	fs := flags("history")
	lang := fs.String("lang", "", "zh or en")
	seq := fs.Int("note", 0, "the number of the revision whose note (summary of changes) to replace with TEXT")
	n := 1
	if hasFlag(args, "note") {
		n = 2
	}
	pos, err := parse(fs, flagsFirst(fs, args), n, "FILE, and TEXT after --note N")
	if err != nil {
		return err
	}
	zh := chinese(*lang)
	if *seq != 0 {
		f, d, err := storage.Open(pos[0])
		if err != nil {
			return err
		}
		defer f.Close()
		if err := f.SetRevisionNote(d, *seq, pos[1]); err != nil {
			if errors.Is(err, domain.ErrNoSuchRevision) {
				return errors.New(pick(zh, fmt.Sprintf("没有第 %d 版修订", *seq), fmt.Sprintf("there is no revision %d", *seq)))
			}
			return err
		}
		return f.Close()
	}
	d, err := load(pos[0])
	if err != nil {
		return err
	}
	if len(d.Revisions()) == 0 {
		fmt.Fprintln(w, pick(zh, "还没有批准过的版本。", "No version has been approved yet."))
		return nil
	}
	for _, r := range d.Revisions() {
		fmt.Fprintf(w, "%d  %s  %s  %s %s  %s\n", r.Seq, r.Version, r.Date, pick(zh, "批准", "approved by"), r.Approver, r.Note)
	}
	return nil
}

// hasFlag reports whether args set the flag name.
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		n, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && n == name {
			return true
		}
	}
	return false
}
