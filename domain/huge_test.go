package domain

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// Superiors gives every box the superior Superior gives it, on random
// documents built by random edits (heads set and cleared, boxes moved).
func TestSuperiorsAgreeWithSuperior(t *testing.T) {
	for seed := range uint64(30) {
		r := rand.New(rand.NewPCG(seed, 11))
		h, _ := sample(t)
		for range 200 {
			h.Do(randomCommand(r, h.Doc))
		}
		d := h.Doc
		all := d.Superiors()
		d.Walk(func(n *Node) bool {
			if got, want := all[n.ID], d.Superior(n.ID); got != want {
				t.Fatalf("seed %d: box %d %q: Superiors says %d, Superior %d", seed, n.ID, n.Name, got, want)
			}
			return true
		})
	}
}

// chain returns a document that is one chain of n positions named
// 岗1 … 岗n, each under the one before.
func chain(t testing.TB, n int) *Document {
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i] = Node{ID: NodeID(i + 1), Parent: NodeID(i), Kind: KindPosition, Name: fmt.Sprintf("岗%d", i+1)}
	}
	d, err := Restore(Info{}, nodes, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A path of up to PathShown names is shown whole; a longer one as its
// first two names, "…" and its last two, by ShortPath and ShortPaths
// alike.
func TestShortPathAbbreviatesTheMiddle(t *testing.T) {
	d := chain(t, 1000)
	want := map[NodeID][]string{
		1:    {"岗1"},
		5:    {"岗1", "岗2", "岗3", "岗4", "岗5"},
		6:    {"岗1", "岗2", "…", "岗5", "岗6"},
		1000: {"岗1", "岗2", "…", "岗999", "岗1000"},
	}
	var ids []NodeID
	for id := range want {
		ids = append(ids, id)
	}
	all := d.ShortPaths(ids)
	for id, w := range want {
		if got := d.ShortPath(id); !slices.Equal(got, w) {
			t.Errorf("ShortPath(%d) = %v, want %v", id, got, w)
		}
		if got := all[id]; !slices.Equal(got, w) {
			t.Errorf("ShortPaths[%d] = %v, want %v", id, got, w)
		}
	}
	if len(all) != len(want) {
		t.Errorf("ShortPaths gave %d paths for %d boxes", len(all), len(want))
	}
}

// ShortPaths agrees with ShortPath on random trees.
func TestShortPathsAgreeWithShortPath(t *testing.T) {
	for seed := range uint64(10) {
		r := rand.New(rand.NewPCG(seed, 5))
		h, _ := sample(t)
		for range 300 {
			h.Do(randomCommand(r, h.Doc))
		}
		d := h.Doc
		var ids []NodeID
		d.Walk(func(n *Node) bool { ids = append(ids, n.ID); return true })
		all := d.ShortPaths(ids)
		for _, id := range ids {
			if got, want := all[id], d.ShortPath(id); !slices.Equal(got, want) {
				t.Fatalf("seed %d: box %d: ShortPaths %v, ShortPath %v", seed, id, got, want)
			}
		}
	}
}

// BenchmarkSuperiorsFlat finds the superiors of 100,000 positions in one
// unit without a head, where asking Superior box by box is quadratic.
func BenchmarkSuperiorsFlat(b *testing.B) {
	const n = 100000
	nodes := []Node{{ID: 1, Kind: KindUnit, Name: "部"}}
	for i := 2; i <= n; i++ {
		nodes = append(nodes, Node{ID: NodeID(i), Parent: 1, Kind: KindPosition, Name: "岗"})
	}
	d, err := Restore(Info{}, nodes, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(d.Superiors()) != 0 {
			b.Fatal("a unit without a head gives its members no superior")
		}
	}
}

// BenchmarkShortPathsChain abbreviates the paths of every box of a chain
// of 100,000.
func BenchmarkShortPathsChain(b *testing.B) {
	d := chain(b, 100000)
	var ids []NodeID
	d.Walk(func(n *Node) bool { ids = append(ids, n.ID); return true })
	b.ReportAllocs()
	for b.Loop() {
		if len(d.ShortPaths(ids)) != len(ids) {
			b.Fatal("a path is missing")
		}
	}
}
