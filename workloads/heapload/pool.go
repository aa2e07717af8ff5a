package main

import (
	"bytes"
	"hash/fnv"
	"io"
	"sync"
)

// The pool pattern: a sync.Pool of response buffers. One rare large response grows a buffer to
// a megabyte or so; putting it back unconditionally means the pool soon holds only huge buffers, one per
// request in flight, for as long as the pool survives garbage collections. The good variant drops
// buffers that grew past a cap and resets the others. Moves inuse_space.

const (
	inFlight       = 32
	pooledCapLimit = 64 << 10
)

type responsePool struct {
	pool sync.Pool
	sink io.Writer
}

func runPool(variant string, scale float64) any {
	batches := scaled(150, scale)
	p := &responsePool{pool: sync.Pool{New: newResponseBuffer}, sink: fnv.New64a()}
	r := rng(0xdeadbeefcafef00d)
	held := make([]*bytes.Buffer, inFlight)
	for b := 0; b < batches; b++ {
		// A batch of concurrent requests: every buffer is taken before any is returned.
		for i := range held {
			held[i] = p.pool.Get().(*bytes.Buffer)
			renderResponse(held[i], responseSize(&r))
			p.sink.Write(held[i].Bytes())
		}
		for i, buf := range held {
			if variant == "regressed" {
				p.releaseBufferUncapped(buf)
			} else {
				p.releaseBufferCapped(buf)
			}
			held[i] = nil
		}
	}
	return p
}

func newResponseBuffer() any { return bytes.NewBuffer(make([]byte, 0, 4096)) }

// responseSize: mostly under 4 KiB, one request in forty is 0.5–1.5 MiB.
func responseSize(r *rng) int {
	if r.intn(40) == 0 {
		return 512<<10 + r.intn(1<<20)
	}
	return 512 + r.intn(3584)
}

func renderResponse(buf *bytes.Buffer, size int) {
	var chunk [256]byte
	for i := range chunk {
		chunk[i] = byte('a' + i%26)
	}
	for size > len(chunk) {
		buf.Write(chunk[:])
		size -= len(chunk)
	}
	buf.Write(chunk[:size])
}

// releaseBufferUncapped returns every buffer to the pool, however large it grew.
func (p *responsePool) releaseBufferUncapped(buf *bytes.Buffer) {
	buf.Reset()
	p.pool.Put(buf)
}

// releaseBufferCapped resets the buffer and drops it when it grew past pooledCapLimit.
func (p *responsePool) releaseBufferCapped(buf *bytes.Buffer) {
	if buf.Cap() > pooledCapLimit {
		return
	}
	buf.Reset()
	p.pool.Put(buf)
}
