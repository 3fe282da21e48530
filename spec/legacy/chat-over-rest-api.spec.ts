/**
 * The drop-in ChatOverRestAPI against the emulator (a real node:http server
 * on 127.0.0.1, port 0). The emulator's waits go through a gate the tests
 * release; the page's own retry timer runs on setImmediate (no real sleep).
 */
import { VirtualTimeScheduler, lastValueFrom, toArray } from 'rxjs';
import { createEngagementClient } from '../../src/client/client';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { ChatOverRestAPI, type LegacyChatConfig } from '../../src/legacy/chat-over-rest-api';
import { CHAT_STATES, LEGACY_EVENT_NAMES, NO_CHAT_GETTERS, UNSUPPORTED_METHODS } from '../../src/legacy/event-names';
import type { LegacyEvent, LegacyLogEntry } from '../../src/legacy/telemetry';
import { seedRequest } from '../fixtures/seed';
import { gate, type Gate } from '../helpers/gate';
import { useEmulatorAndChats } from '../helpers/legacy-chats';
import { legacyPageHtml, useLegacyPagesInChromium } from '../helpers/legacy-page';

let emulator: RunningEmulator;
let sleeper: Gate;
const chats: ChatOverRestAPI[] = [];

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  sleeper = gate();
  emulator = await startEmulator({ sleep: sleeper.sleep, ...options });
  return emulator;
}

afterEach(async () => {
  for (const c of chats.splice(0)) c.dispose();
  sleeper?.release();
  await emulator?.close();
});

function create(config: Partial<LegacyChatConfig> & Record<string, unknown>): ChatOverRestAPI {
  const chat = new ChatOverRestAPI({ lpNumber: emulator.accountId, engagementDomain: emulator.url, ...config } as LegacyChatConfig);
  chats.push(chat);
  return chat;
}

/** Records what callbacks receive, and lets a test wait for a condition without polling. */
function recorder() {
  const seen: Array<{ event: string; data: unknown; self: unknown }> = [];
  const waiters: Array<{ pred: () => boolean; resolve: () => void }> = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.pred()) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const of = (event: string) => seen.filter((s) => s.event === event).map((s) => s.data);
  return {
    seen,
    of,
    on: (event: string) =>
      function (this: unknown, data: unknown) {
        seen.push({ event, data, self: this });
        check();
      },
    until: (pred: () => boolean) =>
      new Promise<void>((resolve) => {
        waiters.push({ pred, resolve });
        check();
      }),
    count: (event: string, n: number) => new Promise<void>((resolve) => {
      waiters.push({ pred: () => of(event).length >= n, resolve });
      check();
    }),
  };
}

const events = (chat: ChatOverRestAPI): LegacyEvent[] => {
  const out: LegacyEvent[] = [];
  chat.events$.subscribe((e) => out.push(e));
  return out;
};

