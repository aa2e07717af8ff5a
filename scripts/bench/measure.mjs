// Runs a command as a child process and measures its wall time and peak resident memory.
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, Debian package `time`); without it, from
// Python's resource.getrusage(RUSAGE_CHILDREN).ru_maxrss. Both report the kernel's maxrss of the
// child in KiB. Wall time is taken here around the child (hrtime), which resolves better than %e.
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { at } from './at.mjs';

/** @typedef {'gnu-time' | 'python' | null} RssMethodName how peak RSS is measured; null: it is not */

/**
 * @typedef {object} RssMethod
 * @property {RssMethodName} method
 * @property {string} describe the method in words, for the report
 * @property {string} [hint] when `method` is null: how to get one
 */

/**
 * One run of a command.
 * @typedef {object} RunResult
 * @property {number} wallMs
 * @property {number | null} rssKiB peak RSS, null when not measured
 * @property {number | null} status the exit status (null: killed by a signal)
 * @property {string} stderr
 */

/**
 * Median, min and max of a list of measurements.
 * @typedef {object} Stats
 * @property {number | null} median null when there were no measurements
 * @property {number | null} min
 * @property {number | null} max
 * @property {number} n how many measurements
 */

const GNU_TIME = '/usr/bin/time';
const PY_RUSAGE =
  'import resource, subprocess, sys\n' +
  'rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n' +
  'sys.stderr.write("\\n%d %d\\n" % (rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n' +
  'sys.exit(0)\n';

/** @returns {boolean} */
function havePython() {
  return spawnSync('python3', ['-c', 'import resource'], { stdio: 'ignore' }).status === 0;
}

/**
 * The available way to measure a child's peak RSS: 'gnu-time', 'python', or null (then `hint`
 * says how to get one).
 * @returns {RssMethod}
 */
export function rssMethod() {
  if (existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0) {
    return { method: 'gnu-time', describe: "GNU time (/usr/bin/time -f %M): the child's maxrss" };
  }
  if (havePython()) return { method: 'python', describe: 'python3 resource.getrusage(RUSAGE_CHILDREN).ru_maxrss' };
  return { method: null, describe: 'not measured', hint: 'install GNU time (Debian/Ubuntu: apt-get install time)' };
}

/**
 * Runs `cmd args` once with stdout to /dev/null. Returns { wallMs, rssKiB, status, stderr }.
 * `okStatus(status)` decides whether the exit status is a success (heapgate exits 1 on a failed
 * verdict, which is not an error here).
 * @param {string} cmd
 * @param {readonly string[]} args
 * @param {object} [options]
 * @param {NodeJS.ProcessEnv} [options.env] the child's environment (default: this process's)
 * @param {RssMethodName} [options.method] how to measure peak RSS (default: not at all)
 * @param {(status: number | null) => boolean} [options.okStatus]
 * @returns {RunResult}
 */
export function runOnce(cmd, args, { env, method, okStatus = (s) => s === 0 } = {}) {
  const devnull = openSync('/dev/null', 'w');
  /** @type {[string, readonly string[]]} */
  let argv;
  if (method === 'gnu-time') argv = [GNU_TIME, ['-f', '\n%x %M', cmd, ...args]];
  else if (method === 'python') argv = ['python3', ['-c', PY_RUSAGE, cmd, ...args]];
  else argv = [cmd, args];
  try {
    const start = process.hrtime.bigint();
    const child = spawnSync(argv[0], argv[1], {
      env,
      stdio: ['ignore', devnull, 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (child.error) throw child.error;
    let status = child.status;
    let rssKiB = null;
    let stderr = child.stderr;
    if (method !== null && method !== undefined) {
      const lines = stderr.trimEnd().split('\n');
      const m = /^(-?\d+) (\d+)$/.exec(lines[lines.length - 1] ?? '');
      if (!m) throw new Error(`cannot read the measurement from ${argv[0]}: ${stderr.slice(-300)}`);
      status = Number(m[1]);
      rssKiB = Number(m[2]);
      stderr = lines.slice(0, -1).join('\n');
    }
    if (!okStatus(status)) {
      throw new Error(
        `${cmd} ${args.join(' ')} exited with ${status}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
      );
    }
    return { wallMs, rssKiB, status, stderr };
  } finally {
    closeSync(devnull);
  }
}

/**
 * Median, min and max of a list of numbers (nulls ignored); null fields when the list is empty.
 * @param {readonly (number | null | undefined)[]} values
 * @returns {Stats}
 */
export function stats(values) {
  const v = values.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (v.length === 0) return { median: null, min: null, max: null, n: 0 };
  const mid = v.length >> 1;
  const median = v.length % 2 === 1 ? at(v, mid) : (at(v, mid - 1) + at(v, mid)) / 2;
  return { median, min: at(v, 0), max: at(v, v.length - 1), n: v.length };
}
