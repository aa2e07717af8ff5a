// Package gobench holds the allocation patterns Go users fight, each in a good and a bad form, for
// heapgate's Go benchmark fixtures (go test -bench . -benchmem). The benchmarks keep their names in
// both variants; HEAPGATE_VARIANT=regressed in the environment selects the bad form of each.
package gobench

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

var regressed = os.Getenv("HEAPGATE_VARIANT") == "regressed"

// joinIDs renders ids as "1,2,3": into a strings.Builder grown once, or (regressed) by repeated +=,
// which copies the whole string on every step.
func joinIDs(ids []int) string {
	if regressed {
		s := ""
		for i, id := range ids {
			if i > 0 {
				s += ","
			}
			s += strconv.Itoa(id)
		}
		return s
	}
	var b strings.Builder
	b.Grow(len(ids) * 8)
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(id))
	}
	return b.String()
}

// squares collects n squares: into a slice made with its final capacity, or (regressed) by
// appending to a nil slice, which reallocates and copies as it grows.
func squares(n int) []int {
	var out []int
	if !regressed {
		out = make([]int, 0, n)
	}
	for i := 0; i < n; i++ {
		out = append(out, i*i)
	}
	return out
}

// formatIDs writes each id as decimal text into buf: with strconv.AppendInt, or (regressed) with
// fmt.Sprintf, which boxes the argument and allocates a string per call.
func formatIDs(buf []byte, ids []int) []byte {
	buf = buf[:0]
	for _, id := range ids {
		if regressed {
			buf = append(buf, fmt.Sprintf("%d", id)...)
		} else {
			buf = strconv.AppendInt(buf, int64(id), 10)
		}
		buf = append(buf, ' ')
	}
	return buf
}

// index maps each id to its position: in a map made with a size hint, or (regressed) without one,
// so it rehashes into ever larger bucket arrays as it fills.
func index(ids []int) map[int]int {
	var m map[int]int
	if regressed {
		m = make(map[int]int)
	} else {
		m = make(map[int]int, len(ids))
	}
	for i, id := range ids {
		m[id] = i
	}
	return m
}

// cloneRecord copies a fixed-size record: the same in both variants (a control).
func cloneRecord(r []byte) []byte {
	out := make([]byte, len(r))
	copy(out, r)
	return out
}

// checksum sums bytes without allocating: the same in both variants (a control).
func checksum(r []byte) uint32 {
	var s uint32
	for _, c := range r {
		s = s*31 + uint32(c)
	}
	return s
}