describe('ChatOverRestAPI: the init sequence', () => {
  it('fires onLoad, onInit and onState after the constructor returned, so onInit can use the instance', async () => {
    await start();
    const rec = recorder();
    let chat: ChatOverRestAPI | undefined;
    let sawInstance: boolean | undefined;
    chat = create({
      domain: 'chat.example.invalid',
      onLoad: rec.on('onLoad'),
      onInit: [
        function () {
          sawInstance = chat instanceof ChatOverRestAPI;
        },
        rec.on('onInit'),
      ],
      onState: rec.on('onState'),
    });
    expect(rec.seen).toEqual([]); // nothing ran inside the constructor
    expect(chat.getState()).toBe('uninitialised');
    await rec.count('onState', 1);
    expect(rec.seen.map((s) => s.event)).toEqual(['onLoad', 'onInit', 'onState']);
    expect(rec.of('onLoad')[0]).toEqual({ API: 'Chat API SDK Loaded', version: expect.any(String), state: 'uninitialised', implementation: 'engagement-rx' });
    expect(rec.of('onInit')[0]).toEqual({ account: emulator.accountId, domain: 'chat.example.invalid', engagementDomain: emulator.url.replace('http://', ''), init: true });
    expect(rec.of('onState')[0]).toEqual({ state: 'initialised', time: expect.any(String) });
    expect(sawInstance).toBe(true);
    expect(chat.getState()).toBe(CHAT_STATES.INITIALISED);
  });

  it('never sends getEngagement to the chat domain: without engagementDomain it asks CSDS', async () => {
    await start();
    const rec = recorder();
    const chat = create({ engagementDomain: undefined, domain: 'chat.example.invalid', csds: { origin: emulator.url }, onEngagement: rec.on('onEngagement') });
    chat.getEngagement();
    await rec.count('onEngagement', 1);
    expect(rec.of('onEngagement')[0]).toMatchObject({ status: 'Available' });
    expect(emulator.stats()).toMatchObject({ csdsCalls: 1, createSessionCalls: 1 });
  });

  it('queues a getEngagement made before onInit and sends it once the domain is known', async () => {
    await start();
    emulator.inject({ kind: 'latency', delayMs: 60_000 }, { operation: 'csds' });
    const rec = recorder();
    const chat = create({ engagementDomain: undefined, csds: { origin: emulator.url }, onInit: rec.on('onInit'), onEngagement: rec.on('onEngagement') });
    const log = events(chat);
    const call = chat.getEngagement({ consumerSections: ['Support'] });
    expect('error' in call).toBe(false);
    await sleeper.waiting(); // the CSDS lookup is held by the emulator
    expect(rec.seen).toEqual([]);
    expect(emulator.stats().createSessionCalls).toBe(0);
    expect(log.some((e) => e.type === 'log' && e.entry.code === 'queued')).toBe(true);
    sleeper.release();
    await rec.count('onEngagement', 1);
    expect(rec.seen.map((s) => s.event)).toEqual(['onInit', 'onEngagement']);
    expect(rec.of('onEngagement')[0]).toMatchObject({ status: 'Available' });
    expect(emulator.stats().createSessionCalls).toBe(1);
  });

  it('fires onInit with the legacy failure object when the domain cannot be resolved, answers queued calls, and recovers on the next call', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 503 }, { operation: 'csds', times: 2 });
    const rec = recorder();
    const chat = create({ engagementDomain: undefined, csds: { origin: emulator.url }, onInit: rec.on('onInit'), onEngagement: rec.on('onEngagement'), onLog: rec.on('onLog') });
    const errors: unknown[] = [];
    chat.getEngagement({ error: (f) => errors.push(f) }); // queued, answered with the failure
    await rec.count('onEngagement', 1);
    expect(rec.of('onInit')).toEqual([{ error: { message: 'unable to initiate session', time: expect.any(Date), originalRequest: {}, kind: 'http', reason: expect.stringContaining('503') } }]);
    expect(rec.of('onEngagement')[0]).toEqual({ error: expect.objectContaining({ message: 'getEngagement - server error', kind: 'http' }) });
    expect(errors).toEqual([rec.of('onEngagement')[0]]);
    expect((rec.of('onLog') as LegacyLogEntry[]).map((e) => e.code)).toContain('initFailed');

    chat.getEngagement(); // a new lookup, which fails again: no second onInit
    await rec.count('onEngagement', 2);
    expect(rec.of('onInit')).toHaveLength(1);
    expect(chat.getState()).toBe('uninitialised');

    chat.getEngagement(); // the lookup now succeeds
    await rec.count('onEngagement', 3);
    expect(rec.of('onEngagement')[2]).toMatchObject({ status: 'Available' });
    expect(rec.of('onInit')[1]).toMatchObject({ init: true, account: emulator.accountId });
    expect(emulator.stats().csdsCalls).toBe(3);
  });
});

describe('ChatOverRestAPI: bindings and context', () => {
  it('accepts a function, { callback, context } and an array of both, in the config and through the event methods', async () => {
    await start();
    const rec = recorder();
    const view = { name: 'view' };
    const other = { name: 'other' };
    const chat = create({ onEngagement: [rec.on('config function'), { callback: rec.on('config object'), context: view }] });
    chat.onEngagement(rec.on('method function'));
    chat.onEngagement({ callback: rec.on('method object'), context: other });
    chat.onEngagement(rec.on('method with context argument'), 'myApp', view);
    chat.onEngagement([rec.on('method array'), { callback: rec.on('method array object'), context: other }]);
    chat.getEngagement();
    await rec.until(() => rec.seen.length === 7);
    expect(rec.seen.map((s) => [s.event, s.self])).toEqual([
      ['config function', null],
      ['config object', view],
      ['method function', null],
      ['method object', other],
      ['method with context argument', view],
      ['method array', null],
      ['method array object', other],
    ]);
    expect(new Set(rec.seen.map((s) => s.data)).size).toBe(7); // each its own copy
  });

  it('accepts a binding for every legacy event, and has a method for each', async () => {
    await start();
    const config: Record<string, unknown> = {};
    for (const name of LEGACY_EVENT_NAMES) config[name] = [() => undefined, { callback: () => undefined, context: {} }];
    const chat = create(config);
    const log = events(chat);
    for (const name of LEGACY_EVENT_NAMES) {
      expect(typeof chat[name]).toBe('function');
      expect(chat[name](() => undefined)).toMatch(/^evId_\d+$/);
    }
    expect(log.filter((e) => e.type === 'log' && e.entry.level === 'ERROR')).toEqual([]);
  });

  it('logs bindings it cannot use instead of throwing', async () => {
    await start();
    const rec = recorder();
    let chat: ChatOverRestAPI | undefined;
    expect(() => {
      chat = create({ onLog: rec.on('onLog'), onEngagement: ['not a function' as unknown as () => void] });
    }).not.toThrow();
    expect((rec.of('onLog') as LegacyLogEntry[]).map((e) => [e.level, e.code])).toEqual([['ERROR', 'invalidBinding']]);
    expect(chat?.onInit(42 as unknown as () => void)).toBeNull();
  });

  it('unbinds by id, by function, by event name and by context', async () => {
    await start();
    const rec = recorder();
    const view = {};
    const byFunction = rec.on('by function');
    const chat = create({ onEngagement: [byFunction, { callback: rec.on('by context'), context: view }] });
    const id = chat.onEngagement(rec.on('by id'));
    chat.onEngagement(rec.on('kept'));
    expect(chat.unbind(id as string)).toBe(true);
    expect(chat.unbind(byFunction)).toBe(true);
    expect(chat.unbind(view)).toBe(true);
    expect(chat.unbind('onInit')).toBe(false); // nothing bound there
    chat.getEngagement();
    await rec.count('kept', 1);
    expect(rec.seen.map((s) => s.event)).toEqual(['kept']);
  });
});

