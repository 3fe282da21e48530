import { request as httpRequest } from 'node:http';
import type { RunningEmulator } from '../../src/emulator/types';
import { NOW, emulatorPerTest, errorOf } from '../helpers/emulator-per-test';
import { seedAvailable, seedRequest } from '../fixtures/seed';

const start = emulatorPerTest();

interface Ids {
  readonly vid?: string;
  readonly sid?: string;
  readonly v?: string;
  readonly account?: string;
}

function createUrl(e: RunningEmulator, ids: Ids = {}): string {
  const query = new URLSearchParams({ v: ids.v ?? '1.0', ...(ids.sid === undefined ? {} : { sid: ids.sid }) });
  return `${e.url}/api/account/${ids.account ?? e.accountId}/app/engagement/visitors/${ids.vid ?? ''}?${query.toString()}`;
}

function create(e: RunningEmulator, body: unknown = { appType: 'EXTERNAL' }, ids: Ids = {}): Promise<Response> {
  return fetch(createUrl(e, ids), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function okJson(res: Response): Promise<Record<string, unknown> & { visitorId: string; sessionId: string; pageId: string; status: string }> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  return (await res.json()) as never;
}

describe('Create Session: visitors and sessions', () => {
  it('creates a visitor and a session on a first call without ids', async () => {
    const e = await start();
    const body = await okJson(await create(e));
    expect(body).toEqual({
      status: 'Available',
      sessionId: expect.stringMatching(/^S\d+[A-Za-z0-9]{6}$/),
      visitorId: expect.stringMatching(/^V\d+[A-Za-z0-9]{6}$/),
      pageId: expect.stringMatching(/^\d+$/),
      engagementDetails: expect.any(Object),
    });
    expect(e.stats()).toMatchObject({ createSessionCalls: 1, visitorsCreated: 1, sessionsCreated: 1 });
    expect(e.visitor(body.visitorId)).toMatchObject({ origin: 'created', createSessionCalls: 1, sessions: [{ sessionId: body.sessionId, pageIds: [body.pageId] }] });
  });

  it('keeps the visitor and the session when called again with vid and sid, with a fresh pageId', async () => {
    const e = await start();
    const first = await okJson(await create(e));
    const second = await okJson(await create(e, { appType: 'EXTERNAL' }, { vid: first.visitorId, sid: first.sessionId }));
    expect(second.visitorId).toBe(first.visitorId);
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.pageId).not.toBe(first.pageId);
    expect(e.stats()).toMatchObject({ createSessionCalls: 2, visitorsCreated: 1, sessionsCreated: 1 });
    expect(e.visitor(first.visitorId)?.sessions[0]?.pageIds).toEqual([first.pageId, second.pageId]);
  });

  it('creates a new session for an unknown sid, for the same visitor', async () => {
    const e = await start();
    const first = await okJson(await create(e));
    const second = await okJson(await create(e, undefined, { vid: first.visitorId, sid: 'stale-session' }));
    expect(second.visitorId).toBe(first.visitorId);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(second.sessionId).not.toBe('stale-session');
    expect(e.stats()).toMatchObject({ visitorsCreated: 1, sessionsCreated: 2 });
    expect(e.visitor(first.visitorId)?.sessions.map((s) => s.sessionId)).toEqual([first.sessionId, second.sessionId]);
  });

  it('creates a new session when only the vid is sent', async () => {
    const e = await start();
    const first = await okJson(await create(e));
    const second = await okJson(await create(e, undefined, { vid: first.visitorId }));
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(e.stats().sessionsCreated).toBe(2);
  });

  it('adopts a well-formed unknown vid', async () => {
    const e = await start();
    const body = await okJson(await create(e, undefined, { vid: 'my_Visitor-1' }));
    expect(body.visitorId).toBe('my_Visitor-1');
    expect(e.stats()).toMatchObject({ visitorsCreated: 0, visitorsAdopted: 1 });
    expect(e.visitor('my_Visitor-1')?.origin).toBe('adopted');
  });

  it('counts a new visitor for every call without a vid (the visitor storm)', async () => {
    const e = await start();
    const vids = new Set<string>();
    for (let i = 0; i < 4; i += 1) vids.add((await okJson(await create(e))).visitorId);
    expect(vids.size).toBe(4);
    expect(e.stats().visitorsCreated).toBe(4);
  });

  it("records what each call carried (the seed page's request)", async () => {
    const e = await start();
    const { vid: _v, sid: _s, ...seedBody } = seedRequest;
    const body = await okJson(await create(e, seedBody));
    const call = e.visitor(body.visitorId)?.sessions[0]?.creates[0];
    expect(call).toEqual({
      pageId: body.pageId,
      appType: 'EXTERNAL',
      appDetails: seedRequest.appDetails,
      consumerSections: ['Support', 'English', 'Other'],
      engagementAttributes: seedRequest.engagementAttributes,
      status: 'Available',
      matchedSection: 'Support',
      at: NOW,
    });
    expect(e.visitor(body.visitorId)?.sessions[0]?.attributes).toEqual(seedRequest.engagementAttributes);
  });

  it('keeps visitors of different accounts apart', async () => {
    const e = await start({ accounts: ['second'] });
    const a = await okJson(await create(e, undefined, { vid: 'shared' }));
    const b = await okJson(await create(e, undefined, { vid: 'shared', account: 'second' }));
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(e.visitor('shared', 'second')?.accountId).toBe('second');
    expect(e.visitor('shared')?.accountId).toBe('12345678');
  });
});

