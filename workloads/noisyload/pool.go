package main

import (
	"sync"
	"time"
)

// The pool workload: workers process bursts of jobs with 64 KiB scratch buffers from a sync.Pool
// and keep one result per job (`retained` bytes). The pool is emptied in two steps by each GC, so
// how many scratch buffers are live when the profile is written depends on when the GCs ran.

const (
	poolWorkers = 4
	poolBursts  = 62
	poolJobs    = 16
	scratchSize = 64 << 10
)

var scratch = sync.Pool{New: func() any { b := make([]byte, scratchSize); return &b }}

type results struct {
	mu   sync.Mutex
	kept [][]byte
}

func runPool(retained int) any {
	res := &results{}
	var wg sync.WaitGroup
	for w := 0; w < poolWorkers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for b := 0; b < poolBursts; b++ {
				// A burst: its jobs run at once, each with a scratch buffer of its own.
				var burst sync.WaitGroup
				for j := 0; j < poolJobs; j++ {
					burst.Add(1)
					go func(j int) {
						defer burst.Done()
						res.add(process(w, b, j, retained))
					}(j)
				}
				burst.Wait()
				// Between bursts the worker waits for more work.
				time.Sleep(time.Duration(1+(w+b)%3) * time.Millisecond)
			}
		}(w)
	}
	wg.Wait()
	return res
}

func process(w, b, j, retained int) []byte {
	buf := scratch.Get().(*[]byte)
	s := *buf
	for i := range s {
		s[i] = byte(w + b + j + i)
	}
	out := make([]byte, retained)
	copy(out, s)
	scratch.Put(buf)
	return out
}

func (r *results) add(b []byte) {
	r.mu.Lock()
	r.kept = append(r.kept, b)
	r.mu.Unlock()
}
