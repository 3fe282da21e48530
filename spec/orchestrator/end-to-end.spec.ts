/**
 * The orchestrator end to end: a real client over real loopback HTTP
 * against the emulator, its timers on a VirtualTimeScheduler that only the
 * test moves (no real sleeps).
 */
import { BehaviorSubject, Subject, VirtualTimeScheduler, type Subscription } from 'rxjs';
import type { EngagementAttribute } from '../../src/attributes/attribute';
import { createEngagementClient, createReporter, type EngagementClient } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { watchEngagement, type EngagementInputs } from '../../src/orchestrator/engagement-stream';
import type { WatchOptions } from '../../src/orchestrator/options';
import type { AvailableState, EngagementState } from '../../src/orchestrator/state';
import { gate, type Gate } from '../helpers/gate';
import { advanceTo, tick } from '../helpers/virtual-clock';

let emulator: RunningEmulator;
let sleeper: Gate;
let scheduler: VirtualTimeScheduler;
let subscription: Subscription | undefined;

beforeEach(() => {
  scheduler = new VirtualTimeScheduler();
});

afterEach(async () => {
  subscription?.unsubscribe();
  subscription = undefined;
  sleeper?.release();
  await emulator?.close();
});

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  sleeper = gate();
  emulator = await startEmulator({ sleep: sleeper.sleep, ...options });
  return emulator;
}

function client(): EngagementClient {
  return createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, scheduler, random: () => 0.5 });
}

/** Subscribes and records every state; `until` lets real I/O run until a state shows up. */
function follow(c: EngagementClient, inputs: EngagementInputs, options: WatchOptions = {}) {
  const states: EngagementState[] = [];
  subscription = watchEngagement(c, inputs, options).subscribe((s) => states.push(s));
  const last = () => states[states.length - 1] as EngagementState;
  const until = async (what: string, ok: (s: EngagementState) => boolean): Promise<EngagementState> => {
    for (let i = 0; i < 500 && !ok(last()); i++) await tick();
    if (!ok(last())) throw new Error(`never reached ${what}; last state: ${JSON.stringify(last())}`);
    return last();
  };
  return { states, last, until };
}

const engagementId = (s: EngagementState) => (s.status === 'Available' ? s.engagement.engagementDetails.engagementId : undefined);

describe('a visitor walks through three sections, then the engagement expires', () => {
  it('Support (Available) → Billing (offline skill: NotAvailable) → Sales (Available), renewed once, then Expired when the renewal meets 503s', async () => {
    await start({ validForSeconds: 10 });
    const c = client();
    const sections$ = new BehaviorSubject<ReadonlyArray<string>>(['Support']);
    const run = follow(c, { sections$ });

    const support = await run.until('Support Available', (s) => s.status === 'Available');
    expect(engagementId(support)).toBe('3562981110');

    sections$.next(['Billing']);
    expect(run.last()).toMatchObject({ status: 'Checking', trigger: 'sections', previous: { status: 'Available' } });
    await run.until('Billing NotAvailable', (s) => s.status === 'NotAvailable');

    sections$.next(['Sales']);
    const sales = (await run.until('Sales Available', (s) => s.status === 'Available')) as AvailableState;
    expect(engagementId(sales)).toBe('3562981120');
    // Every check so far was sent at virtual time 0: valid 10 s, renewed 1 s (10 %) before.
    expect(sales).toMatchObject({ renewAt: 9_000, expiresAt: 10_000 });

    // The renewal: still Available while it runs, then Available again with a new validity.
    advanceTo(scheduler, 9_000);
    expect(run.last()).toMatchObject({ status: 'Available', renewal: { attempt: 1, attemptAt: 9_000 } });
    const renewed = await run.until('renewed', (s) => s.status === 'Available' && s.renewal === undefined && s.expiresAt === 19_000);
    expect(renewed).toMatchObject({ renewAt: 18_000, expiresAt: 19_000 });
    expect(engagementId(renewed)).toBe('3562981120');

    // The next renewal meets 503s: its retry (about 5 s later) would come after the expiry.
    emulator.inject({ kind: 'status', status: 503 }, { times: Infinity });
    advanceTo(scheduler, 18_000);
    const waiting = (await run.until('renewal waiting for a retry', (s) => s.status === 'Available' && s.renewal?.nextRetryAt !== undefined)) as AvailableState;
    expect(waiting.renewal).toMatchObject({ attempt: 2, nextRetryAt: 23_000, lastFailure: { kind: 'http', status: 503 } });
    advanceTo(scheduler, 19_000);
    expect(run.last()).toEqual({ status: 'Expired', engagement: renewed.status === 'Available' ? renewed.engagement : undefined, expiredAt: 19_000, cause: 'renewal-unanswered' });

    // The cancelled renewal sends nothing more.
    advanceTo(scheduler, 60_000);
    await tick();
    expect(run.last().status).toBe('Expired');

    const stats = emulator.stats();
    expect(stats.createSessionCalls).toBe(5); // Support, Billing, Sales, renewal, failed renewal
    expect(stats.visitorsCreated).toBe(1); // one visitor for the whole walk
    expect(stats.sessionsCreated).toBe(1);
    const creates = emulator.visitor(sales.engagement.visitorId)?.sessions[0]?.creates ?? [];
    expect(creates.map((k) => [k.consumerSections, k.status])).toEqual([
      [['Support'], 'Available'],
      [['Billing'], 'NotAvailable'],
      [['Sales'], 'Available'],
      [['Sales'], 'Available'],
    ]);

    // Back to a working server: the next trigger checks again.
    emulator.clearFaults();
    sections$.next(['Support']);
    const again = await run.until('Support Available again', (s) => s.status === 'Available');
    expect(engagementId(again)).toBe('3562981110');
    expect(run.states.map((s) => s.status)).toEqual([
      'Idle',
      'Checking',
      'Available', // Support
      'Checking',
      'NotAvailable', // Billing
      'Checking',
      'Available', // Sales
      'Available', // renewing
      'Available', // renewed
      'Available', // renewing
      'Available', // renewal waits for a retry
      'Expired',
      'Checking',
      'Available', // Support again
    ]);
  });
});

