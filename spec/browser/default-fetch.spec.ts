import { createDefaultFetch, defaultFetch } from '../../src/browser/default-fetch';
import type { FetchResponse } from '../../src/http/fetch-like';

const g = globalThis as { fetch?: unknown };
let saved: unknown;
beforeEach(() => {
  saved = g.fetch;
});
afterEach(() => {
  g.fetch = saved;
});

const response: FetchResponse = { status: 200, headers: { get: () => null }, text: async () => '{}' };

describe('the browser default fetch', () => {
  it('calls the global fetch as it is at call time, as a method of globalThis', async () => {
    const fetch = createDefaultFetch();
    const calls: Array<{ self: unknown; url: string; method: string }> = [];
    g.fetch = function (this: unknown, url: string, init: { method: string }) {
      calls.push({ self: this, url, method: init.method });
      return Promise.resolve(response);
    };
    await expect(fetch('http://127.0.0.1:1/x', { method: 'POST', headers: {} })).resolves.toBe(response);
    expect(calls).toEqual([{ self: globalThis, url: 'http://127.0.0.1:1/x', method: 'POST' }]);

    const replaced = jest.fn(() => Promise.resolve(response));
    g.fetch = replaced; // a page (or a monitoring script) wraps fetch later
    await fetch('http://127.0.0.1:1/y', { method: 'GET', headers: {} });
    expect(replaced).toHaveBeenCalledTimes(1);
  });

  it('rejects with FetchUnavailable, saying what to do, when the page has no fetch', async () => {
    g.fetch = undefined;
    const fetch = createDefaultFetch();
    await expect(fetch('http://127.0.0.1:1/x', { method: 'GET', headers: {} })).rejects.toMatchObject({
      name: 'FetchUnavailable',
      message: expect.stringContaining('pass `fetch` in the client configuration'),
    });
  });

  it('shares one fetch between clients', () => {
    expect(defaultFetch()).toBe(defaultFetch());
  });
});
