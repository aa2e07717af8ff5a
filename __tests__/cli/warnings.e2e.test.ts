/**
 * Process warnings from libraries do not break heapgate's one-line errors. The real case: a gs://
 * store without credentials, off Google Cloud. The Cloud Storage client probes the metadata server
 * (here a local server answering 403, as some sandboxed networks do), which raises a
 * MetadataLookupWarning before the store error; Node would print it as two extra lines.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, ROOT } from '../helpers/dist.js';

// Records every warning type the process raises (the listener-independent way: wrap emitWarning).
const recordWarnings =
  "data:text/javascript,import{appendFileSync}from'node:fs';const o=process.emitWarning.bind(process);" +
  'process.emitWarning=(w,t,...r)=>{' +
  'appendFileSync(process.env.WARN_LOG,String((t&&t.type)||t||(w&&w.name))+"\\n");return o(w,t,...r)};';

let home: string;
let metadata: Server;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'heapgate-warn-'));
  metadata = createServer((_req, res) => res.writeHead(403).end('forbidden'));
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  rmSync(home, { recursive: true, force: true });
  await new Promise((resolve) => metadata.close(resolve));
});

/** Runs a command without blocking this process (the metadata server must answer meanwhile). */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

test('a gs:// store without credentials: one line on stderr, although the client raised a warning', async () => {
  const log = join(home, 'warnings.log');
  const host = `127.0.0.1:${(metadata.address() as AddressInfo).port}`;
  const r = await run(
    [
      '--import',
      recordWarnings,
      builtCli(),
      'check',
      'examples/regression/base.heap.pb.gz',
      '--store',
      'gs://heapgate-test-bucket/p',
      '--series',
      's',
    ],
    { PATH: process.env.PATH, HOME: home, GCE_METADATA_HOST: host, GCE_METADATA_IP: host, WARN_LOG: log },
  );
  expect(readFileSync(log, 'utf8')).toContain('MetadataLookupWarning');
  expect(r.status).toBe(3);
  expect(r.stderr).toMatch(/^heapgate: no usable Google Cloud credentials: [^\n]+\n$/);
});

test('other warnings are kept, as one line each', () => {
  const raise = "data:text/javascript,setTimeout(()=>process.emitWarning('disk nearly full','ExampleWarning'),0);";
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      raise,
      builtCli(),
      'diff',
      'examples/regression/base.heap.pb.gz',
      'examples/regression/current.heap.pb.gz',
      '--format',
      'json',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    },
  );
  expect(r.status).toBe(1);
  expect(r.stderr).toBe('heapgate: warning: ExampleWarning: disk nearly full\n');
});
