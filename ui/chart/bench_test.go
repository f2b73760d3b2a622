package chart

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"orgdraft/domain"
)

// randomDocument builds a document of n boxes: units over positions, the
// way departments are drafted.
func randomDocument(tb testing.TB, n int) *domain.Document {
	r := rand.New(rand.NewPCG(uint64(n), 1))
	nodes := make([]domain.Node, 0, n)
	for i := 1; i <= n; i++ {
		nd := domain.Node{ID: domain.NodeID(i), Kind: domain.KindPosition, Name: fmt.Sprintf("岗位%d", i), Planned: 1 + r.IntN(5)}
		if i > 1 {
			nd.Parent = domain.NodeID(1 + r.IntN(i-1))
		}
		nodes = append(nodes, nd)
	}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// BenchmarkBuild measures a rebuild after one edit, as the editor does on
// every drop: with the text cache warm, and without it.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		d := randomDocument(b, n)
		for _, cached := range []bool{false, true} {
			b.Run(fmt.Sprintf("boxes=%d/cached=%v", n, cached), func(b *testing.B) {
				opt := OptionsFor(d)
				if cached {
					opt.Cache = NewTextCache()
					if _, err := Build(d, opt); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Build(d, opt); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
