/**
 * Number formatting shared by the renderers: values in human units, signed deltas, percentages and
 * z scores. Deterministic (no locale lookup), so reports are the same on every machine.
 */

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** True for units that hold bytes (pprof's spellings: bytes, byte, b). */
export function isByteUnit(unit: string): boolean {
  const u = unit.toLowerCase();
  return u === 'bytes' || u === 'byte' || u === 'b';
}

/** Digits with a comma every three places: 1234567 → "1,234,567". Rounds to an integer. */
export function groupThousands(value: number): string {
  const rounded = Math.round(Math.abs(value));
  const digits = Number.isFinite(rounded) ? rounded.toFixed(0) : String(rounded);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return (value < 0 && rounded !== 0 ? '-' : '') + out;
}

/**
 * A byte count in binary units with two decimals above 1 KiB: 512 → "512 B", 1536 → "1.50 KiB".
 * Negative values keep their sign.
 */
export function formatBytes(value: number): string {
  const abs = Math.abs(value);
  let i = 0;
  while (i < BINARY_UNITS.length - 1 && abs >= 1024 ** (i + 1)) i++;
  if (i === 0) return `${groupThousands(value)} B`;
  const scaled = abs / 1024 ** i;
  return `${value < 0 ? '-' : ''}${scaled.toFixed(2)} ${BINARY_UNITS[i]}`;
}

/**
 * A value under one half that is not zero (a per-run mean of several runs can be 0.4 B): one
 * significant digit, "<0.01" below that, so it never reads as 0 beside a non-zero percentage.
 */
function underOneHalf(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 0.01 ? String(Number(abs.toPrecision(1))) : '<0.01';
  return `${value < 0 ? '-' : ''}${digits}`;
}

/**
 * A sample value in its unit: bytes in B/KiB/MiB/GiB, counts as grouped integers ("12,345"), any
 * other unit as a grouped integer followed by the unit. A non-zero value that would round to 0 keeps
 * one significant digit ("0.4 B").
 */
export function formatValue(value: number, unit: string): string {
  if (value !== 0 && Math.abs(value) < 0.5) {
    const digits = underOneHalf(value);
    return isByteUnit(unit) ? `${digits} B` : unit === 'count' || unit === '' ? digits : `${digits} ${unit}`;
  }
  if (isByteUnit(unit)) return formatBytes(value);
  if (unit === 'count' || unit === '') return groupThousands(value);
  return `${groupThousands(value)} ${unit}`;
}

/** Like formatValue, with an explicit "+" on positive values (deltas). Zero has no sign. */
export function formatSignedValue(value: number, unit: string): string {
  const text = formatValue(value, unit);
  return value > 0 && !/^0(\.0+)?( |$)/.test(text) ? `+${text}` : text;
}

/** A signed percentage with one decimal ("+12.5%", "-3.0%"); "n/a" for null (base was 0). */
export function formatDeltaPercent(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return 'n/a';
  const text = Math.abs(percent).toFixed(1);
  if (text === '0.0') return '0.0%';
  return `${percent > 0 ? '+' : '-'}${text}%`;
}

/** Beyond this a z score says only "far past any threshold": shown as ">99.9" (the JSON keeps it). */
export const Z_SHOWN_MAX = 99.9;

/** A z score with one decimal, at most ±Z_SHOWN_MAX shown; "exact" for null (neither side carries sampling noise). */
export function formatZ(z: number | null): string {
  if (z === null) return 'exact';
  if (!Number.isFinite(z)) return z > 0 ? 'inf' : '-inf';
  if (Math.abs(z) > Z_SHOWN_MAX) return `${z > 0 ? '>' : '<-'}${Z_SHOWN_MAX}`;
  const text = z.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}

/**
 * pprof's percentage cell (internal/measurement.Percentage): the absolute ratio to `total`,
 * "  100%" near 100, two decimals from 1 %, two significant digits below; 0 when total is 0.
 */
export function formatPprofPercent(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return '  100%';
  if (ratio >= 1) return `${ratio.toFixed(2).padStart(5)}%`;
  return `${goFormatG2(ratio).padStart(5)}%`;
}

/** Go's %.2g for a non-negative number below 1 (pprof uses it for small percentages). */
function goFormatG2(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Number(x.toPrecision(2))));
  if (exp < -4) {
    const [mantissa, e] = x.toExponential(1).split('e');
    const trimmed = mantissa!.replace(/\.?0+$/, '');
    const n = Number(e);
    return `${trimmed}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(Number(x.toPrecision(2)));
}
