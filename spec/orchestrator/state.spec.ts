import type { EngagementError } from '../../src/errors';
import {
  IDLE,
  canRestore,
  endsPhase,
  expire,
  pausedState,
  sameState,
  settle,
  settledOf,
  startCheck,
  transition,
  type AvailableState,
  type EngagementState,
  type MachineEvent,
} from '../../src/orchestrator/state';
import { available, http, notAvailable } from './fake-client';

const error503 = (http(503) as { left: EngagementError }).left;

function availableAt(sentAt: number, at: number, validForSeconds = 900): AvailableState {
  return settle(available(validForSeconds), sentAt, at) as AvailableState;
}

describe('settle', () => {
  it('turns an Available answer into Available, counting the validity from the attempt', () => {
    expect(settle(available(900), 100, 140)).toEqual({
      status: 'Available',
      engagement: expect.objectContaining({ status: 'Available' }),
      checkedAt: 140,
      renewAt: 870_100,
      expiresAt: 900_100,
    });
  });

  it('turns NotAvailable into NotAvailable and a Left into Failed', () => {
    expect(settle(notAvailable(), 0, 40)).toEqual({ status: 'NotAvailable', engagement: expect.objectContaining({ status: 'NotAvailable' }), checkedAt: 40 });
    expect(settle(http(404), 0, 40)).toEqual({ status: 'Failed', error: expect.objectContaining({ kind: 'http', status: 404 }), failedAt: 40 });
  });

  it('takes a fixed renewal lead', () => {
    expect(settle(available(60), 0, 10, 20_000)).toMatchObject({ renewAt: 40_000, expiresAt: 60_000 });
  });
});

describe('transition from Checking', () => {
  const checking = startCheck('sections', 0);

  it('follows the attempts: number, time sent, last failure, next retry', () => {
    let s: EngagementState = checking;
    s = transition(s, { type: 'attemptStarted', attempt: 1, at: 0 });
    s = transition(s, { type: 'attemptFailed', attempt: 1, at: 30, error: { kind: 'http', status: 503 } });
    s = transition(s, { type: 'retryScheduled', attempt: 1, at: 30, delayMs: 5000 });
    expect(s).toEqual({ status: 'Checking', trigger: 'sections', startedAt: 0, attempt: 2, attemptAt: 0, nextRetryAt: 5030, lastFailure: { kind: 'http', status: 503 } });
    s = transition(s, { type: 'attemptStarted', attempt: 2, at: 5030 });
    expect(s).toEqual({ status: 'Checking', trigger: 'sections', startedAt: 0, attempt: 2, attemptAt: 5030, lastFailure: { kind: 'http', status: 503 } });
    expect('nextRetryAt' in s).toBe(false);
  });

  it('settles on the answer, the validity counted from the last attempt', () => {
    const s = transition(transition(checking, { type: 'attemptStarted', attempt: 2, at: 5030 }), { type: 'answer', result: available(10), at: 5070 });
    expect(s).toMatchObject({ status: 'Available', checkedAt: 5070, renewAt: 14_030, expiresAt: 15_030 });
  });

  it('ignores the expiry', () => {
    expect(transition(checking, { type: 'expired', at: 10 })).toBe(checking);
  });
});

describe('transition from Available', () => {
  const a = availableAt(0, 40, 10); // renewAt 9000, expiresAt 10000

  it('shows the renewal in progress without leaving Available', () => {
    let s: EngagementState = transition(a, { type: 'attemptStarted', attempt: 1, at: 9000 });
    expect(s).toEqual({ ...a, renewal: { startedAt: 9000, attempt: 1, attemptAt: 9000 } });
    s = transition(s, { type: 'retryScheduled', attempt: 1, at: 9040, delayMs: 5000 });
    expect(s).toEqual({ ...a, renewal: { startedAt: 9000, attempt: 2, attemptAt: 9000, nextRetryAt: 14_040 } });
  });

  it('renews on a Right answer, counting from the renewal attempt', () => {
    const renewing = transition(a, { type: 'attemptStarted', attempt: 1, at: 9000 });
    const s = transition(renewing, { type: 'answer', result: available(10), at: 9040 });
    expect(s).toMatchObject({ status: 'Available', checkedAt: 9040, renewAt: 18_000, expiresAt: 19_000 });
    expect((s as AvailableState).renewal).toBeUndefined();
  });

  it('keeps the engagement with the error when the renewal gives up, then expires with it', () => {
    const failed = transition(transition(a, { type: 'attemptStarted', attempt: 1, at: 9000 }), { type: 'answer', result: http(503), at: 9040 });
    expect(failed).toEqual({ ...a, renewalError: error503 });
    expect(transition(failed, { type: 'expired', at: 10_000 })).toEqual({
      status: 'Expired',
      engagement: a.engagement,
      expiredAt: 10_000,
      cause: 'renewal-failed',
      error: error503,
    });
  });

  it('expires with the renewal still unanswered', () => {
    expect(transition(a, { type: 'expired', at: 10_000 })).toEqual({ status: 'Expired', engagement: a.engagement, expiredAt: 10_000, cause: 'renewal-unanswered' });
  });

  it('ends on NotAvailable', () => {
    expect(transition(a, { type: 'answer', result: notAvailable(), at: 9040 })).toMatchObject({ status: 'NotAvailable', checkedAt: 9040 });
  });
});

