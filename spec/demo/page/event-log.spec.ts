import type { ClientEvent } from '../../../src/client/events';
import { NO_TOTALS, describeEvent, describeFailure, tally } from '../../../src/demo/page/event-log';

const request = { hasVisitorId: false, hasSessionId: false, sections: 1, attributeTypes: [] as string[] };

describe('describeFailure', () => {
  it('names each kind of failure in a few words', () => {
    expect(describeFailure({ kind: 'http', operation: 'createSession', status: 503 })).toBe('HTTP 503');
    expect(describeFailure({ kind: 'http', operation: 'createSession', status: 503, internalCode: 0 })).toBe('HTTP 503');
    expect(describeFailure({ kind: 'http', operation: 'createSession', status: 500, internalCode: 20 })).toBe('HTTP 500 (internalCode 20)');
    expect(describeFailure({ kind: 'network', operation: 'createSession' })).toBe('network error (no answer)');
    expect(describeFailure({ kind: 'timeout', operation: 'createSession' })).toBe('timeout');
    expect(describeFailure({ kind: 'decode', operation: 'createSession', status: 200 })).toBe('unreadable answer (HTTP 200)');
    expect(describeFailure({ kind: 'validation' })).toBe('validation error');
  });
});

describe('describeEvent', () => {
  it('describes attempts, failures, retries, give-ups and answers', () => {
    const lines = ([
      { type: 'attemptStarted', check: 1, attempt: 1, at: 0, request },
      { type: 'attemptStarted', check: 2, attempt: 1, at: 0, request: { ...request, hasVisitorId: true, attributeTypes: ['prodView', 'cart'] } },
      { type: 'attemptFailed', check: 2, attempt: 1, at: 0, error: { kind: 'http', operation: 'createSession', status: 503 } },
      { type: 'retryScheduled', check: 2, attempt: 1, at: 0, delayMs: 1250, reason: 'backoff: http 503, retry 1 in 1250 ms' },
      { type: 'gaveUp', check: 3, attempts: 1, at: 0, reason: 'not-retryable: http 400', error: { kind: 'http', status: 400 } },
      { type: 'succeeded', check: 2, attempts: 2, at: 0, status: 'Available' },
    ] as ClientEvent[]).map(describeEvent);
    expect(lines).toEqual([
      { kind: 'attemptStarted', tone: 'info', text: 'Check 1 · attempt 1 sent (new visitor)' },
      { kind: 'attemptStarted', tone: 'info', text: 'Check 2 · attempt 1 sent (known visitor, SDEs: prodView, cart)' },
      { kind: 'attemptFailed', tone: 'warn', text: 'Check 2 · attempt 1 failed: HTTP 503' },
      { kind: 'retryScheduled', tone: 'warn', text: 'Check 2 · retry in 1.3 s (backoff)' },
      { kind: 'gaveUp', tone: 'error', text: 'Check 3 · gave up after 1 attempt (not-retryable)' },
      { kind: 'succeeded', tone: 'ok', text: 'Check 2 · answered Available after 2 attempts' },
    ]);
  });

  it('shows new and reset sessions, and leaves out the rest', () => {
    expect(describeEvent({ type: 'sessionChanged', at: 0, change: 'replaced' })?.text).toBe('New visitor session');
    expect(describeEvent({ type: 'sessionChanged', at: 0, change: 'reset' })?.text).toBe('Visitor session reset');
    expect(describeEvent({ type: 'sessionChanged', at: 0, change: 'confirmed' })).toBeUndefined();
    expect(describeEvent({ type: 'warning', at: 0, code: 'sessionStoreUnreadable', message: 'x' })).toBeUndefined();
  });
});

describe('tally', () => {
  it('counts checks (first attempts), attempts, retries and failed attempts', () => {
    const events = [
      { type: 'attemptStarted', check: 1, attempt: 1, at: 0, request },
      { type: 'attemptFailed', check: 1, attempt: 1, at: 0, error: { kind: 'network' } },
      { type: 'retryScheduled', check: 1, attempt: 1, at: 0, delayMs: 1, reason: 'backoff' },
      { type: 'attemptStarted', check: 1, attempt: 2, at: 0, request },
      { type: 'succeeded', check: 1, attempts: 2, at: 0, status: 'Available' },
      { type: 'attemptStarted', check: 2, attempt: 1, at: 0, request },
    ] as ClientEvent[];
    expect(events.reduce(tally, NO_TOTALS)).toEqual({ checks: 2, attempts: 3, retries: 1, failures: 1 });
  });
});
