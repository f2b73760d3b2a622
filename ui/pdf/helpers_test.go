package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"orgdraft/domain"
)

// The tests read the PDFs back with poppler (pdftotext, pdffonts, pdfinfo,
// pdftoppm), as a user's viewer would. .ci/run installs poppler-utils.

func needPoppler(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdffonts", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			// A missing tool must fail, not pass silently: the checks are the
			// point of these tests.
			t.Fatalf("%s is not installed (Debian: apt-get install poppler-utils)", tool)
		}
	}
}

// exportFn is Chart or Book.
type exportFn func(w *bytes.Buffer, d *domain.Document, o Options) (Report, error)

func chartFn(w *bytes.Buffer, d *domain.Document, o Options) (Report, error) { return Chart(w, d, o) }
func bookFn(w *bytes.Buffer, d *domain.Document, o Options) (Report, error)  { return Book(w, d, o) }

// write exports d into a file in the test's directory and returns its path.
// ORGDRAFT_PDF_DIR keeps the files for looking at.
func write(t testing.TB, name string, fn exportFn, d *domain.Document, o Options) (string, Report) {
	t.Helper()
	var buf bytes.Buffer
	r, err := fn(&buf, d, o)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	dir := os.Getenv("ORGDRAFT_PDF_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, r
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// text returns the PDF's text in content-stream order (pdftotext -raw): the
// order in which the pages draw it, so the lines of one box or one table
// cell come out together even where boxes stand side by side.
func text(t testing.TB, path string) string { return run(t, "pdftotext", "-raw", path, "-") }

// body returns the text without the running header and footer and the
// （续） headings, which come between the last line of a page and the
// first of the next, where a long duty continues.
func body(txt string, d *domain.Document) string {
	i := d.Info
	furniture := map[string]bool{
		squeeze(i.Title + i.Version):                    true, // the book's header
		squeeze(i.Company + i.Title + i.Version):        true, // the chart's
		squeeze(i.Version + i.Confidentiality):          true, // the footer's sides
		squeeze(i.Version + "第页共页" + i.Confidentiality): true,
	}
	var b strings.Builder
	for _, l := range strings.Split(txt, "\n") {
		s := squeeze(l)
		bare := strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return -1
			}
			return r
		}, s)
		// The book's running header: the company and the title, then the
		// chapter.
		header := squeeze(i.Company + i.Title)
		// A position's heading repeated on its continuation pages.
		continued := strings.HasSuffix(s, "（续）") || strings.HasSuffix(s, "(continued)")
		if furniture[s] || bare == "第页共页" || continued || (i.Company != "" && strings.HasPrefix(s, header) && len(s) > len(header)) {
			continue
		}
		b.WriteString(s)
	}
	return b.String()
}

// squeeze removes all white space, so that text wrapped across lines can be
// found whole.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pages returns the page count pdfinfo reports.
func pages(t testing.TB, path string) int {
	for _, l := range strings.Split(run(t, "pdfinfo", path), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatalf("pdfinfo %s: no page count", path)
	return 0
}

// checkFonts demands exactly one font, embedded as a subset.
func checkFonts(t testing.TB, path string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
	if len(lines) != 3 {
		t.Fatalf("%s: want one font, pdffonts says:\n%s", path, strings.Join(lines, "\n"))
	}
	f := strings.Fields(lines[2])
	// name type... emb sub uni object ID: emb and sub are the 5th and 4th
	// fields from the end.
	if emb, sub := f[len(f)-5], f[len(f)-4]; emb != "yes" || sub != "yes" {
		t.Errorf("%s: font not embedded as a subset: %s", path, lines[2])
	}
}

// closing is punctuation no line may begin with (避头).
const closing = "，。；：、）」』】》！？,.;:!?)"

// checkLineStarts demands that no extracted line begins with closing
// punctuation.
func checkLineStarts(t testing.TB, path, txt string) {
	t.Helper()
	for _, l := range strings.Split(txt, "\n") {
		l = strings.TrimSpace(strings.Trim(l, "\f"))
		if l != "" && strings.ContainsRune(closing, []rune(l)[0]) {
			t.Errorf("%s: line begins with closing punctuation: %q", path, l)
		}
	}
}

// bigDoc returns a document of about n positions with the given number
// of duties each: a company of units of sub-units, positions under them,
// every unit headed, some positions concurrent, and the names repeated
// across units as in a real group.
func bigDoc(n, duties int) *domain.Document {
	info := domain.NewDocument().Info
	info.Company, info.Title = "测试集团有限公司", fmt.Sprintf("%d 个岗位的组织架构", n)
	var nodes []domain.Node
	id := domain.NodeID(0)
	add := func(parent domain.NodeID, kind domain.Kind, name string) *domain.Node {
		id++
		nodes = append(nodes, domain.Node{ID: id, Parent: parent, Kind: kind, Name: name})
		return &nodes[len(nodes)-1]
	}
	position := func(parent domain.NodeID, name string, k int) {
		p := add(parent, domain.KindPosition, name)
		p.Planned, p.Grade, p.Hours = 1+k%4, fmt.Sprintf("P%d", 3+k%5), "9:00—18:00"
		p.Concurrent = k%37 == 5
		for j := range duties {
			p.Duties = append(p.Duties, fmt.Sprintf("负责%s的第%d项工作（ISO9001 相关），按月汇总报告并持续改进。", name, j+1))
		}
		p.Qualifications = []string{"大专及以上学历，三年以上相关工作经验。"}
	}
	root := add(0, domain.KindUnit, "总部").ID
	gm := add(root, domain.KindPosition, "总经理")
	gm.Head, gm.Planned = true, 1
	count := 1
	for u := 0; count < n; u++ {
		unit := add(root, domain.KindUnit, fmt.Sprintf("事业部%d", u+1)).ID
		unitNode := &nodes[len(nodes)-1]
		unitNode.Functions = []string{fmt.Sprintf("负责事业部%d的经营管理。", u+1)}
		head := add(unit, domain.KindPosition, "事业部经理")
		head.Head, head.Planned = true, 1
		count++
		for g := 0; g < 5 && count < n; g++ {
			grp := add(unit, domain.KindUnit, fmt.Sprintf("事业部%d第%d组", u+1, g+1)).ID
			lead := add(grp, domain.KindPosition, "组长")
			lead.Head, lead.Planned = true, 1
			count++
			for k := 0; k < 18 && count < n; k++ {
				position(grp, fmt.Sprintf("专员%d", k+1), count)
				count++
			}
		}
	}
	d, err := domain.Restore(info, nodes, nil)
	if err != nil {
		panic(err)
	}
	return d
}