describe('ChatOverRestAPI: getEngagement', () => {
  it("sends the seed page's request and runs success with this = context", async () => {
    await start();
    const rec = recorder();
    const chat = create({ onEngagement: rec.on('onEngagement') });
    const context = { name: 'ctx' };
    const { vid: _vid, sid: _sid, ...request } = seedRequest;
    chat.getEngagement({ ...request, success: rec.on('success'), error: rec.on('error'), context });
    await rec.count('success', 1);
    const [success] = rec.seen.filter((s) => s.event === 'success');
    expect(success?.self).toBe(context);
    expect(success?.data).toEqual(rec.of('onEngagement')[0]);
    expect(success?.data).toMatchObject({ status: 'Available', visitorId: expect.any(String), engagementDetails: { skillName: 'TestSkill' } });
    expect(rec.of('error')).toEqual([]);
    const vid = (success?.data as { visitorId: string }).visitorId;
    expect(emulator.visitor(vid)?.sessions[0]?.creates[0]).toMatchObject({ consumerSections: ['Support', 'English', 'Other'], appDetails: request.appDetails });
  });

  it('runs the callbacks with this = the request object when there is no context', async () => {
    await start();
    const rec = recorder();
    const chat = create({});
    const request = { consumerSections: ['Support'], success: rec.on('success') };
    chat.getEngagement(request);
    await rec.count('success', 1);
    expect(rec.seen[0]?.self).toBe(request);
  });

  it('in strict mode answers { error } for an invalid request, sends nothing, and still tells onEngagement and the call on the next turn', async () => {
    await start();
    const rec = recorder();
    const chat = create({ strictValidation: true, onEngagement: rec.on('onEngagement'), onLog: rec.on('onLog') });
    const failed = chat.getEngagement({ appDetails: { ipAddress: '300.1.1.1' }, success: rec.on('success'), error: rec.on('error') });
    expect(failed).toEqual({ error: expect.stringMatching(/^getEngagement - invalid request: appDetails\.ipAddress/) });
    expect((failed as { error: string }).error).not.toContain('300.1.1.1');
    expect(chat.getEngagement('Support' as never)).toEqual({ error: 'getEngagement - invalid request: expected a request object' });
    expect(rec.of('onEngagement')).toEqual([]); // never inside the page's own call
    await rec.count('onEngagement', 2);
    const [first, second] = rec.of('onEngagement') as Array<{ error: { message: string; kind: string; time: Date } }>;
    expect(first).not.toHaveProperty('status');
    expect(first?.error).toMatchObject({ message: (failed as { error: string }).error, kind: 'validation', time: expect.any(Date) });
    expect(second?.error.message).toBe('getEngagement - invalid request: expected a request object');
    expect(rec.of('error')).toEqual([first]);
    // a full roundtrip afterwards: the invalid calls never reached the server
    chat.getEngagement({ success: rec.on('later') });
    await rec.count('later', 1);
    expect(emulator.stats().createSessionCalls).toBe(1);
    expect(rec.of('success')).toEqual([]);
    expect((rec.of('onLog') as LegacyLogEntry[]).filter((e) => e.code === 'invalidRequest')).toHaveLength(2);
  });

  it('by default sends a request as lpChat.min.js did: known fields only, appType EXTERNAL, what was left out named on onLog', async () => {
    await start();
    const rec = recorder();
    const chat = create({ onEngagement: rec.on('onEngagement'), onLog: rec.on('onLog') });
    const request = { appType: 'MSDK', visitorIp: '203.0.113.9', consumerSections: ['Support'], appDetails: { os: 'MAC_OSX', ipAddress: '300.1.1.1' } };
    const call = chat.getEngagement(request as never);
    expect(call).toHaveProperty('id');
    await rec.count('onEngagement', 1);
    const [answer] = rec.of('onEngagement') as Array<{ status: string; visitorId: string }>;
    expect(answer?.status).toBe('Available');
    const sent = emulator.visitor(answer?.visitorId ?? '')?.sessions[0]?.creates[0];
    expect(sent).toMatchObject({ appType: 'EXTERNAL', consumerSections: ['Support'], appDetails: { os: 'MAC_OSX' } });
    expect(sent?.appDetails).not.toHaveProperty('ipAddress');
    const [entry] = (rec.of('onLog') as LegacyLogEntry[]).filter((e) => e.code === 'requestCleaned');
    expect(entry?.message).toBe('getEngagement - left out as lpChat.min.js did (strictValidation: true refuses instead): appType (sent as EXTERNAL), visitorIp, appDetails.ipAddress');
    expect(JSON.stringify(rec.of('onLog'))).not.toMatch(/203\.0\.113\.9|300\.1\.1\.1/);
  });

  it('tells onEngagement and the call when the configuration is invalid', async () => {
    await start();
    const rec = recorder();
    const chat = create({ retry: { maxAttempts: 0 }, onEngagement: rec.on('onEngagement') });
    const failed = chat.getEngagement({ error: rec.on('error') });
    expect(failed).toEqual({ error: expect.stringMatching(/^getEngagement - invalid configuration: retry\.maxAttempts/) });
    await rec.count('error', 1);
    expect(rec.of('onEngagement')).toEqual(rec.of('error'));
    expect(rec.of('error')[0]).toMatchObject({ error: { message: (failed as { error: string }).error, kind: 'validation' } });
  });

  it('reuses the vid and sid of the previous success when a call has none (the sample calls getEngagement())', async () => {
    await start();
    const rec = recorder();
    const chat = create({ onEngagement: rec.on('onEngagement') });
    chat.getEngagement();
    await rec.count('onEngagement', 1);
    chat.getEngagement({ vid: '', sid: null });
    await rec.count('onEngagement', 2);
    const [first, second] = rec.of('onEngagement') as Array<{ visitorId: string; sessionId: string; pageId: string }>;
    expect([second?.visitorId, second?.sessionId]).toEqual([first?.visitorId, first?.sessionId]);
    expect(second?.pageId).not.toBe(first?.pageId);
    expect(emulator.stats()).toMatchObject({ createSessionCalls: 2, visitorsCreated: 1, sessionsCreated: 1 });
  });

  it("gives onEngagement the server's error body (no status) and runs error with it", async () => {
    await start();
    emulator.inject({ kind: 'loadingAccount' });
    const rec = recorder();
    const chat = create({ retry: { maxAttempts: 1 }, onEngagement: rec.on('onEngagement') });
    const context = {};
    chat.getEngagement({ success: rec.on('success'), error: rec.on('error'), context });
    await rec.count('error', 1);
    const payload = rec.of('onEngagement')[0];
    expect(payload).toEqual({ time: expect.any(Number), message: expect.stringMatching(/^Loading account: /), internalCode: 20 });
    expect('status' in (payload as object)).toBe(false);
    expect(rec.seen.find((s) => s.event === 'error')).toEqual({ event: 'error', data: payload, self: context });
    expect(rec.of('success')).toEqual([]);
  });

  it('gives the legacy error object when there is no server body (a reset connection)', async () => {
    await start();
    emulator.inject({ kind: 'reset' });
    const rec = recorder();
    const chat = create({ retry: { maxAttempts: 1 }, onEngagement: rec.on('onEngagement') });
    const request = { consumerSections: ['Support'] };
    chat.getEngagement(request);
    await rec.count('onEngagement', 1);
    expect(rec.of('onEngagement')[0]).toEqual({
      error: { message: 'getEngagement - server error', time: expect.any(Date), originalRequest: request, kind: 'network', reason: expect.stringMatching(/^network: /) },
    });
  });

  it("supports the page's own retry from inside onEngagement (the sample's 100 ms, 25 times)", async () => {
    await start();
    emulator.inject({ kind: 'loadingAccount' }, { times: 3 });
    const rec = recorder();
    const delays: number[] = [];
    const later = (fn: () => void, ms: number) => {
      delays.push(ms);
      setImmediate(fn);
    };
    let retries = 25;
    let chat: ChatOverRestAPI | undefined;
    chat = create({
      // no `retry`: the legacy timing, one attempt per call; the page's retry is what runs
      onInit: () => chat?.getEngagement(),
      onEngagement: [
        rec.on('onEngagement'),
        function (data: unknown) {
          const status = (data as { status?: string }).status;
          if (status === 'Available' || status === 'NotAvailable') return;
          if (retries > 0) {
            retries -= 1;
            later(() => chat?.getEngagement(), 100);
          }
        },
      ],
    });
    await rec.until(() => rec.of('onEngagement').some((d) => (d as { status?: string }).status === 'Available'));
    const payloads = rec.of('onEngagement') as Array<{ status?: string; internalCode?: number }>;
    expect(payloads.map((p) => p.status ?? p.internalCode)).toEqual([20, 20, 20, 'Available']);
    expect(delays).toEqual([100, 100, 100]);
    expect(retries).toBe(22);
    // every page-driven retry went to the visitor the "Loading account" answer named
    expect(emulator.stats()).toMatchObject({ createSessionCalls: 4, visitorsCreated: 1 });
  });

  it("hands legacy callbacks the server's JSON as it came (numbers stay numbers), while the client keeps its string ids", async () => {
    await start({ numericEngagementIds: true });
    const rec = recorder();
    const chat = create({ onEngagement: rec.on('onEngagement') });
    const typed: unknown[] = [];
    chat.client.session$.subscribe((s) => typed.push(s?.pageId));
    chat.getEngagement({ consumerSections: ['Support'], success: rec.on('success') });
    await rec.count('success', 1);
    const [payload] = rec.of('onEngagement') as Array<{ engagementDetails: Record<string, unknown> }>;
    expect(payload?.engagementDetails).toMatchObject({ skillId: 23, campaignId: expect.any(Number), engagementId: expect.any(Number), windowId: expect.any(Number) });
    expect(payload?.engagementDetails['skillId'] === 23).toBe(true); // the page's own `=== 23` check
    expect(rec.of('success')).toEqual([payload]);
    expect(rec.of('success')[0]).not.toBe(payload); // each callback has its own copy
    // the same answer through the observable client: ids decoded to strings
    const [typedAnswer] = await lastValueFrom(chat.client.getEngagement({ consumerSections: ['Support'] }).pipe(toArray()));
    expect(typedAnswer?._tag === 'Right' && typedAnswer.right.status === 'Available' && typedAnswer.right.engagementDetails.skillId).toBe('23');
    expect(typed.filter((p) => p !== undefined).every((p) => typeof p == 'string')).toBe(true);
  });

  it('delivers a failure at once by default: one attempt, no retry of its own (the legacy timing)', async () => {
    await start();
    emulator.inject({ kind: 'status', status: 503 });
    const rec = recorder();
    const chat = create({ onEngagement: rec.on('onEngagement') });
    const progress: string[] = [];
    chat.client.events$.subscribe((e) => progress.push(e.type));
    chat.getEngagement();
    await rec.count('onEngagement', 1);
    expect(rec.of('onEngagement')[0]).not.toHaveProperty('status');
    expect(progress).not.toContain('retryScheduled');
    expect(emulator.stats().createSessionCalls).toBe(1);
  });

  it('sends a page-driven retry after "Loading account … vid: X" to /visitors/X', async () => {
    await start();
    emulator.inject({ kind: 'loadingAccount' });
    const rec = recorder();
    const chat = create({ onEngagement: rec.on('onEngagement') });
    chat.getEngagement({ consumerSections: ['Support'] });
    await rec.count('onEngagement', 1);
    const failure = rec.of('onEngagement')[0] as { message: string };
    const named = /vid: (\S+)/.exec(failure.message)?.[1];
    expect(named).toBeDefined();
    expect(chat.client.currentSession()).toBeUndefined(); // the client itself knows no visitor yet
    chat.getEngagement({ consumerSections: ['Support'] }); // the page's retry
    await rec.count('onEngagement', 2);
    const answer = rec.of('onEngagement')[1] as { status: string; visitorId: string };
    expect(answer.visitorId).toBe(named);
    expect(emulator.visitor(named ?? '')?.createSessionCalls).toBe(2);
    expect(emulator.stats()).toMatchObject({ createSessionCalls: 2, visitorsCreated: 1 });
  });

  it("makes the page's retry unnecessary once the page opts into the client's retry (one onEngagement, the visitor reused)", async () => {
    await start();
    emulator.inject({ kind: 'loadingAccount' });
    const scheduler = new VirtualTimeScheduler();
    const rec = recorder();
    const chat = create({ retry: {}, scheduler, random: () => 0.5, onEngagement: rec.on('onEngagement') }); // retry: {} opts into the client's policy
    chat.client.events$.subscribe((e) => {
      if (e.type === 'retryScheduled') {
        // let the retry's wait pass on the virtual clock, and nothing more
        setImmediate(() => {
          scheduler.maxFrames = scheduler.frame + e.delayMs;
          scheduler.flush();
        });
      }
    });
    chat.getEngagement();
    await rec.count('onEngagement', 1);
    expect(rec.of('onEngagement')).toEqual([expect.objectContaining({ status: 'Available' })]);
    expect(emulator.stats()).toMatchObject({ createSessionCalls: 2, visitorsCreated: 1 });
  });
});