describe('against the emulator', () => {
  it('offline aborts the request in flight; back online it checks again', async () => {
    await start();
    emulator.inject({ kind: 'latency', delayMs: 60_000 });
    const online$ = new BehaviorSubject(true);
    const run = follow(client(), { online$ });
    await sleeper.waiting(); // the emulator holds the first request
    online$.next(false);
    expect(run.last()).toMatchObject({ status: 'Paused', reason: 'offline', previous: { status: 'Checking' } });
    for (let i = 0; i < 50 && emulator.stats().aborted === 0; i++) await tick();
    expect(emulator.stats().aborted).toBe(1);
    online$.next(true);
    expect(run.last()).toMatchObject({ status: 'Checking', trigger: 'resume' });
    await run.until('Available', (s) => s.status === 'Available');
    expect(emulator.stats().createSessionCalls).toBe(2);
  });

  it('hands SDEs to its reporter (Update Session) and re-checks once delivered', async () => {
    await start();
    const c = client();
    const attributes$ = new Subject<EngagementAttribute>();
    const run = follow(c, { sections$: new BehaviorSubject(['Sales']), attributes$ }, { reporter: createReporter(c) });
    const first = (await run.until('Available', (s) => s.status === 'Available')) as AvailableState;
    const visitorId = first.engagement.visitorId;

    attributes$.next({ type: 'cart', total: 99.5, numItems: 2 });
    advanceTo(scheduler, 250); // the reporter's window
    for (let i = 0; i < 200 && emulator.received(visitorId).length === 0; i++) await tick();
    expect(emulator.received(visitorId).map((u) => u.engagementAttributes)).toEqual([[{ type: 'cart', total: 99.5, numItems: 2 }]]);
    expect(emulator.stats().createSessionCalls).toBe(1);

    advanceTo(scheduler, 1_000); // the SDE debounce
    expect(run.last()).toMatchObject({ status: 'Checking', trigger: 'attributes' });
    await run.until('Available', (s) => s.status === 'Available');
    expect(emulator.stats().createSessionCalls).toBe(2);
  });
});

describe("the client's scheduler", () => {
  it('runs the live state on the scheduler the client was configured with, unless the options name another', async () => {
    await start({ validForSeconds: 10 });
    const run = follow(client(), { sections$: new BehaviorSubject(['Support']) }); // no scheduler option
    const first = (await run.until('Available', (s) => s.status === 'Available')) as AvailableState;
    expect(first.renewAt).toBeLessThan(10_000);
    advanceTo(scheduler, first.renewAt); // only the client's virtual scheduler moves
    for (let i = 0; i < 200 && emulator.stats().createSessionCalls < 2; i++) await tick();
    expect(emulator.stats().createSessionCalls).toBe(2);
  });
});
