/**
 * The stand-in for cross-fetch in the legacy bundle: the page's own fetch,
 * looked up at each call.
 */
import pageFetch from '../../src/legacy/cross-fetch-shim';
import type { FetchResponse } from '../../src/http/fetch-like';

describe('the cross-fetch shim', () => {
  const g = globalThis as unknown as { fetch: unknown };
  const original = g.fetch;
  afterEach(() => {
    g.fetch = original;
  });

  it('calls the global fetch of the moment, as a method of the global', async () => {
    const calls: Array<{ self: unknown; url: string; method: string }> = [];
    const answer = { status: 204, headers: { get: () => null }, text: async () => '' } satisfies FetchResponse;
    g.fetch = function (this: unknown, url: string, init: { method: string }) {
      calls.push({ self: this, url, method: init.method });
      return Promise.resolve(answer);
    };
    await expect(pageFetch('http://127.0.0.1:1/x', { method: 'POST', headers: {} })).resolves.toBe(answer);
    expect(calls).toEqual([{ self: globalThis, url: 'http://127.0.0.1:1/x', method: 'POST' }]);
  });

  it('rejects (never throws) when the page has no fetch', async () => {
    g.fetch = undefined;
    await expect(pageFetch('http://127.0.0.1:1/x', { method: 'GET', headers: {} })).rejects.toThrow('this page has no fetch');
  });
});
