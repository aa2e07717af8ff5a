// Command heapload runs one allocation pattern, in a good or a regressed variant, and writes the
// Go heap profiles heapgate's fixtures and examples are made from.
//
//	heapload -pattern cache -variant regressed -rate 1 -heap heap.pb.gz -allocs allocs.pb.gz
//
// Each pattern is one of the memory mistakes Go articles describe, written so the regressed variant
// moves the metric the mistake is known for (see patterns below) and nothing else on purpose.
// Function names are distinctive so that profile reports read as a description of the bug.
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

// pattern is one workload: run does the work at the given scale and returns whatever must stay
// live until the heap profile is written (so inuse_* reflects what the pattern retains).
type pattern struct {
	doc string
	run func(variant string, scale float64) any
}

var patterns = map[string]pattern{
	"builder": {"strings.Builder reused without Reset (regressed) vs Reset per report (good); moves alloc_space", runBuilder},
	"append":  {"append without preallocation (regressed) vs make([]T, 0, n) (good); moves alloc_space", runAppend},
	"map":     {"map grown without a size hint (regressed) vs make(map, n) (good); moves alloc_space", runMap},
	"pool":    {"sync.Pool keeping grown buffers (regressed) vs capped buffers (good); moves inuse_space", runPool},
	"convert": {"fmt.Sprintf/json.Marshal per item (regressed) vs strconv.AppendInt into a reused buffer (good); moves alloc_objects", runConvert},
	"cache":   {"cache that never evicts (regressed) vs bounded LRU (good); moves inuse_space", runCache},
}

func main() {
	// The sampling rate must be in force before the first allocation worth profiling, so it is
	// read from the raw arguments before flag parsing allocates anything.
	if rate, ok := rateFromArgs(os.Args[1:]); ok {
		runtime.MemProfileRate = rate
	}
	os.Exit(run())
}

// rateFromArgs finds "-rate N", "--rate N", "-rate=N" or "--rate=N" without allocating.
func rateFromArgs(args []string) (int, bool) {
	for i, a := range args {
		var v string
		switch {
		case a == "-rate" || a == "--rate":
			if i+1 >= len(args) {
				return 0, false
			}
			v = args[i+1]
		case strings.HasPrefix(a, "-rate="):
			v = a[len("-rate="):]
		case strings.HasPrefix(a, "--rate="):
			v = a[len("--rate="):]
		default:
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return 0, false
		}
		return n, true
	}
	return 0, false
}

func run() int {
	fs := flag.NewFlagSet("heapload", flag.ContinueOnError)
	name := fs.String("pattern", "", "pattern to run: "+strings.Join(patternNames(), ", "))
	variant := fs.String("variant", "good", "good or regressed")
	rate := fs.Int("rate", runtime.MemProfileRate, "runtime.MemProfileRate (1 records every allocation)")
	scale := fs.Float64("scale", 1, "work size multiplier")
	heapPath := fs.String("heap", "", "write the heap profile (protobuf, gzipped) to this file")
	allocsPath := fs.String("allocs", "", "write the allocs profile (protobuf, gzipped) to this file")
	legacyPath := fs.String("legacy", "", "write the heap profile in the legacy text format (debug=1) to this file")
	if err := fs.Parse(os.Args[1:]); err != nil {
		return 2
	}
	p, ok := patterns[*name]
	if !ok {
		fmt.Fprintf(os.Stderr, "heapload: unknown -pattern %q; one of: %s\n", *name, strings.Join(patternNames(), ", "))
		return 2
	}
	if *variant != "good" && *variant != "regressed" {
		fmt.Fprintf(os.Stderr, "heapload: -variant must be good or regressed, not %q\n", *variant)
		return 2
	}
	if *rate < 1 || *rate != runtime.MemProfileRate {
		fmt.Fprintf(os.Stderr, "heapload: -rate must be a positive integer, given once\n")
		return 2
	}
	if !(*scale > 0) {
		fmt.Fprintf(os.Stderr, "heapload: -scale must be positive\n")
		return 2
	}

	live := p.run(*variant, *scale)

	// The heap profile describes the heap as of the last completed GC; collect now so it
	// includes everything the pattern did and frees what it let go.
	runtime.GC()
	for _, w := range []struct {
		path, profile string
		debug         int
	}{{*heapPath, "heap", 0}, {*allocsPath, "allocs", 0}, {*legacyPath, "heap", 1}} {
		if w.path == "" {
			continue
		}
		if err := writeProfile(w.path, w.profile, w.debug); err != nil {
			fmt.Fprintf(os.Stderr, "heapload: %v\n", err)
			return 1
		}
	}
	runtime.KeepAlive(live)
	return 0
}

func writeProfile(path, name string, debug int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup(name).WriteTo(f, debug); err != nil {
		f.Close()
		return fmt.Errorf("writing %s profile to %s: %w", name, path, err)
	}
	return f.Close()
}

func patternNames() []string {
	names := make([]string, 0, len(patterns))
	for n := range patterns {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// scaled returns n×scale, at least 1.
func scaled(n int, scale float64) int {
	v := int(float64(n) * scale)
	if v < 1 {
		return 1
	}
	return v
}

// rng is a small deterministic generator (xorshift64*), so both variants see the same inputs and
// reruns do the same work.
type rng uint64

func (r *rng) next() uint64 {
	x := uint64(*r)
	x ^= x >> 12
	x ^= x << 25
	x ^= x >> 27
	*r = rng(x)
	return x * 2685821657736338717
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }
