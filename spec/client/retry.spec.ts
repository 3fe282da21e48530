/**
 * The client's retry pipeline end to end: real HTTP against the emulator
 * with each fault, waits on a virtual clock (no real sleeps).
 */
import { VirtualTimeScheduler, lastValueFrom } from 'rxjs';
import { createEngagementClient, retryPolicy, type CheckOptions, type CheckProgress, type ClientEvent, type EngagementClient, type RetryPolicyInput } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { gate, type Gate } from '../helpers/gate';
import { advanceBy, tick } from '../helpers/virtual-clock';

let emulator: RunningEmulator;
let sleeper: Gate;
let scheduler: VirtualTimeScheduler;

beforeEach(() => {
  scheduler = new VirtualTimeScheduler();
});

afterEach(async () => {
  sleeper?.release();
  await emulator?.close();
});

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  sleeper = gate();
  emulator = await startEmulator({ sleep: sleeper.sleep, ...options });
  return emulator;
}

/** A client on the virtual clock whose retry waits are played as soon as they are scheduled. */
function client(extra: Record<string, unknown> = {}): { c: EngagementClient; events: ClientEvent[] } {
  const c = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, scheduler, random: () => 0.5, ...extra });
  const events: ClientEvent[] = [];
  c.events$.subscribe((e) => {
    events.push(e);
    if (e.type === 'retryScheduled') setImmediate(() => advanceBy(scheduler, e.delayMs));
  });
  return { c, events };
}

const types = (events: ClientEvent[]) => events.map((e) => e.type);

