/**
 * The one policy for tests that need Go (`go tool pprof` is the oracle the README's "same numbers
 * as pprof" rests on): every suite registers such tests through describeWithGo or testWithGo.
 *
 * - Go present: the tests run.
 * - Go missing under CI (CI set, as .ci/run and GitHub Actions set it): one failing test per block
 *   saying how to install Go. A CI run that skipped the oracle would pass without checking it.
 * - Go missing on a laptop: one skipped test per block, its title saying why, and one warning per
 *   test file, so the run shows what it did not check.
 */
import { describe, test } from '@jest/globals';
import { pprofBinary } from './pprof-oracle.js';

export const INSTALL_GO = 'apt-get install -y golang-go';
const MISSING = `go tool pprof not found — ${INSTALL_GO}`;

/** CI as the usual runners set it ("true", "1"); "false", "0" or empty is a local run. */
function underCi(): boolean {
  const ci = (process.env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}

let warned = false;

/** Registers what stands in for a block of Go tests when Go is missing (see the policy above). */
function missingGo(name: string): void {
  if (underCi()) {
    test(`${name} — needs go tool pprof`, () => {
      throw new Error(
        `go tool pprof not found, and CI is set: install Go (${INSTALL_GO}) to run the pprof oracle tests`,
      );
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(`tests that compare with go tool pprof are skipped: ${MISSING}`);
  }
  test.skip(`${name} — skipped: ${MISSING}`, () => {});
}

/** `describe(name, fn)` when `go tool pprof` runs here; otherwise the policy above. */
export function describeWithGo(name: string, fn: () => void): void {
  if (pprofBinary() !== undefined) describe(name, fn);
  else missingGo(name);
}

/** `test(name, fn, timeout)` when `go tool pprof` runs here; otherwise the policy above. */
export function testWithGo(name: string, fn: Parameters<typeof test>[1], timeout?: number): void {
  if (pprofBinary() !== undefined) test(name, fn, timeout);
  else missingGo(name);
}
