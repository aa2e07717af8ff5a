// Command catalog serves a fixed number of requests through catalog.Cache and writes a heap
// profile at MemProfileRate 1: `catalog -evict=false -o regressed.heap.pb.gz` is the regression.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"example.com/catalog"
)

func main() {
	runtime.MemProfileRate = 1
	evict := flag.Bool("evict", true, "evict least recently used records (false: the regression)")
	requests := flag.Int("requests", 60000, "requests to serve")
	out := flag.String("o", "heap.pb.gz", "heap profile to write")
	flag.Parse()
	cache := catalog.NewCache(2000, *evict)
	hits := catalog.Serve(cache, *requests)
	runtime.GC()
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	f.Close()
	fmt.Println("hits", hits)
	runtime.KeepAlive(cache)
}
