/**
 * The visitor session in lpChat.min.js's own sessionStorage entry
 * (`lpEngagementData{lpNumber}`, JSON with sessionId and visitorId, as the
 * minified SDK's getEngagement success handler writes it): the store on its
 * own, ChatOverRestAPI with it against the emulator, and the legacy bundle in
 * Chromium across real reloads, both directions.
 */
import type { LegacyChatConfig } from '../../src/legacy/chat-over-rest-api';
import { lpChatSessionStore, UNKNOWN_PAGE_ID } from '../../src/legacy/lpchat-session-store';
import type { WebStorageLike } from '../../src/session/account-web-storage';
import { useEmulatorAndChats } from '../helpers/legacy-chats';
import { legacyPageHtml, useLegacyPagesInChromium } from '../helpers/legacy-page';

function mapStorage(): WebStorageLike & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const session = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1', confirmedAt: 1000 };

describe('lpChatSessionStore', () => {
  it("writes lpChat.min.js's key and fields, keeping the other keys of the entry", () => {
    const storage = mapStorage();
    storage.setItem('lpEngagementData123', JSON.stringify({ sessionId: 'old', visitorId: 'old', other: 'kept' }));
    const store = lpChatSessionStore(storage);
    store.save('123', session);
    expect(JSON.parse(storage.getItem('lpEngagementData123') ?? '')).toEqual({ sessionId: 'S1', visitorId: 'V1', other: 'kept', pageId: 'P1', confirmedAt: 1000 });
    expect(store.load('123')).toEqual(session);
    store.clear('123');
    expect(storage.map.size).toBe(0);
  });

  it('reads an entry lpChat.min.js wrote (no page id, no time) as a session to continue', () => {
    const storage = mapStorage();
    storage.setItem('lpEngagementData123', '{"sessionId":"S-lp","visitorId":"V-lp"}');
    expect(lpChatSessionStore(storage).load('123')).toEqual({ visitorId: 'V-lp', sessionId: 'S-lp', pageId: UNKNOWN_PAGE_ID, confirmedAt: 0 });
  });

  it('answers undefined for no entry and the raw text for one that is not JSON (the client ignores it)', () => {
    const storage = mapStorage();
    const store = lpChatSessionStore(storage);
    expect(store.load('123')).toBeUndefined();
    storage.setItem('lpEngagementData123', 'not json');
    expect(store.load('123')).toBe('not json');
  });

  it('refuses a storage without the Web Storage methods, naming the parameter', () => {
    expect(() => lpChatSessionStore({} as WebStorageLike)).toThrow(/^lpChatSessionStore: parameter "storage" must have getItem, setItem and removeItem/);
  });
});

describe('ChatOverRestAPI with lpChatSessionStore, against the emulator', () => {
  const legacy = useEmulatorAndChats();

  function answerOf(config: Partial<LegacyChatConfig>): Promise<{ visitorId: string; sessionId: string }> {
    return new Promise((resolve) => legacy.create({ onEngagement: (d) => resolve(d as never), ...config }).getEngagement());
  }

  it('continues the visitor of an entry lpChat.min.js wrote, and the next instance continues ours', async () => {
    const storage = mapStorage();
    const key = `lpEngagementData${legacy.emulator.accountId}`;
    storage.setItem(key, '{"sessionId":"lpsession1","visitorId":"lpvisitor1"}');
    const first = await answerOf({ session: lpChatSessionStore(storage) });
    expect(first.visitorId).toBe('lpvisitor1');
    const second = await answerOf({ session: lpChatSessionStore(storage) });
    expect([second.visitorId, second.sessionId]).toEqual([first.visitorId, first.sessionId]);
    expect(JSON.parse(storage.getItem(key) ?? '')).toMatchObject({ sessionId: first.sessionId, visitorId: first.visitorId });
    expect(legacy.emulator.stats()).toMatchObject({ visitorsCreated: 0, visitorsAdopted: 1 });
  });
});

describe('the legacy bundle in Chromium: the same visitor across reloads', () => {
  const WAIT = { timeout: 10_000 };
  const chromium = useLegacyPagesInChromium();
  const legacy = useEmulatorAndChats();

  /** A page written for lpChat.min.js: getEngagement on onInit, the answer kept for the test. */
  function lpChatPage(): string {
    return chromium.server.page(
      '/page.html',
      legacyPageHtml(
        { engagementDomain: legacy.emulator.url },
        `var chat = new lpTag.taglets.ChatOverRestAPI({
          lpNumber: ${JSON.stringify(legacy.emulator.accountId)},
          onInit: function () { chat.getEngagement({ consumerSections: ['Support'] }); },
          onEngagement: function (data) { window.answer = data; }
        });`,
      ),
    );
  }

  async function answer(): Promise<{ visitorId: string; sessionId: string; status: string }> {
    const { page } = chromium;
    await page.waitForFunction(() => (window as { answer?: unknown }).answer !== undefined, undefined, WAIT);
    return page.evaluate(() => (window as unknown as { answer: { visitorId: string; sessionId: string; status: string } }).answer);
  }

  const entry = (): Promise<string | null> => chromium.page.evaluate((key) => sessionStorage.getItem(key), `lpEngagementData${legacy.emulator.accountId}`);

  it('continues its own visitor after a reload, kept in lpChat.min.js\'s entry', async () => {
    const { page } = chromium;
    await page.goto(lpChatPage());
    const first = await answer();
    expect(first.status).toBe('Available');
    expect(JSON.parse((await entry()) ?? '')).toMatchObject({ sessionId: first.sessionId, visitorId: first.visitorId });
    await page.reload();
    const second = await answer();
    expect([second.visitorId, second.sessionId]).toEqual([first.visitorId, first.sessionId]);
    expect(legacy.emulator.stats()).toMatchObject({ createSessionCalls: 2, visitorsCreated: 1, sessionsCreated: 1 });
  });

  it('continues the visitor lpChat.min.js left in sessionStorage before the switch', async () => {
    const { page, server } = chromium;
    const url = lpChatPage();
    // The first load stands for the page as it ran lpChat.min.js: only its entry is left behind.
    await page.goto(server.page('/before.html', '<!doctype html><title>lpChat.min.js page</title>'));
    await page.evaluate((key) => sessionStorage.setItem(key, JSON.stringify({ sessionId: 'lpsession7', visitorId: 'lpvisitor7' })), `lpEngagementData${legacy.emulator.accountId}`);
    await page.goto(url);
    const continued = await answer();
    expect(continued.visitorId).toBe('lpvisitor7');
    expect(legacy.emulator.stats()).toMatchObject({ visitorsCreated: 0, visitorsAdopted: 1 });
    expect(await page.evaluate(() => typeof (window as unknown as { engagementRx: Record<string, unknown> }).engagementRx['lpChatSessionStore'])).toBe('function');
  });
});
