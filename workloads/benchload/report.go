// Package benchload holds small functions with the allocation patterns Go benchmarks are written
// for; its benchmarks (go test -bench . -benchmem -memprofile) make heapgate's benchmark fixtures.
// REGRESSED=1 in the environment selects the slower variant of each.
package benchload

import (
	"os"
	"strconv"
	"strings"
)

var regressed = os.Getenv("REGRESSED") == "1"

// joinIDs renders ids as "1,2,3": with a strings.Builder, or (regressed) by repeated +=.
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
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(id))
	}
	return b.String()
}
