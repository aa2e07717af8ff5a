package catalog

import "strconv"

// Lookup builds a record as a slow backend would return it.
func Lookup(id int) *Record {
	return &Record{
		ID:    id,
		Name:  "product-" + strconv.Itoa(id),
		Price: id % 997,
		Tags:  []string{"tag-" + strconv.Itoa(id%13), "tag-" + strconv.Itoa(id%7)},
	}
}

// Serve answers n requests for ids drawn from a fixed sequence, through the cache.
func Serve(c *Cache, n int) int {
	hits := 0
	id := 1
	for i := 0; i < n; i++ {
		id = (id*7919 + 13) % 200003
		if _, ok := c.Get(id); ok {
			hits++
			continue
		}
		c.Put(Lookup(id))
	}
	return hits
}
