package layout

import "syscall"

// cpuTime returns the CPU time (user and system) the test process has used
// so far, in nanoseconds. On a busy machine it tells the benchmark's own
// cost apart from time spent waiting for a core.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime)
}
