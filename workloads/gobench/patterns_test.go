package gobench

import "testing"

var (
	sinkString string
	sinkInts   []int
	sinkBytes  []byte
	sinkMap    map[int]int
	sinkSum    uint32
)

func ids(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i*7919 + 100000
	}
	return out
}

func BenchmarkBuilder(b *testing.B) {
	b.ReportAllocs() // without -benchmem, the others report no B/op (the mixed fixtures)
	in := ids(64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkString = joinIDs(in)
	}
}

func BenchmarkAppend(b *testing.B) {
	b.ReportAllocs() // without -benchmem, the others report no B/op (the mixed fixtures)
	for i := 0; i < b.N; i++ {
		sinkInts = squares(1000)
	}
}

func BenchmarkConvert(b *testing.B) {
	b.ReportAllocs() // without -benchmem, the others report no B/op (the mixed fixtures)
	in := ids(100)
	buf := make([]byte, 0, 1024)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf = formatIDs(buf, in)
	}
	sinkBytes = buf
}

func BenchmarkMapHint(b *testing.B) {
	b.ReportAllocs() // without -benchmem, the others report no B/op (the mixed fixtures)
	in := ids(500)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkMap = index(in)
	}
}

func BenchmarkCloneRecord(b *testing.B) {
	r := make([]byte, 512)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkBytes = cloneRecord(r)
	}
}

func BenchmarkChecksum(b *testing.B) {
	r := make([]byte, 4096)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkSum = checksum(r)
	}
}
