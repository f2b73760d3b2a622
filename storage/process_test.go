package storage

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"orgdraft/domain"
)

// The tests below run this test binary a second time as "another OrgDraft"
// (see TestMain): the lock must hold between processes, not only between
// connections of one process.
const (
	childEnv  = "ORGDRAFT_STORAGE_CHILD" // "hold" or "try"
	childPath = "ORGDRAFT_STORAGE_PATH"
	// exitInUse is the child's exit status when Open said ErrInUse.
	exitInUse = 3
)

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "hold":
		// Open the document, save one edit, say so, and keep it open
		// until killed.
		f, doc, err := Open(os.Getenv(childPath))
		if err == nil {
			h := domain.NewHistory(doc)
			h.OnChange = func(ch domain.Change) error { return f.Apply(doc, ch) }
			err = h.Do(domain.Rename(11, "总裁"))
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println("open")
		select {}
	case "try":
		f, _, err := Open(os.Getenv(childPath))
		if errors.Is(err, ErrInUse) {
			os.Exit(exitInUse)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		f.Close()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// child returns a command that runs this test binary as another OrgDraft.
func child(mode, path string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, childPath+"="+path)
	cmd.Stderr = os.Stderr
	return cmd
}

func TestOtherProcessCannotOpenWhileOpen(t *testing.T) {
	_, path := tempPath(t, "shared.orgdraft")
	f := mustCreate(t, path, richDocument(t))

	err := child("try", path).Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitInUse {
		t.Fatalf("the other process, while the file is open here: %v; want exit status %d (ErrInUse)", err, exitInUse)
	}
	mustClose(t, f)
	if err := child("try", path).Run(); err != nil {
		t.Fatalf("the other process, after Close: %v; want it to open the file", err)
	}
}

func TestLockDiesWithItsProcess(t *testing.T) {
	dir, path := tempPath(t, "shared.orgdraft")
	mustClose(t, mustCreate(t, path, richDocument(t)))

	holder := child("hold", path)
	out, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Process.Kill()
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "open\n" {
		t.Fatalf("the holding process said %q, %v", line, err)
	}
	if _, _, err := Open(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("Open while another process holds the file: err = %v, want ErrInUse", err)
	}

	// A crash (kill -9) releases the lock; the emptied journal it leaves
	// is not in the way, and goes at the next Close.
	holder.Process.Kill()
	holder.Wait()
	assertOnly(t, dir, filepath.Base(path), filepath.Base(path)+"-journal")
	f, got := reopen(t, path)
	want := richDocument(t)
	if err := domain.NewHistory(want).Do(domain.Rename(11, "总裁")); err != nil {
		t.Fatal(err)
	}
	assertSameDoc(t, want, got)
	mustClose(t, f)
	assertOnly(t, dir, filepath.Base(path))
}
