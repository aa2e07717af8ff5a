// Writes a real Node heap profile with @datadog/pprof: the cache pattern in JavaScript.
//
//   node workloads/node/heap-profile.mjs --pprof DIR/node_modules/@datadog/pprof --variant good|regressed --out FILE
//
// @datadog/pprof is not a heapgate dependency; install it outside the repository
// (npm install --prefix /tmp/ddpprof @datadog/pprof) and pass its directory. The profile is V8's
// sampling heap profiler (one sample per 512 KiB on average, like Go's default): sample types
// objects/count and space/bytes, live objects only.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { pprof: { type: 'string' }, variant: { type: 'string' }, out: { type: 'string' } },
});
if (!values.pprof || !values.out || (values.variant !== 'good' && values.variant !== 'regressed')) {
  process.stderr.write('usage: heap-profile.mjs --pprof DIR --variant good|regressed --out FILE\n');
  process.exit(2);
}
const pprof = createRequire(import.meta.url)(values.pprof);

const REQUESTS = 60000;
const LRU_CAPACITY = 2048;

/** The slow backend: a fresh record of about 1 KiB of JS heap. */
function loadUserRecord(id) {
  return { id, name: `user:${id}`, history: new Array(120).fill(id) };
}

/** Never evicts. */
class UnboundedUserCache {
  entries = new Map();
  get(key) {
    return this.entries.get(key);
  }
  put(key, value) {
    this.entries.set(key, value);
  }
}

/** Bounded LRU: a Map iterates in insertion order, so the first key is the least recently used. */
class LruUserCache {
  entries = new Map();
  get(key) {
    const v = this.entries.get(key);
    if (v !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
  }
  put(key, value) {
    this.entries.set(key, value);
    if (this.entries.size > LRU_CAPACITY) this.entries.delete(this.entries.keys().next().value);
  }
}

function lookupUser(cache, id) {
  const key = `user:${id}`;
  let v = cache.get(key);
  if (v === undefined) {
    v = loadUserRecord(id);
    cache.put(key, v);
  }
  return v;
}

function serveRequests(cache) {
  // Deterministic inputs: three requests in four are for users never seen before.
  let seed = 0x2545f491;
  let checksum = 0;
  for (let i = 0; i < REQUESTS; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const id = i > 0 && seed % 4 === 0 ? seed % i : i;
    checksum ^= lookupUser(cache, id).id;
  }
  return checksum;
}

pprof.heap.start(512 * 1024, 64);
const cache = values.variant === 'regressed' ? new UnboundedUserCache() : new LruUserCache();
const checksum = serveRequests(cache);
const profile = pprof.heap.profile();
writeFileSync(values.out, await pprof.encode(profile));
pprof.heap.stop();
process.stdout.write(`${checksum} ${cache.entries.size}\n`);
