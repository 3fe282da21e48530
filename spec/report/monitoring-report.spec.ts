/**
 * A reporter on a Monitoring client, end to end against the emulator (real
 * loopback HTTP), time on a VirtualTimeScheduler (no real sleeps): reports
 * go to the Monitoring API's `report` method, impressions inside
 * `engagementAttributes`, on the session the report was made in.
 */
import { VirtualTimeScheduler, lastValueFrom } from 'rxjs';
import { cartAttribute, createEngagementClient, createReporter, displayImpression, memoryOutboxStore, type EngagementClient, type OutboxState, type Reporter, type ReporterOptions, type ReportEvent } from '../../src/index';
import { monitoringBackend } from '../../src/monitoring/index';
import { useGatedEmulator } from '../helpers/gated-emulator';
import { countingFetch, settle, type CountingFetch } from './driver';

const gated = useGatedEmulator();

interface Rig {
  readonly client: EngagementClient;
  readonly reporter: Reporter;
  readonly http: CountingFetch;
  readonly events: ReportEvent[];
  drain(): Promise<void>;
}

function rig(options: ReporterOptions = {}, backend = { appInstallationId: gated.emulator.appInstallationId }): Rig {
  const scheduler = new VirtualTimeScheduler();
  const http = countingFetch();
  const e = gated.emulator;
  const client = createEngagementClient({ accountId: e.accountId, domain: e.url, scheduler, random: () => 0.5, fetch: http.fetch, backend: monitoringBackend(backend) });
  const reporter = createReporter(client, options);
  const events: ReportEvent[] = [];
  reporter.events$.subscribe((ev) => events.push(ev));
  let idle = false;
  reporter.outbox$.subscribe((s) => (idle = s.pending === 0 && !s.sending));
  return { client, reporter, http, events, drain: () => settle(scheduler, http, () => idle && scheduler.actions.every((a) => a.closed)) };
}

async function exposed(client: EngagementClient) {
  const r = await lastValueFrom(client.getEngagement({ consumerSections: ['Support'] }));
  if (r._tag !== 'Right' || r.right.status !== 'Available') throw new Error('expected an Available answer');
  return r.right;
}

const reportsOf = (vid: string) => gated.emulator.monitorVisitor(vid)?.sessions.flatMap((s) => s.reports.map((r) => ({ sessionId: s.sessionId, ...r }))) ?? [];

describe('reporting on a Monitoring client', () => {
  it('sends SDEs and impressions in one PUT …/report, impressions inside engagementAttributes', async () => {
    const r = rig();
    const engagement = await exposed(r.client);
    r.reporter.report(cartAttribute({ total: 11.7, numItems: 6 }), displayImpression(engagement));
    await r.drain();
    const report = r.http.sent.find((s) => s.url.includes('/report'));
    const e = gated.emulator;
    expect(report).toMatchObject({
      method: 'PUT',
      url: `${e.url}/api/account/${e.accountId}/app/${e.appInstallationId}/report?v=1.0&vid=${engagement.visitorId}&sid=${engagement.sessionId}`,
    });
    expect(JSON.parse(report?.body ?? '')).toEqual({
      pageId: engagement.pageId,
      engagementAttributes: [{ type: 'cart', total: 11.7, numItems: 6 }, expect.objectContaining({ type: 'impDisplay' })],
    });
    expect(reportsOf(engagement.visitorId)).toEqual([
      expect.objectContaining({ sessionId: engagement.sessionId, pageId: engagement.pageId, pageIdGenerated: false, engagementAttributes: [expect.objectContaining({ type: 'cart' }), expect.objectContaining({ type: 'impDisplay' })] }),
    ]);
    expect(r.events.filter((ev) => ev.type === 'reportDelivered')).toHaveLength(1);
  });

  it('sends POST with X-HTTP-Method-Override: PUT when asked, and the identities of the backend', async () => {
    const identities = [{ iss: 'https://idp.example.com', acr: 'loa1' as const, sub: 'c-1' }];
    const r = rig({ updateSessionMethod: 'POST_OVERRIDE' }, { appInstallationId: gated.emulator.appInstallationId, identities } as never);
    const engagement = await exposed(r.client);
    r.reporter.report(cartAttribute({ total: 1, numItems: 1 }));
    await r.drain();
    const report = r.http.sent.find((s) => s.url.includes('/report'));
    expect(report).toMatchObject({ method: 'POST', headers: expect.objectContaining({ 'X-HTTP-Method-Override': 'PUT' }) });
    expect(JSON.parse(report?.body ?? '')).toMatchObject({ identities });
    expect(reportsOf(engagement.visitorId)).toHaveLength(1);
  });

  it('keeps a report on the session it was made in, even after a new session (the impression stays with its context)', async () => {
    const r = rig();
    const first = await exposed(r.client);
    r.reporter.report(displayImpression(first));
    r.client.resetSession();
    const second = await exposed(r.client);
    await r.drain();
    expect(second.visitorId).not.toBe(first.visitorId);
    expect(reportsOf(first.visitorId).map((x) => x.sessionId)).toEqual([first.sessionId]);
    expect(reportsOf(second.visitorId)).toEqual([]);
  });

  it('never sends App Engagement Update Session', async () => {
    const r = rig();
    await exposed(r.client);
    r.reporter.report(cartAttribute({ total: 1, numItems: 1 }));
    await r.drain();
    expect(r.http.sent.map((s) => new URL(s.url).pathname.split('/').at(-1))).toEqual(['engagement', 'report']);
    expect(gated.emulator.stats()).toMatchObject({ updateSessionCalls: 0, monitorReportCalls: 1 });
  });

  it('keeps its outbox apart from an App Engagement reporter sharing the outbox store', () => {
    const e = gated.emulator;
    const store = memoryOutboxStore();
    // Neither client has a session yet: each report waits in the store.
    const appEngagement = createReporter(createEngagementClient({ accountId: e.accountId, domain: e.url }), { outbox: store });
    appEngagement.report(cartAttribute({ total: 1, numItems: 1 }));
    const monitoring = createEngagementClient({ accountId: e.accountId, domain: e.url, backend: monitoringBackend({ appInstallationId: e.appInstallationId }) });
    const reporter = createReporter(monitoring, { outbox: store });
    let outbox: OutboxState | undefined;
    reporter.outbox$.subscribe((o) => (outbox = o));
    expect(outbox?.pending).toBe(0);
    reporter.report(cartAttribute({ total: 2, numItems: 2 }), cartAttribute({ total: 3, numItems: 3 }));
    expect([store.load(e.accountId), store.load(`${e.accountId}/monitoring`)]).toMatchObject([{ pending: [expect.anything()] }, { pending: [expect.anything(), expect.anything()] }]);
    reporter.dispose();
    appEngagement.dispose();
  });
});
