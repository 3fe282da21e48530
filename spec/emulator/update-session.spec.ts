import type { RunningEmulator } from '../../src/emulator/types';
import { NOW, emulatorPerTest, errorOf } from '../helpers/emulator-per-test';
import { deep } from '../helpers/hostile-values';

const start = emulatorPerTest();

interface Session {
  readonly visitorId: string;
  readonly sessionId: string;
  readonly pageId: string;
}

async function session(e: RunningEmulator, body: unknown = { appType: 'EXTERNAL' }): Promise<Session> {
  const res = await fetch(`${e.url}/api/account/${e.accountId}/app/engagement/visitors/?v=1.0`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as Session;
}

function updateUrl(e: RunningEmulator, vid: string, sid: string | undefined, v = '1.0'): string {
  const query = new URLSearchParams({ v, ...(sid === undefined ? {} : { sid }) });
  return `${e.url}/api/account/${e.accountId}/app/engagement/visitors/${vid}?${query.toString()}`;
}

function put(e: RunningEmulator, s: { visitorId: string; sessionId?: string }, body: unknown, v?: string): Promise<Response> {
  return fetch(updateUrl(e, s.visitorId, s.sessionId, v), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const display = { type: 'impDisplay', campaign: 3346848610, engId: 3562981110, revision: 44, eContext: [{ type: 'engagementContext', id: '1' }] };

describe('Update Session: success', () => {
  it('answers 200 with an empty body to a PUT and records what it delivered', async () => {
    const e = await start();
    const s = await session(e);
    const res = await put(e, s, { pageId: s.pageId, impAttributes: [display], engagementAttributes: [{ type: 'cart', total: 11.7 }] });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(res.headers.get('content-length')).toBe('0');
    expect(e.received(s.visitorId)).toEqual([
      { sessionId: s.sessionId, pageId: s.pageId, pageKnown: true, engagementAttributes: [{ type: 'cart', total: 11.7 }], impAttributes: [display], at: NOW },
    ]);
    expect(e.stats()).toMatchObject({ updateSessionCalls: 1, byOperation: { updateSession: { '200': 1 } } });
  });

  it('accepts POST with X-HTTP-Method-Override: PUT', async () => {
    const e = await start();
    const s = await session(e);
    const res = await fetch(updateUrl(e, s.visitorId, s.sessionId), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-HTTP-Method-Override': 'PUT' },
      body: JSON.stringify({ pageId: s.pageId, impAttributes: [{ type: 'impAccept' }] }),
    });
    expect(res.status).toBe(200);
    expect(e.received(s.visitorId).map((r) => r.impAttributes[0]?.['type'])).toEqual(['impAccept']);
    expect(e.stats()).toMatchObject({ createSessionCalls: 1, updateSessionCalls: 1, sessionsCreated: 1 });
  });

  it('keeps updates in order, marks unknown pageIds, and applies the update semantics', async () => {
    const e = await start();
    const s = await session(e, { appType: 'EXTERNAL', engagementAttributes: [{ type: 'personal', personal: { firstname: 'a' } }] });
    await put(e, s, { pageId: s.pageId, engagementAttributes: [{ type: 'personal', personal: { lastname: 'b' } }] });
    await put(e, s, { pageId: 'someOtherPage', engagementAttributes: [{ type: 'prodView', products: [] }], impAttributes: [{ type: 'impClose' }] });
    const received = e.received(s.visitorId);
    expect(received.map((r) => [r.pageId, r.pageKnown])).toEqual([
      [s.pageId, true],
      ['someOtherPage', false],
    ]);
    const snap = e.visitor(s.visitorId)?.sessions[0];
    expect(snap?.attributes).toEqual([{ type: 'personal', personal: { firstname: 'a', lastname: 'b' } }, { type: 'prodView', products: [] }]);
    expect(snap?.impressions).toEqual([{ type: 'impClose' }]);
  });

  it('gives copies: changing what received() returned changes nothing', async () => {
    const e = await start();
    const s = await session(e);
    await put(e, s, { pageId: s.pageId });
    (e.received(s.visitorId) as unknown[]).length = 0;
    expect(e.received(s.visitorId)).toHaveLength(1);
    expect(e.received('unknown')).toEqual([]);
    expect(e.visitor('unknown')).toBeUndefined();
  });
});

describe('Update Session: deep bodies', () => {
  it.each([
    ['Update Session', 'PUT'],
    ['Create Session', 'POST'],
  ])('%s refuses a body nested 10,000 deep with a 400, and stays readable', async (_label, method) => {
    const e = await start();
    const s = await session(e);
    // Written as text: JSON.stringify itself cannot write 10,000 levels.
    const nested = `${'{"v":'.repeat(10_000)}"leaf"${'}'.repeat(10_000)}`;
    const body = `{"pageId":${JSON.stringify(s.pageId)},"engagementAttributes":[{"type":"lead","lead":{"topic":"x","extra":${nested}}}]}`;
    const url = method === 'PUT' ? updateUrl(e, s.visitorId, s.sessionId) : `${e.url}/api/account/${e.accountId}/app/engagement/visitors/${s.visitorId}?v=1.0&sid=${s.sessionId}`;
    const res = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body });
    expect(await errorOf(res, 400, 5)).toBe('the body is nested deeper than 64 levels');
    expect(() => e.visitor(s.visitorId)).not.toThrow();
    expect(() => e.received(s.visitorId)).not.toThrow();
    expect(e.received(s.visitorId)).toEqual([]);
  });

  it('accepts a body nested 64 levels deep', async () => {
    const e = await start();
    const s = await session(e);
    const res = await put(e, s, { pageId: s.pageId, engagementAttributes: [{ type: 'lead', lead: { topic: 'x', extra: deep(59) } }] });
    expect(res.status).toBe(200);
  });
});

