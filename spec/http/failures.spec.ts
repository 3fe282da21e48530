import { failureCause, httpError, networkError, redirectError, timeoutError } from '../../src/http/failures';
import type { FetchResponse } from '../../src/http/fetch-like';

describe('failureCause', () => {
  it('prefers a system code, then a nested cause code, then the name', () => {
    expect(failureCause({ code: 'ECONNRESET', name: 'FetchError' })).toBe('ECONNRESET');
    expect(failureCause({ name: 'TypeError', cause: { code: 'ECONNREFUSED' } })).toBe('ECONNREFUSED');
    expect(failureCause({ name: 'AbortError' })).toBe('AbortError');
    expect(failureCause('weird')).toBe('Error');
    expect(failureCause(null)).toBe('Error');
  });
  it('never copies the error message (it may hold URLs with ids)', () => {
    const e = networkError('createSession', { name: 'FetchError', message: 'request to https://h/visitors/SECRET failed' });
    expect(JSON.stringify(e)).not.toContain('SECRET');
  });
});

describe('httpError', () => {
  it('reads the error body, the Retry-After header and a vid named by "Loading account"', () => {
    const e = httpError('createSession', 500, JSON.stringify({ time: 1, message: 'Loading account: 123, vid: V42', internalCode: 20 }), ' 5 ');
    expect(e).toEqual({
      kind: 'http',
      operation: 'createSession',
      status: 500,
      internalCode: 20,
      serverMessage: 'Loading account: 123, vid: V42',
      rawServerMessage: 'Loading account: 123, vid: V42',
      serverTime: 1,
      retryAfter: '5',
      visitorId: 'V42',
      message: 'createSession answered 500 (internalCode 20)',
    });
  });
  it('copes with a body that is not JSON or empty', () => {
    expect(httpError('csds', 404, '<html>', null)).toEqual({ kind: 'http', operation: 'csds', status: 404, message: 'csds answered 404' });
    expect(httpError('csds', 503, '', '')).toEqual({ kind: 'http', operation: 'csds', status: 503, message: 'csds answered 503' });
  });
});

describe('timeoutError', () => {
  it('names the operation and the budget', () => {
    expect(timeoutError('createSession', 250)).toMatchObject({ kind: 'timeout', operation: 'createSession', timeoutMs: 250 });
  });
});

describe('redirectError', () => {
  const res = (over: Partial<FetchResponse>): FetchResponse => ({ status: 200, headers: { get: () => null }, text: async () => '', ...over });
  it('is undefined for every answer that is not a redirect', () => {
    for (const status of [200, 204, 304, 400, 404, 500]) expect(redirectError('createSession', 'https://h/x', res({ status }))).toBeUndefined();
  });
  it("knows a browser's opaque redirect, whose target the page cannot see", () => {
    expect(redirectError('createSession', 'https://h/x', res({ status: 0, type: 'opaqueredirect' }))).toEqual({
      kind: 'http',
      operation: 'createSession',
      status: 0,
      message: 'createSession answered a redirect; redirects are not followed',
    });
  });
  it('resolves a relative Location against the request URL and names only its origin', () => {
    const e = redirectError('updateSession', 'https://h.example/api/x', res({ status: 307, headers: { get: (n) => (n === 'location' ? '/other?sid=S' : null) } }));
    expect(e).toMatchObject({ status: 307, redirectOrigin: 'https://h.example' });
    expect(JSON.stringify(e)).not.toContain('sid=S');
  });
});
