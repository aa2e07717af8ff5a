import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeProfile } from '../../../../src/core/profile/decode/index.js';
import { expectMatchesPprof } from './compare-with-pprof.js';
import { describeWithGo } from '../../../helpers/with-go.js';
import { pprofRaw } from './pprof-raw.js';

/**
 * Every real profile under __tests__/fixtures (Go runtime, Node @datadog/pprof, tcmalloc; see the
 * fixtures README for how each was made) decodes, and agrees with `go tool pprof -raw` on the same
 * file: sample types, period, every non-zero sample's values, stack addresses and labels, and the
 * function/file/line of every location.
 */
const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

function profileFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return profileFiles(path);
    return /\.(pb|pb\.gz|txt)$/.test(e.name) ? [path] : [];
  });
}

const files = profileFiles(root).sort();
const isLegacyText = (file: string) => readFileSync(file).subarray(0, 13).toString('latin1') === 'heap profile:';

describe('real fixtures', () => {
  test('fixtures are present', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.map((f) => [relative(root, f), f]))('%s decodes with consistent columns', (_name, file) => {
    const p = decodeProfile(new Uint8Array(readFileSync(file)));
    const s = p.samples;
    expect(s.value.length).toBe(s.count * p.sampleType.length);
    expect(s.locationStart.length).toBe(s.count + 1);
    expect(s.locationIndex).toBeInstanceOf(Uint32Array);
    expect(s.locationStart[s.count]).toBe(s.locationIndex.length);
    expect(s.labelStart[s.count]).toBe(s.labelKey.length);
    expect(s.locationIndex.every((j) => j < p.locations.count)).toBe(true);
  });

  describeWithGo('against go tool pprof -raw', () => {
    test.each(files.map((f) => [relative(root, f), f]))('%s matches go tool pprof -raw', (_name, file) => {
      const p = decodeProfile(new Uint8Array(readFileSync(file)));
      // pprof does not read the # frame lines of legacy text, so it has no names to compare there;
      // and where those lines exist (Go's debug=1), heapgate drops the frames Go left unlisted.
      const legacy = isLegacyText(file);
      const goFrameLines = legacy && /^#\t0x/m.test(readFileSync(file, 'latin1'));
      expectMatchesPprof(p, pprofRaw(file), { lines: !legacy, onlyKnownAddresses: goFrameLines });
    });
  });
});
