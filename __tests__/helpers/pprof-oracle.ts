/**
 * `go tool pprof` as a test oracle: runs `-top` on a profile (optionally diffed against a base) and
 * parses the rows. pprof is run with HOME, GOCACHE and PPROF_TMPDIR in a private temporary
 * directory (it writes nothing into the repository) and `-symbolize=none` (it never tries the
 * network or local binaries).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One row of `pprof -top`: the node name (without the inline marker) and its flat and cum values. */
export interface PprofRow {
  readonly name: string;
  readonly flat: number;
  readonly cum: number;
  /** pprof's marker after the name: '' when absent. */
  readonly inline: '' | 'inline' | 'partial-inline';
}

export interface PprofTop {
  /** The `Type:` header line: the sample type shown. */
  readonly sampleType: string;
  /** The `... of <total> total` figure: in diff mode, the base profile's total. */
  readonly total: number;
  readonly rows: readonly PprofRow[];
  /** Number of nodes pprof says it dropped ("Dropped N nodes ..."); 0 when it printed them all. */
  readonly droppedNodes: number;
}

let cachedBinary: string | undefined;
let tempHome: string | undefined;

/**
 * The pprof binary behind `go tool pprof` (resolved once with `go tool -n pprof`, so each call
 * does not pay for the go command), or undefined when Go is not installed.
 */
export function pprofBinary(): string | undefined {
  if (cachedBinary !== undefined) return cachedBinary;
  const r = spawnSync('go', ['tool', '-n', 'pprof'], { encoding: 'utf8', env: oracleEnv() });
  if (r.status !== 0 || r.stdout.trim() === '') return undefined;
  cachedBinary = r.stdout.trim();
  return cachedBinary;
}

/** Removes the private temporary directory (call from afterAll). */
export function cleanupOracle(): void {
  if (tempHome !== undefined) rmSync(tempHome, { recursive: true, force: true });
  tempHome = undefined;
}

function oracleEnv(): NodeJS.ProcessEnv {
  tempHome ??= mkdtempSync(join(tmpdir(), 'heapgate-pprof-'));
  const env: NodeJS.ProcessEnv = {};
  for (const k of ['PATH', 'LANG', 'LC_ALL', 'GOROOT']) if (process.env[k] !== undefined) env[k] = process.env[k];
  env.HOME = tempHome;
  env.GOCACHE = join(tempHome, 'gocache');
  env.PPROF_TMPDIR = tempHome;
  env.GOFLAGS = '';
  env.GOTOOLCHAIN = 'local';
  env.GOPROXY = 'off';
  // No symbolization server, no binary search path.
  env.PPROF_BINARY_PATH = tempHome;
  return env;
}

/**
 * `go tool pprof -top -nodefraction=0 -unit=B -sample_index=<sampleType> [-diff_base <base>] [flags] <current>`:
 * every node (no node count limit for -top, no fraction cutoff), values in one fixed unit so they
 * print as exact integers (count types print with a `B` suffix too). `flags` are more options
 * (`-lines` for per-line rows). Throws with pprof's stderr when pprof fails.
 */
export function pprofTop(current: string, sampleType: string, base?: string, flags: readonly string[] = []): PprofTop {
  const bin = pprofBinary();
  if (bin === undefined) throw new Error('go tool pprof is not available (install Go: apt-get install golang-go)');
  const args = [
    '-top',
    '-nodefraction=0',
    '-edgefraction=0',
    '-unit=B',
    '-symbolize=none',
    `-sample_index=${sampleType}`,
  ];
  if (base !== undefined) args.push(`-diff_base=${base}`);
  args.push(...flags, current);
  const stdout = execFileSync(bin, args, {
    encoding: 'utf8',
    env: oracleEnv(),
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parsePprofTop(stdout);
}

const COLUMN_HEADER = /^\s*flat\s+flat%\s+sum%\s+cum\s+cum%\s*$/;
// flat, flat%, sum%, cum, cum%, name. Percentages may be NaN% or ±Inf% when the base total is 0.
const ROW = /^\s*(\S+)\s+(\S+%)\s+(\S+%)\s+(\S+)\s+(\S+%)\s+(.+)$/;
const INLINE_SUFFIX = / \((inline|partial-inline)\)$/;
const TOTAL = / of (\S+) total$/;
const DROPPED = /^Dropped (\d+) nodes? /;

/**
 * Parses `pprof -top` text output. Values must be printed in bytes (`-unit=B`): `0`, `123B`,
 * `-45B`; anything else (a scaled unit like `1.5MB`) is an error, because it would not be exact.
 */
export function parsePprofTop(text: string): PprofTop {
  const lines = text.split('\n');
  let sampleType = '';
  let total = Number.NaN;
  let droppedNodes = 0;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('Type: ')) sampleType = line.slice('Type: '.length).trim();
    const t = TOTAL.exec(line);
    if (line.startsWith('Showing nodes accounting for') && t) total = parseValue(t[1]!);
    const d = DROPPED.exec(line);
    if (d) droppedNodes += Number(d[1]);
    if (COLUMN_HEADER.test(line)) break;
  }
  if (i === lines.length) throw new Error('pprof output has no "flat flat% sum% cum cum%" header');
  const rows: PprofRow[] = [];
  for (i++; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const m = ROW.exec(line);
    if (!m) throw new Error(`unrecognized pprof row: ${JSON.stringify(line)}`);
    let name = m[6]!;
    let inline: PprofRow['inline'] = '';
    const s = INLINE_SUFFIX.exec(name);
    if (s) {
      inline = s[1] as PprofRow['inline'];
      name = name.slice(0, s.index);
    }
    rows.push({ name, flat: parseValue(m[1]!), cum: parseValue(m[4]!), inline });
  }
  return { sampleType, total, rows, droppedNodes };
}