describe('ChatOverRestAPI: robustness', () => {
  it('catches a throwing callback, reports it on events$ and onLog, and runs the other callbacks', async () => {
    await start();
    const rec = recorder();
    const boom = new RangeError('secret details');
    const chat = create({
      onLog: rec.on('onLog'),
      onEngagement: [
        () => {
          throw boom;
        },
        rec.on('second'),
      ],
    });
    const log = events(chat);
    chat.getEngagement({
      success: () => {
        throw new TypeError('also secret');
      },
    });
    await rec.count('second', 1);
    expect(log.filter((e) => e.type === 'callbackFailed')).toEqual([
      { type: 'callbackFailed', at: expect.any(Number), callback: 'onEngagement', error: boom },
      { type: 'callbackFailed', at: expect.any(Number), callback: 'getEngagement.success', error: expect.any(TypeError) },
    ]);
    const entries = (rec.of('onLog') as LegacyLogEntry[]).filter((e) => e.code === 'callbackFailed');
    expect(entries.map((e) => e.message)).toEqual([
      'onEngagement callback threw RangeError; the other callbacks still ran',
      'getEngagement.success callback threw TypeError; the other callbacks still ran',
    ]);
    expect(JSON.stringify(rec.of('onLog'))).not.toContain('secret');
  });

  it('survives an onLog callback that throws', async () => {
    await start();
    const rec = recorder();
    const chat = create({
      onLog: () => {
        throw new Error('log sink down');
      },
    });
    const log = events(chat);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(chat.requestChat({})).toEqual({ error: expect.stringContaining('requestChat is not supported') });
    warn.mockRestore();
    expect(log.map((e) => e.type)).toEqual(['log', 'callbackFailed']);
    chat.onEngagement(rec.on('onEngagement'));
    chat.getEngagement();
    await rec.count('onEngagement', 1);
  });

  it('answers unsupported methods the legacy way, and the chat getters with "no chat"', async () => {
    await start();
    const chat = create({});
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const method of UNSUPPORTED_METHODS) {
      const answer = chat[method]({ text: 'hi' });
      expect(answer).toEqual({ error: expect.stringMatching(new RegExp(`^${method} is not supported by engagement-rx: `)) });
    }
    expect(warn).toHaveBeenCalledTimes(UNSUPPORTED_METHODS.length);
    warn.mockRestore();
    expect(chat.getVisitorName()).toBe(NO_CHAT_GETTERS.getVisitorName);
    expect(chat.getAgentTyping()).toBe(false);
    expect(chat.getRtSessionId()).toBeNull();
    expect(ChatOverRestAPI.prototype.chatStates).toEqual({
      CHATTING: 'chatting',
      WAITING: 'waiting',
      ENDED: 'ended',
      RESUMING: 'resume',
      UNINITIALISED: 'uninitialised',
      INITIALISED: 'initialised',
      NOTFOUND: 'notfound',
      PAUSECHAT: 'paused',
      RESUMEPAUSEDCHAT: 'resumepaused',
    });
    expect(chat.chatStates).toBe(ChatOverRestAPI.prototype.chatStates);
    expect(Object.keys(chat)).toEqual([]); // nothing of the internals on the instance
  });

  it('never throws on a bad configuration: it logs, fires onInit with a failure and answers { error }', async () => {
    await start();
    const rec = recorder();
    const chat = create({ lpNumber: undefined, engagementDomain: 'http://example.com', onInit: rec.on('onInit'), onLog: rec.on('onLog') });
    const answer = chat.getEngagement();
    expect(answer).toEqual({ error: expect.stringMatching(/^getEngagement - invalid configuration: lpNumber: .*; engagementDomain: /) });
    await rec.count('onInit', 1);
    expect(rec.of('onInit')[0]).toMatchObject({ error: { message: 'unable to initiate session', kind: 'validation' } });
    expect((rec.of('onLog') as LegacyLogEntry[])[0]).toMatchObject({ level: 'ERROR', code: 'invalidConfig' });
    expect(emulator.stats().requests).toBe(0);
  });

  it('accepts the legacy-only keys and a numeric lpNumber, and logs unknown keys in debug mode', async () => {
    await start();
    const rec = recorder();
    const chat = create({
      lpNumber: Number(emulator.accountId),
      appKey: '721c180b09eb463d9f3191c41762bb68',
      sessionUID: 'u',
      failureTolerance: 45,
      transportOrder: ['postmessage'],
      debug: true,
      mystery: 1,
      onLog: rec.on('onLog'),
      onEngagement: rec.on('onEngagement'),
    });
    chat.getEngagement();
    await rec.count('onEngagement', 1);
    expect(rec.of('onEngagement')[0]).toMatchObject({ status: 'Available' });
    const entries = rec.of('onLog') as LegacyLogEntry[];
    expect(entries.find((e) => e.code === 'unknownOption')?.message).toBe('unknown options ignored: mystery');
    expect(entries.some((e) => e.level === 'INFO' && e.code === 'initialised')).toBe(true);
    expect(chat.getConfig()).toMatchObject({ appKey: '721c180b09eb463d9f3191c41762bb68', sessionUID: 'u' });
  });

  it('fires onLog for ERROR entries only, unless in debug mode', async () => {
    await start();
    const rec = recorder();
    const chat = create({ onLog: rec.on('onLog'), onEngagement: rec.on('onEngagement') });
    const log = events(chat);
    chat.getEngagement();
    await rec.count('onEngagement', 1);
    expect(rec.of('onLog')).toEqual([]); // the INFO entry 'initialised' was not fired
    expect(log.some((e) => e.type === 'log' && e.entry.code === 'initialised')).toBe(true); // events$ has everything
    chat.getEngagement({ appType: 'MSDK' as 'EXTERNAL' }); // cleaned: an ERROR entry
    chat.setDebugMode(true);
    chat.dispose(); // an INFO entry, fired in debug mode
    expect((rec.of('onLog') as LegacyLogEntry[]).map((e) => [e.level, e.code])).toEqual([
      ['ERROR', 'requestCleaned'],
      ['INFO', 'disposed'],
    ]);
  });
});

