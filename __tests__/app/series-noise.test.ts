/**
 * Real noisy series: 31 runs of the same code of each noisy workload configuration
 * (fixtures/noisy-series, see the fixtures README), pushed one by one through the gate as the
 * Action does on the default branch — each compared with the previous baseline and the history of
 * the last 30, then stored — with the default rules. Unchanged code: every fail is a false alarm,
 * every announced new level a false step.
 */
import { join } from 'node:path';
import { createProfileLoader } from '../../src/adapters/profile-loader.js';
import { runGate, type GateConfig } from '../../src/app/gate/run.js';
import { ROOT } from '../helpers/dist.js';
import { event, PLAN } from '../helpers/gate-events.js';
import { MemoryComments, MemoryStore, recordingLog } from '../helpers/memory-ports.js';
import { readFileSync } from 'node:fs';

const DIR = join(ROOT, '__tests__/fixtures/noisy-series');
const RUNS = 31;
const CONFIGS = ['server', 'pool', 'ttlcache'].flatMap((w) =>
  ['gc', 'nogc'].flatMap((gc) => ['1', '524288'].map((rate) => `${w}/${gc}.rate${rate}`)),
);

const CONFIG: GateConfig = {
  ...PLAN,
  series: 'noisy',
  store: 'memory://',
  profile: ['heap.pb.gz'],
  rules: null,
  comment: 'never',
  acceptLabel: 'heapgate:accept',
  confidence: null,
  top: 1,
  history: 30,
  onInconclusive: 'pass',
  htmlReport: false,
};

interface Tally {
  judged: number;
  fail: number;
  inconclusive: number;
  steps: string[];
}

const results = new Map<string, Tally>();

beforeAll(async () => {
  const load = createProfileLoader({ mode: 'inline' });
  for (const config of CONFIGS) {
    const store = new MemoryStore();
    const log: string[] = [];
    const ports = {
      store,
      load,
      comments: new MemoryComments(),
      pulls: null,
      summary: { append: async () => {} },
      clock: { now: () => new Date('2026-06-01T00:00:00Z') },
      log: recordingLog(log),
      reports: null,
    };
    const tally: Tally = { judged: 0, fail: 0, inconclusive: 0, steps: [] };
    for (let i = 1; i <= RUNS; i++) {
      const profile = readFileSync(join(DIR, config, `good-${i}.heap.pb.gz`));
      const sha = `${(0xabc000 + i).toString(16)}${'0'.repeat(34)}`;
      const commitTime = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
      const out = await runGate(CONFIG, event({ sha, commitTime }), profile, ports);
      if (out.update?.result !== 'moved') throw new Error(`${config} run ${i}: not stored`);
      // Judged once the history calibrates (5 baselines).
      if (i > 5) {
        tally.judged++;
        if (out.verdict === 'fail') tally.fail++;
        if (out.verdict === 'inconclusive') tally.inconclusive++;
      }
      for (const s of out.update.steps ?? []) tally.steps.push(`run ${i}: ${s.sampleType} ${s.percent.toFixed(1)}%`);
    }
    results.set(config, tally);
  }
  process.stdout.write(
    [...results]
      .map(
        ([c, t]) =>
          `${c.padEnd(22)} ${t.judged} judged: ${t.fail} fail, ${t.inconclusive} inconclusive; steps ${t.steps.length}`,
      )
      .join('\n') + '\n',
  );
}, 300_000);

describe('real noisy series of 31 unchanged merges, 30-baseline histories', () => {
  it.each(CONFIGS)('%s: no false alarm, no false step', (config) => {
    const t = results.get(config)!;
    expect(t.judged).toBe(RUNS - 5);
    expect(t.fail).toBe(0);
    expect(t.steps).toEqual([]);
  });
});
