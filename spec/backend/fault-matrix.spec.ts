/**
 * The fault matrix, per backend: the same faults played by the emulator on
 * App Engagement's Create Session and on the Monitoring API's engagement
 * call, and what each backend's default retry policy does with them. Real
 * HTTP on 127.0.0.1; retry waits on a virtual clock (no real sleeps).
 */
import { VirtualTimeScheduler, lastValueFrom } from 'rxjs';
import { createEngagementClient, type ClientEvent, type EngagementClient } from '../../src/index';
import { monitoringBackend } from '../../src/monitoring/index';
import { startEmulator, type EmulatorOperation, type RunningEmulator } from '../../src/emulator/index';
import { gate, type Gate } from '../helpers/gate';
import { advanceBy } from '../helpers/virtual-clock';

interface Backend {
  readonly name: string;
  readonly operation: EmulatorOperation & ('createSession' | 'monitorEngagement');
  readonly config: (e: RunningEmulator) => Record<string, unknown>;
  /** The nominal delays of the default policy. */
  readonly delays: ReadonlyArray<number>;
  readonly retries429: boolean;
  readonly visitors: (e: RunningEmulator) => number;
}

const backends: ReadonlyArray<readonly [string, Backend]> = [
  [
    'App Engagement',
    { name: 'appEngagement', operation: 'createSession', config: () => ({}), delays: [5_000, 10_000, 15_000], retries429: true, visitors: (e) => e.stats().visitorsCreated },
  ],
  [
    'Monitoring',
    {
      name: 'monitoring',
      operation: 'monitorEngagement',
      config: (e) => ({ backend: monitoringBackend({ appInstallationId: e.appInstallationId }) }),
      delays: [10_000, 30_000, 90_000],
      retries429: false,
      visitors: (e) => e.stats().visitorsCreated,
    },
  ],
];

let emulator: RunningEmulator;
let sleeper: Gate | undefined;
afterEach(async () => {
  sleeper?.release();
  await emulator?.close();
});

