import fc from 'fast-check';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { manualSleeper } from '../../src/emulator/manual-sleeper';
import { startEmulator } from '../../src/emulator/server';
import type { RunningEmulator } from '../../src/emulator/types';
import { NOW, emulatorPerTest } from '../helpers/emulator-per-test';

const start = emulatorPerTest();

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One request with node:http (any method, any body), on a fresh connection. */
function raw(e: RunningEmulator, method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}, agent?: Agent): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${e.url}${path}`, { method, headers, agent: agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes bytes on a bare TCP connection, half-closes it, and collects whatever comes back until the server closes it. */
function rawBytes(e: RunningEmulator, bytes: Buffer | string): Promise<string> {
  const { port } = new URL(e.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.end(bytes);
  });
}

async function healthy(e: RunningEmulator): Promise<void> {
  const res = await fetch(`${e.url}/api/account/${e.accountId}/app/engagement/visitors/?v=1.0`, { method: 'POST', body: '{"appType":"EXTERNAL"}' });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { status: string }).status).toBe('Available');
}

describe('startEmulator', () => {
  it('listens on 127.0.0.1 on a free port by default', async () => {
    const e = await start();
    expect(e.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect(e.accountId).toBe('12345678');
    await healthy(e);
  });

  it.each(['0.0.0.0', '::', '10.0.0.8', 'example.com'])('refuses to listen on the non-loopback host %s', async (host) => {
    await expect(startEmulator({ host })).rejects.toThrow(/not a loopback address.*allowExternal/);
  });

  it('rejects with every problem of invalid options', async () => {
    await expect(startEmulator({ port: -1, accountId: 'bad id' })).rejects.toThrow(/port must be.*; accountId must match/);
  });

  it('rejects when the port is taken', async () => {
    const e = await start();
    await expect(startEmulator({ port: Number(new URL(e.url).port) })).rejects.toThrow(/cannot listen/);
  });

  it('serves on localhost too', async () => {
    const e = await start({ host: 'localhost' });
    expect(e.url).toMatch(/^http:\/\/(127\.0\.0\.1|\[::1\]):\d+$/);
    await healthy(e);
  });
});

describe('close()', () => {
  it('resolves while a keep-alive connection is open, and closes it', async () => {
    const e = await start();
    const agent = new Agent({ keepAlive: true });
    try {
      const first = await raw(e, 'GET', `/api/account/${e.accountId}/service/baseURI.json?version=1.0`, undefined, {}, agent);
      expect(first.status).toBe(200);
      const sockets = Object.values(agent.freeSockets).flat();
      expect(sockets).toHaveLength(1);
      const socketClosed = new Promise<void>((resolve) => sockets[0]?.once('close', () => resolve()));
      await e.close();
      await socketClosed;
      await expect(fetch(`${e.url}/`)).rejects.toMatchObject({ name: 'TypeError' });
    } finally {
      agent.destroy();
    }
  });

  it('resolves while an answer is held by a sleep that never ends, and is idempotent', async () => {
    const sleeper = manualSleeper();
    const e = await start({ sleep: sleeper.sleep, latencyMs: 10_000 });
    const held = fetch(`${e.url}/api/account/${e.accountId}/service/baseURI.json?version=1.0`).then(
      () => 'answered',
      () => 'failed',
    );
    await sleeper.waitForSleep();
    const closing = e.close();
    expect(e.close()).toBe(closing);
    await closing;
    expect(await held).toBe('failed');
  });
});

describe('CORS', () => {
  it('answers a preflight with 204 and the allowed methods and headers, echoing an allowed Origin', async () => {
    const e = await start({ corsOrigins: ['https://shop.example'] });
    const res = await raw(e, 'OPTIONS', `/api/account/${e.accountId}/app/engagement/visitors/x?v=1.0`, undefined, {
      Origin: 'https://shop.example',
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'content-type',
    });
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': 'https://shop.example',
      'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
      'access-control-allow-headers': 'Content-Type, Accept, Cache-Control, Pragma, X-HTTP-Method-Override, LP-URL',
      'access-control-expose-headers': 'Retry-After',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    expect(e.stats()).toMatchObject({ preflights: 1, createSessionCalls: 0, updateSessionCalls: 0, byStatus: { '204': 1 } });
  });

  it('puts Allow-Origin (* without an Origin) and Expose-Headers on every answer', async () => {
    const e = await start();
    for (const path of ['/nowhere', `/api/account/${e.accountId}/service/baseURI.json?version=1.0`]) {
      const res = await raw(e, 'GET', path);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-expose-headers']).toBe('Retry-After');
    }
    const withOrigin = await raw(e, 'POST', `/api/account/${e.accountId}/app/engagement/visitors/?v=1.0`, '{}', { Origin: 'http://localhost:3000' });
    expect(withOrigin.status).toBe(400);
    expect(withOrigin.headers['access-control-allow-origin']).toBe('http://localhost:3000');
  });

  it.each([
    ['loopback pages by default', undefined, ['http://localhost:3000', 'http://127.0.0.1:8080', 'https://[::1]:9'], ['https://evil.example', 'http://app.localhost:3000', 'null', 'http://127.0.0.1:8080/path']],
    ['only the listed origins', ['https://shop.example'], ['https://shop.example'], ['http://localhost:3000', 'https://shop.example.evil', 'http://shop.example']],
    ['any page with "any"', 'any', ['https://evil.example', 'http://localhost:3000'], []],
  ] as const)('gives CORS access to %s', async (_label, corsOrigins, allowed, refused) => {
    const e = await start(corsOrigins === undefined ? {} : { corsOrigins: corsOrigins as never });
    const path = `/api/account/${e.accountId}/service/baseURI.json?version=1.0`;
    for (const origin of allowed) expect((await raw(e, 'GET', path, undefined, { Origin: origin })).headers['access-control-allow-origin']).toBe(origin);
    for (const origin of refused) {
      const res = await raw(e, 'GET', path, undefined, { Origin: origin });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['vary']).toBe('Origin');
    }
  });

  it('refuses a corsOrigins option that is not a policy', async () => {
    await expect(start({ corsOrigins: ['https://shop.example/path'] })).rejects.toThrow(/corsOrigins/);
    await expect(start({ corsOrigins: 'everyone' as never })).rejects.toThrow(/corsOrigins/);
  });
});

describe('routing', () => {
  it('answers 404 with the error body for an unknown route', async () => {
    const e = await start();
    const res = await raw(e, 'GET', '/api/account/12345678/app/engagement');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.body)).toEqual({ time: NOW, message: 'Not found', internalCode: 0 });
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const e = await start();
    const get = await raw(e, 'GET', `/api/account/${e.accountId}/app/engagement/visitors/x?v=1.0`);
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST, PUT, OPTIONS');
    expect(JSON.parse(get.body)).toEqual({ time: NOW, message: 'Method not allowed', internalCode: 0 });
    const del = await raw(e, 'DELETE', `/api/account/${e.accountId}/service/baseURI.json?version=1.0`);
    expect(del.status).toBe(405);
    expect(del.headers['allow']).toBe('GET, OPTIONS');
  });
});

describe('robustness', () => {
  it('turns a handler crash into a 500 error body', async () => {
    const e = await start({
      random: () => {
        throw new Error('boom');
      },
    });
    const res = await fetch(`${e.url}/api/account/${e.accountId}/app/engagement/visitors/?v=1.0`, { method: 'POST', body: '{"appType":"EXTERNAL"}' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ time: NOW, message: 'Internal error', internalCode: 18 });
    const csds = await fetch(`${e.url}/api/account/${e.accountId}/service/baseURI.json?version=1.0`);
    expect(csds.status).toBe(200);
  });

  it('answers malformed HTTP with 400 and keeps serving', async () => {
    const e = await start();
    const answer = await rawBytes(e, 'HELLO THERE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('"internalCode":0');
    expect(e.stats().clientErrors).toBe(1);
    await healthy(e);
  });

  it('counts a request the client abandons while its answer is held, and keeps serving', async () => {
    const sleeper = manualSleeper();
    const e = await start({ sleep: sleeper.sleep });
    e.inject({ kind: 'latency', delayMs: 1000 });
    const controller = new AbortController();
    const abandoned = fetch(`${e.url}/api/account/${e.accountId}/app/engagement/visitors/?v=1.0`, {
      method: 'POST',
      body: '{"appType":"EXTERNAL"}',
      signal: controller.signal,
    }).catch((err: unknown) => err);
    await sleeper.waitForSleep();
    controller.abort();
    expect(await abandoned).toMatchObject({ name: 'AbortError' });
    for (let i = 0; i < 50 && e.stats().aborted === 0; i += 1) await (await fetch(`${e.url}/nowhere`)).text();
    expect(e.stats().aborted).toBe(1);
    sleeper.releaseAll();
    await healthy(e);
  });

  it('closes the connection after any answer to a body too large to drain', async () => {
    const e = await start({ maxBodyBytes: 64 });
    const answer = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const req = httpRequest(`${e.url}/nowhere`, { method: 'POST', headers: { 'Content-Length': String(64 * 1024 * 1024) }, agent: false }, (res) => {
        res.resume();
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
        });
      });
      req.on('error', reject);
      req.write('x');
    });
    expect(answer).toEqual({ status: 404, connection: 'close' });
    await healthy(e);
  });

  it('never crashes on random requests: any method, path, headers and body', async () => {
    const e = await start({ maxBodyBytes: 2048 });
    const methods = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND');
    const prefix = fc.constantFrom('', '/api/account/12345678', '/api/account/12345678/app/engagement/visitors', '/api/account/12345678/service');
    const path = fc.tuple(prefix, fc.string({ maxLength: 40 })).map(([p, s]) => `${p}/${encodeURIComponent(s).replace(/%25/g, '%')}`);
    const query = fc.constantFrom('', '?v=1.0', '?v=1.0&sid=abc', '?version=1.0', '?v=1.0&sid=%ZZ');
    const body = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
      fc.record({ appType: fc.constantFrom('EXTERNAL', 'MSDK', 1, null), consumerSections: fc.anything(), engagementAttributes: fc.anything(), pageId: fc.anything() }).map((v) => JSON.stringify(v)),
      fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a)),
    );
    const override = fc.constantFrom(undefined, 'PUT', 'put', 'DELETE', '');
    await fc.assert(
      fc.asyncProperty(methods, path, query, body, override, async (m, p, q, b, o) => {
        const res = await raw(e, m, `${p}${q}`, m === 'GET' || m === 'HEAD' ? undefined : b, o === undefined ? {} : { 'X-HTTP-Method-Override': o });
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
        if (m !== 'HEAD' && res.status >= 400) {
          expect(JSON.parse(res.body)).toEqual({ time: NOW, message: expect.any(String), internalCode: expect.any(Number) });
        }
      }),
      { numRuns: 150 },
    );
    await healthy(e);
  });

  it('never crashes on random bytes on the socket', async () => {
    const e = await start();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 500 }).map((a) => Buffer.from(a)), fc.string({ maxLength: 200 }).map((s) => `POST /api/account/12345678/app/engagement/visitors/?v=1.0 HTTP/1.1\r\n${s}`)), async (bytes) => {
        await rawBytes(e, bytes);
      }),
      { numRuns: 60 },
    );
    await healthy(e);
  });
});
