/**
 * checkEngagement and checkEngagement.task against the emulator (a real
 * node:http server on 127.0.0.1, port 0): answers, server errors, and an
 * AbortSignal before, during and after a request and during a retry wait
 * (the retry wait on a virtual clock, no real sleeps).
 */
import { getEventListeners } from 'node:events';
import { VirtualTimeScheduler } from 'rxjs';
import { checkEngagement, createEngagementClient, describeError, retryPolicy, type CheckProgress, type EngagementClient } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { gate, type Gate } from '../helpers/gate';
import { advanceBy, tick } from '../helpers/virtual-clock';
import { throwingProxy } from '../helpers/hostile-values';

let emulator: RunningEmulator;
let sleeper: Gate;

beforeEach(async () => {
  sleeper = gate();
  emulator = await startEmulator({ sleep: sleeper.sleep });
});

afterEach(async () => {
  sleeper.release();
  await emulator.close();
});

const client = (extra: Record<string, unknown> = {}): EngagementClient => createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, ...extra });

/** Lets I/O callbacks run until `done()` holds (the emulator sees a socket close a moment after the client aborts). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await tick();
}

describe('checkEngagement', () => {
  it('answers a Right with the engagement when the agent is Available', async () => {
    const result = await checkEngagement(client(), { consumerSections: ['Support'] });
    expect(result._tag === 'Right' && result.right.status).toBe('Available');
    expect(emulator.stats().createSessionCalls).toBe(1);
  });

  it('answers a Left (it never rejects) when the server fails, after the policy gave up', async () => {
    emulator.inject({ kind: 'status', status: 503 });
    const result = await checkEngagement(client({ retry: retryPolicy({ maxAttempts: 1 }) }), { consumerSections: ['Support'] });
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'http', status: 503, operation: 'createSession' } });
  });

  it('passes the check options on: onProgress is told each attempt', async () => {
    const seen: CheckProgress['type'][] = [];
    const controller = new AbortController();
    await checkEngagement(client(), {}, { signal: controller.signal, onProgress: (p) => seen.push(p.type) });
    expect(seen).toEqual(['attemptStarted']);
  });

  it('answers an aborted Left at once, sending nothing, when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await checkEngagement(client(), { consumerSections: ['Support'] }, { signal: controller.signal });
    expect(result).toEqual({ _tag: 'Left', left: { kind: 'aborted', reason: 'AbortError', message: expect.stringContaining('cancelled') } });
    expect(emulator.stats().requests).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('aborts the request in flight when the signal aborts during it, and answers an aborted Left', async () => {
    emulator.inject({ kind: 'latency', delayMs: 60_000 });
    const controller = new AbortController();
    const pending = checkEngagement(client(), { consumerSections: ['Support'] }, { signal: controller.signal });
    await sleeper.waiting(); // the emulator holds the request
    controller.abort();
    expect(await pending).toMatchObject({ _tag: 'Left', left: { kind: 'aborted', reason: 'AbortError' } });
    await until(() => emulator.stats().aborted === 1);
    expect(emulator.stats()).toMatchObject({ aborted: 1, createSessionCalls: 1 });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('cancels a retry wait when the signal aborts during it: no timer left, no further request', async () => {
    const scheduler = new VirtualTimeScheduler();
    emulator.inject({ kind: 'status', status: 503 }, { times: 5 });
    const controller = new AbortController();
    const onProgress = (p: CheckProgress): void => {
      if (p.type === 'retryScheduled') controller.abort();
    };
    const result = await checkEngagement(client({ scheduler }), {}, { signal: controller.signal, onProgress });
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'aborted' } });
    expect(scheduler.actions).toHaveLength(0); // the retry wait was unscheduled
    advanceBy(scheduler, 10 * 60_000);
    await tick();
    expect(emulator.stats().createSessionCalls).toBe(1);
  });

  it('answers the final answer when the policy polls: NotAvailable, then Available', async () => {
    const scheduler = new VirtualTimeScheduler();
    emulator.setSkillOnline('TestSkill', false);
    const c = client({ scheduler, retry: retryPolicy({ polling: { intervalMs: 1000, maxPolls: 3 } }) });
    c.events$.subscribe((e) => {
      if (e.type === 'succeeded' && e.status === 'NotAvailable') {
        emulator.setSkillOnline('TestSkill', true);
        setImmediate(() => advanceBy(scheduler, 1000));
      }
    });
    const result = await checkEngagement(c);
    expect(result._tag === 'Right' && result.right.status).toBe('Available');
    expect(emulator.stats().createSessionCalls).toBe(2);
  });

  it('names the reason of a timeout signal, never the text of a reason', async () => {
    const timedOut = new AbortController();
    timedOut.abort(new DOMException('no answer in time', 'TimeoutError'));
    const a = await checkEngagement(client(), {}, { signal: timedOut.signal });
    expect(a._tag === 'Left' && a.left.kind === 'aborted' && a.left.reason).toBe('TimeoutError');
    expect(a._tag === 'Left' && describeError(a.left)).toBe('aborted: the check was cancelled (TimeoutError)');

    const personal = new AbortController();
    personal.abort('jane.doe@example.com left the page');
    const b = await checkEngagement(client(), {}, { signal: personal.signal });
    expect(b._tag === 'Left' && b.left.kind === 'aborted' && b.left.reason).toBe('AbortError');
    expect(JSON.stringify(b)).not.toContain('jane');
  });

  it('removes its abort listener once the answer came, and a later abort changes nothing', async () => {
    const controller = new AbortController();
    const result = await checkEngagement(client(), {}, { signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    controller.abort();
    expect(result._tag).toBe('Right');
  });

  it('refuses a signal that is not an AbortSignal, and a client that is not a client, with a validation Left naming them', async () => {
    const badSignal = await checkEngagement(client(), {}, { signal: 'soon' as unknown as AbortSignal });
    expect(badSignal).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: 'options.signal', reason: 'expected an AbortSignal, got a string' }] } });
    const badClient = await checkEngagement(undefined as unknown as EngagementClient);
    expect(badClient).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: 'client', reason: expect.stringContaining('got nothing') }] } });
    const unknownOption = await checkEngagement(client(), {}, { signal: new AbortController().signal, retries: 3 } as never);
    expect(unknownOption).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: 'options.retries' }] } });
    expect(emulator.stats().requests).toBe(0);
  });

  it('answers options whose proxy traps throw with a validation Left, never a throw', async () => {
    const options = throwingProxy();
    let answer: Promise<unknown> | undefined;
    expect(() => (answer = checkEngagement(client(), {}, options as never))).not.toThrow();
    expect(await answer).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: 'options' }] } });
    expect(emulator.stats().requests).toBe(0);
  });

  it('answers a validation Left for a bad request, as the client does', async () => {
    const result = await checkEngagement(client(), { appDetails: { deviceFamily: 'PHONE' } } as never);
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: 'appDetails.deviceFamily' }] } });
    expect(emulator.stats().requests).toBe(0);
  });
});

describe('checkEngagement.task', () => {
  it('is lazy: nothing is sent until the task runs, and each run is a new check', async () => {
    const task = checkEngagement.task(client(), { consumerSections: ['Support'] });
    await tick();
    expect(emulator.stats().requests).toBe(0);
    const first = await task();
    const second = await task();
    expect([first._tag, second._tag]).toEqual(['Right', 'Right']);
    expect(emulator.stats().createSessionCalls).toBe(2);
  });

  it('takes the signal: a run after an abort answers an aborted Left without a request', async () => {
    const controller = new AbortController();
    const task = checkEngagement.task(client(), {}, { signal: controller.signal });
    expect((await task())._tag).toBe('Right');
    controller.abort();
    expect(await task()).toMatchObject({ _tag: 'Left', left: { kind: 'aborted' } });
    expect(emulator.stats().createSessionCalls).toBe(1);
  });
});