describe('endsPhase', () => {
  const answer: MachineEvent = { type: 'answer', result: available(), at: 1 };
  const left: MachineEvent = { type: 'answer', result: http(503), at: 1 };
  const progress: MachineEvent = { type: 'attemptStarted', attempt: 1, at: 1 };
  const expired: MachineEvent = { type: 'expired', at: 1 };

  it('ends a check on its answer only', () => {
    const c = startCheck('start', 0);
    expect([answer, left, progress, expired].map((e) => endsPhase(c, e))).toEqual([true, true, false, false]);
  });

  it('ends an Available phase on a Right renewal or the expiry, not on a failed renewal', () => {
    const a = availableAt(0, 1);
    expect([answer, left, progress, expired].map((e) => endsPhase(a, e))).toEqual([true, false, false, true]);
  });
});

describe('pauses and resumes', () => {
  it('pauses without the renewal in progress', () => {
    const a = availableAt(0, 40, 10);
    const renewing = transition(a, { type: 'attemptStarted', attempt: 1, at: 9000 });
    expect(pausedState('hidden', renewing as AvailableState)).toEqual({ status: 'Paused', reason: 'hidden', previous: a });
    expect(pausedState('offline', IDLE)).toEqual({ status: 'Paused', reason: 'offline', previous: IDLE });
  });

  it('expires while paused with cause paused', () => {
    expect(expire(availableAt(0, 40, 10), 10_000, true)).toMatchObject({ status: 'Expired', cause: 'paused' });
  });

  it('restores Idle, NotAvailable and an Available not yet due for renewal; checks everything else', () => {
    const a = availableAt(0, 40, 10);
    expect(canRestore(IDLE, 0)).toBe(true);
    expect(canRestore(settle(notAvailable(), 0, 40), 1e9)).toBe(true);
    expect(canRestore(a, 8_999)).toBe(true);
    expect(canRestore(a, 9_000)).toBe(false);
    expect(canRestore({ ...a, renewalError: error503 }, 100)).toBe(false);
    expect(canRestore(transition(a, { type: 'attemptStarted', attempt: 1, at: 100 }) as AvailableState, 100)).toBe(false);
    expect(canRestore(startCheck('start', 0), 0)).toBe(false);
    expect(canRestore(expire(a, 10_000, true), 10_000)).toBe(false);
    expect(canRestore({ status: 'Failed', error: error503, failedAt: 0 }, 1)).toBe(false);
  });
});

describe('settledOf and startCheck', () => {
  it('carries the last answer into the next check', () => {
    const a = availableAt(0, 40);
    const renewing = transition(a, { type: 'attemptStarted', attempt: 1, at: 9000 });
    expect(settledOf(renewing)).toEqual(a);
    expect(settledOf(IDLE)).toBeUndefined();
    const c = startCheck('refresh', 50, settledOf(a));
    expect(c).toEqual({ status: 'Checking', trigger: 'refresh', startedAt: 50, attempt: 1, attemptAt: 50, previous: a });
    expect(settledOf(c)).toBe(a);
    expect(settledOf(pausedState('offline', c))).toBe(a);
  });
});

describe('sameState', () => {
  it('compares states field by field', () => {
    expect(sameState(startCheck('start', 0), startCheck('start', 0))).toBe(true);
    expect(sameState(startCheck('start', 0), startCheck('start', 1))).toBe(false);
    expect(sameState(startCheck('start', 0), startCheck('sections', 0))).toBe(false);
    expect(sameState(IDLE, startCheck('start', 0))).toBe(false);
    const a = availableAt(0, 40);
    expect(sameState(a, { ...a })).toBe(true);
    expect(sameState(a, { ...a, renewal: { startedAt: 1, attempt: 1, attemptAt: 1 } })).toBe(false);
  });
});