describe('retries against the emulator', () => {
  it('meets three "Loading account" answers and creates exactly one visitor', async () => {
    await start({ loadingAccountCalls: 3 });
    const { c, events } = client();
    const r = await lastValueFrom(c.getEngagement({ consumerSections: ['Support'] }));
    expect(r._tag === 'Right' && r.right.status).toBe('Available');
    expect(emulator.stats()).toMatchObject({ createSessionCalls: 4, visitorsCreated: 1 });
    const started = events.filter((e): e is Extract<ClientEvent, { type: 'attemptStarted' }> => e.type === 'attemptStarted');
    expect(started.map((e) => e.request.hasVisitorId)).toEqual([false, true, true, true]);
    expect(events.filter((e) => e.type === 'retryScheduled')).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'succeeded', attempts: 4, status: 'Available' });
  });

  it('(for comparison) a retry without the named visitor, as the legacy SDK does, creates one visitor per attempt', async () => {
    await start({ loadingAccountCalls: 3 });
    const { c } = client({ retry: retryPolicy({ maxAttempts: 1 }) });
    for (let i = 0; i < 4; i++) await lastValueFrom(c.getEngagement());
    expect(emulator.stats().visitorsCreated).toBe(4);
  });

  it('retries 5xx answers with the default delays around 5 and 10 s, then succeeds', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 503 }, { times: 2 });
    const { c, events } = client();
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag).toBe('Right');
    const delays = events.filter((e): e is Extract<ClientEvent, { type: 'retryScheduled' }> => e.type === 'retryScheduled').map((e) => e.delayMs);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(2500);
    expect(delays[0]).toBeLessThanOrEqual(15000);
    expect(delays[1]).toBeGreaterThanOrEqual(5000);
    expect(delays[1]).toBeLessThanOrEqual(20000);
    expect(scheduler.now()).toBe((delays[0] ?? 0) + (delays[1] ?? 0));
  });

  it('honours Retry-After on a 429', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 429, headers: { 'Retry-After': '3' } });
    const { c, events } = client();
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag).toBe('Right');
    expect(events.find((e) => e.type === 'retryScheduled')).toMatchObject({ delayMs: 3000 });
  });

  it('waits at least 1 s on a 429 whose Retry-After is 0', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 429, headers: { 'Retry-After': '0' } });
    const { c, events } = client();
    await lastValueFrom(c.getEngagement());
    expect(events.find((e) => e.type === 'retryScheduled')).toMatchObject({ delayMs: 1000 });
  });

  it('retries a reset connection', async () => {
    await start();
    emulator.inject({ kind: 'reset' });
    const { c, events } = client();
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag).toBe('Right');
    expect(events.find((e) => e.type === 'attemptFailed')).toMatchObject({ error: { kind: 'network' } });
  });

  it('retries an attempt whose body is too slow (timeout), then succeeds', async () => {
    await start();
    emulator.inject({ kind: 'slowBody', delayMs: 60_000 });
    const { c, events } = client({ timeoutMs: 4000 });
    const result = lastValueFrom(c.getEngagement());
    await sleeper.waiting();
    advanceBy(scheduler, 4000); // the first attempt's budget runs out
    const r = await result;
    expect(r._tag).toBe('Right');
    expect(events.find((e) => e.type === 'attemptFailed')).toMatchObject({ error: { kind: 'timeout' } });
  });

  it('never retries a malformed body (decode) or a 4xx other than 429', async () => {
    await start();
    emulator.inject({ kind: 'malformed' });
    const a = client();
    const r1 = await lastValueFrom(a.c.getEngagement());
    expect(r1._tag === 'Left' && r1.left.kind).toBe('decode');
    expect(types(a.events)).toEqual(['attemptStarted', 'attemptFailed', 'gaveUp']);

    emulator.inject({ kind: 'status', status: 404 });
    const b = client();
    const r2 = await lastValueFrom(b.c.getEngagement());
    expect(r2._tag === 'Left' && r2.left).toMatchObject({ kind: 'http', status: 404 });
    expect(emulator.stats().createSessionCalls).toBe(2);
  });

  it('gives up after maxAttempts with the last error', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 500 }, { times: Infinity });
    const { c, events } = client({ retry: retryPolicy({ maxAttempts: 3 }) });
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'http', status: 500 });
    expect(emulator.stats().createSessionCalls).toBe(3);
    expect(events.at(-1)).toMatchObject({ type: 'gaveUp', attempts: 3 });
  });

  it('turns retries off with maxAttempts 1', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 503 });
    const { c } = client({ retry: retryPolicy({ maxAttempts: 1 }) });
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'http', status: 503 });
    expect(emulator.stats().createSessionCalls).toBe(1);
  });

  it('refuses a bad retry option with a validation Left naming it', async () => {
    await start();
    const { c } = client({ retry: retryPolicy({ maxAttempts: 0, jitter: 'some' } as unknown as RetryPolicyInput) });
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag === 'Left' && r.left.kind === 'validation' && r.left.issues.map((i) => i.path).sort()).toEqual(['retry.jitter', 'retry.maxAttempts']);
  });

  it('polls a NotAvailable answer when asked, until Available', async () => {
    await start();
    const { c } = client({ retry: retryPolicy({ polling: { intervalMs: 30_000, maxPolls: 5 } }) });
    const answers: string[] = [];
    let completed = false;
    c.getEngagement({ consumerSections: ['Billing'] }).subscribe({
      next: (r) => answers.push(r._tag === 'Right' ? r.right.status : r.left.kind),
      complete: () => (completed = true),
    });
    const until = async (n: number) => {
      for (let i = 0; i < 200 && answers.length < n; i++) await tick();
    };
    await until(1);
    expect(answers).toEqual(['NotAvailable']);
    advanceBy(scheduler, 29_999);
    await tick();
    expect(emulator.stats().createSessionCalls).toBe(1); // not before the interval
    advanceBy(scheduler, 1);
    await until(2);
    emulator.setSkillOnline('Billing', true);
    advanceBy(scheduler, 30_000);
    await until(3);
    for (let i = 0; i < 20 && !completed; i++) await tick();
    expect(answers).toEqual(['NotAvailable', 'NotAvailable', 'Available']);
    expect(completed).toBe(true);
    expect(emulator.stats().visitorsCreated).toBe(1);
  });
});

