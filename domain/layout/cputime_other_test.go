//go:build !linux

package layout

// cpuTime is only measured on Linux; elsewhere the benchmark reports 0.
func cpuTime() int64 { return 0 }
