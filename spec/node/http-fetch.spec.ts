/**
 * nodeHttpFetch against the emulator (a real node:http server on loopback),
 * alone and as the client's fetch. No mocks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VirtualTimeScheduler, firstValueFrom, lastValueFrom } from 'rxjs';
import { createEngagementClient, retryPolicy } from '../../src/index';
import { nodeHttpFetch } from '../../src/node/index';
import { abortControllerFactoryOf } from '../../src/http/fetch-like';
import { lightAbortController } from '../../src/http/light-abort';
import { useGatedEmulator } from '../helpers/gated-emulator';

const gated = useGatedEmulator();

const visitorsUrl = () => `${gated.emulator.url}/api/account/${gated.emulator.accountId}/app/engagement/visitors/?v=1.0`;
const json = { Accept: 'application/json', 'Content-Type': 'application/json' };

/** A throw-away server for byte-level replies the emulator does not make. */
async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('nodeHttpFetch', () => {
  it('sends the method, headers and body, and reads status, headers and the whole body', async () => {
    const res = await nodeHttpFetch(visitorsUrl(), { method: 'POST', headers: json, body: JSON.stringify({ appType: 'EXTERNAL', consumerSections: ['Support'] }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('CONTENT-TYPE')).toMatch(/^application\/json/);
    expect(res.headers.get('x-not-sent')).toBeNull();
    expect(JSON.parse(await res.text())).toMatchObject({ status: 'Available', visitorId: expect.any(String) });
  });

  it('answers non-2xx statuses with their body, like fetch (the client turns them into http errors)', async () => {
    const res = await nodeHttpFetch(visitorsUrl(), { method: 'POST', headers: json, body: '{"appType":"MOBILE"}' });
    expect(res.status).toBe(400);
    expect(JSON.parse(await res.text())).toMatchObject({ internalCode: expect.any(Number), message: expect.any(String) });
  });

  it('decodes a UTF-8 character split across two chunks', async () => {
    const bytes = Buffer.from('{"name":"Zoë"}', 'utf8');
    const split = bytes.indexOf(0xc3) + 1; // between the two bytes of ë
    const server = await rawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(bytes.subarray(0, split));
      setImmediate(() => res.end(bytes.subarray(split)));
    });
    try {
      const res = await nodeHttpFetch(`${server.url}/`, { method: 'GET', headers: {} });
      expect(JSON.parse(await res.text())).toEqual({ name: 'Zoë' });
    } finally {
      await server.close();
    }
  });

  it('rejects with the system error code when nothing listens', async () => {
    const server = await rawServer(() => undefined);
    const url = server.url;
    await server.close();
    await expect(nodeHttpFetch(`${url}/`, { method: 'GET', headers: {} })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('rejects when the connection drops mid-body', async () => {
    const server = await rawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"partial":');
      setImmediate(() => res.socket?.destroy());
    });
    try {
      const failure: unknown = await nodeHttpFetch(`${server.url}/`, { method: 'GET', headers: {} }).then(
        () => 'resolved',
        (e: unknown) => e,
      );
      // Node reports it as an 'aborted' error (ECONNRESET) or, without one, the transport's own ResponseClosed.
      expect(failure).toMatchObject(expect.objectContaining({ message: expect.any(String) }));
      const { code, name } = failure as { code?: string; name?: string };
      expect(code === 'ECONNRESET' || name === 'ResponseClosed').toBe(true);
    } finally {
      await server.close();
    }
  });

  it('sends a request once more on a new connection when the server closed the pooled one under it', async () => {
    const perConnection = new Map<unknown, number>();
    const server = await rawServer((req, res) => {
      const n = (perConnection.get(req.socket) ?? 0) + 1;
      perConnection.set(req.socket, n);
      if (n === 2) {
        req.socket.destroy(); // the keep-alive race: the server drops the connection the client reused
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ n }));
    });
    try {
      const first = await nodeHttpFetch(`${server.url}/`, { method: 'POST', headers: json, body: '{}' });
      expect(JSON.parse(await first.text())).toEqual({ n: 1 });
      const second = await nodeHttpFetch(`${server.url}/`, { method: 'POST', headers: json, body: '{}' });
      expect(second.status).toBe(200);
      expect(JSON.parse(await second.text())).toEqual({ n: 1 }); // answered on a new connection
      expect([...perConnection.values()]).toEqual([2, 1]);
    } finally {
      await server.close();
    }
  });

  it('does not send again when a new connection fails: that failure is the answer', async () => {
    let requests = 0;
    const server = await rawServer((req) => {
      requests += 1;
      req.socket.destroy();
    });
    try {
      await expect(nodeHttpFetch(`${server.url}/`, { method: 'POST', headers: json, body: '{}' })).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect(requests).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('refuses other protocols and malformed URLs', async () => {
    await expect(nodeHttpFetch('ftp://127.0.0.1/x', { method: 'GET', headers: {} })).rejects.toMatchObject({ name: 'UnsupportedProtocol' });
    await expect(nodeHttpFetch('not a url', { method: 'GET', headers: {} })).rejects.toMatchObject({ code: 'ERR_INVALID_URL' });
  });

  it('aborts a request in flight by its signal and closes the socket', async () => {
    gated.emulator.inject({ kind: 'latency', delayMs: 60_000 });
    const controller = lightAbortController();
    const pending = nodeHttpFetch(visitorsUrl(), { method: 'POST', headers: json, body: '{}', signal: controller.signal });
    await gated.sleeper.waiting();
    const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    const during = sockets();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    for (let i = 0; i < 20 && sockets() >= during; i++) await new Promise((r) => setImmediate(r));
    expect(sockets()).toBeLessThan(during);
  });

  it('sends nothing when the signal is already aborted (platform AbortController too)', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(nodeHttpFetch(visitorsUrl(), { method: 'POST', headers: json, body: '{}', signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(gated.emulator.stats().requests).toBe(0);
  });

  it('carries the light abort controller for the client', () => {
    expect(abortControllerFactoryOf(nodeHttpFetch)).toBe(lightAbortController);
  });
});

describe('nodeHttpFetch as the client fetch', () => {
  const client = (extra: Record<string, unknown> = {}) =>
    createEngagementClient({ accountId: gated.emulator.accountId, domain: gated.emulator.url, fetch: nodeHttpFetch, ...extra });

  it('checks, then carries vid and sid: one visitor for two checks', async () => {
    const c = client();
    const first = await lastValueFrom(c.getEngagement({ consumerSections: ['Support'] }));
    const second = await lastValueFrom(c.getEngagement({ consumerSections: ['Support'] }));
    expect(first._tag === 'Right' && second._tag === 'Right' && second.right.visitorId === first.right.visitorId).toBe(true);
    expect(gated.emulator.stats().visitorsCreated).toBe(1);
  });

  it('gives network errors with the system code as cause', async () => {
    const server = await rawServer(() => undefined);
    const url = server.url;
    await server.close();
    const r = await lastValueFrom(createEngagementClient({ accountId: gated.emulator.accountId, domain: url, fetch: nodeHttpFetch, retry: retryPolicy({ maxAttempts: 1 }) }).getEngagement());
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'network', cause: 'ECONNREFUSED' });
  });

  it('times out a slow body on the injected scheduler and aborts the request', async () => {
    gated.emulator.inject({ kind: 'slowBody', delayMs: 60_000 });
    const scheduler = new VirtualTimeScheduler();
    const result = firstValueFrom(client({ scheduler, timeoutMs: 5000, retry: retryPolicy({ maxAttempts: 1 }) }).getEngagement());
    await gated.sleeper.waiting();
    scheduler.flush();
    const r = await result;
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'timeout', timeoutMs: 5000 });
  });

  it('aborts on unsubscribe: no value, and the socket is closed', async () => {
    gated.emulator.inject({ kind: 'latency', delayMs: 60_000 });
    const seen: unknown[] = [];
    const sub = client().getEngagement().subscribe((v) => seen.push(v));
    await gated.sleeper.waiting();
    const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    const during = sockets();
    sub.unsubscribe();
    for (let i = 0; i < 20 && sockets() >= during; i++) await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([]);
    expect(sockets()).toBeLessThan(during);
  });
});
