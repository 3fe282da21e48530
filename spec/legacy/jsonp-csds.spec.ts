/**
 * The page's domain lookup over JSONP: the lookup itself with a recording
 * document (its failures and timeout on a virtual clock), and the legacy
 * bundle in Chromium finding the engagement domain through the emulator's
 * JSONP CSDS (a <script>, no fetch, no CORS involved).
 */
import { VirtualTimeScheduler, lastValueFrom, toArray } from 'rxjs';
import type { HttpEnv } from '../../src/http/request';
import { jsonpDocument, jsonpLookup$, type JsonpDocument, type JsonpScript } from '../../src/legacy/jsonp-csds';
import { useEmulatorAndChats } from '../helpers/legacy-chats';
import { legacyPageHtml, useLegacyPagesInChromium } from '../helpers/legacy-page';

/** A document that records the scripts added and removed. */
function recordingDocument(): JsonpDocument & { readonly added: JsonpScript[]; readonly removed: JsonpScript[] } {
  const added: JsonpScript[] = [];
  const removed: JsonpScript[] = [];
  return {
    added,
    removed,
    createElement: () => ({ src: '', async: false, onerror: null }),
    head: { appendChild: (s: JsonpScript) => added.push(s), removeChild: (s: JsonpScript) => removed.push(s) },
  };
}

const target = { csdsOrigin: 'https://api.liveperson.net', accountId: '12345678', services: ['msdkgw', 'smt'] };

/** The lookup uses the scheduler and the time budget; a fetch it would call fails the test. */
function env(scheduler: VirtualTimeScheduler): HttpEnv {
  return { scheduler, timeoutMs: 5000, fetch: () => Promise.reject(new Error('JSONP must not fetch')) };
}

describe('jsonpLookup$', () => {
  it('adds a script on the CSDS endpoint with cb, and answers the origin of the first service listed', async () => {
    const doc = recordingDocument();
    const root: Record<string, unknown> = {};
    const scheduler = new VirtualTimeScheduler();
    const result = lastValueFrom(jsonpLookup$(doc, root)(env(scheduler), target).pipe(toArray()));
    const [script] = doc.added;
    const name = /[?&]cb=([\w$]+)$/.exec(script?.src ?? '')?.[1] ?? '';
    expect(script?.src).toBe(`https://api.liveperson.net/api/account/12345678/service/baseURI.json?version=1.0&cb=${name}`);
    (root[name] as (body: unknown) => void)({ baseURIs: [{ service: 'smt', account: '12345678', baseURI: 'va.v.liveperson.net' }] });
    expect(await result).toEqual([{ _tag: 'Right', right: 'https://va.v.liveperson.net' }]);
    expect(doc.removed).toEqual([script]);
    expect(() => (root[name] as (body: unknown) => void)({})).not.toThrow(); // a late call does nothing
  });

  it('answers a network Left when the script fails to load, and a timeout Left on the virtual clock', async () => {
    const doc = recordingDocument();
    const scheduler = new VirtualTimeScheduler();
    const failed = lastValueFrom(jsonpLookup$(doc, {})(env(scheduler), target));
    doc.added[0]?.onerror?.call(null, {});
    expect(await failed).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'network', operation: 'csds', cause: 'ScriptError' }) });

    const late = lastValueFrom(jsonpLookup$(doc, {})(env(scheduler), target));
    scheduler.flush();
    expect(await late).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'timeout', operation: 'csds', timeoutMs: 5000 }) });
    expect(doc.removed).toHaveLength(2);
  });

  it("answers a decode Left naming the field when the body is not CSDS's", async () => {
    const doc = recordingDocument();
    const root: Record<string, unknown> = {};
    const result = lastValueFrom(jsonpLookup$(doc, root)(env(new VirtualTimeScheduler()), target));
    const name = /cb=([\w$]+)$/.exec(doc.added[0]?.src ?? '')?.[1] ?? '';
    (root[name] as (body: unknown) => void)({ nothing: true });
    expect(await result).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'decode', operation: 'csds' }) });
  });

  it('finds a document only where a script can be added', () => {
    expect(jsonpDocument({})).toBeUndefined();
    expect(jsonpDocument({ document: { createElement: () => ({}) } })).toBeUndefined(); // no head
    const doc = recordingDocument();
    expect(jsonpDocument({ document: doc })).toBe(doc);
  });
});

describe('the legacy bundle in Chromium: the engagement domain from CSDS over JSONP', () => {
  const chromium = useLegacyPagesInChromium();
  const legacy = useEmulatorAndChats();

  it('loads CSDS as a script, then checks at the host it names', async () => {
    const { page, server } = chromium;
    const { emulator } = legacy;
    const kinds: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/service/baseURI.json')) kinds.push(`${r.resourceType()} ${new URL(r.url()).searchParams.has('cb')}`);
    });
    const url = server.page(
      '/csds.html',
      legacyPageHtml(
        { csds: { origin: emulator.url } }, // no engagementDomain: the lookup, as in production from lpNumber
        `var chat = new lpTag.taglets.ChatOverRestAPI({
          lpNumber: ${JSON.stringify(emulator.accountId)},
          onInit: function (data) { window.init = data; chat.getEngagement(); },
          onEngagement: function (data) { window.answer = data; }
        });`,
      ),
    );
    await page.goto(url);
    await page.waitForFunction(() => (window as { answer?: unknown }).answer !== undefined, undefined, { timeout: 10_000 });
    const { init, status } = await page.evaluate(() => {
      const w = window as unknown as { init: { engagementDomain: string }; answer: { status: string } };
      return { init: w.init, status: w.answer.status };
    });
    expect(status).toBe('Available');
    expect(init.engagementDomain).toBe(emulator.url.replace(/^http:\/\//, ''));
    expect(kinds).toEqual(['script true']);
    expect(emulator.stats()).toMatchObject({ csdsCalls: 1, createSessionCalls: 1 });
    expect(await page.evaluate(() => document.querySelectorAll('script[src*="baseURI.json"]').length)).toBe(0); // the script is removed
  });
});
