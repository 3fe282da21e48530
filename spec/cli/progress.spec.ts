import { createProgress, progressLine } from '../../src/cli/progress';
import type { ClientEvent } from '../../src/client/events';

const started: ClientEvent = { type: 'attemptStarted', check: 1, attempt: 1, at: 0, request: { hasVisitorId: false, hasSessionId: false, sections: 0, attributeTypes: [] } };
const failed: ClientEvent = { type: 'attemptFailed', check: 1, attempt: 1, at: 0, error: { kind: 'http', operation: 'createSession', status: 500, internalCode: 20 } };
const retry: ClientEvent = { type: 'retryScheduled', check: 1, attempt: 1, at: 0, delayMs: 5200, reason: 'retryable: http 500' };
const ok: ClientEvent = { type: 'succeeded', check: 1, attempts: 2, at: 0, status: 'Available' };

describe('progressLine', () => {
  it('says attempt n of N, the failure, the wait and the end', () => {
    expect(progressLine(started, 4)).toBe('attempt 1 of 4...');
    expect(progressLine(failed, 4)).toBe('attempt 1 of 4 failed (http 500, internalCode 20)');
    expect(progressLine(retry, 4)).toBe('next retry in 5.2 s');
    expect(progressLine(ok, 4)).toBe('answered after 2 attempts');
    expect(progressLine({ type: 'sessionChanged', at: 0, change: 'confirmed' }, 4)).toBeUndefined();
  });
});

describe('createProgress', () => {
  it('prints plain lines when piped', () => {
    const out: string[] = [];
    const p = createProgress({ write: (t) => out.push(t), isTTY: false }, 4);
    [started, failed, retry, ok].forEach(p.onEvent);
    p.done();
    expect(out).toEqual(['attempt 1 of 4...\n', 'attempt 1 of 4 failed (http 500, internalCode 20)\n', 'next retry in 5.2 s\n', 'answered after 2 attempts\n']);
  });

  it('rewrites one line on a terminal, with a countdown while a retry waits', () => {
    const out: string[] = [];
    let now = 1000;
    let tick: (() => void) | undefined;
    let stopped = false;
    const p = createProgress({ write: (t) => out.push(t), isTTY: true }, 4, {
      now: () => now,
      setInterval: (fn) => {
        tick = fn;
        return () => (stopped = true);
      },
    });
    p.onEvent(started);
    p.onEvent(retry);
    now += 1000;
    tick?.();
    now += 3000;
    tick?.();
    p.onEvent(ok);
    p.done();
    expect(out.every((t) => t.startsWith('\x1b[2K\r'))).toBe(true);
    expect(out.map((t) => t.replace('\x1b[2K\r', ''))).toEqual([
      'attempt 1 of 4...',
      'attempt 1 of 4 failed; next retry in 6 s',
      'attempt 1 of 4 failed; next retry in 5 s',
      'attempt 1 of 4 failed; next retry in 2 s',
      'answered after 2 attempts',
      '',
    ]);
    expect(stopped).toBe(true);
  });
});
