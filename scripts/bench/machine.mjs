// Describes the machine a benchmark ran on: CPU, cores, memory, load, node and go versions.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

/**
 * @typedef {object} Machine
 * @property {string} cpuModel
 * @property {number} nproc the CPUs this process may use
 * @property {number} memGiB total memory
 * @property {string} os type, release and architecture
 * @property {string} node
 * @property {string} go `go version` without its prefix, or `go not found`
 * @property {number[]} loadavg 1, 5 and 15 minutes
 */

/** @returns {string} */
function goVersion() {
  const r = spawnSync('go', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().replace(/^go version /, '') : 'go not found';
}

/**
 * A plain object describing this machine now (load averages change: take it at start and end).
 * @returns {Machine}
 */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    nproc: os.availableParallelism(),
    memGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    go: goVersion(),
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}
