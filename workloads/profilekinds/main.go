// Command profilekinds writes one profile of each kind Go's runtime/pprof has that does not measure
// memory (cpu, goroutine, block, mutex, threadcreate), all in pprof's protobuf format, so tests can
// check that a memory gate refuses them by name.
//
// Usage: profilekinds -out DIR
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

func main() {
	out := flag.String("out", ".", "directory the profiles are written to")
	flag.Parse()
	runtime.SetBlockProfileRate(1)
	runtime.SetMutexProfileFraction(1)

	cpu := create(*out, "cpu.pb.gz")
	if err := pprof.StartCPUProfile(cpu); err != nil {
		log.Fatal(err)
	}
	spin(300 * time.Millisecond)
	contend()
	pprof.StopCPUProfile()
	closeFile(cpu)

	for _, name := range []string{"goroutine", "block", "mutex", "threadcreate"} {
		f := create(*out, name+".pb.gz")
		if err := pprof.Lookup(name).WriteTo(f, 0); err != nil {
			log.Fatal(err)
		}
		closeFile(f)
	}
}

var sink uint64

// spin keeps a CPU busy for d, so the CPU profile has samples.
func spin(d time.Duration) {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		for i := 0; i < 100000; i++ {
			sink += uint64(i) * 2654435761
		}
	}
}

// contend makes goroutines wait on a mutex and on a channel, for the mutex and block profiles.
func contend() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	ch := make(chan int)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				mu.Lock()
				time.Sleep(10 * time.Microsecond)
				mu.Unlock()
			}
			ch <- 1
		}()
	}
	for g := 0; g < 4; g++ {
		time.Sleep(time.Millisecond)
		<-ch
	}
	wg.Wait()
}

func create(dir, name string) *os.File {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		log.Fatal(err)
	}
	return f
}

func closeFile(f *os.File) {
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
