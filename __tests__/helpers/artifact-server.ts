/**
 * A local stand-in for the Actions results service and its blob storage, as @actions/artifact
 * (v2 and later) uses them: Twirp JSON calls CreateArtifact and FinalizeArtifact on
 * ACTIONS_RESULTS_URL, and an Azure block-blob upload (Put Block, then Put Block List, or a single
 * Put Blob) to the signed URL CreateArtifact returns. It keeps what was uploaded, by artifact name.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

/** The signature of the upload URLs (the client masks it in the log, as it does a real SAS signature). */
export const UPLOAD_SIGNATURE = 'sv2025-signature-0123456789abcdef';

export interface StoredArtifact {
  readonly name: string;
  readonly id: number;
  /** The blob as committed; undefined until it is. */
  content?: Buffer;
  finalized: boolean;
  /** CreateArtifact's request body, as sent. */
  readonly request: Record<string, unknown>;
}

/** A runtime token whose `scp` claim carries the backend ids @actions/artifact reads (the signature is not checked). */
export function runtimeToken(): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const scp =
    'Actions.ExampleScope Actions.Results:11111111-2222-3333-4444-555555555555:66666666-7777-8888-9999-000000000000';
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp })}.sig`;
}

export class ArtifactServer {
  readonly artifacts = new Map<string, StoredArtifact>();
  /** When set, CreateArtifact answers with this HTTP status (a Twirp error). */
  createStatus: number | null = null;
  private server: Server | undefined;
  private nextId = 4200;
  private readonly blocks = new Map<string, Map<string, Buffer>>();

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const url = new URL(req.url ?? '/', this.url);
    if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) {
      this.twirp(url.pathname.slice(TWIRP.length), JSON.parse(body.toString('utf8')) as Record<string, unknown>, res);
      return;
    }
    const blob = /^\/blob\/([^/]+)$/.exec(url.pathname)?.[1];
    if (req.method === 'PUT' && blob !== undefined && url.searchParams.get('sig') === UPLOAD_SIGNATURE) {
      this.putBlob(decodeURIComponent(blob), url.searchParams, body, req, res);
      return;
    }
    res.writeHead(404).end();
  }

  private twirp(method: string, request: Record<string, unknown>, res: ServerResponse): void {
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    const name = typeof request.name === 'string' ? request.name : '';
    if (method === 'CreateArtifact') {
      if (this.createStatus !== null) {
        json(this.createStatus, { code: 'permission_denied', msg: 'artifact storage quota has been hit' });
        return;
      }
      if (this.artifacts.has(name)) {
        json(409, { code: 'already_exists', msg: `an artifact named ${name} exists` });
        return;
      }
      this.artifacts.set(name, { name, id: this.nextId++, finalized: false, request });
      json(200, {
        ok: true,
        signed_upload_url: `${this.url}/blob/${encodeURIComponent(name)}?sig=${UPLOAD_SIGNATURE}`,
      });
      return;
    }
    if (method === 'FinalizeArtifact') {
      const a = this.artifacts.get(name);
      if (a?.content === undefined) {
        json(404, { code: 'not_found', msg: 'no upload for this artifact' });
        return;
      }
      a.finalized = true;
      json(200, { ok: true, artifact_id: String(a.id) });
      return;
    }
    json(404, { code: 'bad_route', msg: method });
  }

  /** Put Block (comp=block), Put Block List (comp=blocklist) or Put Blob. */
  private putBlob(name: string, query: URLSearchParams, body: Buffer, req: IncomingMessage, res: ServerResponse): void {
    const a = this.artifacts.get(name);
    if (a === undefined) {
      res.writeHead(404).end();
      return;
    }
    const headers = {
      etag: `"0x${a.id.toString(16)}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': String(a.id),
      'x-ms-version': String(req.headers['x-ms-version'] ?? '2025-01-05'),
      'x-ms-request-server-encrypted': 'true',
    };
    const comp = query.get('comp');
    if (comp === 'block') {
      const blocks = this.blocks.get(name) ?? new Map<string, Buffer>();
      blocks.set(query.get('blockid') ?? '', body);
      this.blocks.set(name, blocks);
      res.writeHead(201, headers).end();
      return;
    }
    if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map((m) => m[1]!);
      const blocks = this.blocks.get(name) ?? new Map<string, Buffer>();
      if (ids.some((id) => !blocks.has(id))) {
        res.writeHead(400, headers).end();
        return;
      }
      a.content = Buffer.concat(ids.map((id) => blocks.get(id)!));
      res.writeHead(201, headers).end();
      return;
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      a.content = body;
      res.writeHead(201, headers).end();
      return;
    }
    res.writeHead(400).end();
  }
}
