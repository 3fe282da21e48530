/**
 * createChatApi (the seed page's ChatApi) against the emulator.
 */
import { lastValueFrom, toArray } from 'rxjs';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { createChatApi, type ChatApi, type ChatApiConfig } from '../../src/legacy/chat-api';
import type { LegacyEngagementPayload } from '../../src/legacy/legacy-payloads';
import type { LegacyEvent, LegacyLogEntry } from '../../src/legacy/telemetry';
import { seedRequest } from '../fixtures/seed';
import { gate, type Gate } from '../helpers/gate';

let emulator: RunningEmulator;
let sleeper: Gate;
const apis: ChatApi[] = [];

beforeEach(async () => {
  sleeper = gate();
  emulator = await startEmulator({ sleep: sleeper.sleep });
});

afterEach(async () => {
  for (const a of apis.splice(0)) a.dispose();
  sleeper.release();
  await emulator.close();
});

function api(config: Partial<ChatApiConfig> & Record<string, unknown> = {}): ChatApi {
  const a = createChatApi({ accountId: emulator.accountId, domain: emulator.url, ...config } as ChatApiConfig);
  apis.push(a);
  return a;
}

/** A promise of the next `n` payloads a binding receives. */
function collect<T>(n: number): { callback: (this: unknown, data: T) => void; done: Promise<Array<{ data: T; self: unknown }>> } {
  const seen: Array<{ data: T; self: unknown }> = [];
  let resolve: (v: Array<{ data: T; self: unknown }>) => void = () => undefined;
  const done = new Promise<Array<{ data: T; self: unknown }>>((r) => (resolve = r));
  return {
    callback(this: unknown, data: T) {
      seen.push({ data, self: this });
      if (seen.length === n) resolve(seen);
    },
    done,
  };
}

