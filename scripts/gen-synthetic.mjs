#!/usr/bin/env node
// Writes a deterministic synthetic Go heap profile (gzipped pprof protobuf) for benchmarks.
//
//   node scripts/gen-synthetic.mjs --samples 15000 --locations 80000 --functions 20000 \
//        [--seed S] [--variant base|current] [--raw] --out bench/out/base.pb.gz
//   node scripts/gen-synthetic.mjs ... --pair bench/out/synth-15k
//        # writes <prefix>.base.pb.gz and <prefix>.current.pb.gz
//
// Base and current of a pair share the call tree (same seed) and differ by sampling noise and a few
// hot spots that grow; --raw writes uncompressed protobuf instead of gzip. --verify reads each file
// back with `go tool pprof -raw` and checks sample count, value totals, labels and locations.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { asVariant, generateProfile } from './bench/synthetic.mjs';
import { verifyWithPprof } from './bench/verify-pprof.mjs';

const USAGE =
  'usage: gen-synthetic.mjs --samples N --locations N --functions N [--seed S] ' +
  '(--out FILE [--variant base|current] | --pair PREFIX) [--raw] [--verify] [--quiet]';

/**
 * @param {string} name the option, for the message
 * @param {string} text its value
 * @returns {number}
 */
function positiveInt(name, text) {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`--${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return n;
}

function main() {
  const { values } = parseArgs({
    options: {
      samples: { type: 'string' },
      locations: { type: 'string', default: '80000' },
      functions: { type: 'string', default: '20000' },
      seed: { type: 'string', default: 'heapgate' },
      variant: { type: 'string', default: 'base' },
      out: { type: 'string' },
      pair: { type: 'string' },
      raw: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { samples, out, pair } = values;
  if (samples === undefined) throw new Error(USAGE);
  const ext = values.raw ? 'pb' : 'pb.gz';
  /** @type {[variant: string, file: string][]} */
  let jobs;
  if (pair !== undefined && out === undefined)
    jobs = [
      ['base', `${pair}.base.${ext}`],
      ['current', `${pair}.current.${ext}`],
    ];
  else if (out !== undefined && pair === undefined) jobs = [[values.variant, out]];
  else throw new Error(USAGE);
  const shape = {
    samples: positiveInt('samples', samples),
    locations: positiveInt('locations', values.locations),
    functions: positiveInt('functions', values.functions),
    seed: values.seed,
  };
  for (const [variant, file] of jobs) {
    const { raw, gz, stats } = generateProfile(shape, asVariant(variant));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, values.raw ? raw : gz);
    if (!values.quiet) console.log(JSON.stringify({ file, variant, ...stats, gzBytes: gz.length }));
    if (values.verify) {
      const problems = verifyWithPprof(file, stats);
      if (problems.length > 0) throw new Error(`${file} does not read back as generated: ${problems.join('; ')}`);
      if (!values.quiet) console.log(`${file}: go tool pprof -raw reads it back as generated`);
    }
  }
}

try {
  main();
} catch (err) {
  console.error(`gen-synthetic: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
