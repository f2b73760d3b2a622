package imageclip

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// The clipboard library connects to the X server once per process and
// ends the process when that server goes away, so each check runs in a
// child process of the test binary: TestMain runs the child's part when
// childEnv names it.
const childEnv = "IMAGECLIP_TEST_CHILD"

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
		os.Exit(m.Run())
	case "write":
		os.Exit(report(childWrite()))
	case "nodisplay":
		os.Exit(report(childNoDisplay()))
	}
	os.Exit(3)
}

func report(err error) int {
	if err != nil {
		fmt.Println("CHILD FAILED:", err)
		return 1
	}
	fmt.Println("CHILD OK")
	return 0
}

func samplePNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 30, 20))
	img.Set(3, 4, color.RGBA{R: 200, A: 255})
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// childWrite writes a PNG and reads the clipboard with xclip, as WeChat
// or Word would paste it.
func childWrite() error {
	data := samplePNG()
	if err := WritePNG(data); err != nil {
		return err
	}
	targets, err := exec.Command("xclip", "-selection", "clipboard", "-t", "TARGETS", "-o").Output()
	if err != nil {
		return fmt.Errorf("xclip (Debian xclip): %v", err)
	}
	if !strings.Contains(string(targets), "image/png") {
		return fmt.Errorf("the clipboard offers %q, not image/png", targets)
	}
	got, err := exec.Command("xclip", "-selection", "clipboard", "-t", "image/png", "-o").Output()
	if err != nil {
		return err
	}
	if !bytes.Equal(got, data) {
		return fmt.Errorf("xclip read %d bytes, not the %d written", len(got), len(data))
	}
	if err := WritePNG([]byte("not a picture")); !errors.Is(err, ErrNotPNG) {
		return fmt.Errorf("writing text as a picture: %v", err)
	}
	return nil
}

// childNoDisplay writes without any display to reach.
func childNoDisplay() error {
	err := WritePNG(samplePNG())
	if !errors.Is(err, ErrUnavailable) {
		return fmt.Errorf("without a display the write returned %v, want ErrUnavailable", err)
	}
	return nil
}

// runChild runs the child's part named what with the environment env
// (DISPLAY and WAYLAND_DISPLAY removed, then env added).
func runChild(t *testing.T, what string, env ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "DISPLAY=") && !strings.HasPrefix(e, "WAYLAND_DISPLAY=") {
			cmd.Env = append(cmd.Env, e)
		}
	}
	cmd.Env = append(cmd.Env, append(env, childEnv+"="+what)...)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "CHILD OK") {
		t.Fatalf("%v\n%s", err, out)
	}
}

// startX starts a private X server (Xvfb, which picks a free display
// itself) and returns its DISPLAY; it is stopped when the test ends.
func startX(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "640x480x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatalf("starting Xvfb (Debian xvfb, see README): %v", err)
	}
	w.Close()
	t.Cleanup(func() { x.Process.Kill(); x.Wait() })
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if n == "" {
			t.Fatal("Xvfb did not say which display it took")
		}
		return ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start within 20 s")
	}
	return ""
}

// A picture written to the clipboard is what another program pasting
// from it gets, as image/png.
func TestWritePNGReachesOtherPrograms(t *testing.T) {
	runChild(t, "write", "DISPLAY="+startX(t))
}

// Without an X display the write fails with ErrUnavailable, instead of
// crashing the editor.
func TestWithoutADisplayTheErrorSaysSo(t *testing.T) {
	runChild(t, "nodisplay")
}
