/**
 * The light abort controller that the default Node fetch uses, against
 * node-fetch 2 (through cross-fetch) and the emulator over real loopback.
 */
import crossFetch from 'cross-fetch';
import { Agent } from 'node:http';
import { lightAbortController } from '../../src/http/light-abort';
import { createDefaultFetch } from '../../src/http/default-fetch';
import { abortControllerFactoryOf } from '../../src/http/fetch-like';
import { useGatedEmulator } from '../helpers/gated-emulator';

const gated = useGatedEmulator();
let agent: Agent;

beforeEach(() => {
  agent = new Agent({ keepAlive: true });
});

afterEach(() => {
  agent.destroy();
});

type NodeFetch = (url: string, init: Record<string, unknown>) => Promise<{ status: number; text(): Promise<string> }>;
const fetchFn = crossFetch as unknown as NodeFetch;
const url = () => `${gated.emulator.url}/api/account/${gated.emulator.accountId}/app/engagement/visitors/?v=1.0`;
const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"appType":"EXTERNAL"}' };

describe('lightAbortController', () => {
  it('is what the default fetch carries on Node (cross-fetch is node-fetch 2 here); any other fetch carries none', () => {
    expect(abortControllerFactoryOf(createDefaultFetch())).toBe(lightAbortController);
    expect(abortControllerFactoryOf(() => Promise.reject(new Error('unused')))).toBeUndefined();
  });

  it('passes node-fetch 2 brand check and lets a request complete', async () => {
    const controller = lightAbortController();
    const res = await fetchFn(url(), { ...init, agent, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(JSON.parse(await res.text())).toMatchObject({ status: 'Available' });
    expect(controller.signal.aborted).toBe(false);
  });

  it('aborts a request in flight: node-fetch rejects with an AbortError and closes the socket', async () => {
    gated.emulator.inject({ kind: 'latency', delayMs: 60_000 });
    const controller = lightAbortController();
    const pending = fetchFn(url(), { ...init, agent, signal: controller.signal });
    await gated.sleeper.waiting(); // the emulator holds the request
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(controller.signal.aborted).toBe(true);
    const sockets = () => Object.values(agent.sockets).flat().length + Object.values(agent.freeSockets).flat().length;
    for (let i = 0; i < 20 && sockets() > 0; i++) await new Promise((r) => setImmediate(r));
    expect(sockets()).toBe(0);
  });

  it('refuses at once when aborted before the request starts', async () => {
    const controller = lightAbortController();
    controller.abort();
    await expect(fetchFn(url(), { ...init, agent, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(gated.emulator.stats().requests).toBe(0);
  });

  it('calls every abort listener once, and none that was removed', () => {
    const { signal, abort } = (() => {
      const c = lightAbortController();
      return { signal: c.signal, abort: () => c.abort() };
    })();
    const calls: string[] = [];
    const a = () => calls.push('a');
    const b = () => calls.push('b');
    const c = () => calls.push('c');
    signal.addEventListener('abort', a);
    signal.addEventListener('abort', b);
    signal.addEventListener('abort', c);
    signal.removeEventListener('abort', b);
    abort();
    abort();
    expect(calls).toEqual(['a', 'c']);
    expect((signal as unknown as { reason: Error }).reason).toMatchObject({ name: 'AbortError' });
  });

  it('passes both brand checks: the class name (node-fetch 2, even if a minifier renames the class) and the string tag (node-fetch 3)', () => {
    const signal = lightAbortController().signal;
    expect(Object.getPrototypeOf(signal).constructor.name).toBe('AbortSignal');
    expect(Object.prototype.toString.call(signal)).toBe('[object AbortSignal]');
  });
});
