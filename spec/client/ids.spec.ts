/**
 * Every visitor or session id is checked before it goes into a URL, from
 * wherever it comes: the caller, the server's answer, a "Loading account"
 * message, or a session store. A bad id is a typed Left or a dropped session
 * with a warning event, never a broken client. Real loopback servers.
 */
import { lastValueFrom } from 'rxjs';
import { createEngagementClient, retryPolicy, type ClientEvent, type SessionStore } from '../../src/index';
import { loopbackHost, type LoopbackHost } from '../helpers/loopback-host';

const available = (ids: { visitorId: unknown; sessionId: unknown }): string =>
  JSON.stringify({ status: 'NotAvailable', pageId: 'p1', ...ids });

let hosts: LoopbackHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  hosts = [];
});

async function server(bodies: ReadonlyArray<{ status: number; body: string }>): Promise<LoopbackHost> {
  const h = await loopbackHost((_r, i) => bodies[Math.min(i, bodies.length - 1)] as { status: number; body: string });
  hosts.push(h);
  return h;
}

const noRetry = retryPolicy({ maxAttempts: 1 });

describe('ids from the caller', () => {
  it.each([
    ['..', '..', 'vid'],
    ['.', '.', 'vid'],
    ['a lone surrogate', '\ud800', 'vid'],
    ['257 characters', 'x'.repeat(257), 'sid'],
    ['a lone low surrogate', 'a\udc00', 'sid'],
  ])('refuses %s as %s with a validation Left, and sends nothing', async (_label, id, field) => {
    const h = await server([{ status: 200, body: available({ visitorId: 'v', sessionId: 's' }) }]);
    const client = createEngagementClient({ accountId: '12345678', domain: h.origin, retry: noRetry });
    const r = await lastValueFrom(client.getEngagement({ [field]: id }));
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'validation', issues: [expect.objectContaining({ path: field })] }) });
    expect(h.requests).toEqual([]);
  });
});

describe('ids from the server', () => {
  it.each([
    ['a lone surrogate', { visitorId: '\ud800', sessionId: 's1' }, 'visitorId'],
    ['a dot segment', { visitorId: '..', sessionId: 's1' }, 'visitorId'],
    ['100 KB', { visitorId: 'v1', sessionId: 'x'.repeat(100_000) }, 'sessionId'],
  ])('answers %s with a decode Left, keeps the session it had, and the next check still works', async (_label, ids, field) => {
    const h = await server([
      { status: 200, body: available({ visitorId: 'good', sessionId: 'good-s' }) },
      { status: 200, body: available(ids) },
      { status: 200, body: available({ visitorId: 'good', sessionId: 'good-s2' }) },
    ]);
    const client = createEngagementClient({ accountId: '12345678', domain: h.origin, retry: noRetry });
    expect((await lastValueFrom(client.getEngagement()))._tag).toBe('Right');
    const bad = await lastValueFrom(client.getEngagement());
    expect(bad).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'decode', issues: [expect.objectContaining({ path: field })] }) });
    expect(client.currentSession()).toMatchObject({ visitorId: 'good', sessionId: 'good-s' });
    const after = await lastValueFrom(client.getEngagement());
    expect(after).toEqual({ _tag: 'Right', right: expect.objectContaining({ sessionId: 'good-s2' }) });
    expect(h.requests.map((r) => r.url)).toEqual([
      '/api/account/12345678/app/engagement/visitors/?v=1.0',
      '/api/account/12345678/app/engagement/visitors/good?v=1.0&sid=good-s',
      '/api/account/12345678/app/engagement/visitors/good?v=1.0&sid=good-s',
    ]);
  });

  it('does not reuse a visitor a "Loading account" message names when no URL can carry it', async () => {
    const loading = (vid: string): { status: number; body: string } => ({ status: 500, body: JSON.stringify({ time: 1, message: `Loading account: 12345678, vid: ${vid}`, internalCode: 20 }) });
    const h = await server([loading('..'), loading('\ud800x'), { status: 200, body: available({ visitorId: 'v', sessionId: 's' }) }]);
    const client = createEngagementClient({ accountId: '12345678', domain: h.origin, retry: retryPolicy({ maxAttempts: 3, backoff: { kind: 'schedule', delaysMs: [0, 0] }, jitter: 'none' }) });
    const r = await lastValueFrom(client.getEngagement());
    expect(r._tag).toBe('Right');
    expect(h.requests.map((q) => q.url)).toEqual(Array(3).fill('/api/account/12345678/app/engagement/visitors/?v=1.0'));
  });
});

describe('ids from a session store', () => {
  it.each([
    ['a lone surrogate', { visitorId: '\ud800', sessionId: 's', pageId: 'p', confirmedAt: 1 }],
    ['a dot segment', { visitorId: '..', sessionId: 's', pageId: 'p', confirmedAt: 1 }],
    ['a 100 KB id', { visitorId: 'v', sessionId: 'x'.repeat(100_000), pageId: 'p', confirmedAt: 1 }],
  ])('drops a stored session holding %s with a warning, and checks as a new visitor', async (_label, stored) => {
    const h = await server([{ status: 200, body: available({ visitorId: 'v2', sessionId: 's2' }) }]);
    const store: SessionStore = { load: () => stored, save: () => undefined, clear: () => undefined };
    const client = createEngagementClient({ accountId: '12345678', domain: h.origin, session: store, retry: noRetry });
    const events: ClientEvent[] = [];
    const sub = client.events$.subscribe((e) => events.push(e));
    expect(client.currentSession()).toBeUndefined();
    expect(events[0]).toMatchObject({ type: 'warning', code: 'sessionStoreUnreadable' });
    const r = await lastValueFrom(client.getEngagement());
    sub.unsubscribe();
    expect(r._tag).toBe('Right');
    expect(h.requests.map((q) => q.url)).toEqual(['/api/account/12345678/app/engagement/visitors/?v=1.0']);
  });

  it('keeps the events free of the bad id', async () => {
    const h = await server([{ status: 200, body: available({ visitorId: 'v', sessionId: 's' }) }]);
    const store: SessionStore = { load: () => ({ visitorId: 'SECRET\ud800', sessionId: 's', pageId: 'p', confirmedAt: 1 }), save: () => undefined, clear: () => undefined };
    const client = createEngagementClient({ accountId: '12345678', domain: h.origin, session: store, retry: noRetry });
    let seen = '';
    const sub = client.events$.subscribe((e) => (seen += JSON.stringify(e)));
    await lastValueFrom(client.getEngagement());
    sub.unsubscribe();
    expect(seen).toContain('sessionStoreUnreadable');
    expect(seen).not.toContain('SECRET');
  });
});
