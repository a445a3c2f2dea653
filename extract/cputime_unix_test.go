//go:build unix

package extract

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) the process has used so far: the
// benchmarks report throughput per CPU-second as well, which stays meaningful on a
// machine whose cores are shared with other work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
