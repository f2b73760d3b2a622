//go:build unix

package storage

import "syscall"

// canWrite reports whether this process may write path, by access(2):
// false on a read-only file system even for the administrator.
func canWrite(path string) bool {
	const wOK = 2 // W_OK of <unistd.h>
	return syscall.Access(path, wOK) == nil
}
