/**
 * The Monitoring backend end to end over real HTTP: against the emulator
 * (a node:http server on 127.0.0.1, port 0), and against a raw loopback
 * server that records the exact request and answers what the test writes.
 */
import { lastValueFrom } from 'rxjs';
import { createEngagementClient, csdsDomain, memorySessionStore, retryPolicy, type Engagement, type EngagementClientConfig } from '../../src/index';
import { monitoringBackend, monitoringRetryPolicy } from '../../src/monitoring/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { loopbackHost, type LoopbackHost, type LoopbackRequest } from '../helpers/loopback-host';

let emulator: RunningEmulator | undefined;
let host: LoopbackHost | undefined;

afterEach(async () => {
  await emulator?.close();
  await host?.close();
  emulator = host = undefined;
});

async function started(): Promise<RunningEmulator> {
  emulator = await startEmulator();
  return emulator;
}

const monitored = (e: RunningEmulator, extra: Partial<EngagementClientConfig> = {}) =>
  createEngagementClient({ accountId: e.accountId, domain: e.url, backend: monitoringBackend({ appInstallationId: e.appInstallationId }), ...extra });

const answer = async (client: ReturnType<typeof createEngagementClient>, request = {}): Promise<Engagement> => {
  const r = await lastValueFrom(client.getEngagement(request));
  if (r._tag === 'Left') throw new Error(`expected a Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

describe('the Monitoring backend against the emulator', () => {
  it('starts a monitor session with a 201, then keeps its ids (200) on the next check', async () => {
    const e = await started();
    const client = monitored(e);
    const first = await answer(client, { consumerSections: ['Support'] });
    expect(first.status).toBe('Available');
    const visitor = e.monitorVisitor(first.visitorId);
    expect(visitor?.sessions.map((s) => s.sessionId)).toEqual([first.sessionId]);
    const second = await answer(client, { consumerSections: ['Support'] });
    expect([second.visitorId, second.sessionId]).toEqual([first.visitorId, first.sessionId]);
    expect(e.stats()).toMatchObject({ monitorEngagementCalls: 2, createSessionCalls: 0 });
  });

  it('decodes an expose detail as an Available answer with its offers, and no validity', async () => {
    const e = await started();
    const r = await answer(monitored(e), { consumerSections: ['Support'] });
    if (r.status !== 'Available') throw new Error(r.status);
    expect(r.offers).toEqual([r.engagementDetails]);
    expect(r.engagementDetails).toMatchObject({ campaignId: expect.any(String), engagementId: expect.any(String), contextId: expect.any(String) });
    expect(r.engagementDetails.validForSeconds).toBeUndefined();
  });

  it('answers NotAvailable when no skill of the section is online', async () => {
    const e = await started();
    expect((await answer(monitored(e), { consumerSections: ['Billing'] })).status).toBe('NotAvailable');
  });

  it('answers Conversation, with its ids, for a visitor in an active conversation', async () => {
    const e = await started();
    const client = monitored(e);
    const first = await answer(client, { consumerSections: ['Support'] });
    e.setConversation(first.visitorId, true);
    const r = await answer(client, { consumerSections: ['Support'] });
    expect(r).toMatchObject({ status: 'Conversation', visitorId: first.visitorId, conversation: { conversationId: `conv-${first.visitorId}`, campaignId: expect.any(String), engagementId: expect.any(String) } });
  });

  it('answers an app installation id the emulator does not know with an http Left 404/18, not retried', async () => {
    const e = await started();
    const client = createEngagementClient({ accountId: e.accountId, domain: e.url, backend: monitoringBackend({ appInstallationId: 'someone-else' }) });
    const r = await lastValueFrom(client.getEngagement());
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'http', operation: 'monitorEngagement', status: 404, internalCode: 18 }) });
    expect(e.stats().monitorEngagementCalls).toBe(1); // one call: a 4xx is never retried
  });

  it('keeps Monitoring and App Engagement sessions apart in one shared store', async () => {
    const e = await started();
    const store = memorySessionStore();
    const app = createEngagementClient({ accountId: e.accountId, domain: e.url, session: store });
    const appAnswer = await answer(app);
    const monitor = monitored(e, { session: store });
    expect(monitor.currentSession()).toBeUndefined();
    const monitorAnswer = await answer(monitor);
    expect(e.monitorVisitor(appAnswer.visitorId)).toBeUndefined();
    expect(monitorAnswer.visitorId).not.toBe(appAnswer.visitorId);
    // Each finds its own session again, and App Engagement's stays under the account id.
    expect(store.load(e.accountId)).toMatchObject({ visitorId: appAnswer.visitorId });
    expect(monitored(e, { session: store }).currentSession()).toMatchObject({ visitorId: monitorAnswer.visitorId });
    expect(createEngagementClient({ accountId: e.accountId, domain: e.url, session: store }).currentSession()).toMatchObject({ visitorId: appAnswer.visitorId });
    // Resetting one leaves the other.
    monitor.resetSession();
    expect(store.load(e.accountId)).toMatchObject({ visitorId: appAnswer.visitorId });
  });
});

describe('the Monitoring backend and CSDS', () => {
  it('finds its host through smt first, and checks there', async () => {
    emulator = await startEmulator();
    const e = emulator;
    const client = createEngagementClient({ accountId: e.accountId, domain: csdsDomain({ origin: e.url }), backend: monitoringBackend({ appInstallationId: e.appInstallationId }) });
    expect((await answer(client)).status).toBe('Available');
    expect(e.stats()).toMatchObject({ csdsCalls: 1, monitorEngagementCalls: 1 });
  });

  it('asks for smt, then msdkgw, unless the lookup lists its own services', async () => {
    emulator = await startEmulator({ csdsServices: ['conversationVep'] });
    const e = emulator;
    const backend = monitoringBackend({ appInstallationId: e.appInstallationId });
    const own = await lastValueFrom(createEngagementClient({ accountId: e.accountId, domain: csdsDomain({ origin: e.url }), backend }).getEngagement());
    expect(own).toMatchObject({ _tag: 'Left', left: { kind: 'discovery', services: ['smt', 'msdkgw'] } });
    const listed = await lastValueFrom(createEngagementClient({ accountId: e.accountId, domain: csdsDomain({ origin: e.url, services: ['msdkgw'] }), backend }).getEngagement());
    expect(listed).toMatchObject({ _tag: 'Left', left: { kind: 'discovery', services: ['msdkgw'] } });
  });
});

describe('the Monitoring backend on the wire (a raw loopback server)', () => {
  const ok = (status: number, body: unknown) => () => ({ status, body: JSON.stringify(body) });

  async function sent(backend: Parameters<typeof monitoringBackend>[0], request: object, reply = ok(201, { sessionId: 's1', visitorId: 'v1', pageId: 'p1' })): Promise<{ request: LoopbackRequest; result: unknown }> {
    host = await loopbackHost(reply);
    const client = createEngagementClient({ accountId: '12345678', domain: host.origin, backend: monitoringBackend(backend), retry: retryPolicy({ maxAttempts: 1 }) });
    const result = await lastValueFrom(client.getEngagement(request));
    return { request: host.requests[0] as LoopbackRequest, result };
  }

  it('sends POST /api/account/{id}/app/{appInstallationId}/engagement?v=1.0 with entry points, client properties and identities', async () => {
    const identities = [{ iss: 'https://idp.example.com', acr: 'loa1' as const, sub: 'c-1' }];
    const { request } = await sent({ appInstallationId: 'app:1', identities }, { consumerSections: ['Sport', 'English'], appDetails: { os: 'IOS', appVersion: '2.0' } });
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/account/12345678/app/app%3A1/engagement?v=1.0');
    expect(JSON.parse(request.body)).toEqual({ identities, clientProperties: { os: 'IOS', appVersion: '2.0' }, entryPoints: ['sec://Sport', 'sec://English'] });
  });

  it('sends the JSON headers of every engagement request, and no credentials', async () => {
    const { request } = await sent({ appInstallationId: 'app-1' }, {});
    expect(request.headers).toMatchObject({ accept: 'application/json', 'content-type': 'application/json', pragma: 'no-cache', 'cache-control': 'private, max-age=0, no-cache, no-store' });
    expect(request.headers['authorization']).toBeUndefined();
    expect(request.headers['cookie']).toBeUndefined();
  });

  it('puts vid, sid and obh in the query, and keeps the ids sent on a 200', async () => {
    const { request, result } = await sent({ appInstallationId: 'app-1', obh: true, version: '1.1' }, { vid: 'v-9', sid: 's-9' }, ok(200, { sessionId: 'other', visitorId: 'other', pageId: 'p2' }));
    expect(request.url).toBe('/api/account/12345678/app/app-1/engagement?v=1.1&vid=v-9&sid=s-9&obh=true');
    expect(result).toEqual({ _tag: 'Right', right: { status: 'NotAvailable', visitorId: 'v-9', sessionId: 's-9', pageId: 'p2' } });
  });

  it('takes the new ids of a 201', async () => {
    const { result } = await sent({ appInstallationId: 'app-1' }, { vid: 'old', sid: 'old' }, ok(201, { sessionId: 's-new', visitorId: 'v-new', pageId: 'p3' }));
    expect(result).toMatchObject({ right: { visitorId: 'v-new', sessionId: 's-new' } });
  });

  it('keeps every expose offer, in order, and prefers a conversation to offers', async () => {
    const expose = (n: number) => ({ status: 'expose', campaignId: n, engagementId: 10 + n, engagementRevision: 1, contextId: 'c', windowId: 7, language: 'en-US' });
    const two = await sent({ appInstallationId: 'a' }, {}, ok(201, { sessionId: 's', visitorId: 'v', pageId: 'p', engagementDetails: [expose(1), { status: 'later' }, expose(2)] }));
    expect(two.result).toMatchObject({ right: { status: 'Available', engagementDetails: { campaignId: '1', engagementId: '11', windowId: '7' }, offers: [{ campaignId: '1' }, { campaignId: '2' }] } });
    await host?.close();
    const conversation = { status: 'conversation', campaignId: 3, engagementId: 4, conversationId: 'conv-1', engagementRevision: 2 };
    const resumed = await sent({ appInstallationId: 'a' }, {}, ok(201, { sessionId: 's', visitorId: 'v', pageId: 'p', engagementDetails: [expose(1), conversation] }));
    expect(resumed.result).toEqual({
      _tag: 'Right',
      right: { status: 'Conversation', sessionId: 's', visitorId: 'v', pageId: 'p', conversation: { conversationId: 'conv-1', campaignId: '3', engagementId: '4', engagementRevision: 2 } },
    });
  });

  it('gives a decode Left naming the field of a detail that does not fit, and of a 201 without ids', async () => {
    const bad = await sent({ appInstallationId: 'a' }, {}, ok(201, { sessionId: 's', visitorId: 'v', pageId: 'p', engagementDetails: [{ status: 'expose', campaignId: 1 }] }));
    expect(bad.result).toMatchObject({ _tag: 'Left', left: { kind: 'decode', operation: 'monitorEngagement', status: 201, issues: expect.arrayContaining([expect.objectContaining({ path: 'engagementDetails[0].engagementId' })]) } });
    await host?.close();
    const noIds = await sent({ appInstallationId: 'a' }, {}, ok(201, { pageId: 'p' }));
    expect(noIds.result).toMatchObject({ _tag: 'Left', left: { kind: 'decode', status: 201, issues: [{ path: 'visitorId' }, { path: 'sessionId' }] } });
  });
});

describe('the default retry policy', () => {
  it('is a policy retryPolicy accepts as it is, on the 10, 30, 90 s schedule, for 5xx only', () => {
    expect(retryPolicy(monitoringRetryPolicy)).toEqual({ _tag: 'Right', right: monitoringRetryPolicy });
    expect(monitoringRetryPolicy).toMatchObject({ maxAttempts: 4, backoff: { kind: 'schedule', delaysMs: [10_000, 30_000, 90_000] }, retryOn: { statuses: ['5xx'], network: true, timeout: true } });
    expect(Object.isFrozen(monitoringRetryPolicy)).toBe(true);
  });

  it('is the client default only when the configuration names no retry', async () => {
    host = await loopbackHost(() => ({ status: 503 }));
    const backend = monitoringBackend({ appInstallationId: 'a' });
    const client = createEngagementClient({ accountId: '12345678', domain: host.origin, backend, retry: retryPolicy({ maxAttempts: 1 }) });
    expect(await lastValueFrom(client.getEngagement())).toMatchObject({ _tag: 'Left', left: { kind: 'http', status: 503 } });
    expect(host.requests).toHaveLength(1);
  });
});

describe('the backend option', () => {
  const check = (config: Record<string, unknown>) => lastValueFrom(createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', ...config } as never).getEngagement());

  it('refuses a value no backend function made, naming backend', async () => {
    expect(await check({ backend: { name: 'monitoring' } })).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: 'backend', reason: 'expected a backend made by monitoringBackend(...), got an object' }] } });
  });

  it('passes on the issues of refused Monitoring options under backend.', async () => {
    const r = await check({ backend: monitoringBackend({ appInstallationId: '', obh: 'yes', colour: 1 } as never) });
    expect(r).toMatchObject({ _tag: 'Left', left: { kind: 'validation' } });
    const paths = r._tag === 'Left' && r.left.kind === 'validation' ? r.left.issues.map((i) => i.path) : [];
    expect(paths).toEqual(['backend.appInstallationId', 'backend.obh', 'backend.colour']);
  });

  it('names each refused identity field', () => {
    const r = monitoringBackend({ appInstallationId: 'a', identities: [{ iss: 'x', acr: 'loa2', sub: '' }] as never });
    expect(r._tag === 'Left' && r.left.issues.map((i) => i.path)).toEqual(['identities[0].acr', 'identities[0].sub']);
  });

  it('never throws on hostile options', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('no'); } });
    expect(monitoringBackend(hostile as never)).toMatchObject({ _tag: 'Left', left: { issues: [{ path: '(value)' }] } });
    expect(monitoringBackend(undefined as never)).toMatchObject({ _tag: 'Left', left: { issues: [{ path: '(value)', reason: 'expected an options object, got nothing' }] } });
  });
});
