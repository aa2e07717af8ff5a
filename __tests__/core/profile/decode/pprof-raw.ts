/**
 * The oracle: `go tool pprof -raw -symbolize=none FILE`, parsed. pprof prints its decoded profile
 * (profile.Profile.String): period, sample types, each sample's values, location ids and labels,
 * then each location's address and lines.
 */
import { spawnSync } from 'node:child_process';

export interface RawSample {
  readonly value: number[];
  readonly locationId: number[];
  /** Numeric labels as pprof prints them, e.g. "bytes:[1024]". */
  readonly numLabels: string;
}
export interface RawLocation {
  readonly id: number;
  readonly address: bigint;
  /** "name file:line" per line, as printed (start line and system name stripped). */
  readonly lines: string[];
}
export interface RawProfile {
  readonly periodType: string | undefined;
  readonly period: number;
  readonly sampleType: string[];
  /** The type marked [dflt], if any. */
  readonly defaultType: string | undefined;
  readonly samples: RawSample[];
  readonly locations: Map<number, RawLocation>;
}

export function pprofRaw(file: string): RawProfile {
  const run = spawnSync('go', ['tool', 'pprof', '-raw', '-symbolize=none', file], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (run.status !== 0) throw new Error(`go tool pprof failed on ${file}: ${run.stderr}`);
  return parseRaw(run.stdout);
}

function parseRaw(text: string): RawProfile {
  const lines = text.split('\n');
  let i = 0;
  let periodType: string | undefined;
  let period = 0;
  for (; lines[i] !== 'Samples:'; i++) {
    if (i >= lines.length) throw new Error('pprof -raw output has no Samples: section');
    const l = lines[i]!;
    if (l.startsWith('PeriodType: ')) periodType = l.slice('PeriodType: '.length);
    if (l.startsWith('Period: ')) period = Number(l.slice('Period: '.length));
  }
  i++;
  const header = lines[i++]!.trim();
  const typeTokens = header === '' ? [] : header.split(/\s+/);
  const defaultType = typeTokens.find((t) => t.endsWith('[dflt]'))?.replace(/\/.*$/, '');
  const sampleType = typeTokens.map((t) => t.replace('[dflt]', ''));
  const samples: RawSample[] = [];
  for (; lines[i] !== 'Locations'; i++) {
    const l = lines[i]!;
    const colon = l.indexOf(':');
    if (/^\s+\S+:\[/.test(l)) {
      // A label line of the previous sample; keep numeric ones (pprof prints string labels first).
      const prev = samples[samples.length - 1]!;
      samples[samples.length - 1] = {
        ...prev,
        numLabels: [prev.numLabels, l.trim()].filter((x) => x !== '').join(' '),
      };
      continue;
    }
    const value = l
      .slice(0, colon)
      .trim()
      .split(/\s+/)
      .filter((x) => x !== '')
      .map(Number);
    const locationId = l
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .filter((x) => x !== '')
      .map(Number);
    samples.push({ value, locationId, numLabels: '' });
  }
  i++;
  const locations = new Map<number, RawLocation>();
  let current: RawLocation | undefined;
  for (; lines[i] !== 'Mappings'; i++) {
    const l = lines[i]!;
    const m = /^\s*(\d+): (0x[0-9a-f]+) (?:M=\d+ )?(?:\[F\] )?(.*)$/.exec(l);
    if (m !== null) {
      current = { id: Number(m[1]), address: BigInt(m[2]!), lines: [] };
      locations.set(current.id, current);
      if (m[3]!.trim() !== '') current.lines.push(stripLine(m[3]!));
    } else if (l.trim() !== '') {
      current!.lines.push(stripLine(l.trim()));
    }
  }
  return { periodType, period, sampleType, defaultType, samples, locations };
}

/** "name file:line s=N(system)" → "name file:line". */
function stripLine(s: string): string {
  return s.replace(/ s=\d+.*$/, '').trim();
}
