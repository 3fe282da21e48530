/**
 * describeError is safe to log: one line, server text bounded and masked,
 * the raw server text still on the error under a name that says it is raw.
 * The server is a real loopback one.
 */
import { lastValueFrom } from 'rxjs';
import { createEngagementClient, describeError, retryPolicy } from '../src/index';
import { loopbackHost, type LoopbackHost } from './helpers/loopback-host';

let h: LoopbackHost | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function failWith(message: string) {
  h = await loopbackHost(() => ({ status: 500, body: JSON.stringify({ time: 1, message, internalCode: 99 }) }));
  // A limit above the 10 MB message: the point here is what describeError makes of it.
  const client = createEngagementClient({ accountId: '12345678', domain: h.origin, retry: retryPolicy({ maxAttempts: 1 }), maxResponseBytes: 16 * 1024 * 1024 });
  const r = await lastValueFrom(client.getEngagement());
  if (r._tag !== 'Left' || r.left.kind !== 'http') throw new Error('expected an http Left');
  return r.left;
}

describe('describeError on a server that echoes personal data', () => {
  it('masks emails and phone numbers, and keeps one line', async () => {
    const raw = 'no engagement for jane@example.com\r\n12:00 ERROR forged line, phone +44 20 7946 0958';
    const error = await failWith(raw);
    const line = describeError(error);
    expect(line).toBe('http 500 (internalCode 99) on createSession: no engagement for [email] 12:00 ERROR forged line, phone [number]');
    expect(error.rawServerMessage).toBe(raw);
    expect(error.serverMessage).not.toContain('jane@');
  });

  it('bounds a 10 MB message', async () => {
    const error = await failWith('y'.repeat(10 * 1024 * 1024));
    const line = describeError(error);
    expect(line.length).toBeLessThan(400);
    expect(line.endsWith('…')).toBe(true);
    expect(error.rawServerMessage).toHaveLength(10 * 1024 * 1024);
  });
});

describe('describeError on a network failure', () => {
  it('names a cause only when it looks like an error code', () => {
    const line = describeError({ kind: 'network', operation: 'createSession', cause: 'ECONNRESET', message: 'x' });
    expect(line).toBe('network: createSession failed (ECONNRESET)');
  });
});

describe('describeError of a store error', () => {
  it('names the step and the cause only, never what the store said', async () => {
    const { storeError } = await import('../src/errors');
    const error = storeError('enqueue', Object.assign(new Error('WRONGTYPE for jane@example.com'), { code: 'WRONGTYPE' }));
    expect(describeError(error)).toBe('store: enqueue failed (WRONGTYPE)');
    expect(JSON.stringify(error)).not.toContain('jane');
    expect(storeError('load', { name: 'has spaces and @' }).cause).toBe('unknown');
    expect(storeError('load', new Proxy({}, { get: () => { throw new Error('x'); } })).cause).toBe('unknown');
  });
});