describe('cancellation', () => {
  const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

  it('mid-wait: stops the pending retry timer, and no further attempt is sent', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 503 }, { times: Infinity });
    const c = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, scheduler });
    const scheduled = new Promise<void>((resolve) => c.events$.subscribe((e) => e.type === 'retryScheduled' && resolve()));
    const sub = c.getEngagement().subscribe();
    await scheduled;
    await tick();
    expect(scheduler.actions.filter((a) => !a.closed).length).toBeGreaterThan(0); // the retry timer waits
    sub.unsubscribe();
    expect(scheduler.actions.filter((a) => !a.closed)).toEqual([]);
    advanceBy(scheduler, 60_000);
    await tick();
    expect(emulator.stats().createSessionCalls).toBe(1);
  });

  it('mid-request: aborts the socket and cancels the attempt timeout', async () => {
    await start();
    const c = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, scheduler });
    await lastValueFrom(c.getEngagement());
    const before = sockets();
    emulator.inject({ kind: 'latency', delayMs: 60_000 });
    const sub = c.getEngagement().subscribe();
    await sleeper.waiting();
    sub.unsubscribe();
    expect(scheduler.actions.filter((a) => !a.closed)).toEqual([]);
    for (let i = 0; i < 20 && sockets() > before; i++) await tick();
    expect(sockets()).toBeLessThanOrEqual(before);
  });
});

describe("one check's progress (onProgress)", () => {
  it('tells attempts started, attempts failed and retries scheduled of its own check, in order, synchronously with events$', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 503 }, { times: 1 });
    const { c, events } = client();
    const progress: CheckProgress[] = [];
    const mine = lastValueFrom(c.getEngagement({ consumerSections: ['Sales'] }, { onProgress: (p) => progress.push(p) })); // check 1: meets the 503
    const other = lastValueFrom(c.getEngagement({ consumerSections: ['Support'] })); // check 2: someone else's
    expect((await mine)._tag).toBe('Right');
    expect((await other)._tag).toBe('Right');
    expect(progress.map((p) => [p.type, p.check, p.attempt])).toEqual([
      ['attemptStarted', 1, 1],
      ['attemptFailed', 1, 1],
      ['retryScheduled', 1, 1],
      ['attemptStarted', 1, 2],
    ]);
    const own = events.filter((e) => (e.type === 'attemptStarted' || e.type === 'attemptFailed' || e.type === 'retryScheduled') && e.check === 1);
    expect(progress).toEqual(own);
    expect(events.some((e) => e.type === 'attemptStarted' && e.check === 2)).toBe(true);
    expect(progress[0]).toMatchObject({ type: 'attemptStarted', attempt: 1, request: { sections: 1 } });
  });

  it('keeps the outcome when onProgress throws', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 503 }, { times: 1 });
    const { c } = client();
    let calls = 0;
    const r = await lastValueFrom(
      c.getEngagement(undefined, {
        onProgress: () => {
          calls++;
          throw new Error('a broken progress display');
        },
      }),
    );
    expect(r._tag).toBe('Right');
    expect(calls).toBe(4); // started, failed, retry scheduled, started
  });

  it('refuses bad check options with a validation Left naming them, and sends nothing', async () => {
    await start();
    const { c } = client();
    const paths = async (options: unknown) => {
      const r = await lastValueFrom(c.getEngagement({ consumerSections: 7 } as never, options as CheckOptions));
      return r._tag === 'Left' && r.left.kind === 'validation' ? r.left.issues.map((i) => i.path) : [];
    };
    expect(await paths({ onProgress: 'log' })).toEqual(['consumerSections', 'options.onProgress']);
    expect(await paths({ progress: () => undefined })).toEqual(['consumerSections', 'options.progress']);
    expect(await paths('fast')).toEqual(['consumerSections', 'options']);
    expect(emulator.stats().createSessionCalls).toBe(0);
  });
});
