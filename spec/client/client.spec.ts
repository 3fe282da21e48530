/**
 * The client against the emulator: a real node:http server on 127.0.0.1,
 * port 0. No mocks.
 */
import { VirtualTimeScheduler, firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { createEngagementClient, csdsDomain, decodeAttributes, memorySessionStore, retryPolicy, type ClientEvent, type FetchLike } from '../../src/index';
import { createDefaultFetch } from '../../src/http/default-fetch';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { gate, type Gate } from '../helpers/gate';

let emulator: RunningEmulator;
let sleeper: Gate;

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  sleeper = gate();
  emulator = await startEmulator({ sleep: sleeper.sleep, ...options });
  return emulator;
}

afterEach(async () => {
  sleeper?.release();
  await emulator?.close();
});

function client(extra: Record<string, unknown> = {}) {
  return createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, ...extra });
}

describe('getEngagement against the emulator', () => {
  it('creates a visitor on a first call, then carries vid and sid', async () => {
    await start();
    const c = client();
    const first = await lastValueFrom(c.getEngagement({ consumerSections: ['Support'] }));
    expect(first._tag).toBe('Right');
    if (first._tag !== 'Right') return;
    expect(first.right.status).toBe('Available');
    expect(c.currentSession()).toMatchObject({ visitorId: first.right.visitorId, sessionId: first.right.sessionId, pageId: first.right.pageId });

    const second = await lastValueFrom(c.getEngagement({ consumerSections: ['Support'] }));
    expect(second._tag === 'Right' && [second.right.visitorId, second.right.sessionId]).toEqual([first.right.visitorId, first.right.sessionId]);
    expect(second._tag === 'Right' && second.right.pageId).not.toBe(first.right.pageId);
    expect(emulator.stats()).toMatchObject({ createSessionCalls: 2, visitorsCreated: 1, sessionsCreated: 1 });
  });

  it('decodes an Available answer with its details, ids as strings', async () => {
    await start({ validForSeconds: 120 });
    const r = await lastValueFrom(client().getEngagement({ consumerSections: ['Support'] }));
    expect(r._tag === 'Right' && r.right.status === 'Available' && r.right.engagementDetails).toMatchObject({
      skillId: '23',
      skillName: 'TestSkill',
      validForSeconds: 120,
      campaignId: expect.any(String),
      engagementId: expect.any(String),
    });
  });

  it('answers NotAvailable for a section whose skill is offline, and Available once it is online', async () => {
    await start();
    const c = client();
    const off = await lastValueFrom(c.getEngagement({ consumerSections: 'Billing' }));
    expect(off._tag === 'Right' && off.right.status).toBe('NotAvailable');
    emulator.setSkillOnline('Billing', true);
    const on = await lastValueFrom(c.getEngagement({ consumerSections: 'Billing' }));
    expect(on._tag === 'Right' && on.right.status).toBe('Available');
  });

  it('sends the seed headers and body to an injected fetch', async () => {
    await start();
    const seen: Array<{ url: string; method: string; headers: Record<string, string>; body?: string }> = [];
    const real = createDefaultFetch();
    const recording: FetchLike = (url, init) => {
      seen.push({ url, method: init.method, headers: init.headers, ...(init.body === undefined ? {} : { body: init.body }) });
      return real(url, init);
    };
    const r = await lastValueFrom(
      client({ fetch: recording }).getEngagement({ consumerSections: 'Support, English', appDetails: { os: 'LINUX', deviceFamily: 'DESKTOP' } }),
    );
    expect(r._tag).toBe('Right');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`${emulator.url}/api/account/${emulator.accountId}/app/engagement/visitors/?v=1.0`);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Pragma: 'no-cache',
      'Cache-Control': 'private, max-age=0, no-cache, no-store',
    });
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      appType: 'EXTERNAL',
      appDetails: { os: 'LINUX', deviceFamily: 'DESKTOP' },
      consumerSections: ['Support', 'English'],
    });
  });

  it('refuses an invalid request before sending anything', async () => {
    await start();
    const r = await lastValueFrom(client().getEngagement({ appDetails: { ipAddress: '300.1.1.1' }, engagementAttributes: [{ type: 'impDisplay' }] }));
    expect(r._tag).toBe('Left');
    if (r._tag !== 'Left' || r.left.kind !== 'validation') throw new Error('expected a validation Left');
    expect(r.left.issues.map((i) => i.path)).toEqual(['appDetails.ipAddress', 'engagementAttributes[0].type']);
    expect(emulator.stats().createSessionCalls).toBe(0);
  });

  it('answers every check with a validation Left when the configuration is bad', async () => {
    await start();
    const c = createEngagementClient({ accountId: 'not valid!', domain: 'http://example.com' });
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag === 'Left' && r.left.kind === 'validation' && r.left.issues.map((i) => i.path)).toEqual(['accountId', 'domain']);
  });

  it('gives the server 400 as an http Left with its internalCode (an oversized body)', async () => {
    await start({ maxBodyBytes: 1024 });
    const big = [{ type: 'searchInfo', keywords: ['x'.repeat(2000)] }];
    const r = await lastValueFrom(client().getEngagement({ engagementAttributes: big }));
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'http', status: 400, operation: 'createSession', internalCode: expect.any(Number) });
  });

  it('gives the server 401 for a vid it finds malformed', async () => {
    await start();
    const r = await lastValueFrom(client().getEngagement({ vid: 'abc$%^' }));
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'http', status: 401 });
  });

  it('gives the "Loading account" 500 with the visitor it names', async () => {
    await start({ loadingAccountCalls: 1 });
    const c = client({ retry: retryPolicy({ maxAttempts: 1 }) });
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'http', status: 500, internalCode: 20, visitorId: expect.any(String) });
    expect(c.currentSession()).toBeUndefined();
  });

  it('gives a decode Left for a body that is not JSON', async () => {
    await start();
    emulator.inject({ kind: 'malformed' });
    const r = await lastValueFrom(client().getEngagement());
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'decode', status: 200, issues: [{ path: '(body)' }] });
  });

  it('gives a network Left when the connection is reset', async () => {
    await start();
    emulator.inject({ kind: 'reset' });
    const r = await lastValueFrom(client({ retry: retryPolicy({ maxAttempts: 1 }) }).getEngagement());
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'network', operation: 'createSession', cause: expect.any(String) });
  });

  it('times out an attempt whose body is too slow, on the injected scheduler', async () => {
    await start();
    emulator.inject({ kind: 'slowBody', delayMs: 60_000 });
    const scheduler = new VirtualTimeScheduler();
    const result = firstValueFrom(client({ scheduler, timeoutMs: 5000, retry: retryPolicy({ maxAttempts: 1 }) }).getEngagement());
    await sleeper.waiting(); // the emulator has sent part of the body and holds the rest
    scheduler.flush(); // 5 s pass on the virtual clock
    const r = await result;
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'timeout', timeoutMs: 5000, operation: 'createSession' });
  });

  it('aborts the request in flight on unsubscribe and leaves no socket or timer behind', async () => {
    await start();
    const c = client(); // the default fetch: node-fetch with the light abort controller
    await lastValueFrom(c.getEngagement()); // a pooled keep-alive socket now exists
    const resources = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'Timeout').length;
    const before = resources();
    emulator.inject({ kind: 'latency', delayMs: 60_000 });
    const seen: unknown[] = [];
    const sub = c.getEngagement().subscribe((v) => seen.push(v));
    await sleeper.waiting();
    sub.unsubscribe();
    // Let the abort settle: the client side closes its socket at once.
    for (let i = 0; i < 20 && resources() > before; i++) await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([]);
    expect(resources()).toBeLessThanOrEqual(before);
  });

  it('emits events free of personal data', async () => {
    await start();
    const c = client();
    const events: ClientEvent[] = [];
    c.events$.subscribe((e) => events.push(e));
    await lastValueFrom(c.getEngagement({ consumerSections: ['Support'], engagementAttributes: [{ type: 'personal', personal: { firstname: 'Jane', contacts: [{ email: 'jane@example.com' }] } }] }));
    expect(events.map((e) => e.type)).toEqual(['attemptStarted', 'sessionChanged', 'succeeded']);
    expect(events[0]).toMatchObject({ request: { hasVisitorId: false, hasSessionId: false, sections: 1, attributeTypes: ['personal'] } });
    expect(JSON.stringify(events)).not.toMatch(/Jane|jane@example\.com|Support/);
  });

  it('replays the session on session$ and forgets it on resetSession', async () => {
    await start();
    const store = memorySessionStore();
    const c = client({ session: store });
    const sessions = firstValueFrom(c.session$.pipe(take(3), toArray()));
    await lastValueFrom(c.getEngagement());
    c.resetSession();
    const [initial, confirmed, reset] = await sessions;
    expect(initial).toBeUndefined();
    expect(confirmed).toMatchObject({ visitorId: expect.any(String) });
    expect(reset).toBeUndefined();
    expect(store.load(emulator.accountId)).toBeUndefined();
  });
});