describe('Create Session: path and query refusals', () => {
  it.each([
    ['a vid with a space', 'a%20b'],
    ['a vid of 65 characters', 'x'.repeat(65)],
    ['a vid with a dot', 'a.b'],
    ['a vid that cannot be decoded', '%E0%A4%A'],
  ])('answers 401/37 for %s', async (_name, vid) => {
    const e = await start();
    expect(await errorOf(await create(e, undefined, { vid }), 401, 37)).toBe('Invalid visitorId');
    expect(e.stats().visitorsCreated + e.stats().visitorsAdopted).toBe(0);
  });

  it('answers 401/39 for a malformed sid', async () => {
    const e = await start();
    expect(await errorOf(await create(e, undefined, { vid: 'ok', sid: 'a/b' }), 401, 39)).toBe('Invalid sessionId');
    expect(e.stats().sessionsCreated).toBe(0);
  });

  it.each(['', '1', '2.0', '1.0.0'])('answers 400/33 "Illegal Version" for v=%j', async (v) => {
    const e = await start();
    expect(await errorOf(await create(e, undefined, { v }), 400, 33)).toBe('Illegal Version');
  });

  it('answers 400/33 without any v', async () => {
    const e = await start();
    const res = await fetch(`${e.url}/api/account/${e.accountId}/app/engagement/visitors/`, { method: 'POST', body: '{"appType":"EXTERNAL"}' });
    await errorOf(res, 400, 33);
  });

  it('answers 404/18 for an unknown account', async () => {
    const e = await start();
    await errorOf(await create(e, undefined, { account: 'nope' }), 404, 18);
  });
});

describe('Create Session: body refusals', () => {
  it.each<[string, unknown, RegExp]>([
    ['a missing appType', {}, /appType: required/],
    ['appType WEBSITE', { appType: 'WEBSITE' }, /appType: expected one of EXTERNAL, MSDK/],
    ['invalid JSON', '{"appType":', /not valid JSON/],
    ['an empty body', '', /empty/],
    ['a JSON array', '[]', /expected a JSON object/],
    ['an impression event', { appType: 'EXTERNAL', engagementAttributes: [{ type: 'impDisplay', campaign: 1 }] }, /impression event impDisplay is not allowed/],
    ['consumerSections as a string', { appType: 'EXTERNAL', consumerSections: 'Support,Sales' }, /consumerSections: expected an array/],
    ['consumerSections with a number', { appType: 'EXTERNAL', consumerSections: ['Support', 7] }, /consumerSections\[1\]/],
    ['an attribute without a type', { appType: 'EXTERNAL', engagementAttributes: [{ cart: {} }] }, /type: expected a string/],
  ])('answers 400/5 for %s', async (_name, body, message) => {
    const e = await start();
    expect(await errorOf(await create(e, body), 400, 5)).toMatch(message);
    expect(e.stats()).toMatchObject({ visitorsCreated: 0, sessionsCreated: 0, byStatus: { '400': 1 } });
  });

  it('accepts a body of exactly maxBodyBytes and refuses one byte more', async () => {
    const e = await start();
    const sized = (n: number): string => {
      const head = '{"appType":"EXTERNAL","pad":"';
      return `${head}${'x'.repeat(n - head.length - 2)}"}`;
    };
    expect(Buffer.byteLength(sized(65536))).toBe(65536);
    expect((await create(e, sized(65536))).status).toBe(200);
    expect(await errorOf(await create(e, sized(65537)), 400, 5)).toBe('The body is larger than 65536 bytes');
    expect((await create(e)).status).toBe(200);
  });

  it('refuses a huge declared body at once, without reading it, and closes that connection', async () => {
    const e = await start({ maxBodyBytes: 1024 });
    const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      const req = httpRequest(
        createUrl(e),
        { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(50 * 1024 * 1024) }, agent: false },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body });
          });
        },
      );
      req.on('error', reject);
      req.write('{"appType":"EXTERNAL"');
    });
    expect(answer.status).toBe(400);
    expect(answer.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ internalCode: 5 });
    expect((await create(e)).status).toBe(200);
  });
});

