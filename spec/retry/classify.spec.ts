import { classifyError, NEVER_RETRIED, statusMatches } from '../../src/retry/classify';
import { defaultRetryPolicy, type RetryOn } from '../../src/retry/policy';
import { decode, discovery, http, loadingAccount, network, timeout, validation } from './fixtures';

const everything: RetryOn = { statuses: ['1xx', '2xx', '3xx', '4xx', '5xx'], network: true, timeout: true };

describe('statusMatches', () => {
  it('matches single statuses and classes', () => {
    expect(statusMatches(429, [429, '5xx'])).toBe(true);
    expect(statusMatches(500, [429, '5xx'])).toBe(true);
    expect(statusMatches(599, ['5xx'])).toBe(true);
    expect(statusMatches(428, [429, '5xx'])).toBe(false);
    expect(statusMatches(404, [])).toBe(false);
  });
});

describe('classifyError with the default retryOn', () => {
  const retryOn = defaultRetryPolicy.retryOn;

  it.each([500, 502, 503, 504])('retries %i', (status) => {
    expect(classifyError(http(status), retryOn)).toEqual({ retryable: true, rateLimited: false, reason: `http ${status}` });
  });

  it('retries 429 and marks it rate-limited', () => {
    expect(classifyError(http(429), retryOn)).toEqual({ retryable: true, rateLimited: true, reason: 'http 429' });
  });

  it('names the 500 "Loading account" answer', () => {
    expect(classifyError(loadingAccount, retryOn)).toEqual({
      retryable: true,
      rateLimited: false,
      reason: 'http 500 (Loading account, internalCode 20)',
    });
  });

  it.each([400, 401, 403, 404, 409])('does not retry %i', (status) => {
    expect(classifyError(http(status), retryOn)).toEqual({ retryable: false, reason: `http ${status} is not in retryOn.statuses` });
  });

  it('retries network errors and timeouts', () => {
    expect(classifyError(network, retryOn)).toMatchObject({ retryable: true, reason: 'network (ECONNRESET)' });
    expect(classifyError(timeout, retryOn)).toMatchObject({ retryable: true, reason: 'timeout after 5000 ms' });
  });
});

describe('classifyError with a custom retryOn', () => {
  it('turns network and timeout retries off', () => {
    const retryOn: RetryOn = { statuses: [503], network: false, timeout: false };
    expect(classifyError(network, retryOn).retryable).toBe(false);
    expect(classifyError(timeout, retryOn).retryable).toBe(false);
    expect(classifyError(http(500), retryOn).retryable).toBe(false);
    expect(classifyError(http(503), retryOn).retryable).toBe(true);
  });

  it.each([
    ['validation', validation],
    ['decode', decode],
    ['discovery', discovery],
  ] as const)('never retries %s errors, even when the policy retries everything', (kind, error) => {
    expect(NEVER_RETRIED).toContain(kind);
    expect(classifyError(error, everything)).toEqual({ retryable: false, reason: `${kind} errors are never retried` });
  });
});
