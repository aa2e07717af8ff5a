// Converts the allocation events of a Java Flight Recorder file to pprof profiles laid out as
// Pyroscope's JFR converter (grafana/jfr-parser) lays them out, so heapgate is tested on JFR
// profiles made here rather than only on a converter's own test data:
//   OUT.alloc-in-new-tlab.pb.gz   alloc_in_new_tlab_objects/count, alloc_in_new_tlab_bytes/bytes;
//                                 one sample per jdk.ObjectAllocationInNewTLAB event, values [1, tlabSize]
//   OUT.alloc-outside-tlab.pb.gz  alloc_outside_tlab_objects/count, alloc_outside_tlab_bytes/bytes;
//                                 one per jdk.ObjectAllocationOutsideTLAB event, values [1, allocationSize]
//   OUT.live.pb.gz                live/count; one per jdk.OldObjectSample event, value 1
// Period type space/bytes (objects/count for live) without a period, as that converter writes them.
// Frames are named `package.Class.method`, leaf first, with the event's line numbers; events without
// a stack trace are left out.
//
// Usage: node scripts/jfr-to-pprof.mjs RECORDING.jfr OUT   (needs the JDK's `jfr` tool on PATH)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import protobuf from 'protobufjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [recording, out] = process.argv.slice(2);
if (recording === undefined || out === undefined) {
  console.error('usage: node scripts/jfr-to-pprof.mjs RECORDING.jfr OUT');
  process.exit(2);
}

/**
 * @typedef {{ method: { type: { name: string }, name: string }, lineNumber: number }} JfrFrame
 * @typedef {{ type: string, values: { tlabSize?: number, allocationSize?: number,
 *   stackTrace: { frames: JfrFrame[] } | null } }} JfrEvent
 * @typedef {{ types: [string, string][], period: [string, string], value: (e: JfrEvent) => number[] }} Layout
 */

/** @type {Record<string, Layout & { file: string }>} */
const LAYOUTS = {
  'jdk.ObjectAllocationInNewTLAB': {
    file: 'alloc-in-new-tlab',
    types: [
      ['alloc_in_new_tlab_objects', 'count'],
      ['alloc_in_new_tlab_bytes', 'bytes'],
    ],
    period: ['space', 'bytes'],
    value: (e) => [1, e.values.tlabSize ?? 0],
  },
  'jdk.ObjectAllocationOutsideTLAB': {
    file: 'alloc-outside-tlab',
    types: [
      ['alloc_outside_tlab_objects', 'count'],
      ['alloc_outside_tlab_bytes', 'bytes'],
    ],
    period: ['space', 'bytes'],
    value: (e) => [1, e.values.allocationSize ?? 0],
  },
  'jdk.OldObjectSample': { file: 'live', types: [['live', 'count']], period: ['objects', 'count'], value: () => [1] },
};

const json = execFileSync('jfr', ['print', '--json', '--events', Object.keys(LAYOUTS).join(','), recording], {
  maxBuffer: 1 << 30,
  encoding: 'utf8',
});
/** @type {JfrEvent[]} */
const events = JSON.parse(json).recording.events;
const proto = await protobuf.load(join(root, '__tests__/helpers/profile.proto'));
const Profile = proto.lookupType('perftools.profiles.Profile');

for (const [eventType, layout] of Object.entries(LAYOUTS)) {
  const strings = [''];
  /** @type {Map<string, number>} */
  const stringIndex = new Map([['', 0]]);
  /** @param {string} s */
  const str = (s) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  /** @type {Map<string, number>} */
  const functionIds = new Map();
  /** @type {Map<string, number>} */
  const locationIds = new Map();
  /** @type {object[]} */
  const functions = [];
  /** @type {object[]} */
  const locations = [];
  /** @type {Map<string, { locationId: number[], value: number[] }>} */
  const samples = new Map();
  for (const e of events) {
    if (e.type !== eventType) continue;
    const frames = e.values.stackTrace?.frames ?? [];
    if (frames.length === 0) continue; // an event without a stack trace
    const locationId = frames.map((f) => {
      const name = `${f.method.type.name.replace(/\//g, '.')}.${f.method.name}`;
      let fid = functionIds.get(name);
      if (fid === undefined) {
        fid = functions.length + 1;
        functionIds.set(name, fid);
        functions.push({ id: fid, name: str(name), systemName: str(name) });
      }
      const key = `${fid}:${f.lineNumber}`;
      let lid = locationIds.get(key);
      if (lid === undefined) {
        lid = locations.length + 1;
        locationIds.set(key, lid);
        locations.push({ id: lid, line: [{ functionId: fid, line: Math.max(0, f.lineNumber) }] });
      }
      return lid;
    });
    const value = layout.value(e);
    const key = locationId.join(',');
    const s = samples.get(key);
    if (s === undefined) samples.set(key, { locationId, value });
    else value.forEach((v, i) => (s.value[i] = (s.value[i] ?? 0) + v));
  }
  const message = Profile.create({
    sampleType: layout.types.map(([type, unit]) => ({ type: str(type), unit: str(unit) })),
    periodType: { type: str(layout.period[0]), unit: str(layout.period[1]) },
    sample: [...samples.values()],
    location: locations,
    function: functions,
    stringTable: strings,
  });
  const file = `${out}.${layout.file}.pb.gz`;
  writeFileSync(file, gzipSync(Profile.encode(message).finish()));
  console.log(`${file}: ${samples.size} stacks from ${eventType}`);
}
