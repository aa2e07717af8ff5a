// A small Node "service" for `node --heap-prof`: a request handler that renders user pages through
// a response cache. `good` bounds the cache (least recently used entries are evicted); `leak` never
// evicts, so every distinct page rendered stays alive.
//
//   node --expose-gc --heap-prof --heap-prof-interval 32768 --heap-prof-dir DIR --heap-prof-name F \
//     workloads/node/heap-prof-service.mjs --variant good|leak [--requests N] [--seed S]
//
// The requests are drawn from a fixed-seed generator, so both variants serve the same requests. At
// the end the cache is kept reachable from a global and, when --expose-gc is given, a full GC runs,
// so the profile Node writes at exit holds what the cache retains and little of the garbage.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    variant: { type: 'string' },
    requests: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
  },
});
if (values.variant !== 'good' && values.variant !== 'leak') {
  process.stderr.write('usage: heap-prof-service.mjs --variant good|leak [--requests N] [--seed S]\n');
  process.exit(2);
}
const REQUESTS = Number(values.requests);
const CAPACITY = 256;
const USERS = 50000;
const PAGES = ['/profile', '/orders', '/settings'];

/** mulberry32: a small deterministic generator, so every run serves the same requests. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The expensive part of a request: a page of about 1 KiB of strings and objects. */
function renderPage(userId, path) {
  const rows = [];
  for (let i = 0; i < 12; i++) rows.push({ line: i, text: `${path} row ${i} for user ${userId}` });
  return { userId, path, title: `Page ${path} of user ${userId}`, rows, html: rows.map((r) => r.text).join('\n') };
}

/** Never evicts: the leak. */
class UnboundedCache {
  entries = new Map();
  get(key) {
    return this.entries.get(key);
  }
  set(key, value) {
    this.entries.set(key, value);
  }
}

/** Bounded LRU: a Map iterates in insertion order, so the first key is the least recently used. */
class LruCache {
  entries = new Map();
  get(key) {
    const v = this.entries.get(key);
    if (v !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
  }
  set(key, value) {
    this.entries.set(key, value);
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value);
  }
}

/** The request handler: parses the request, serves the page from the cache or renders it. */
function handleRequest(cache, request) {
  const [path, query] = request.url.split('?');
  const userId = Number(new URLSearchParams(query).get('user'));
  const key = `${path}:${userId}`;
  let page = cache.get(key);
  if (page === undefined) {
    page = renderPage(userId, path);
    cache.set(key, page);
  }
  return { status: 200, length: page.html.length };
}

const random = generator(Number(values.seed));
const cache = values.variant === 'good' ? new LruCache() : new UnboundedCache();
let served = 0;
for (let i = 0; i < REQUESTS; i++) {
  // Popular users come back often, most others once: the shape that makes an unbounded cache grow.
  const user = random() < 0.5 ? Math.floor(random() * 100) : Math.floor(random() * USERS);
  const url = `${PAGES[Math.floor(random() * PAGES.length)]}?user=${user}`;
  served += handleRequest(cache, { url, headers: { accept: 'text/html' } }).length;
}
globalThis.heapProfService = { cache, served };
globalThis.gc?.();
process.stdout.write(`${values.variant}: ${REQUESTS} requests, ${cache.entries.size} pages cached\n`);