describe('ChatOverRestAPI: unsupported chat methods', () => {
  it('warn on the console once per method, naming it and pointing to docs/legacy.md; onLog hears every call', async () => {
    await start();
    const rec = recorder();
    const chat = create({ onLog: rec.on('onLog') });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      chat.requestChat({ skill: 'TestSkill' });
      chat.requestChat({ skill: 'TestSkill' });
      chat.addLine({ text: 'hi' });
      expect(warn.mock.calls).toEqual([
        ['engagement-rx: requestChat is not supported by engagement-rx: it replaces lpChat.min.js for the getEngagement flow only; see docs/legacy.md'],
        ['engagement-rx: addLine is not supported by engagement-rx: it replaces lpChat.min.js for the getEngagement flow only; see docs/legacy.md'],
      ]);
      expect((rec.of('onLog') as LegacyLogEntry[]).map((e) => e.code)).toEqual(['unsupported', 'unsupported', 'unsupported']);
      expect(JSON.stringify(warn.mock.calls)).not.toContain('TestSkill'); // nothing of the request
    } finally {
      warn.mockRestore();
    }
  });
});

describe('ChatOverRestAPI: dispose', () => {
  it('drops queued calls with a log entry and completes events$', async () => {
    await start();
    emulator.inject({ kind: 'latency', delayMs: 60_000 }, { operation: 'csds' });
    const rec = recorder();
    const chat = create({ engagementDomain: undefined, csds: { origin: emulator.url }, onInit: rec.on('onInit'), onEngagement: rec.on('onEngagement'), onLog: rec.on('onLog') });
    const all = lastValueFrom(chat.events$.pipe(toArray()));
    chat.getEngagement();
    chat.getEngagement();
    await sleeper.waiting();
    chat.dispose();
    const entries = (await all).filter((e): e is Extract<LegacyEvent, { type: 'log' }> => e.type === 'log').map((e) => e.entry);
    expect(entries.find((e) => e.code === 'dropped')).toMatchObject({ level: 'ERROR', message: 'dispose: 2 queued getEngagement call(s) dropped, never sent' });
    expect((rec.of('onLog') as LegacyLogEntry[]).map((e) => e.code)).toEqual(['dropped']);
    expect(chat.getEngagement()).toEqual({ error: 'getEngagement - the chat API was disposed' });
    sleeper.release();
    // Another client's full check afterwards: the dropped calls were never sent.
    const other = await lastValueFrom(createEngagementClient({ accountId: emulator.accountId, domain: emulator.url }).getEngagement());
    expect(other._tag).toBe('Right');
    expect(emulator.stats().createSessionCalls).toBe(1);
    expect(rec.of('onInit')).toEqual([]);
    expect(rec.of('onEngagement')).toEqual([]);
  });

  it('aborts a call in flight: no callback runs for it', async () => {
    await start();
    const rec = recorder();
    const chat = create({ onEngagement: rec.on('onEngagement') });
    chat.onInit(rec.on('onInit'));
    await rec.count('onInit', 1);
    emulator.inject({ kind: 'latency', delayMs: 60_000 });
    chat.getEngagement({ success: rec.on('success'), error: rec.on('error') });
    await sleeper.waiting();
    chat.dispose();
    sleeper.release();
    const other = await lastValueFrom(createEngagementClient({ accountId: emulator.accountId, domain: emulator.url }).getEngagement());
    expect(other._tag).toBe('Right');
    expect(rec.seen.map((s) => s.event)).toEqual(['onInit']);
  });

  it('cancels one call through its handle', async () => {
    await start();
    emulator.inject({ kind: 'latency', delayMs: 60_000 }, { operation: 'csds' });
    const rec = recorder();
    const chat = create({ engagementDomain: undefined, csds: { origin: emulator.url }, onEngagement: rec.on('onEngagement') });
    const first = chat.getEngagement({ consumerSections: ['Billing'] });
    chat.getEngagement({ consumerSections: ['Support'] });
    expect('cancel' in first && first.cancel()).toBe(true);
    expect('cancel' in first && first.cancel()).toBe(false);
    await sleeper.waiting();
    sleeper.release();
    await rec.count('onEngagement', 1);
    expect(rec.of('onEngagement')).toEqual([expect.objectContaining({ status: 'Available' })]); // Billing would be NotAvailable
    expect(emulator.stats().createSessionCalls).toBe(1);
  });
});