describe('the CSDS lookup', () => {
  it('finds the host through msdkgw and caches it per client', async () => {
    await start();
    const c = createEngagementClient({ accountId: emulator.accountId, domain: csdsDomain({ origin: emulator.url }) });
    const a = await lastValueFrom(c.getEngagement());
    const b = await lastValueFrom(c.getEngagement());
    expect([a._tag, b._tag]).toEqual(['Right', 'Right']);
    expect(emulator.stats().csdsCalls).toBe(1);
  });

  it('shares one lookup between concurrent checks', async () => {
    await start();
    const c = createEngagementClient({ accountId: emulator.accountId, domain: csdsDomain({ origin: emulator.url }) });
    const both = await Promise.all([lastValueFrom(c.getEngagement()), lastValueFrom(c.getEngagement())]);
    expect(both.map((r) => r._tag)).toEqual(['Right', 'Right']);
    expect(emulator.stats().csdsCalls).toBe(1);
  });

  it('falls back to smt when msdkgw is not listed', async () => {
    await start({ csdsServices: ['smt'] });
    const r = await lastValueFrom(createEngagementClient({ accountId: emulator.accountId, domain: csdsDomain({ origin: emulator.url }) }).getEngagement());
    expect(r._tag).toBe('Right');
  });

  it('answers a discovery Left when no service is listed', async () => {
    await start({ csdsServices: ['conversationVep'] });
    const r = await lastValueFrom(createEngagementClient({ accountId: emulator.accountId, domain: csdsDomain({ origin: emulator.url }) }).getEngagement());
    expect(r._tag === 'Left' && r.left).toEqual({ kind: 'discovery', services: ['msdkgw', 'smt'], message: expect.any(String) });
    expect(emulator.stats().createSessionCalls).toBe(0);
  });

  it('does not cache a failed lookup', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 503 }, { operation: 'csds' });
    const c = createEngagementClient({ accountId: emulator.accountId, domain: csdsDomain({ origin: emulator.url }), retry: retryPolicy({ maxAttempts: 1 }) });
    const a = await lastValueFrom(c.getEngagement());
    expect(a._tag === 'Left' && a.left).toMatchObject({ kind: 'http', status: 503, operation: 'csds' });
    const b = await lastValueFrom(c.getEngagement());
    expect(b._tag).toBe('Right');
    expect(emulator.stats().csdsCalls).toBe(2);
  });
});

