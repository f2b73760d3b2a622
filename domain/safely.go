package domain

import (
	"fmt"
	"runtime/debug"
)

// PanicError is a panic caught by Safely: a bug (ours or a library's)
// met while reading or writing a file, turned into an error so that the
// program goes on and the document it holds stays as it was.
type PanicError struct {
	Value any    // what was passed to panic
	Stack []byte // where it happened, for a bug report
}

// Error names the panic's value; the stack is left out of messages.
func (e *PanicError) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// Safely runs f and returns its error, or a *PanicError if f panics.
//
// Imports and exports run third-party code (the PDF, image and spreadsheet
// libraries) on text that came from anywhere, and the editor runs some of
// them in a goroutine, where a panic would end the program and the
// unsaved state with it. They go through Safely. f must not be half-way
// through changing something that outlives the call when it panics:
// callers give it copies, or work whose result they keep only on success.
func Safely(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{Value: v, Stack: debug.Stack()}
		}
	}()
	return f()
}
