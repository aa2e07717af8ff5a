package main

import (
	"strconv"
	"sync"
	"time"
)

// The ttlcache workload: a map cache whose entries expire, swept by a janitor goroutine on a
// ticker. Profiles (`retained` bytes each) are cached for the whole run; tokens (small, short TTL)
// come and go, so how many are still in the map when the profile is written depends on the
// janitor's last tick.

const (
	cacheProfiles = 4000
	cacheTokens   = 40000
	tokenTTL      = 20 * time.Millisecond
	janitorTick   = 5 * time.Millisecond
)

type entry struct {
	value   []byte
	expires time.Time
}

type ttlCache struct {
	mu      sync.Mutex
	entries map[string]entry
	stop    chan struct{}
}

func newTTLCache() *ttlCache {
	c := &ttlCache{entries: map[string]entry{}, stop: make(chan struct{})}
	go c.janitor()
	return c
}

func (c *ttlCache) put(key string, value []byte, ttl time.Duration) {
	c.mu.Lock()
	c.entries[key] = entry{value: value, expires: time.Now().Add(ttl)}
	c.mu.Unlock()
}

func (c *ttlCache) janitor() {
	t := time.NewTicker(janitorTick)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case now := <-t.C:
			c.mu.Lock()
			for k, e := range c.entries {
				if now.After(e.expires) {
					delete(c.entries, k)
				}
			}
			c.mu.Unlock()
		}
	}
}

func runTTLCache(retained int) any {
	c := newTTLCache()
	for i := 0; i < cacheTokens; i++ {
		if i%10 == 0 && i/10 < cacheProfiles {
			p := make([]byte, retained)
			copy(p, strconv.Itoa(i))
			c.put("profile:"+strconv.Itoa(i/10), p, time.Hour)
		}
		c.put("token:"+strconv.Itoa(i), make([]byte, 256), tokenTTL)
		if i%500 == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	return c
}
