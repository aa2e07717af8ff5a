import { memoryRole } from '../../../src/core/profile/memory-types.js';

test.each([
  ['inuse_space', 'bytes', 'inuse_space', ''],
  ['objects', 'count', 'inuse_objects', ''],
  ['alloc_in_new_tlab_bytes', 'bytes', 'alloc_space', 'JFR allocations in new TLABs'],
  ['alloc_outside_tlab_objects', 'count', 'alloc_objects', 'JFR allocations outside TLABs'],
  ['live', 'count', 'inuse_objects', 'JFR live objects (old-object samples)'],
  ['alloc-size', 'bytes', 'alloc_space', '.NET allocations'],
  ['alloc-samples', 'count', 'alloc_objects', '.NET sampled allocations'],
  ['inuse-space', 'bytes', 'inuse_space', '.NET live heap'],
  ['heap_live_bytes', 'bytes', 'inuse_space', 'bytes, named for memory in use'],
  ['in_use_count', 'count', 'inuse_objects', 'count, named for memory in use'],
  ['allocations', 'count', 'alloc_objects', 'count, named for allocation'],
])('%s/%s stands for %s', (type, unit, metric, why) => {
  expect(memoryRole({ type, unit })).toEqual({ metric, why });
});

test.each([
  ['cpu', 'nanoseconds'],
  ['samples', 'count'],
  ['wall', 'nanoseconds'],
  ['lock_count', 'count'],
  ['contentions', 'count'],
  ['goroutine', 'count'],
  ['exception', 'count'],
  ['deliveries', 'count'],
  ['alloc_time', 'nanoseconds'],
])('%s/%s is no memory measurement', (type, unit) => {
  expect(memoryRole({ type, unit })).toBeNull();
});
