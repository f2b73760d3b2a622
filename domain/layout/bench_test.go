package layout

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
)

// BenchmarkLayout lays out random trees of 1k to 1M nodes (a random
// recursive tree: every node's parent picked uniformly among the earlier
// ones; random box sizes, 3% assistants, 10% compact nodes, 1% collapsed,
// one dotted link per 1,000 nodes) and a chain 100,000 deep. Besides
// ns/op and B/op it reports ns/node, B/node and the process's CPU time per
// layout (which includes the garbage collector's work on other threads but
// not time spent waiting for a core on a busy machine).
func BenchmarkLayout(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		r := rand.New(rand.NewPCG(1, uint64(n)))
		in := randomInput(r, n, genOptions{shape: 1, assistant: 0.03, compact: 0.1, collapsed: 0.01})
		for range n / 1000 {
			in.Links = append(in.Links, [2]int32{int32(r.IntN(n)), int32(r.IntN(n))})
		}
		b.Run(fmt.Sprintf("random-%d", n), func(b *testing.B) { benchLayout(b, in, Options{}) })
	}
	b.Run("chain-100000", func(b *testing.B) { benchLayout(b, chain(100_000), Options{}) })
}

func benchLayout(b *testing.B, in Input, opt Options) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := cpuTime()
	for b.Loop() {
		if _, err := Layout(in, opt); err != nil {
			b.Fatal(err)
		}
	}
	cpu = cpuTime() - cpu
	runtime.ReadMemStats(&after)
	n := float64(len(in.Parent))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/node")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/n, "B/node")
	b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
}