describe('createChatApi', () => {
  it("hands the seed page's getEngagement answer to the onEngagement of the config", async () => {
    const got = collect<LegacyEngagementPayload>(1);
    const ChatApi = api({ onEngagement: got.callback });
    const { vid: _vid, sid: _sid, ...request } = seedRequest;
    const call = ChatApi.getEngagement(request);
    expect(call).toEqual({ id: 1, cancel: expect.any(Function) });
    const [{ data } = { data: undefined }] = await got.done;
    expect(data).toMatchObject({ status: 'Available', sessionId: expect.any(String), visitorId: expect.any(String), pageId: expect.any(String) });
    expect(data).toMatchObject({ engagementDetails: { engagementId: '3562981110', skillName: 'TestSkill', validForSeconds: 900 } });
  });

  it('accepts the full seed request, vid and sid included', async () => {
    const got = collect<LegacyEngagementPayload>(1);
    const ChatApi = api({ onEngagement: got.callback });
    ChatApi.getEngagement(seedRequest);
    const [first] = await got.done;
    expect(first?.data).toMatchObject({ status: 'Available', visitorId: '123' });
  });

  it('delivers to an onEngagement bound later, with its context', async () => {
    const ChatApi = api();
    const got = collect<LegacyEngagementPayload>(1);
    const view = { name: 'view' };
    ChatApi.onEngagement(got.callback, 'myApp', view);
    ChatApi.getEngagement({ consumerSections: 'Billing' });
    const [first] = await got.done;
    expect(first?.data).toMatchObject({ status: 'NotAvailable' });
    expect(first?.self).toBe(view);
  });

  it('gives a failure without status to onEngagement and to the call\'s error callback', async () => {
    emulator.inject({ kind: 'loadingAccount' });
    const got = collect<LegacyEngagementPayload>(1);
    const failed = collect<unknown>(1);
    const ChatApi = api({ retry: { maxAttempts: 1 }, onEngagement: got.callback });
    const context = {};
    ChatApi.getEngagement({ error: failed.callback, context });
    const [[onEngagement], [own]] = await Promise.all([got.done, failed.done]);
    expect(onEngagement?.data).toEqual({ time: expect.any(Number), message: expect.stringMatching(/^Loading account/), internalCode: 20 });
    expect(own).toEqual({ data: onEngagement?.data, self: context });
  });

  it('in strict mode answers { error } and sends nothing for an invalid request; onEngagement still hears of it', async () => {
    const got = collect<LegacyEngagementPayload>(1);
    const ChatApi = api({ strictValidation: true, onEngagement: got.callback });
    expect(ChatApi.getEngagement({ engagementAttributes: [{ type: 'impDisplay' }] })).toEqual({ error: expect.stringContaining('engagementAttributes[0].type') });
    const [failure] = await got.done;
    expect(failure?.data).toMatchObject({ error: { kind: 'validation', message: expect.stringContaining('engagementAttributes[0].type') } });
    expect(emulator.stats().requests).toBe(0);
  });

  it('by default leaves out an attribute the core refuses and sends the rest', async () => {
    const got = collect<LegacyEngagementPayload>(1);
    const ChatApi = api({ onEngagement: got.callback });
    expect(ChatApi.getEngagement({ consumerSections: ['Support'], engagementAttributes: [{ type: 'impDisplay' }] })).toHaveProperty('id');
    const [answer] = await got.done;
    expect(answer?.data).toMatchObject({ status: 'Available' });
    expect(emulator.stats().createSessionCalls).toBe(1);
  });

  it('answers { error } for every call when the configuration is invalid, without throwing', () => {
    const logs = collect<LegacyLogEntry>(1);
    const ChatApi = api({ accountId: 'not valid!', onLog: logs.callback });
    expect(ChatApi.getEngagement()).toEqual({ error: expect.stringMatching(/^getEngagement - invalid configuration: accountId: /) });
    return logs.done.then(([entry]) => expect(entry?.data).toMatchObject({ level: 'ERROR', code: 'invalidConfig' }));
  });

  it('keeps running the other callbacks when one throws, and reports it', async () => {
    const got = collect<LegacyEngagementPayload>(1);
    const ChatApi = api({
      onEngagement: [
        () => {
          throw new Error('page bug');
        },
        got.callback,
      ],
    });
    const events: LegacyEvent[] = [];
    ChatApi.events$.subscribe((e) => events.push(e));
    ChatApi.getEngagement();
    await got.done;
    expect(events.map((e) => e.type)).toEqual(['callbackFailed', 'log']);
    expect(events[0]).toMatchObject({ callback: 'onEngagement', error: expect.any(Error) });
  });

  it('unbinds, and on dispose aborts the calls in flight and completes events$', async () => {
    const seen: unknown[] = [];
    const record = (d: unknown) => seen.push(d);
    const ChatApi = api({ onEngagement: record });
    expect(ChatApi.unbind(record)).toBe(true);
    const all = lastValueFrom(ChatApi.events$.pipe(toArray()));
    emulator.inject({ kind: 'latency', delayMs: 60_000 });
    const late = collect<unknown>(1);
    ChatApi.onEngagement(late.callback);
    ChatApi.getEngagement();
    await sleeper.waiting();
    ChatApi.dispose();
    const events = await all;
    expect(events.map((e) => e.type === 'log' && e.entry.message)).toEqual(['disposed; 1 call(s) in flight aborted']);
    await expect(lastValueFrom(ChatApi.events$.pipe(toArray()))).resolves.toEqual([]); // a later subscriber: completed at once
    expect(ChatApi.getEngagement()).toEqual({ error: 'getEngagement - the chat API was disposed' });
    expect(seen).toEqual([]);
  });

  it('exposes its client: the observable check is one line away', async () => {
    const ChatApi = api();
    const r = await lastValueFrom(ChatApi.client.getEngagement({ consumerSections: ['Support'] }));
    expect(r._tag === 'Right' && r.right.status).toBe('Available');
  });
});