describe('Create Session: availability', () => {
  it("answers the seed page's engagement for Support", async () => {
    const e = await start();
    const body = await okJson(await create(e, { appType: 'EXTERNAL', consumerSections: ['Support', 'English'] }));
    expect(body['engagementDetails']).toEqual({ ...seedAvailable.engagementDetails, contextId: '1' });
  });

  it('routes Sales and unknown sections to their engagements', async () => {
    const e = await start();
    const sales = await okJson(await create(e, { appType: 'EXTERNAL', consumerSections: ['Sales'] }));
    expect(sales['engagementDetails']).toMatchObject({ engagementId: '3562981120', skillId: 23, skillName: 'TestSkill' });
    const other = await okJson(await create(e, { appType: 'MSDK', consumerSections: ['Garden'] }));
    expect(other['engagementDetails']).toMatchObject({ engagementId: '3562981100' });
    const none = await okJson(await create(e));
    expect(none.status).toBe('Available');
  });

  it('answers NotAvailable, without engagementDetails, for the offline Billing skill', async () => {
    const e = await start();
    const body = await okJson(await create(e, { appType: 'EXTERNAL', consumerSections: ['Billing'] }));
    expect(body).toEqual({ status: 'NotAvailable', sessionId: expect.any(String), visitorId: expect.any(String), pageId: expect.any(String) });
  });

  it('follows setSkillOnline, by name or by id', async () => {
    const e = await start();
    e.setSkillOnline('Billing', true);
    const billing = await okJson(await create(e, { appType: 'EXTERNAL', consumerSections: ['Billing'] }));
    expect(billing['engagementDetails']).toMatchObject({ skillId: 42, skillName: 'Billing', engagementId: '3562981130' });
    e.setSkillOnline(23, false);
    expect((await okJson(await create(e, { appType: 'EXTERNAL', consumerSections: ['Support'] }))).status).toBe('NotAvailable');
    e.setSkillOnline('23', true);
    expect((await okJson(await create(e, { appType: 'EXTERNAL', consumerSections: ['Support'] }))).status).toBe('Available');
    expect(() => e.setSkillOnline('Nope', true)).toThrow(/unknown skill/);
  });

  it('answers NotAvailable when no engagement matches and there is no default', async () => {
    const e = await start({ availability: { defaultEngagement: null } });
    expect((await okJson(await create(e, { appType: 'EXTERNAL', consumerSections: ['Garden'] }))).status).toBe('NotAvailable');
    expect((await okJson(await create(e, { appType: 'EXTERNAL', consumerSections: ['Sales'] }))).status).toBe('Available');
  });

  it('uses validForSeconds, numericEngagementIds and connectorId', async () => {
    const e = await start({
      validForSeconds: 60,
      numericEngagementIds: true,
      availability: { engagements: { Auth: { skill: 23, campaignId: '11', engagementId: '22', windowId: '33', connectorId: 'c1', language: 'fr-FR', engagementRevision: 3 } } },
    });
    const body = await okJson(await create(e, { appType: 'EXTERNAL', consumerSections: ['Auth'] }));
    expect(body['engagementDetails']).toEqual({
      campaignId: 11,
      engagementId: 22,
      contextId: '1',
      windowId: 33,
      language: 'fr-FR',
      engagementRevision: 3,
      validForSeconds: 60,
      skillId: 23,
      skillName: 'TestSkill',
      connectorId: 'c1',
    });
  });

  it('numbers the engagement contexts of a session', async () => {
    const e = await start();
    const first = await okJson(await create(e));
    const second = await okJson(await create(e, undefined, { vid: first.visitorId, sid: first.sessionId }));
    expect((second['engagementDetails'] as { contextId: string }).contextId).toBe('2');
  });
});

describe('Create Session: loadingAccountCalls', () => {
  it('answers "Loading account" for the first N calls, naming a vid a careful client can reuse', async () => {
    const e = await start({ loadingAccountCalls: 2 });
    const first = await create(e);
    const message = await errorOf(first, 500, 20);
    const vid = /^Loading account: 12345678, vid: (\S+)$/.exec(message)?.[1];
    expect(vid).toMatch(/^V1/);
    expect(e.visitor(vid ?? '')?.createSessionCalls).toBe(1);

    expect(await errorOf(await create(e, undefined, { vid }), 500, 20)).toBe(`Loading account: 12345678, vid: ${vid}`);
    const ok = await okJson(await create(e, undefined, { vid }));
    expect(ok.visitorId).toBe(vid);
    expect(e.stats()).toMatchObject({ createSessionCalls: 3, visitorsCreated: 1, sessionsCreated: 1, byStatus: { '200': 1, '500': 2 } });
  });

  it('counts the calls of each account on its own', async () => {
    const e = await start({ loadingAccountCalls: 1, accounts: ['second'] });
    expect((await create(e)).status).toBe(500);
    expect((await create(e)).status).toBe(200);
    expect((await create(e, undefined, { account: 'second' })).status).toBe(500);
    expect((await create(e, undefined, { account: 'second' })).status).toBe(200);
  });
});