/** A `-top -lines` row's name taken apart: `main.f /src/f.go:42` → function, file and line. */
export interface PprofLine {
  readonly function: string;
  readonly file: string;
  readonly line: number;
}

/**
 * Parses a `pprof -top -lines` row name (graph.NodeInfo.NameComponents): `function file:line`, the
 * location last and split at its last colon; `file:line` alone for a function without a name; a
 * name without a location (`[libc.so.6]`, `<unknown>`) is the function with no file and line 0.
 */
export function parseLineName(name: string): PprofLine {
  const space = name.lastIndexOf(' ');
  const where = name.slice(space + 1);
  const m = /^(.*):(\d+)$/.exec(where);
  if (!m) return { function: name, file: '', line: 0 };
  return { function: space < 0 ? '' : name.slice(0, space), file: m[1]!, line: Number(m[2]) };
}

/** `0`, `123B`, `-45B`, `12.50B` → number. pprof prints values with %.2f and trims `.00`. */
export function parseValue(token: string): number {
  const m = /^(-?\d+(?:\.\d+)?)B?$/.exec(token);
  if (!m) throw new Error(`pprof value ${JSON.stringify(token)} is not in bytes (was -unit=B given?)`);
  return Number(m[1]);
}

/** The samples of one profile as pprof parsed them: sample type names and one value row per sample. */
export interface PprofRaw {
  readonly sampleTypes: readonly string[];
  /** `values[i][t]`: sample i's value for sample type t, in file order. */
  readonly values: readonly (readonly number[])[];
}

/**
 * `go tool pprof -raw <file>`: the samples exactly as pprof decoded them (for legacy text
 * profiles, after pprof's unsampling), without aggregation.
 */
export function pprofRaw(file: string): PprofRaw {
  const bin = pprofBinary();
  if (bin === undefined) throw new Error('go tool pprof is not available (install Go: apt-get install golang-go)');
  const stdout = execFileSync(bin, ['-raw', '-symbolize=none', file], {
    encoding: 'utf8',
    env: oracleEnv(),
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parsePprofRaw(stdout);
}

/**
 * Parses the `Samples:` section of `pprof -raw`: a header of `type/unit` names (the default one
 * marked `[dflt]`), then per sample a line `v1 v2 ...: locationIds` and optional label lines.
 */
export function parsePprofRaw(text: string): PprofRaw {
  const lines = text.split('\n');
  const at = lines.indexOf('Samples:');
  if (at < 0 || at + 1 >= lines.length) throw new Error('pprof -raw output has no "Samples:" section');
  const sampleTypes = lines[at + 1]!.trim()
    .split(/\s+/)
    .map((t) => t.replace(/\[dflt\]$/, '').split('/')[0]!);
  const values: number[][] = [];
  for (let i = at + 2; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\S/.test(line)) break; // the next section ("Locations", "Mappings")
    const m = /^\s*(-?\d+(?:\s+-?\d+)*):/.exec(line);
    if (!m) continue; // a label line
    const row = m[1]!.trim().split(/\s+/).map(Number);
    if (row.length !== sampleTypes.length)
      throw new Error(
        `pprof -raw sample has ${row.length} values for ${sampleTypes.length} types: ${JSON.stringify(line)}`,
      );
    values.push(row);
  }
  return { sampleTypes, values };
}
