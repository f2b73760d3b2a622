package sheet

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"orgdraft/domain"
)

// bigDocument returns a document of n boxes: units of about 20 positions
// each, every position with three duties, built directly.
func bigDocument(b *testing.B, n int) *domain.Document {
	r := rand.New(rand.NewPCG(3, 4))
	nodes := make([]domain.Node, 0, n)
	var units []domain.NodeID
	for i := range n {
		id := domain.NodeID(i + 1)
		node := domain.Node{ID: id, Name: pick(r, randomNames)}
		if i%20 == 0 {
			node.Kind = domain.KindUnit
			if len(units) > 0 {
				node.Parent = pick(r, units)
			}
			node.Functions = []string{"负责本部门的日常管理工作", "完成上级交办的其它任务"}
			units = append(units, id)
		} else {
			node.Kind = domain.KindPosition
			node.Parent = units[len(units)-1]
			node.Planned = 1 + r.IntN(9)
			node.Duties = []string{"负责客户来电的接听与记录；", "协助主管处理客户投诉；", "完成上级交办的其它工作。"}
		}
		nodes = append(nodes, node)
	}
	d, err := domain.Restore(domain.NewDocument().Info, nodes, nil)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkReadXLSX10000 reads a workbook of 10,000 rows (the target is
// well under 2 s).
func BenchmarkReadXLSX10000(b *testing.B) {
	d := bigDocument(b, 10000)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, d); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		got, err := ReadXLSX(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if got.Len() != 10000 {
			b.Fatalf("%d boxes", got.Len())
		}
	}
}

// BenchmarkWriteXLSX10000 writes the same workbook.
func BenchmarkWriteXLSX10000(b *testing.B) {
	d := bigDocument(b, 10000)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadCSV10000 reads the same table as CSV.
func BenchmarkReadCSV10000(b *testing.B) {
	d := bigDocument(b, 10000)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, d); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCSV(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
