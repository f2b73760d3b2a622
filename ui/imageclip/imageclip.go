// Package imageclip puts a picture on the system clipboard, for WeChat,
// Word and the like. Fyne's clipboard carries text only; this package
// uses golang.design/x/clipboard, which writes PNG images on Windows,
// macOS and X11 (on Linux it is cgo and needs the X11 headers to build,
// Debian libx11-dev, and a running X server to work).
package imageclip

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"sync"

	"golang.design/x/clipboard"
)

// ErrUnavailable is returned (wrapped, with the system's reason) when
// there is no clipboard to write to: on Linux, when no X display can be
// reached (a Wayland session without XWayland, a remote shell).
var ErrUnavailable = errors.New("the system clipboard cannot be reached")

// ErrNotPNG is returned when the bytes to write are not a PNG image.
var ErrNotPNG = errors.New("the picture is not a PNG image")

var (
	initOnce sync.Once
	initErr  error
)

// ready connects to the system clipboard the first time it is needed
// (not at start: the editor works without it) and returns why it cannot
// be used, if it cannot.
func ready() error {
	initOnce.Do(func() {
		if err := clipboard.Init(); err != nil {
			initErr = fmt.Errorf("%w: %v", ErrUnavailable, err)
		}
	})
	return initErr
}

// WritePNG puts the PNG image data on the system clipboard, replacing
// what was there. It returns ErrUnavailable when there is no clipboard.
func WritePNG(data []byte) error {
	if _, err := png.DecodeConfig(bytes.NewReader(data)); err != nil {
		return fmt.Errorf("%w: %v", ErrNotPNG, err)
	}
	if err := ready(); err != nil {
		return err
	}
	if clipboard.Write(clipboard.FmtImage, data) == nil {
		return fmt.Errorf("%w: the picture was not taken", ErrUnavailable)
	}
	return nil
}
