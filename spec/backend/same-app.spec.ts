/**
 * The same application code on either backend: one app (a client, its live
 * state and its reporter) run twice against the emulator, once through App
 * Engagement and once through the Monitoring API, changing only the
 * client's configuration. Real loopback HTTP; timers on a
 * VirtualTimeScheduler that only the test moves (no real sleeps).
 */
import { BehaviorSubject, VirtualTimeScheduler, type Subscription } from 'rxjs';
import { cartAttribute, createEngagementClient, createReporter, displayImpression, watchEngagement, type EngagementClientConfig, type EngagementState, type OutboxState } from '../../src/index';
import { monitoringBackend } from '../../src/monitoring/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { advanceTo, tick } from '../helpers/virtual-clock';

/** What differs between the runs: the configuration, and where the test reads what the emulator saw. */
interface Run {
  readonly config: (e: RunningEmulator) => Partial<EngagementClientConfig>;
  readonly checks: (e: RunningEmulator) => number;
  /** The types of the attributes and impressions the emulator received for a visitor. */
  readonly delivered: (e: RunningEmulator, visitorId: string) => string[];
  /** When the first offer is renewed: 30 s before its validity (900 s from the emulator, or the 300 s recheckIntervalMs). */
  readonly renewAt: number;
}

const types = (list: ReadonlyArray<Readonly<Record<string, unknown>>>): string[] => list.map((a) => String(a['type']));

const runs: ReadonlyArray<readonly [string, Run]> = [
  [
    'App Engagement',
    {
      config: () => ({}),
      checks: (e) => e.stats().createSessionCalls,
      delivered: (e, vid) => e.received(vid).flatMap((r) => [...types(r.engagementAttributes), ...types(r.impAttributes)]),
      renewAt: 870_000,
    },
  ],
  [
    'the Monitoring API',
    {
      config: (e) => ({ backend: monitoringBackend({ appInstallationId: e.appInstallationId }) }),
      checks: (e) => e.stats().monitorEngagementCalls,
      delivered: (e, vid) => e.monitorVisitor(vid)?.sessions.flatMap((s) => s.reports.flatMap((r) => types(r.engagementAttributes))) ?? [],
      renewAt: 270_000,
    },
  ],
];

/**
 * The application: a chat button driven by the live state, and a reporter
 * that tells LivePerson what the visitor does. It knows nothing of the backend.
 */
function chatApp(config: EngagementClientConfig) {
  const client = createEngagementClient(config);
  const reporter = createReporter(client);
  const sections$ = new BehaviorSubject<ReadonlyArray<string>>(['Support']);
  const states: EngagementState[] = [];
  let outbox: OutboxState | undefined;
  reporter.outbox$.subscribe((o) => (outbox = o));
  const subscription: Subscription = watchEngagement(client, { sections$ }, { reporter }).subscribe((s) => {
    states.push(s);
    // Shown: the offer's impression is reported.
    if (s.status === 'Available' && s.renewal === undefined) reporter.report(displayImpression(s.engagement));
  });
  return {
    client,
    reporter,
    sections$,
    state: () => states[states.length - 1] as EngagementState,
    outbox: () => outbox,
    stop: () => subscription.unsubscribe(),
  };
}

let emulator: RunningEmulator | undefined;
let app: ReturnType<typeof chatApp> | undefined;
afterEach(async () => {
  app?.stop();
  await emulator?.close();
  emulator = app = undefined;
});

/** Lets real I/O run until `ok` holds. */
async function until(what: string, ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await tick();
  if (!ok()) throw new Error(`never reached: ${what}`);
}

describe.each(runs)('the same chat app through %s', (_name, run) => {
  it('shows the offer, reports the visitor, follows the sections and renews the offer', async () => {
    const scheduler = new VirtualTimeScheduler();
    const e = (emulator = await startEmulator());
    const a = (app = chatApp({ accountId: e.accountId, domain: e.url, scheduler, random: () => 0.5, ...run.config(e) }));

    // The offer of the first section, and its impression reported.
    await until('Available', () => a.state().status === 'Available');
    const first = a.state();
    if (first.status !== 'Available') throw new Error(first.status);
    expect(first).toMatchObject({ checkedAt: 0, renewAt: run.renewAt });
    const vid = first.engagement.visitorId;

    // The visitor fills a cart: reported (with the impression) after the batching window.
    a.reporter.report(cartAttribute({ total: 42, numItems: 2 }));
    advanceTo(scheduler, 250);
    await until('delivered', () => a.outbox()?.delivered === 2);
    expect(run.delivered(e, vid).sort()).toEqual(['cart', 'impDisplay']);

    // A section whose agents are offline: NotAvailable; back to Support: Available again, same visitor.
    a.sections$.next(['Billing']);
    await until('NotAvailable', () => a.state().status === 'NotAvailable');
    a.sections$.next(['Support']);
    await until('Available again', () => a.state().status === 'Available');
    expect(a.client.currentSession()?.visitorId).toBe(vid);

    // The offer is renewed before it runs out, without leaving Available.
    const before = run.checks(e);
    advanceTo(scheduler, run.renewAt + 1_000);
    await until('renewed', () => run.checks(e) === before + 1 && a.state().status === 'Available' && !('renewal' in a.state()));
    expect(a.client.currentSession()?.visitorId).toBe(vid);
  });
});
