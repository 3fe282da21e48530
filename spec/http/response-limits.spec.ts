/**
 * What a transport reads of an answer: at most `maxResponseBytes` after
 * decompression (1 MiB by default), and a body the connection cuts off fails
 * at once instead of waiting for the timeout. Raw loopback servers; the
 * timeout runs on a virtual scheduler that is never advanced, so a check
 * that completed did so because the transport gave up, not the timer.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { VirtualTimeScheduler, lastValueFrom } from 'rxjs';
import { createEngagementClient, retryPolicy, type EngagementClientConfig, type FetchLike } from '../../src/index';
import { createDefaultFetch } from '../../src/http/default-fetch';
import { nodeHttpFetch } from '../../src/node/http-fetch';

jest.setTimeout(10_000);

let server: Server;
let origin: string;
let answer: (res: ServerResponse) => void = (res) => res.end();
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let bomb: Buffer | undefined;
const SMALL = JSON.stringify({ status: 'NotAvailable', sessionId: 's', visitorId: 'v', pageId: 'p' });

function check(fetch: FetchLike, extra: Partial<EngagementClientConfig> = {}) {
  const client = createEngagementClient({ accountId: '12345678', domain: origin, fetch, scheduler: new VirtualTimeScheduler(), retry: retryPolicy({ maxAttempts: 1 }), ...extra });
  return lastValueFrom(client.getEngagement());
}

const transports: ReadonlyArray<[string, () => FetchLike, boolean]> = [
  ['the default transport (cross-fetch)', createDefaultFetch, true],
  ['nodeHttpFetch', () => nodeHttpFetch, true],
  ['the platform fetch', () => ((url, init) => fetch(url, init)) as FetchLike, false],
];

describe.each(transports)('%s', (_name, transport, ours) => {
  it('fails at once when the connection closes before the Content-Length arrived', async () => {
    answer = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"status":');
      setImmediate(() => res.socket?.destroy());
    };
    const r = await check(transport());
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'network', operation: 'createSession' }) });
    if (ours && r._tag === 'Left' && r.left.kind === 'network') {
      expect(r.left.cause).toBe('ResponseClosed');
      expect(r.left.message).toBe('createSession answer was cut off: the connection closed before its end');
    }
  });

  it('refuses a body whose Content-Length is over the limit', async () => {
    const big = `{"status":"NotAvailable","pad":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    answer = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(big)) });
      res.end(big);
    };
    const r = await check(transport());
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'network', cause: 'ResponseTooLarge' }) });
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    let written = 0;
    answer = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      const more = (): void => {
        // 8 MiB at most: a client that kept reading would get all of it.
        while (written < 8 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    };
    const r = await check(transport());
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'network', cause: 'ResponseTooLarge' }) });
  });

  it('takes a smaller limit from maxResponseBytes, and reads a body within it', async () => {
    const body = `{"status":"NotAvailable","sessionId":"s","visitorId":"v","pageId":"p","pad":"${'x'.repeat(2000)}"}`;
    answer = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    };
    expect(await check(transport(), { maxResponseBytes: 1024 })).toEqual({ _tag: 'Left', left: expect.objectContaining({ cause: 'ResponseTooLarge' }) });
    expect((await check(transport(), { maxResponseBytes: 4096 }))._tag).toBe('Right');
  });
});

describe.each(transports.filter(([name]) => name !== 'nodeHttpFetch'))('%s, which inflates gzip', (_name, transport) => {
  it('counts the inflated bytes: 64 KB of gzip that inflates to 64 MB is refused', async () => {
    bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const body = bomb;
    answer = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) });
      res.end(body);
    };
    expect(body.length).toBeLessThan(100 * 1024);
    const r = await check(transport());
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'network', cause: 'ResponseTooLarge' }) });
  });

  it('reads a small gzip answer', async () => {
    const small = gzipSync(SMALL);
    answer = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(small);
    };
    expect((await check(transport()))._tag).toBe('Right');
  });
});

describe('maxResponseBytes', () => {
  it.each([0, 1023, 1.5, -1, '1024', Number.NaN])('refuses %p', async (value) => {
    const r = await check(createDefaultFetch(), { maxResponseBytes: value as number });
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'validation', issues: [expect.objectContaining({ path: 'maxResponseBytes' })] }) });
  });
});
