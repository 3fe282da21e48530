import { manualSleeper, type ManualSleeper } from '../../src/emulator/manual-sleeper';
import { MALFORMED_BODY } from '../../src/emulator/fault-replies';
import { startEmulator } from '../../src/emulator/server';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/types';

const NOW = 1_700_000_000_000;
let emulator: RunningEmulator | undefined;
let sleeper: ManualSleeper;

async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  sleeper = manualSleeper();
  emulator = await startEmulator({ now: () => NOW, sleep: sleeper.sleep, ...options });
  return emulator;
}

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

function create(e: RunningEmulator, vid = ''): Promise<Response> {
  return fetch(`${e.url}/api/account/${e.accountId}/app/engagement/visitors/${vid}?v=1.0`, { method: 'POST', body: '{"appType":"EXTERNAL"}' });
}

function csds(e: RunningEmulator): Promise<Response> {
  return fetch(`${e.url}/api/account/${e.accountId}/service/baseURI.json?version=1.0`);
}

/**
 * Whether `p` is still pending once `barrier` (another full round trip to
 * the emulator, when given) has completed: an answer the emulator had
 * already written would have arrived by then.
 */
async function isPending(p: Promise<unknown>, barrier?: () => Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  if (barrier !== undefined) await barrier();
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return !done;
}

const roundTrip = (e: RunningEmulator) => async (): Promise<void> => {
  const res = await csds(e);
  expect(res.status).toBe(200);
  await res.text();
};

describe('status faults', () => {
  it('answers the status with a Retry-After header a page can read, and the error body by default', async () => {
    const e = await start();
    e.inject({ kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
    const res = await create(e);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(await res.json()).toEqual({ time: NOW, message: 'Emulated fault: HTTP 429', internalCode: 0 });
    expect(e.stats()).toMatchObject({ faultsServed: 1, visitorsCreated: 0, byOperation: { createSession: { '429': 1 } } });
    expect((await create(e)).status).toBe(200);
  });

  it('sends a given JSON body or text body', async () => {
    const e = await start();
    e.inject({ kind: 'status', status: 503, body: { time: 1, message: 'down', internalCode: 18 } });
    e.inject({ kind: 'status', status: 502, body: '<html>bad gateway</html>' });
    const json = await create(e);
    expect(json.status).toBe(503);
    expect(await json.json()).toEqual({ time: 1, message: 'down', internalCode: 18 });
    const text = await create(e);
    expect(text.status).toBe(502);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toBe('<html>bad gateway</html>');
  });

  it('refuses an invalid fault when injected', async () => {
    const e = await start();
    expect(() => e.inject({ kind: 'status', status: 99 })).toThrow(RangeError);
    expect(() => e.inject({ kind: 'reset' }, { times: -1 })).toThrow(RangeError);
    expect((await create(e)).status).toBe(200);
  });
});

describe('loadingAccount fault', () => {
  it('creates the visitor first, so the message names a real vid', async () => {
    const e = await start();
    e.inject({ kind: 'loadingAccount' });
    const res = await create(e);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { message: string; internalCode: number; time: number };
    expect(body).toEqual({ time: NOW, message: expect.stringMatching(/^Loading account: 12345678, vid: V\d+\w{6}$/), internalCode: 20 });
    const vid = body.message.split('vid: ')[1] ?? '';
    expect(e.visitor(vid)?.origin).toBe('created');
    expect(e.stats().visitorsCreated).toBe(1);
    const retry = (await (await create(e, vid)).json()) as { visitorId: string };
    expect(retry.visitorId).toBe(vid);
    expect(e.stats().visitorsCreated).toBe(1);
  });

  it('names the vid of the path when there is one, and null on CSDS', async () => {
    const e = await start();
    e.inject({ kind: 'loadingAccount' });
    expect(((await (await create(e, 'known_1')).json()) as { message: string }).message).toBe('Loading account: 12345678, vid: known_1');
    expect(e.visitor('known_1')?.origin).toBe('adopted');
    e.inject({ kind: 'loadingAccount' }, { operation: 'csds' });
    const res = await csds(e);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toBe('Loading account: 12345678, vid: null');
  });
});

describe('reset fault', () => {
  it('drops the connection without an answer: fetch rejects, the next call works', async () => {
    const e = await start();
    e.inject({ kind: 'reset' });
    const error = await create(e).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toMatchObject({ name: 'TypeError' });
    expect(e.stats()).toMatchObject({ resets: 1, faultsServed: 1, aborted: 0 });
    expect((await create(e)).status).toBe(200);
  });
});

describe('malformed fault', () => {
  it('answers 200 with a body that is not JSON', async () => {
    const e = await start();
    e.inject({ kind: 'malformed' }, { operation: 'csds' });
    const res = await csds(e);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(text).toBe(MALFORMED_BODY);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });
});

describe('latency', () => {
  it('holds the normal answer until the injected sleep ends', async () => {
    const e = await start();
    e.inject({ kind: 'latency', delayMs: 1500 });
    const answer = create(e);
    await sleeper.waitForSleep();
    expect(sleeper.calls).toEqual([1500]);
    expect(await isPending(answer, roundTrip(e))).toBe(true);
    sleeper.releaseNext();
    const res = await answer;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('Available');
  });

  it('adds latencyMs to every answer, and a latency fault on top of it', async () => {
    const e = await start({ latencyMs: 100 });
    e.inject({ kind: 'latency', delayMs: 50 }, { operation: 'csds' });
    const first = csds(e);
    await sleeper.waitForSleep();
    expect(await isPending(first)).toBe(true);
    sleeper.releaseAll();
    expect((await first).status).toBe(200);
    const notFound = fetch(`${e.url}/nowhere`);
    await sleeper.waitForSleep();
    sleeper.releaseAll();
    expect((await notFound).status).toBe(404);
    expect(sleeper.calls).toEqual([150, 100]);
  });
});

describe('slowBody', () => {
  it('sends status and headers at once, and the rest of the body after the sleep', async () => {
    const e = await start();
    e.inject({ kind: 'slowBody', delayMs: 3000 });
    const res = await create(e);
    expect(res.status).toBe(200);
    const text = res.text();
    await sleeper.waitForSleep();
    expect(sleeper.calls).toEqual([3000]);
    expect(await isPending(text, roundTrip(e))).toBe(true);
    sleeper.releaseNext();
    expect(JSON.parse(await text)).toMatchObject({ status: 'Available' });
  });
});

describe('fault queue over HTTP', () => {
  it('consumes faults in order, per operation, each for its times', async () => {
    const e = await start();
    e.inject({ kind: 'status', status: 503 }, { times: 2 });
    e.inject({ kind: 'status', status: 500 });
    e.inject({ kind: 'malformed' }, { operation: 'csds' });
    e.inject({ kind: 'status', status: 502 }, { operation: 'updateSession' });
    expect(await (await csds(e)).text()).toBe(MALFORMED_BODY);
    expect((await csds(e)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await create(e)).status);
    expect(statuses).toEqual([503, 503, 500, 200]);
    expect(e.stats()).toMatchObject({ faultsServed: 4, visitorsCreated: 1 });
    e.clearFaults();
    const put = await fetch(`${e.url}/api/account/${e.accountId}/app/engagement/visitors/x?v=1.0&sid=y`, { method: 'PUT', body: '{"pageId":"1"}' });
    expect(put.status).toBe(404);
  });
});
