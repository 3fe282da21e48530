/**
 * The built legacy bundle, dist/engagement-rx.legacy.js (made by
 * `npm run build`, which `npm test` runs first), loaded into a fresh `vm`
 * context with a minimal `window`, running legacy page code: the flow of
 * LivePerson's sample app (chat-js-sdk-sample-app, script.js) re-created in
 * its own ES5 style, against the emulator.
 *
 * The window has Node's fetch, AbortController, URL and console, and a
 * setTimeout that records the delay asked and runs the callback on the
 * next turn (no real wait). The bundle's own timers run on a
 * VirtualTimeScheduler passed through `window.engagementRxDefaults`, so the
 * window needs no setInterval.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { VirtualTimeScheduler } from 'rxjs';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { samplePage } from '../fixtures/sample-page';
import { useEmulatorAndChats } from '../helpers/legacy-chats';
import { legacyPageHtml, useLegacyPagesInChromium } from '../helpers/legacy-page';

const bundlePath = join(__dirname, '..', '..', 'dist', 'engagement-rx.legacy.js');


interface FakeElement {
  readonly tag: string;
  innerHTML: string;
  readonly children: FakeElement[];
  onclick?: () => void;
}

/** A window with just what the sample page and the bundle use. */
function fakeWindow(extra: Record<string, unknown>) {
  const delays: number[] = [];
  const element = (tag: string): FakeElement => ({ tag, innerHTML: '', children: [] });
  const logs = element('div');
  const placeholder = element('div');
  let buttonShown: (b: FakeElement) => void = () => undefined;
  const button = new Promise<FakeElement>((resolve) => (buttonShown = resolve));
  const windowsOpened: unknown[] = [];
  const consoleLines: unknown[][] = [];

  const $ = (selector: string) => {
    if (selector === '#engagementPlaceholder') return { el: placeholder };
    const match = /^<button[^>]*>(.*)<\/button>$/.exec(selector);
    const el = element('button');
    el.innerHTML = match?.[1] ?? '';
    return {
      el,
      click(fn: () => void) {
        el.onclick = fn;
        return this;
      },
      appendTo(target: { el: FakeElement }) {
        target.el.children.push(el);
        buttonShown(el);
        return this;
      },
    };
  };
  $.window = (options: { onShow: () => void }) => {
    windowsOpened.push(options);
    options.onShow();
    return { getContainer: () => ({ find: () => [] }) };
  };

  const win: Record<string, unknown> = {
    fetch,
    AbortController,
    URL,
    console: { log: (...a: unknown[]) => consoleLines.push(a), warn: (...a: unknown[]) => consoleLines.push(a), error: (...a: unknown[]) => consoleLines.push(a) },
    setTimeout: (fn: () => void, ms: number) => {
      delays.push(ms);
      setImmediate(fn);
      return delays.length;
    },
    clearTimeout: () => undefined,
    document: {
      createElement: (tag: string) => element(tag),
      getElementById: (id: string) => (id === 'logs' ? { appendChild: (c: FakeElement) => logs.children.push(c), insertBefore: (c: FakeElement) => logs.children.unshift(c) } : null),
    },
    $,
    ...extra,
  };
  win['window'] = win;
  return { win, delays, logs, placeholder, button, windowsOpened, consoleLines };
}

function load(win: Record<string, unknown>): vm.Context {
  const context = vm.createContext(win);
  vm.runInContext(readFileSync(bundlePath, 'utf8'), context, { filename: 'engagement-rx.legacy.js' });
  return context;
}

let emulator: RunningEmulator;

beforeAll(() => {
  expect(existsSync(bundlePath)).toBe(true);
});

beforeEach(async () => {
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
});

