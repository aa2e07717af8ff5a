package main

import (
	"container/list"
	"strconv"
)

// The cache pattern: a read-through cache in front of a slow lookup. The regressed cache never
// evicts, so it retains every value ever loaded; the good one is an LRU bounded to lruCapacity
// entries. Moves inuse_space (and inuse_objects).

const (
	valueSize   = 1024
	lruCapacity = 2048
)

type userCache interface {
	get(key string) ([]byte, bool)
	put(key string, value []byte)
}

func runCache(variant string, scale float64) any {
	requests := scaled(60000, scale)
	var c userCache
	if variant == "regressed" {
		c = &unboundedCache{m: map[string][]byte{}}
	} else {
		c = newLRUCache(lruCapacity)
	}
	r := rng(0x6a09e667f3bcc909)
	var checksum byte
	for i := 0; i < requests; i++ {
		// Three in four requests are for users never seen before.
		id := i
		if r.intn(4) == 0 && i > 0 {
			id = r.intn(i)
		}
		v := lookupUser(c, "user:"+strconv.Itoa(id))
		checksum ^= v[0]
	}
	return []any{c, checksum}
}

func lookupUser(c userCache, key string) []byte {
	if v, ok := c.get(key); ok {
		return v
	}
	v := loadUserRecord(key)
	c.put(key, v)
	return v
}

// loadUserRecord stands for the slow backend: it returns a fresh valueSize-byte record.
func loadUserRecord(key string) []byte {
	v := make([]byte, valueSize)
	copy(v, key)
	return v
}

type unboundedCache struct{ m map[string][]byte }

func (c *unboundedCache) get(key string) ([]byte, bool) { v, ok := c.m[key]; return v, ok }

// put stores the value forever.
func (c *unboundedCache) put(key string, value []byte) { c.m[key] = value }

type lruEntry struct {
	key   string
	value []byte
}

type lruCache struct {
	capacity int
	order    *list.List // front = most recently used
	index    map[string]*list.Element
}

func newLRUCache(capacity int) *lruCache {
	return &lruCache{capacity: capacity, order: list.New(), index: make(map[string]*list.Element, capacity)}
}

func (c *lruCache) get(key string) ([]byte, bool) {
	e, ok := c.index[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruEntry).value, true
}

// put stores the value and evicts the least recently used entry beyond capacity.
func (c *lruCache) put(key string, value []byte) {
	c.index[key] = c.order.PushFront(&lruEntry{key: key, value: value})
	if c.order.Len() > c.capacity {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.index, oldest.Value.(*lruEntry).key)
	}
}
