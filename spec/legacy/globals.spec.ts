/**
 * installLegacyGlobals: lpTag.taglets.ChatOverRestAPI on a page's window,
 * with defaults for every instance.
 */
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { ChatOverRestAPI, type LegacyChatConfig } from '../../src/legacy/chat-over-rest-api';
import { installLegacyGlobals, mergeLegacyConfig, type LegacyChatConstructor } from '../../src/legacy/globals';

type Win = { lpTag?: { taglets?: { ChatOverRestAPI?: LegacyChatConstructor; [k: string]: unknown }; [k: string]: unknown } };

describe('installLegacyGlobals', () => {
  it('creates lpTag.taglets.ChatOverRestAPI on an empty window and answers it', () => {
    const win: Win = {};
    const Ctor = installLegacyGlobals(win);
    expect(win.lpTag?.taglets?.ChatOverRestAPI).toBe(Ctor);
    expect(Ctor).toBe(ChatOverRestAPI);
    expect(Ctor.prototype.chatStates.CHATTING).toBe('chatting');
  });

  it("keeps an existing lpTag's other members", () => {
    const log = () => undefined;
    const other = { name: 'another taglet' };
    const win: Win = { lpTag: { site: '12345678', log, taglets: { other } } };
    installLegacyGlobals(win, { retry: { maxAttempts: 1 } });
    expect(win.lpTag).toMatchObject({ site: '12345678', log, taglets: { other } });
    expect(typeof win.lpTag?.taglets?.ChatOverRestAPI).toBe('function');
  });

  it('installs a constructor whose instances are ChatOverRestAPI instances, with the legacy prototype', () => {
    const win: Win = {};
    const Ctor = installLegacyGlobals(win, { engagementDomain: 'va.v.liveperson.net' });
    expect(Ctor).not.toBe(ChatOverRestAPI);
    expect(Ctor.name).toBe('ChatOverRestAPI');
    const chat = new Ctor({ lpNumber: '12345678' });
    try {
      expect(chat).toBeInstanceOf(ChatOverRestAPI);
      expect(chat.chatStates).toBe(ChatOverRestAPI.prototype.chatStates);
      expect(chat.getConfig()).toMatchObject({ lpNumber: '12345678', engagementDomain: 'va.v.liveperson.net' });
    } finally {
      chat.dispose();
    }
  });

  describe('defaults, against the emulator', () => {
    let emulator: RunningEmulator;
    beforeEach(async () => {
      emulator = await startEmulator();
    });
    afterEach(async () => {
      await emulator.close();
    });

    it('point unchanged page code at the emulator, and run the bindings of both', async () => {
      const win: Win = {};
      const order: string[] = [];
      installLegacyGlobals(win, { engagementDomain: emulator.url, onEngagement: () => order.push('default binding') });
      const Chat = win.lpTag?.taglets?.ChatOverRestAPI as LegacyChatConstructor;
      // page code, unchanged: no engagementDomain of its own
      const answer = await new Promise<unknown>((resolve) => {
        const chat: ChatOverRestAPI = new Chat({
          lpNumber: emulator.accountId,
          onInit: () => chat.getEngagement(),
          onEngagement: (data: unknown) => {
            order.push('page binding');
            chat.dispose();
            resolve(data);
          },
        });
      });
      expect(answer).toMatchObject({ status: 'Available' });
      expect(order).toEqual(['default binding', 'page binding']);
      expect(emulator.stats().createSessionCalls).toBe(1);
    });

    it("let the page's own options win", async () => {
      const win: Win = {};
      installLegacyGlobals(win, { engagementDomain: 'http://127.0.0.1:1', lpNumber: 'someOtherAccount' });
      const Chat = win.lpTag?.taglets?.ChatOverRestAPI as LegacyChatConstructor;
      const answer = await new Promise<unknown>((resolve) => {
        const chat: ChatOverRestAPI = new Chat({
          lpNumber: emulator.accountId,
          engagementDomain: emulator.url,
          onInit: () => chat.getEngagement(),
          onEngagement: (data: unknown) => {
            chat.dispose();
            resolve(data);
          },
        });
      });
      expect(answer).toMatchObject({ status: 'Available' });
    });
  });
});

describe('mergeLegacyConfig', () => {
  it('lets the page win, keeps both bindings of an event (defaults first), ignores undefined values', () => {
    const d1 = () => undefined;
    const d2 = () => undefined;
    const p1 = () => undefined;
    const pObj = { callback: p1 };
    const merged = mergeLegacyConfig(
      { engagementDomain: 'default.example', timeoutMs: 5000, onEngagement: [d1, d2], onInit: d1 },
      { engagementDomain: 'page.example', timeoutMs: undefined, onEngagement: pObj, onInit: [p1], lpNumber: '1' },
    ) as LegacyChatConfig;
    expect(merged).toEqual({ engagementDomain: 'page.example', timeoutMs: 5000, onEngagement: [d1, d2, pObj], onInit: [d1, p1], lpNumber: '1' });
  });

  it('passes what is not a configuration object through (the constructor reports it)', () => {
    expect(mergeLegacyConfig({ engagementDomain: 'x' }, undefined)).toBeUndefined();
    expect(mergeLegacyConfig({ engagementDomain: 'x' }, 'nope')).toBe('nope');
  });
});