describe('engagement attributes in a check', () => {
  it('checks that each is an object of a known SDE type; its fields go out as given', async () => {
    await start();
    const seen: string[] = [];
    const real = createDefaultFetch();
    const c = client({ fetch: ((url, init) => (seen.push(init.body ?? ''), real(url, init))) as FetchLike });
    const refused = await lastValueFrom(c.getEngagement({ engagementAttributes: [{ type: 'cartStatus' }, { type: 'impClose' }] }));
    expect(refused._tag === 'Left' && refused.left.kind === 'validation' && refused.left.issues.map((i) => i.path)).toEqual(['engagementAttributes[0].type', 'engagementAttributes[1].type']);
    const raw = { type: 'mrktInfo', info: { channel: 1, affiliate: 'Yahoo' } };
    await lastValueFrom(c.getEngagement({ engagementAttributes: [raw] }));
    expect(JSON.parse(seen[0] ?? '{}').engagementAttributes).toEqual([raw]);
  });

  it('validates fields and normalizes them to their wire form with validateAttributes: decodeAttributes', async () => {
    await start();
    const seen: string[] = [];
    const real = createDefaultFetch();
    const c = client({ validateAttributes: decodeAttributes, fetch: ((url, init) => (seen.push(init.body ?? ''), real(url, init))) as FetchLike });
    const refused = await lastValueFrom(c.getEngagement({ engagementAttributes: [{ type: 'cart', total: 'lots', numItems: 1 }] }));
    expect(refused._tag === 'Left' && refused.left.kind === 'validation' && refused.left.issues).toEqual([
      { path: 'engagementAttributes[0].total', reason: expect.stringContaining('got a string') },
    ]);
    expect(seen).toEqual([]);
    const ok = await lastValueFrom(c.getEngagement({ engagementAttributes: [{ type: 'mrktInfo', info: { channel: 1 } }] }));
    expect(ok._tag).toBe('Right');
    expect(JSON.parse(seen[0] ?? '{}').engagementAttributes).toEqual([{ type: 'mrktInfo', info: { channel: '1' } }]);
  });

  it('answers a validation Left, never an error, when validateAttributes throws or answers nonsense; refuses a validator that is not a function', async () => {
    await start();
    for (const validateAttributes of [() => { throw new Error('bug'); }, () => 42]) {
      const r = await lastValueFrom(client({ validateAttributes }).getEngagement({ engagementAttributes: [{ type: 'lead' }] }));
      expect(r._tag === 'Left' && r.left.kind === 'validation' && r.left.issues.map((i) => i.path)).toEqual(['engagementAttributes']);
    }
    const refused = await lastValueFrom(client({ validateAttributes: 'strict' }).getEngagement());
    expect(refused._tag === 'Left' && refused.left.kind === 'validation' && refused.left.issues.map((i) => i.path)).toEqual(['validateAttributes']);
    expect(emulator.stats().createSessionCalls).toBe(0);
  });
});
