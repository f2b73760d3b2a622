//go:build !unix

package storage

// canWrite reports whether this process may write path. Without access(2)
// (Windows) the read-only attribute, which Go shows as a file without write
// permission, is all checkWritable goes by.
func canWrite(path string) bool { return true }
