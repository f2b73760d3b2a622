package layout

import (
	"errors"
	"testing"
)

// FuzzLayout feeds arbitrary bytes as parents, sizes, flags, links and
// options. Malformed input must come back as ErrInput, never a panic, and
// anything accepted must pass every check of the property tests. Plain
// `go test` runs the seeds; `go test -fuzz FuzzLayout` explores.
func FuzzLayout(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte{7, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{255, 1, 9, 200, 1, 1, 3, 5, 1, 2, 9, 2, 2, 2, 1, 2, 0, 0, 4, 4, 4, 4})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		opt := Options{
			LeftToRight:    data[0]&1 != 0,
			CompactLeaves:  data[0]&2 != 0,
			CompactColumns: int(data[0]>>2) & 3,
			AssistantSide:  Side(data[0]>>4) & 3,
			SiblingGap:     float64(data[1] & 15),
			LevelGap:       float64(data[1] >> 4 * 4),
		}
		data = data[2:]
		n := min(len(data)/3, 400)
		in := Input{Parent: make([]int32, n), Size: make([]Size, n), Flags: make([]Flags, n)}
		for i := range n {
			b := data[3*i : 3*i+3]
			// Mostly a parent shortly before the node, sometimes anything.
			in.Parent[i] = int32(i) - 1 - int32(b[0]%8)
			if b[0] >= 240 {
				in.Parent[i] = int32(b[0]) - 250
			}
			in.Size[i] = Size{W: float64(b[1]), H: float64(b[1]%7*9 + b[2]%5)}
			in.Flags[i] = Flags(b[2]) & (Assistant | Compact | NoCompact | Collapsed)
		}
		for k := 3 * n; k+1 < len(data); k += 2 {
			in.Links = append(in.Links, [2]int32{int32(data[k]) - 2, int32(data[k+1])})
		}
		res, err := Layout(in, opt)
		if err != nil {
			if !errors.Is(err, ErrInput) && opt.CompactColumns <= 2 && opt.AssistantSide <= RightSide {
				t.Fatalf("error %v does not wrap ErrInput", err)
			}
			return
		}
		if bad := newView(in, opt).check(res); len(bad) > 0 {
			t.Fatalf("input %+v options %+v: %v", in, opt, bad)
		}
	})
}
