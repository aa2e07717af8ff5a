package main

// The map pattern: filling a map of known size without a size hint makes the runtime double the
// bucket array (and evacuate every entry) repeatedly; make(map, n) allocates the buckets once.
// Moves alloc_space.

func runMap(variant string, scale float64) any {
	batches := scaled(8, scale)
	const perBatch = 50000
	r := rng(0x2545f4914f6cdd1d)
	hits := make([]int, 0, batches)
	for i := 0; i < batches; i++ {
		keys := make([]uint64, perBatch)
		for j := range keys {
			keys[j] = r.next()
		}
		var index map[uint64]int
		if variant == "regressed" {
			index = buildIndexNoHint(keys)
		} else {
			index = buildIndexWithHint(keys)
		}
		hits = append(hits, probeIndex(index, keys))
	}
	return hits
}

func buildIndexNoHint(keys []uint64) map[uint64]int {
	m := map[uint64]int{}
	for i, k := range keys {
		m[k] = i
	}
	return m
}

func buildIndexWithHint(keys []uint64) map[uint64]int {
	m := make(map[uint64]int, len(keys))
	for i, k := range keys {
		m[k] = i
	}
	return m
}

func probeIndex(m map[uint64]int, keys []uint64) int {
	n := 0
	for i := 0; i < len(keys); i += 7 {
		if _, ok := m[keys[i]]; ok {
			n++
		}
	}
	return n
}
