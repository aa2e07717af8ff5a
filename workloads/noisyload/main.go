// Command noisyload runs one realistic, noisy Go workload and writes its heap profile: the same code
// run twice retains different amounts at the moment the profile is written (GC timing, sync.Pool
// clearing, a janitor's ticks, connections in flight), as services do. heapgate's run-to-run noise
// estimate is measured on these profiles.
//
//	noisyload -workload server -variant regressed -rate 1 -gc=false -heap heap.pb.gz
//
// The regressed variant of every workload retains 25 % more bytes in the state it keeps for the
// long term (sessions, results, cache entries); everything else is the same code.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
)

var workloads = map[string]struct {
	doc string
	run func(retained int) any
}{
	"server":   {"net/http server under concurrent load keeping a session per user", runServer},
	"pool":     {"workers with sync.Pool buffers in bursts, keeping a result per burst", runPool},
	"ttlcache": {"map cache with a TTL and a janitor goroutine evicting expired entries", runTTLCache},
}

// retainedBytes is the size of each long-lived record: 1 KiB, or 25 % more when regressed.
func retainedBytes(variant string) int {
	if variant == "regressed" {
		return 1280
	}
	return 1024
}

func main() {
	// The sampling rate must be in force before the first allocation worth profiling.
	for i, a := range os.Args[1:] {
		if (a == "-rate" || a == "--rate") && i+2 < len(os.Args) {
			if n, err := strconv.Atoi(os.Args[i+2]); err == nil && n > 0 {
				runtime.MemProfileRate = n
			}
		}
	}
	os.Exit(run())
}

func run() int {
	fs := flag.NewFlagSet("noisyload", flag.ContinueOnError)
	name := fs.String("workload", "", "workload to run: "+strings.Join(names(), ", "))
	variant := fs.String("variant", "good", "good or regressed (+25% retained per record)")
	rate := fs.Int("rate", runtime.MemProfileRate,
		"runtime.MemProfileRate (1 records every allocation; give it as -rate N)")
	gc := fs.Bool("gc", true, "call runtime.GC() before writing the profile")
	heapPath := fs.String("heap", "", "write the heap profile (protobuf, gzipped) to this file")
	if err := fs.Parse(os.Args[1:]); err != nil {
		return 2
	}
	w, ok := workloads[*name]
	if !ok || (*variant != "good" && *variant != "regressed") || *heapPath == "" {
		fmt.Fprintf(os.Stderr, "noisyload: need -workload (%s), -variant good|regressed and -heap\n",
			strings.Join(names(), ", "))
		return 2
	}
	if *rate != runtime.MemProfileRate {
		fmt.Fprintln(os.Stderr, "noisyload: give the rate as -rate N (two arguments)")
		return 2
	}
	live := w.run(retainedBytes(*variant))
	if *gc {
		runtime.GC()
	}
	f, err := os.Create(*heapPath)
	if err == nil {
		err = pprof.Lookup("heap").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "noisyload: %v\n", err)
		return 1
	}
	runtime.KeepAlive(live)
	return 0
}

func names() []string {
	out := make([]string, 0, len(workloads))
	for n := range workloads {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
