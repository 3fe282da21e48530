import type { RunningEmulator } from '../../src/emulator/types';
import { NOW, emulatorPerTest, errorOf } from '../helpers/emulator-per-test';

const start = emulatorPerTest();

interface Ids {
  readonly visitorId: string;
  readonly sessionId: string;
  readonly pageId: string;
  readonly engagementDetails?: ReadonlyArray<Record<string, unknown>>;
}

function monitorUrl(e: RunningEmulator, op: 'engagement' | 'report', query: Record<string, string>, app = e.appInstallationId): string {
  return `${e.url}/api/account/${e.accountId}/app/${app}/${op}?${new URLSearchParams(query).toString()}`;
}

function check(e: RunningEmulator, query: Record<string, string> = { v: '1.0' }, body: unknown = {}, app?: string): Promise<Response> {
  return fetch(monitorUrl(e, 'engagement', query, app), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function report(e: RunningEmulator, ids: { visitorId?: string; sessionId?: string }, body: unknown, method: 'PUT' | 'POST' = 'PUT'): Promise<Response> {
  const query = { v: '1.0', ...(ids.visitorId === undefined ? {} : { vid: ids.visitorId }), ...(ids.sessionId === undefined ? {} : { sid: ids.sessionId }) };
  return fetch(monitorUrl(e, 'report', query), {
    method,
    headers: { 'Content-Type': 'application/json', ...(method === 'POST' ? { 'X-HTTP-Method-Override': 'PUT' } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function firstCheck(e: RunningEmulator, body: unknown = { entryPoints: ['sec://Support'] }): Promise<Ids> {
  const res = await check(e, { v: '1.0' }, body);
  expect(res.status).toBe(201);
  return (await res.json()) as Ids;
}

describe('Monitoring engagement: 200 vs 201', () => {
  it('answers 201 with new ids without vid and sid, then 200 for the same pair', async () => {
    const e = await start();
    const first = await firstCheck(e);
    expect(first).toEqual({ visitorId: expect.any(String), sessionId: expect.any(String), pageId: expect.any(String), engagementDetails: expect.any(Array) });
    const again = await check(e, { v: '1.0', vid: first.visitorId, sid: first.sessionId, obh: 'false' }, { entryPoints: ['sec://Support'] });
    expect(again.status).toBe(200);
    const body = (await again.json()) as Ids;
    expect(body.visitorId).toBe(first.visitorId);
    expect(body.sessionId).toBe(first.sessionId);
    expect(e.monitorVisitor(first.visitorId)?.sessions[0]?.checks).toBe(2);
    expect(e.stats()).toMatchObject({ monitorEngagementCalls: 2, byOperation: { monitorEngagement: { '200': 1, '201': 1 } } });
  });

  it('answers 201 with a new session for a known vid and an unknown sid, and new ids for an unknown vid', async () => {
    const e = await start();
    const first = await firstCheck(e);
    const newSession = await check(e, { v: '1.0', vid: first.visitorId, sid: 'unknown-sid' });
    expect(newSession.status).toBe(201);
    const s = (await newSession.json()) as Ids;
    expect(s.visitorId).toBe(first.visitorId);
    expect(s.sessionId).not.toBe(first.sessionId);
    const newVisitor = await check(e, { v: '1.0', vid: 'unknown-vid', sid: first.sessionId });
    expect(newVisitor.status).toBe(201);
    const v = (await newVisitor.json()) as Ids;
    expect(v.visitorId).not.toBe('unknown-vid');
    expect(v.visitorId).not.toBe(first.visitorId);
  });

  it('keeps Monitoring sessions apart from App Engagement sessions', async () => {
    const e = await start();
    const res = await fetch(`${e.url}/api/account/${e.accountId}/app/engagement/visitors/?v=1.0`, { method: 'POST', body: JSON.stringify({ appType: 'EXTERNAL' }) });
    const ae = (await res.json()) as Ids;
    const m = await check(e, { v: '1.0', vid: ae.visitorId, sid: ae.sessionId });
    expect(m.status).toBe(201);
    expect(((await m.json()) as Ids).visitorId).not.toBe(ae.visitorId);
    expect(e.monitorVisitor(ae.visitorId)).toBeUndefined();
  });
});

describe('Monitoring engagement: details', () => {
  it('offers an available engagement as an array with status expose', async () => {
    const e = await start();
    const first = await firstCheck(e, { entryPoints: ['lang://English', 'sec://Support'], clientProperties: { os: 'IOS', ipAddress: '10.0.0.1' } });
    expect(first.engagementDetails).toEqual([
      expect.objectContaining({ engagementId: '3562981110', contextId: '1', status: 'expose', campaignId: expect.any(String), engagementRevision: expect.any(Number) }),
    ]);
    expect(first.engagementDetails?.[0]).not.toHaveProperty('validForSeconds');
    expect(first.engagementDetails?.[0]).not.toHaveProperty('skillId');
  });

  it('answers status conversation for a visitor marked in a conversation, and expose again once it ends', async () => {
    const e = await start();
    const first = await firstCheck(e);
    e.setConversation(first.visitorId, true);
    expect(e.monitorVisitor(first.visitorId)?.conversation).toBe(true);
    const res = await check(e, { v: '1.0', vid: first.visitorId, sid: first.sessionId }, { entryPoints: ['sec://Support'] });
    const body = (await res.json()) as Ids;
    expect(body.engagementDetails).toEqual([expect.objectContaining({ status: 'conversation', conversationId: expect.any(String) })]);
    expect(body.engagementDetails?.[0]).not.toHaveProperty('contextId');
    e.setConversation(first.visitorId, false);
    const after = (await (await check(e, { v: '1.0', vid: first.visitorId, sid: first.sessionId }, { entryPoints: ['sec://Support'] })).json()) as Ids;
    expect(after.engagementDetails?.[0]?.['status']).toBe('expose');
  });

  it('refuses to mark an unknown visitor', async () => {
    const e = await start();
    expect(() => e.setConversation('nobody', true)).toThrow(RangeError);
  });

  it('sends no details when nothing is available', async () => {
    const e = await start();
    e.setSkillOnline(23, false);
    const first = await firstCheck(e);
    expect(first).toEqual({ visitorId: expect.any(String), sessionId: expect.any(String), pageId: expect.any(String) });
  });

  it('accepts an empty body', async () => {
    const e = await start();
    const res = await check(e, { v: '1.0' }, '');
    expect(res.status).toBe(201);
  });
});

describe('Monitoring engagement: errors', () => {
  it('answers 400/33 for a missing or unsupported version', async () => {
    const e = await start();
    await errorOf(await check(e, {}), 400, 33);
    await errorOf(await check(e, { v: '2.0' }), 400, 33);
  });

  it('answers 400/5 naming the field for bad query values and bodies', async () => {
    const e = await start();
    expect(await errorOf(await check(e, { v: '1.0', vid: 'bad id!' }), 400, 5)).toMatch(/^vid:/);
    expect(await errorOf(await check(e, { v: '1.0', sid: 'x'.repeat(65) }), 400, 5)).toMatch(/^sid:/);
    expect(await errorOf(await check(e, { v: '1.0', obh: 'yes' }), 400, 5)).toMatch(/^obh:/);
    expect(await errorOf(await check(e, { v: '1.0' }, '{'), 400, 5)).toMatch(/not valid JSON/);
    expect(await errorOf(await check(e, { v: '1.0' }, []), 400, 5)).toMatch(/expected a JSON object/);
    expect(await errorOf(await check(e, { v: '1.0' }, { entryPoints: 'sec://Support' }), 400, 5)).toMatch(/^entryPoints:/);
    expect(await errorOf(await check(e, { v: '1.0' }, { identities: [{ sub: 1 }] }), 400, 5)).toMatch(/identities\[0\]\.sub/);
    expect(await errorOf(await check(e, { v: '1.0' }, { clientProperties: { ipAddress: 'nope' } }), 400, 5)).toMatch(/clientProperties\.ipAddress/);
    expect(await errorOf(await check(e, { v: '1.0' }, { engagementAttributes: [{ type: 'impDisplay' }] }), 400, 5)).toMatch(/engagementAttributes\[0\]\.type/);
    const deep = '['.repeat(100) + ']'.repeat(100);
    expect(await errorOf(await check(e, { v: '1.0' }, `{"engagementAttributes":${deep}}`), 400, 5)).toMatch(/nested deeper/);
    expect(e.stats().visitorsCreated).toBe(0);
  });

  it('answers 400/5 to a body over maxBodyBytes', async () => {
    const e = await start({ maxBodyBytes: 100 });
    await errorOf(await check(e, { v: '1.0' }, { entryPoints: ['x'.repeat(200)] }), 400, 5);
  });

  it('answers 404/18 to any other app installation id, and tells its own', async () => {
    const e = await start({ appInstallationId: 'my-app' });
    expect(e.appInstallationId).toBe('my-app');
    await errorOf(await check(e, { v: '1.0' }, {}, 'other-app'), 404, 18);
    await errorOf(await check(e, { v: '1.0' }, {}, '%E0%A4%A'), 404, 18);
    expect((await check(e, { v: '1.0' }, {}, 'my-app')).status).toBe(201);
  });

  it('answers 500/20 "Loading account" for the first loadingAccountCalls calls', async () => {
    const e = await start({ loadingAccountCalls: 1 });
    expect(await errorOf(await check(e, { v: '1.0', vid: 'V1' }), 500, 20)).toBe(`Loading account: ${e.accountId}, vid: V1`);
    expect((await check(e, { v: '1.0', vid: 'V1' })).status).toBe(201);
  });

  it('refuses a GET with 405 and answers a preflight with CORS headers', async () => {
    const e = await start();
    const res = await fetch(monitorUrl(e, 'engagement', { v: '1.0' }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
    const pre = await fetch(monitorUrl(e, 'engagement', { v: '1.0' }), { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:9', 'Access-Control-Request-Method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const cors = await check(e);
    expect(cors.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('Monitoring: faults', () => {
  it('plays injected faults on the engagement and report operations only', async () => {
    const e = await start();
    e.inject({ kind: 'status', status: 503 }, { operation: 'monitorEngagement' });
    e.inject({ kind: 'loadingAccount' }, { operation: 'monitorReport' });
    await errorOf(await check(e), 503, 0);
    const first = await firstCheck(e);
    expect(await errorOf(await report(e, first, { engagementAttributes: [] }), 500, 20)).toBe(`Loading account: ${e.accountId}, vid: ${first.visitorId}`);
    expect((await report(e, first, { engagementAttributes: [] })).status).toBe(200);
    expect(e.stats()).toMatchObject({ faultsServed: 2, byOperation: { monitorEngagement: { '201': 1, '503': 1 }, monitorReport: { '200': 1, '500': 1 }, createSession: {} } });
  });

  it('plays a malformed answer', async () => {
    const e = await start();
    e.inject({ kind: 'malformed' }, { operation: 'monitorEngagement' });
    await expect((await check(e)).json()).rejects.toThrow();
  });
});

describe('Monitoring report', () => {
  const display = { type: 'impDisplay', campaign: 3346848610, engId: 3562981110, revision: 44, eContext: [{ type: 'engagementContext', id: '1' }] };

  it('answers 200 with the ids and records what it delivered (PUT and POST with the override)', async () => {
    const e = await start();
    const first = await firstCheck(e);
    const res = await report(e, first, { pageId: 'P1', entryPoints: ['sec://Support'], engagementAttributes: [{ type: 'cart', total: 5 }, display] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sessionId: first.sessionId, visitorId: first.visitorId, pageId: 'P1' });
    const overridden = await report(e, first, { engagementAttributes: [] }, 'POST');
    expect(overridden.status).toBe(200);
    const generated = ((await overridden.json()) as Ids).pageId;
    expect(generated).toEqual(expect.any(String));
    expect(e.monitorVisitor(first.visitorId)?.sessions[0]?.reports).toEqual([
      { pageId: 'P1', pageIdGenerated: false, entryPoints: ['sec://Support'], engagementAttributes: [{ type: 'cart', total: 5 }, display], at: NOW },
      { pageId: generated, pageIdGenerated: true, engagementAttributes: [], at: NOW },
    ]);
    expect(e.stats()).toMatchObject({ monitorReportCalls: 2, byOperation: { monitorReport: { '200': 2 } } });
  });

  it('answers 404/37 for an unknown vid and 404/39 for an unknown sid', async () => {
    const e = await start();
    const first = await firstCheck(e);
    await errorOf(await report(e, { visitorId: 'nobody', sessionId: first.sessionId }, { engagementAttributes: [] }), 404, 37);
    await errorOf(await report(e, { visitorId: first.visitorId, sessionId: 'nosession' }, { engagementAttributes: [] }), 404, 39);
  });

  it('answers 400/5 naming the field for missing ids and bad bodies', async () => {
    const e = await start();
    const first = await firstCheck(e);
    expect(await errorOf(await report(e, { sessionId: first.sessionId }, { engagementAttributes: [] }), 400, 5)).toMatch(/^vid/);
    expect(await errorOf(await report(e, { visitorId: first.visitorId }, { engagementAttributes: [] }), 400, 5)).toMatch(/^sid/);
    expect(await errorOf(await report(e, first, {}), 400, 5)).toMatch(/^engagementAttributes: required/);
    expect(await errorOf(await report(e, first, { engagementAttributes: [{ type: 'nope' }] }), 400, 5)).toMatch(/engagementAttributes\[0\]\.type/);
    expect(await errorOf(await report(e, first, { pageId: 7, engagementAttributes: [] }), 400, 5)).toMatch(/^pageId:/);
    expect(await errorOf(await report(e, first, 'null'), 400, 5)).toMatch(/expected a JSON object/);
  });

  it('answers 400/33 for a bad version, 404/18 for another app, and 405 to a plain POST', async () => {
    const e = await start();
    await errorOf(await fetch(monitorUrl(e, 'report', { v: '1.1', vid: 'a', sid: 'b' }), { method: 'PUT', body: '{}' }), 400, 33);
    await errorOf(await fetch(monitorUrl(e, 'report', { v: '1.0', vid: 'a', sid: 'b' }, 'other'), { method: 'PUT', body: '{}' }), 404, 18);
    expect((await fetch(monitorUrl(e, 'report', { v: '1.0' }), { method: 'POST', body: '{}' })).status).toBe(405);
  });

  it('keeps reports in the order they came', async () => {
    const e = await start();
    const first = await firstCheck(e);
    for (let i = 0; i < 3; i += 1) expect((await report(e, first, { pageId: `P${i}`, engagementAttributes: [] })).status).toBe(200);
    expect(e.monitorVisitor(first.visitorId)?.sessions[0]?.reports.map((r) => r.pageId)).toEqual(['P0', 'P1', 'P2']);
  });
});