describe.each(backends)('%s', (_label, backend) => {
  let scheduler: VirtualTimeScheduler;

  async function client(): Promise<{ c: EngagementClient; events: ClientEvent[]; calls: () => number }> {
    scheduler = new VirtualTimeScheduler();
    // The emulator's latency and slow bodies wait on a gate, never on real time.
    sleeper = gate();
    emulator = await startEmulator({ sleep: sleeper.sleep });
    const c = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, scheduler, random: () => 0.5, timeoutMs: 4_000, ...backend.config(emulator) });
    const events: ClientEvent[] = [];
    c.events$.subscribe((e) => {
      events.push(e);
      if (e.type === 'retryScheduled') setImmediate(() => advanceBy(scheduler, e.delayMs));
    });
    const calls = () => (backend.operation === 'createSession' ? emulator.stats().createSessionCalls : emulator.stats().monitorEngagementCalls);
    return { c, events, calls };
  }
  const delaysOf = (events: ClientEvent[]) => events.flatMap((e) => (e.type === 'retryScheduled' ? [e.delayMs] : []));

  it('retries 5xx answers around its own schedule, then succeeds', async () => {
    const { c, events, calls } = await client();
    emulator.inject({ kind: 'status', status: 503 }, { times: 2, operation: backend.operation });
    const r = await lastValueFrom(c.getEngagement({ consumerSections: ['Support'] }));
    expect(r._tag === 'Right' && r.right.status).toBe('Available');
    const [first, second] = delaysOf(events);
    expect(first).toBeGreaterThanOrEqual((backend.delays[0] as number) / 2);
    expect(first).toBeLessThanOrEqual(backend.delays[0] as number);
    expect(second).toBeGreaterThanOrEqual((backend.delays[1] as number) / 2);
    expect(second).toBeLessThanOrEqual(3 * (first as number));
    expect(calls()).toBe(3);
  });

  it('gives up after three retries of a lasting 500, with the last http Left', async () => {
    const { c, events, calls } = await client();
    emulator.inject({ kind: 'status', status: 500 }, { times: Infinity, operation: backend.operation });
    const r = await lastValueFrom(c.getEngagement());
    expect(r).toMatchObject({ _tag: 'Left', left: { kind: 'http', status: 500, operation: backend.operation } });
    expect(delaysOf(events)).toHaveLength(3);
    expect(calls()).toBe(4);
  });

  it('never retries a 400', async () => {
    const { c, calls } = await client();
    emulator.inject({ kind: 'status', status: 400 }, { operation: backend.operation });
    expect(await lastValueFrom(c.getEngagement())).toMatchObject({ _tag: 'Left', left: { kind: 'http', status: 400 } });
    expect(calls()).toBe(1);
  });

  it(`${backend.retries429 ? 'retries' : 'never retries'} a 429`, async () => {
    const { c, calls } = await client();
    emulator.inject({ kind: 'status', status: 429, headers: { 'Retry-After': '1' } }, { operation: backend.operation });
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag).toBe(backend.retries429 ? 'Right' : 'Left');
    expect(calls()).toBe(backend.retries429 ? 2 : 1);
  });

  it('meets "Loading account" answers and creates exactly one visitor', async () => {
    const { c, calls } = await client();
    emulator.inject({ kind: 'loadingAccount' }, { times: 2, operation: backend.operation });
    const r = await lastValueFrom(c.getEngagement({ consumerSections: ['Support'] }));
    expect(r._tag).toBe('Right');
    expect(calls()).toBe(3);
    expect(backend.visitors(emulator)).toBe(1);
  });

  it('retries a connection reset (a network Left) and succeeds', async () => {
    const { c, calls } = await client();
    emulator.inject({ kind: 'reset' }, { operation: backend.operation });
    expect((await lastValueFrom(c.getEngagement()))._tag).toBe('Right');
    expect(calls()).toBe(2);
  });

  it('retries an attempt that runs out of time (a slow body), and succeeds', async () => {
    const { c, events, calls } = await client();
    emulator.inject({ kind: 'slowBody', delayMs: 60_000 }, { operation: backend.operation });
    const result = lastValueFrom(c.getEngagement());
    await sleeper?.waiting();
    advanceBy(scheduler, 4_000); // the first attempt's budget runs out
    expect((await result)._tag).toBe('Right');
    expect(events.find((e) => e.type === 'attemptFailed')).toMatchObject({ error: { kind: 'timeout' } });
    expect(calls()).toBe(2);
  });

  it('answers a body that is not JSON with a decode Left, not retried', async () => {
    const { c, calls } = await client();
    emulator.inject({ kind: 'malformed' }, { operation: backend.operation });
    expect(await lastValueFrom(c.getEngagement())).toMatchObject({ _tag: 'Left', left: { kind: 'decode', operation: backend.operation } });
    expect(calls()).toBe(1);
  });
});

describe("the Monitoring API's error table, as the client reads it", () => {
  it.each([
    [400, 33, 1],
    [400, 5, 1],
    [404, 37, 1],
    [404, 39, 1],
    [404, 18, 1],
    [500, 20, 4],
    [500, 18, 4],
  ])('%i with internalCode %i: an http Left after %i call(s)', async (status, internalCode, expectedCalls) => {
    const scheduler = new VirtualTimeScheduler();
    emulator = await startEmulator();
    const c = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, scheduler, random: () => 0.5, backend: monitoringBackend({ appInstallationId: emulator.appInstallationId }) });
    c.events$.subscribe((e) => {
      if (e.type === 'retryScheduled') setImmediate(() => advanceBy(scheduler, e.delayMs));
    });
    emulator.inject({ kind: 'status', status, body: { time: 1, message: 'refused', internalCode } }, { times: Infinity, operation: 'monitorEngagement' });
    const r = await lastValueFrom(c.getEngagement());
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'http', operation: 'monitorEngagement', status, internalCode, serverMessage: 'refused' }) });
    expect(emulator.stats().monitorEngagementCalls).toBe(expectedCalls);
  });
});