describe('Update Session: refusals', () => {
  it.each<[string, unknown, RegExp]>([
    ['a missing pageId', { impAttributes: [] }, /pageId: required/],
    ['an unknown attribute type', { pageId: 'p', engagementAttributes: [{ type: 'wishlist' }] }, /unknown engagement attribute type/],
    ['an impression in engagementAttributes', { pageId: 'p', engagementAttributes: [display] }, /impression event impDisplay is not allowed in engagementAttributes/],
    ['an SDE in impAttributes', { pageId: 'p', impAttributes: [{ type: 'cart' }] }, /cart is not an impression event/],
    ['an unknown impression type', { pageId: 'p', impAttributes: [{ type: 'impDecline' }] }, /unknown impression event type/],
    ['invalid JSON', '{pageId:1}', /not valid JSON/],
  ])('answers 400/5 for %s, recording nothing', async (_name, body, message) => {
    const e = await start();
    const s = await session(e);
    expect(await errorOf(await put(e, s, body), 400, 5)).toMatch(message);
    expect(e.received(s.visitorId)).toEqual([]);
  });

  it('answers 404/37 for an unknown visitor and 404/39 for an unknown session', async () => {
    const e = await start();
    const s = await session(e);
    expect(await errorOf(await put(e, { visitorId: 'nobody', sessionId: s.sessionId }, { pageId: s.pageId }), 404, 37)).toBe('Visitor not found');
    expect(await errorOf(await put(e, { visitorId: s.visitorId, sessionId: 'S999zzzzzz' }, { pageId: s.pageId }), 404, 39)).toBe('Session not found');
  });

  it('answers 400 without a vid or a sid, 401 for malformed ones, 400/33 for a bad v', async () => {
    const e = await start();
    const s = await session(e);
    await errorOf(await put(e, { visitorId: s.visitorId }, { pageId: s.pageId }), 400, 5);
    await errorOf(await put(e, { visitorId: '', sessionId: s.sessionId }, { pageId: s.pageId }), 400, 5);
    await errorOf(await put(e, { visitorId: 'a%20b', sessionId: s.sessionId }, { pageId: s.pageId }), 401, 37);
    await errorOf(await put(e, { visitorId: s.visitorId, sessionId: 'a b' }, { pageId: s.pageId }), 401, 39);
    await errorOf(await put(e, s, { pageId: s.pageId }, '2'), 400, 33);
    expect(e.stats().byOperation.updateSession).toEqual({ '400': 3, '401': 2 });
  });
});

describe('Update Session: updateSessionFailureRate', () => {
  it('answers 503 when random() falls under the rate, recording nothing', async () => {
    let r = 0.5;
    const e = await start({ updateSessionFailureRate: 0.25, random: () => r });
    const s = await session(e);
    r = 0.2;
    await errorOf(await put(e, s, { pageId: s.pageId }), 503, 0);
    r = 0.25;
    expect((await put(e, s, { pageId: s.pageId })).status).toBe(200);
    r = 0.9;
    expect((await put(e, s, { pageId: s.pageId })).status).toBe(200);
    expect(e.received(s.visitorId)).toHaveLength(2);
    expect(e.stats().byOperation.updateSession).toEqual({ '200': 2, '503': 1 });
  });

  it('never fails at rate 0 and always fails at rate 1', async () => {
    const e = await start({ updateSessionFailureRate: 1, random: () => 0.999 });
    const s = await session(e);
    for (let i = 0; i < 3; i += 1) expect((await put(e, s, { pageId: s.pageId })).status).toBe(503);
    await e.close();
    const never = await start({ random: () => 0 });
    const s2 = await session(never);
    expect((await put(never, s2, { pageId: s2.pageId })).status).toBe(200);
  });
});
