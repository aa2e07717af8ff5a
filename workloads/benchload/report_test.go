package benchload

import "testing"

var sink string

func BenchmarkJoinIDs(b *testing.B) {
	ids := make([]int, 64)
	for i := range ids {
		ids[i] = i * 1000
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink = joinIDs(ids)
	}
}
