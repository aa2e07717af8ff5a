package main

// The append pattern: collecting a batch of known size with append from a nil slice reallocates
// and copies the backing array each time it fills (about five times the final size in total for
// large slices, which grow by 1.25×), where make([]T, 0, n) allocates once. Moves alloc_space.

type metricSample struct {
	timestamp int64
	value     float64
	series    uint32
	flags     uint32
}

func runAppend(variant string, scale float64) any {
	batches := scaled(24, scale)
	const perBatch = 20000
	r := rng(0x9e3779b97f4a7c15)
	totals := make([]float64, 0, batches)
	for i := 0; i < batches; i++ {
		var batch []metricSample
		if variant == "regressed" {
			batch = collectSamplesNoPrealloc(&r, perBatch)
		} else {
			batch = collectSamplesPrealloc(&r, perBatch)
		}
		totals = append(totals, sumSamples(batch))
	}
	return totals
}

func collectSamplesNoPrealloc(r *rng, n int) []metricSample {
	var out []metricSample
	for i := 0; i < n; i++ {
		out = append(out, nextSample(r, i))
	}
	return out
}

func collectSamplesPrealloc(r *rng, n int) []metricSample {
	out := make([]metricSample, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, nextSample(r, i))
	}
	return out
}

func nextSample(r *rng, i int) metricSample {
	v := r.next()
	return metricSample{timestamp: int64(i), value: float64(v%1000) / 10, series: uint32(v >> 40), flags: uint32(v)}
}

func sumSamples(s []metricSample) float64 {
	var t float64
	for i := range s {
		t += s[i].value
	}
	return t
}
