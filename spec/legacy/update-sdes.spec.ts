/**
 * `chat.updateSdes(...)`, lpChat.min.js's report of SDEs and impression
 * events, over Update Session against the emulator (a real node:http server
 * on 127.0.0.1, port 0).
 */
import type { ChatOverRestAPI, LegacyChatConfig } from '../../src/legacy/chat-over-rest-api';
import type { LegacyLogEntry } from '../../src/legacy/telemetry';
import type { LegacyUpdateSdesResult } from '../../src/legacy/update-sdes';
import { useEmulatorAndChats } from '../helpers/legacy-chats';
import { legacyPageHtml, useLegacyPagesInChromium } from '../helpers/legacy-page';

const legacy = useEmulatorAndChats();
const create = (config: Partial<LegacyChatConfig> = {}): ChatOverRestAPI => legacy.create(config);

/** The chat with one Available answer, and that answer. */
async function answered(config: Partial<LegacyChatConfig> = {}): Promise<{ chat: ChatOverRestAPI; answer: { visitorId: string; sessionId: string; pageId: string } }> {
  const chat = create(config);
  const answer = await new Promise<{ visitorId: string; sessionId: string; pageId: string }>((resolve) => chat.getEngagement({ success: (d) => resolve(d as never) }));
  return { chat, answer };
}

/** The next result a callback gets, with its `this`. */
function next(): { callback: (this: unknown, r: LegacyUpdateSdesResult) => void; done: Promise<{ result: LegacyUpdateSdesResult; self: unknown }> } {
  let resolve: (v: { result: LegacyUpdateSdesResult; self: unknown }) => void = () => undefined;
  const done = new Promise<{ result: LegacyUpdateSdesResult; self: unknown }>((r) => (resolve = r));
  return {
    callback(this: unknown, result: LegacyUpdateSdesResult) {
      resolve({ result, self: this });
    },
    done,
  };
}

describe('ChatOverRestAPI.updateSdes', () => {
  it("reports SDEs and impressions on the last answer's session, and calls success with { responseCode } and this = context", async () => {
    const { chat, answer } = await answered();
    const success = next();
    const context = { view: 1 };
    const call = chat.updateSdes({
      data: { pageId: answer.pageId, engagementAttributes: [{ type: 'cart', total: 11.7 }], impAttributes: [{ type: 'impDisplay', engagementId: 3562981110 }] },
      success: success.callback,
      context,
    });
    expect(call).toHaveProperty('id');
    const { result, self } = await success.done;
    expect(result.responseCode).toBeGreaterThanOrEqual(200);
    expect(result.responseCode).toBeLessThan(300);
    expect(self).toBe(context);
    const [received] = legacy.emulator.received(answer.visitorId);
    expect(received).toMatchObject({ sessionId: answer.sessionId, pageId: answer.pageId, pageKnown: true, engagementAttributes: [{ type: 'cart', total: 11.7 }], impAttributes: [{ type: 'impDisplay' }] });
    expect(legacy.emulator.stats().updateSessionCalls).toBe(1);
  });

  it('goes to the vid and sid the request names', async () => {
    const { chat, answer } = await answered();
    const other = await answered();
    const success = next();
    chat.updateSdes({ data: { pageId: other.answer.pageId }, vid: other.answer.visitorId, sid: other.answer.sessionId, success: success.callback });
    await success.done;
    expect(legacy.emulator.received(other.answer.visitorId)).toHaveLength(1);
    expect(legacy.emulator.received(answer.visitorId)).toHaveLength(0);
  });

  it("hands error the server's answer to a refused report: { responseCode, body }", async () => {
    const { chat, answer } = await answered();
    legacy.emulator.inject({ kind: 'status', status: 400, body: { time: 1700000000000, message: 'bad pageId', internalCode: 5 } }, { operation: 'updateSession' });
    const rec: LegacyLogEntry[] = [];
    chat.onLog((e) => void rec.push(e));
    const error = next();
    chat.updateSdes({ data: { pageId: answer.pageId }, error: error.callback });
    const { result, self } = await error.done;
    expect(result).toEqual({ responseCode: 400, body: { time: 1700000000000, message: 'bad pageId', internalCode: 5 } });
    expect(self).toEqual(expect.objectContaining({ data: { pageId: answer.pageId } })); // no context: the request
    expect(rec.map((e) => e.code)).toContain('updateFailed');
  });

  it('answers { error } and tells error on the next turn when there is no visitor yet', async () => {
    const chat = create();
    const error = next();
    const failed = chat.updateSdes({ data: { pageId: '1' }, error: error.callback });
    expect(failed).toEqual({ error: 'updateSdes - no visitor session yet: call getEngagement first, or pass vid and sid' });
    expect((await error.done).result).toEqual(failed);
    expect(legacy.emulator.stats().updateSessionCalls).toBe(0);
  });

  it('names each invalid field, never a value', async () => {
    const { chat } = await answered();
    const bad = { data: { pageId: '', engagementAttributes: 'cart', impAttributes: {} }, vid: 'has spaces', success: 'yes' };
    const failed = chat.updateSdes(bad as never) as { error: string };
    expect(failed.error).toBe(
      'updateSdes - invalid request: success: expected a function; data.pageId: expected the pageId of a getEngagement answer; data.engagementAttributes: expected an array; data.impAttributes: expected an array; vid: expected an id (letters, digits, - and _)',
    );
    expect(chat.updateSdes(undefined as never)).toEqual({ error: 'updateSdes - invalid request: expected a request object' });
    expect(chat.updateSdes({} as never)).toEqual({ error: 'updateSdes - invalid request: data: expected an object' });
    expect(legacy.emulator.stats().updateSessionCalls).toBe(0);
  });

  it('is no longer among the unsupported methods: nothing on the console', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { chat, answer } = await answered();
      const success = next();
      chat.updateSdes({ data: { pageId: answer.pageId }, success: success.callback });
      await success.done;
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('updateSdes from a page in Chromium (a cross-origin PUT, CORS preflight included)', () => {
  const chromium = useLegacyPagesInChromium();

  it("reports a cart SDE with lpChat.min.js's argument shape after the engagement answer", async () => {
    const { page, server } = chromium;
    const url = server.page(
      '/sdes.html',
      legacyPageHtml(
        { engagementDomain: legacy.emulator.url },
        `var chat = new lpTag.taglets.ChatOverRestAPI({
          lpNumber: ${JSON.stringify(legacy.emulator.accountId)},
          onInit: function () { chat.getEngagement(); },
          onEngagement: function (data) {
            chat.updateSdes({
              data: { pageId: data.pageId, engagementAttributes: [{ type: 'cart', total: 42 }] },
              success: function (result) { window.reported = { code: result.responseCode, visitorId: data.visitorId, self: this === window.sdesContext }; },
              error: function (result) { window.reported = { failed: result }; },
              context: (window.sdesContext = {})
            });
          }
        });`,
      ),
    );
    await page.goto(url);
    await page.waitForFunction(() => (window as { reported?: unknown }).reported !== undefined, undefined, { timeout: 10_000 });
    const reported = await page.evaluate(() => (window as unknown as { reported: { code: number; visitorId: string; self: boolean } }).reported);
    expect(reported).toEqual({ code: expect.any(Number), visitorId: expect.any(String), self: true });
    expect(legacy.emulator.received(reported.visitorId)).toEqual([expect.objectContaining({ pageKnown: true, engagementAttributes: [{ type: 'cart', total: 42 }] })]);
  });
});
