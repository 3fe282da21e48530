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

const bundlePath = join(__dirname, '..', '..', 'dist', 'engagement-rx.legacy.js');

/**
 * The sample app's page flow, unchanged in substance: initChat with
 * getEngagement as the onInit callback, chat.getEngagement() with no
 * arguments, onEngagement: Available -> "Start Chat" button, NotAvailable
 * -> log, anything else -> retry after 100 ms, at most 25 times. The button
 * opens the chat window, whose onShow calls requestChat.
 */
const samplePage = `
var appKey = '721c180b09eb463d9f3191c41762bb68',
    logsStarted = false,
    engagementData = {},
    getEngagementMaxRetries = 25,
    chatWindow, chatContainer, chat, chatState, chatArea, logsLastChild,
    requestChatAnswer;

initDemo();

function initDemo() {
    if (lptag === 'true') {
        createExternalJsMethodName();
    } else {
        initChat(getEngagement);
    }
}

function createExternalJsMethodName() {
    window.externalJsMethodName = function (data) {
        engagementData = data;
        initChat(createWindow);
    };
}

function createWindow() {
    chatWindow = $.window({
        width: 650, height: 500, title: 'Chat Demo',
        onShow: function () { startChat(); },
        onClose: function () { chatWindow = chatContainer = chatArea = null; }
    });
    chatContainer = chatWindow.getContainer();
}

function initChat(onInit) {
    var chatConfig = {
        lpNumber: site,
        appKey: appKey,
        onInit: [onInit, function (data) { writeLog('onInit', data); }],
        onInfo: function (data) { writeLog('onInfo', data); },
        onLine: [addLines, function (data) { writeLog('onLine', data); }],
        onState: [updateChatState, function (data) { writeLog('onState', data); }],
        onStart: [updateChatState, bindEvents, function (data) { writeLog('onStart', data); }],
        onStop: [updateChatState],
        onAddLine: function (data) { writeLog('onAddLine', data); },
        onAgentTyping: [agentTyping, function (data) { writeLog('onAgentTyping', data); }],
        onRequestChat: function (data) { writeLog('onRequestChat', data); },
        onEngagement: function (data) {
            if ('Available' === data.status) {
                createEngagement(data);
                writeLog('onEngagement', data);
            } else if ('NotAvailable' === data.status) {
                writeLog('onEngagement', data);
            } else {
                if (getEngagementMaxRetries > 0) {
                    writeLog('Failed to get engagement. Retry number ' + getEngagementMaxRetries, data);
                    window.setTimeout(getEngagement, 100);
                    getEngagementMaxRetries--;
                }
            }
        }
    };
    chat = new lpTag.taglets.ChatOverRestAPI(chatConfig);
}

function getEngagement() {
    chat.getEngagement();
}

function createEngagement(data) {
    var $engagement = $('<button id="engagement" class="btn-lg">Start Chat</button>');
    $engagement.click(function () {
        engagementData = data;
        createWindow();
    });
    $engagement.appendTo($('#engagementPlaceholder'));
}

function startChat() {
    engagementData = engagementData || {};
    engagementData.engagementDetails = engagementData.engagementDetails || {};
    var chatRequest = {
        LETagVisitorId: engagementData.visitorId || engagementData.svid,
        LETagSessionId: engagementData.sessionId || engagementData.ssid,
        LETagContextId: engagementData.engagementDetails.contextId || engagementData.scid,
        skill: engagementData.engagementDetails.skillName,
        engagementId: engagementData.engagementDetails.engagementId || engagementData.eid,
        campaignId: engagementData.engagementDetails.campaignId || engagementData.cid,
        language: engagementData.engagementDetails.language || engagementData.lang
    };
    writeLog('startChat', chatRequest);
    requestChatAnswer = chat.requestChat(chatRequest);
}

function addLines(data) {
    for (var i = 0; i < data.lines.length; i++) {
        if (data.lines[i].source !== 'visitor' || chatState != chat.chatStates.CHATTING) { /* draw the line */ }
    }
}

function updateChatState(data) {
    if (data.state === 'ended' && chatState !== 'ended') {
        chat.disposeVisitor();
    }
    chatState = data.state;
}

function agentTyping(data) {}
function bindEvents() {}

function writeLog(logName, data) {
    var log = document.createElement('DIV');
    try {
        data = typeof data === 'string' ? data : JSON.stringify(data);
    } catch (exc) {
        return;
    }
    log.innerHTML = logName + (data ? ' : ' + data : '');
    if (!logsStarted) {
        document.getElementById('logs').appendChild(log);
        logsStarted = true;
    } else {
        document.getElementById('logs').insertBefore(log, logsLastChild);
    }
    logsLastChild = log;
}
`;

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