describe('the legacy IIFE bundle in a fresh vm context', () => {
  it("runs the sample app's page code unchanged up to its Start Chat button", async () => {
    const page = fakeWindow({
      site: emulator.accountId,
      lptag: 'false',
      engagementRxDefaults: { engagementDomain: emulator.url, scheduler: new VirtualTimeScheduler() },
    });
    const context = load(page.win);
    vm.runInContext(samplePage, context, { filename: 'script.js' });

    const button = await page.button;
    expect(button.innerHTML).toBe('Start Chat');
    expect(page.placeholder.children).toEqual([button]);
    const logNames = page.logs.children.map((c) => c.innerHTML.split(' : ')[0]);
    expect(logNames).toEqual(expect.arrayContaining(['onInit', 'onState', 'onEngagement']));
    expect(vm.runInContext('chat.getState()', context)).toBe('initialised');
    expect(emulator.stats()).toMatchObject({ createSessionCalls: 1, csdsCalls: 0 });

    // Past the button the chat itself starts: requestChat answers the legacy way instead of throwing.
    button.onclick?.();
    expect(page.windowsOpened).toHaveLength(1);
    const answer = vm.runInContext('requestChatAnswer', context) as { error: string };
    expect(answer.error).toMatch(/^requestChat is not supported by engagement-rx: /);
    // the only console line: one warning naming the method, for the developer
    expect(page.consoleLines).toEqual([[`engagement-rx: ${answer.error}`]]);
    expect(answer.error).toContain('docs/legacy.md');
  });

  it("retries from onEngagement the sample's way (100 ms) until the account is loaded", async () => {
    emulator.inject({ kind: 'loadingAccount' }, { times: 3 });
    const page = fakeWindow({
      site: emulator.accountId,
      lptag: 'false',
      engagementRxDefaults: { engagementDomain: emulator.url, scheduler: new VirtualTimeScheduler(), retry: { maxAttempts: 1 } },
    });
    const context = load(page.win);
    vm.runInContext(samplePage, context, { filename: 'script.js' });

    const button = await page.button;
    expect(button.innerHTML).toBe('Start Chat');
    expect(page.delays).toEqual([100, 100, 100]);
    expect(vm.runInContext('getEngagementMaxRetries', context)).toBe(22);
    const retries = page.logs.children.filter((c) => c.innerHTML.startsWith('Failed to get engagement'));
    expect(retries).toHaveLength(3);
    expect(JSON.parse(retries[0]?.innerHTML.split(' : ').slice(1).join(' : ') ?? '{}')).toMatchObject({ internalCode: 20, message: expect.stringMatching(/^Loading account/) });
    expect(emulator.stats().createSessionCalls).toBe(4);
  });

  it('finds the engagement domain through CSDS when the defaults name the CSDS host instead', async () => {
    const page = fakeWindow({
      site: emulator.accountId,
      lptag: 'false',
      engagementRxDefaults: { csds: { origin: emulator.url }, scheduler: new VirtualTimeScheduler() },
    });
    const context = load(page.win);
    vm.runInContext(samplePage, context, { filename: 'script.js' });
    await page.button;
    expect(emulator.stats()).toMatchObject({ csdsCalls: 1, createSessionCalls: 1 });
  });

  it("keeps an existing lpTag's other members, and exposes window.engagementRx", () => {
    const other = { name: 'another taglet' };
    const page = fakeWindow({ lpTag: { site: '12345678', taglets: { other } } });
    const context = load(page.win);
    const lpTag = page.win['lpTag'] as { site: string; taglets: Record<string, unknown> };
    expect(lpTag.site).toBe('12345678');
    expect(lpTag.taglets['other']).toBe(other);
    expect(typeof lpTag.taglets['ChatOverRestAPI']).toBe('function');
    expect(vm.runInContext('typeof engagementRx.installLegacyGlobals + " " + typeof engagementRx.createChatApi + " " + engagementRx.version', context)).toBe('function function 0.1.0');
    expect(vm.runInContext('lpTag.taglets.ChatOverRestAPI.prototype.chatStates.INITIALISED', context)).toBe('initialised');
  });

  describe('the retry example of docs/legacy.md, run as it is', () => {
    const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'legacy.md'), 'utf8');
    const example = /<!-- example: retry-as-onEngagement-callback -->\s*```js\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';

    function run(faults: number) {
      if (faults > 0) emulator.inject({ kind: 'loadingAccount' }, { times: faults });
      let settle: (outcome: string) => void = () => undefined;
      const outcome = new Promise<string>((resolve) => (settle = resolve));
      const page = fakeWindow({
        site: emulator.accountId,
        engagementRxDefaults: { engagementDomain: emulator.url, scheduler: new VirtualTimeScheduler() },
        showChatButton: (data: { status: string }) => settle(`button ${data.status}`),
        hideChatButton: () => settle('hidden'),
        showOfflineMessage: () => settle('offline'),
      });
      const context = load(page.win);
      vm.runInContext(example, context, { filename: 'legacy.md' });
      return { outcome, page };
    }

    it('is in the docs', () => {
      expect(example).toContain('onEngagement: function (data)');
    });

    it('retries after 5 and 10 s while the account loads, then shows the button', async () => {
      const { outcome, page } = run(2);
      await expect(outcome).resolves.toBe('button Available');
      expect(page.delays).toEqual([5000, 10000]);
      expect(emulator.stats().createSessionCalls).toBe(3);
    });

    it('gives up after three retries', async () => {
      const { outcome, page } = run(4);
      await expect(outcome).resolves.toBe('offline');
      expect(page.delays).toEqual([5000, 10000, 15000]);
      expect(emulator.stats().createSessionCalls).toBe(4);
    });
  });

  it('is self-contained and minified: no require, no import, no fetch library, no Node transport', () => {
    const code = readFileSync(bundlePath, 'utf8');
    // (booleans, not toMatch: a failure must not print the whole bundle)
    expect(/\brequire\(|\bimport\s*\(|^import\s/m.test(code)).toBe(false);
    // The page's own fetch: no ponyfill (cross-fetch's browser one is whatwg-fetch over XMLHttpRequest), no
    // node-fetch, and none of the Node transport (keep-alive agents through getBuiltinModule).
    expect(/XMLHttpRequest|node-fetch|whatwg-fetch|getBuiltinModule/.test(code)).toBe(false);
    expect(code.startsWith('var engagementRx=')).toBe(true);
    expect(code.split('\n').length).toBeLessThan(20); // minified
    expect(gzipSync(code).length).toBeLessThan(statSync(bundlePath).size);
  });
});

describe("the sample app's flow in Chromium, with only the script tag swapped (and the one line of defaults)", () => {
  const chromium = useLegacyPagesInChromium();
  const legacy = useEmulatorAndChats();

  /** The few jQuery calls the sample makes, on the real DOM (jQuery itself is not the subject here). */
  const jqueryStandIn = `
    window.$ = function (selector) {
      if (selector.charAt(0) !== '<') return { el: document.querySelector(selector) };
      var holder = document.createElement('div');
      holder.innerHTML = selector;
      var el = holder.firstChild;
      return {
        click: function (fn) { el.addEventListener('click', fn); return this; },
        appendTo: function (target) { target.el.appendChild(el); return this; }
      };
    };
    window.$.window = function (options) {
      window.windowsOpened = (window.windowsOpened || 0) + 1;
      options.onShow();
      return { getContainer: function () { return { find: function () { return []; } }; } };
    };`;

  it('shows Start Chat, keeps the visitor across a reload, and answers requestChat the legacy way', async () => {
    const { page, server } = chromium;
    const { emulator } = legacy;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const url = server.page(
      '/sample.html',
      legacyPageHtml({ engagementDomain: emulator.url }, samplePage, {
        body: '<div id="engagementPlaceholder"></div><div id="logs"></div>',
        before: `var site = ${JSON.stringify(emulator.accountId)}, lptag = 'false';${jqueryStandIn}`,
      }),
    );
    await page.goto(url);
    await page.locator('#engagement').waitFor({ timeout: 10_000 });
    const stored = (): Promise<string | null> => page.evaluate((key) => sessionStorage.getItem(key), `lpEngagementData${emulator.accountId}`);
    const first = JSON.parse((await stored()) ?? '{}') as { visitorId?: string };
    expect(first.visitorId).toEqual(expect.any(String));
    await page.reload();
    await page.locator('#engagement').waitFor({ timeout: 10_000 });
    expect(JSON.parse((await stored()) ?? '{}')).toMatchObject({ visitorId: first.visitorId });
    expect(emulator.stats()).toMatchObject({ createSessionCalls: 2, visitorsCreated: 1 });

    await page.locator('#engagement').click();
    expect(await page.evaluate(() => (window as unknown as { windowsOpened: number }).windowsOpened)).toBe(1);
    const answer = await page.evaluate(() => (window as unknown as { requestChatAnswer: { error: string } }).requestChatAnswer);
    expect(answer.error).toMatch(/^requestChat is not supported by engagement-rx: /);
    expect(errors).toEqual([]);
  });
});