describe('the legacy bundle in Chromium, driven the way pages drive lpChat.min.js', () => {
  const chromium = useLegacyPagesInChromium();
  const legacy = useEmulatorAndChats({ numericEngagementIds: true });

  it('sends a request lpChat accepted, delivers the failure at once, retries to the named visitor, hands over numbers, warns once', async () => {
    const { page, server } = chromium;
    const { emulator } = legacy;
    emulator.inject({ kind: 'loadingAccount' });
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const url = server.page(
      '/parity.html',
      legacyPageHtml(
        { engagementDomain: emulator.url },
        `var seen = [], logs = [];
        var chat = new lpTag.taglets.ChatOverRestAPI({
          lpNumber: ${JSON.stringify(emulator.accountId)},
          onInit: function () { chat.getEngagement({ appType: 'MSDK', visitorIp: '203.0.113.9', consumerSections: ['Support'] }); },
          onLog: function (entry) { logs.push(entry.code); },
          onEngagement: function (data) {
            seen.push(data);
            if (data.status) window.done = true;
            else if (seen.length < 5) setTimeout(function () { chat.getEngagement({ consumerSections: ['Support'] }); }, 10);
          }
        });`,
      ),
    );
    await page.goto(url);
    await page.waitForFunction(() => (window as { done?: boolean }).done === true, undefined, { timeout: 10_000 });
    const [failure, answer] = await page.evaluate(() => (window as unknown as { seen: Array<Record<string, unknown>> }).seen);
    expect(failure).toMatchObject({ internalCode: 20, message: expect.stringMatching(/vid: /) });
    expect(failure).not.toHaveProperty('status');
    const named = /vid: (\S+)/.exec(String(failure?.['message']))?.[1];
    expect(answer).toMatchObject({ status: 'Available', visitorId: named, engagementDetails: { skillId: 23 } });
    expect(await page.evaluate(() => (window as unknown as { seen: Array<{ engagementDetails?: { skillId: unknown } }> }).seen[1]?.engagementDetails?.skillId === 23)).toBe(true);
    expect(emulator.stats()).toMatchObject({ createSessionCalls: 2, visitorsCreated: 1 });
    expect(emulator.visitor(named ?? '')?.sessions[0]?.creates[0]).toMatchObject({ appType: 'EXTERNAL', consumerSections: ['Support'] });
    expect(await page.evaluate(() => (window as unknown as { logs: string[] }).logs)).toEqual(['requestCleaned']);

    // a refused call still reaches onEngagement; an unsupported method warns once
    await page.evaluate(() => {
      const w = window as unknown as { chat: { getEngagement(r: unknown): unknown; requestChat(r: unknown): unknown }; done: boolean };
      w.done = false;
      w.chat.getEngagement('Support');
      w.chat.requestChat({});
      w.chat.requestChat({});
    });
    await page.waitForFunction(() => (window as unknown as { seen: unknown[] }).seen.length === 3, undefined, { timeout: 10_000 });
    const refused = await page.evaluate(() => (window as unknown as { seen: Array<{ error?: { message: string; kind: string } }> }).seen[2]);
    expect(refused?.error).toMatchObject({ message: 'getEngagement - invalid request: expected a request object', kind: 'validation' });
    expect(warnings).toEqual([expect.stringMatching(/^engagement-rx: requestChat is not supported by engagement-rx: .*docs\/legacy\.md$/)]);
  });
});
