// Package catalog is a small product catalog with an LRU cache in front of a slow lookup: the
// workload behind heapgate's own-code fixtures. With evict false, Put stops evicting, so the cache
// retains every record it ever saw (container/list does the allocating, Put is the code that changed).
package catalog

import "container/list"

// Record is one catalog entry.
type Record struct {
	ID    int
	Name  string
	Price int
	Tags  []string
}

// Cache keeps the most recently used records.
type Cache struct {
	capacity int
	evict    bool
	order    *list.List
	byID     map[int]*list.Element
}

// NewCache returns a cache of capacity entries; evict false is the regression.
func NewCache(capacity int, evict bool) *Cache {
	return &Cache{capacity: capacity, evict: evict, order: list.New(), byID: make(map[int]*list.Element, capacity)}
}

// Get returns the cached record and moves it to the front.
func (c *Cache) Get(id int) (*Record, bool) {
	e, ok := c.byID[id]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*Record), true
}

// Put stores a record, evicting the least recently used one when the cache is full.
func (c *Cache) Put(r *Record) {
	if e, ok := c.byID[r.ID]; ok {
		e.Value = r
		c.order.MoveToFront(e)
		return
	}
	c.byID[r.ID] = c.order.PushFront(r)
	if c.evict && c.order.Len() > c.capacity {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byID, last.Value.(*Record).ID)
	}
}
