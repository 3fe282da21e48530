/**
 * Park or keep after a failed send, and the waits between delivery rounds. Pure.
 */
import fc from 'fast-check';
import type { EngagementError } from '../../src/errors';
import { REDELIVERY_CAP_MS, judgeFailure, redeliveryDelayMs } from '../../src/report/delivery';

const http = (status: number, internalCode?: number): EngagementError => ({
  kind: 'http',
  operation: 'updateSession',
  status,
  message: 'x',
  serverMessage: 'Session not found for someone@example.com',
  ...(internalCode === undefined ? {} : { internalCode }),
});

describe('judgeFailure', () => {
  it.each([400, 401, 403, 404, 405, 413, 422, 499])('parks a %i, with status and internal code only', (status) => {
    const v = judgeFailure(http(status, 39), 5);
    expect(v).toEqual({ reason: `http ${status} (internalCode 39)`, status, internalCode: 39, at: 5 });
    expect(JSON.stringify(v)).not.toContain('example.com');
  });

  it('names no internal code when there is none', () => {
    expect(judgeFailure(http(400), 1)).toEqual({ reason: 'http 400', status: 400, at: 1 });
  });

  it.each([200, 399, 408, 429, 500, 502, 503, 504])('keeps a %i', (status) => {
    expect(judgeFailure(http(status), 0)).toBeUndefined();
  });

  it('keeps network failures, timeouts and a failed host lookup', () => {
    expect(judgeFailure({ kind: 'network', operation: 'updateSession', cause: 'ECONNRESET', message: 'x' }, 0)).toBeUndefined();
    expect(judgeFailure({ kind: 'timeout', operation: 'updateSession', timeoutMs: 10, message: 'x' }, 0)).toBeUndefined();
    expect(judgeFailure({ kind: 'discovery', message: 'x' } as EngagementError, 0)).toBeUndefined();
  });
});

describe('redeliveryDelayMs', () => {
  it('starts between 1 and 3 minutes, grows, and never exceeds 30 minutes', () => {
    expect(redeliveryDelayMs(1, undefined, () => 0)).toBe(60_000);
    expect(redeliveryDelayMs(1, undefined, () => 0.999999)).toBeLessThanOrEqual(180_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.option(fc.integer({ min: 0, max: 10 * REDELIVERY_CAP_MS })), fc.double({ min: 0, max: 1, noNaN: true }), (round, previous, u) => {
        const d = redeliveryDelayMs(round, previous ?? undefined, () => u);
        expect(Number.isInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(Math.min(60_000 * 2 ** (round - 1), REDELIVERY_CAP_MS / 2) - 1);
        expect(d).toBeLessThanOrEqual(REDELIVERY_CAP_MS);
      }),
    );
  });
});
