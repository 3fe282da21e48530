/**
 * The states of an engagement orchestrator and the pure transitions between
 * them. No timers and no I/O: `engagement-stream.ts` feeds events in and
 * emits what comes out.
 *
 * ```text
 *                 trigger                    answer Right(Available)
 *   Idle ───────────────────▶ Checking ──────────────────────────▶ Available ──renewAt──▶ Available{renewal}
 *                              │  ▲ attempt / retry                    ▲                     │
 *                              │  └──┘                                 └── Right(Available) ─┤
 *                              ├─ Right(NotAvailable) ─▶ NotAvailable                          ├─ Right(NotAvailable) ─▶ NotAvailable
 *                              └─ Left(error) ────────▶ Failed                                 ├─ Left ─▶ Available{renewalError}
 *                                                                                              └─ expiresAt ─▶ Expired
 *   any state ── offline / hidden ──▶ Paused{previous} ── back ──▶ previous (restored) or Checking (resume)
 * ```
 *
 * @packageDocumentation
 */
import type { ErrorSummary } from '../client/events';
import type { EngagementError } from '../errors';
import type { AvailableEngagement, Engagement, NotAvailableEngagement } from '../model';
import type { Either } from '../internal/either';
import { expiryTimes } from './expiry';

/**
 * Why a check started:
 * - `start`: the first check, when no `sections$` is given;
 * - `sections`: the consumer sections changed (including their first value);
 * - `attributes`: an SDE that can change eligibility arrived (debounced);
 * - `refresh`: `refresh$` emitted;
 * - `resume`: back online / visible, and the last state could not be kept.
 *
 * @example
 * ```ts
 * if (state.status === 'Checking' && state.trigger === 'sections') showSpinner();
 * ```
 * @since 0.1.0
 * @category Live state
 */
export type CheckTrigger = 'start' | 'sections' | 'attributes' | 'refresh' | 'resume';

/**
 * Why the orchestrator is paused: `offline` wins over `hidden` when both hold.
 *
 * @example
 * ```ts
 * const reason: PauseReason = 'hidden';
 * ```
 * @since 0.1.0
 * @category Live state
 */
export type PauseReason = 'offline' | 'hidden';

/**
 * Nothing checked yet: `sections$` has not emitted.
 *
 * @example
 * ```ts
 * if (state.status === 'Idle') hideChatButton();
 * ```
 * @since 0.1.0
 * @category Live state
 */
export interface IdleState {
  readonly status: 'Idle';
}

/**
 * A check is running: an attempt is in flight, or the client waits before
 * the next one (`nextRetryAt` set). Times are the scheduler's clock in ms.
 *
 * @example
 * ```ts
 * if (state.status === 'Checking' && state.nextRetryAt !== undefined) {
 *   label.text = `retrying in ${Math.ceil((state.nextRetryAt - Date.now()) / 1000)} s`;
 * }
 * ```
 * @since 0.1.0
 * @category Live state
 */
export interface CheckingState {
  readonly status: 'Checking';
  readonly trigger: CheckTrigger;
  /** When the check started. */
  readonly startedAt: number;
  /** The attempt in flight, or the next one while waiting (1 for the first). */
  readonly attempt: number;
  /** When the attempt in flight was sent (the check's start until the first attempt reports). */
  readonly attemptAt: number;
  /** While waiting for a retry: when it starts. */
  readonly nextRetryAt?: number;
  /** What the last failed attempt got (no personal data). */
  readonly lastFailure?: ErrorSummary;
  /** The last answer before this check, for UIs that keep showing it meanwhile. */
  readonly previous?: SettledState;
}

/**
 * Progress of the renewal of an Available engagement (same fields as a check).
 *
 * @example
 * ```ts
 * if (state.status === 'Available' && state.renewal) console.debug('renewing, attempt', state.renewal.attempt);
 * ```
 * @since 0.1.0
 */
export interface RenewalProgress {
  readonly startedAt: number;
  readonly attempt: number;
  readonly attemptAt: number;
  readonly nextRetryAt?: number;
  readonly lastFailure?: ErrorSummary;
}

/**
 * An agent can be engaged until `expiresAt`. The engagement is renewed from
 * `renewAt` on without leaving this state: `renewal` shows the renewal in
 * progress, `renewalError` a renewal that gave up (the engagement then
 * expires at `expiresAt`).
 *
 * @example
 * ```ts
 * if (state.status === 'Available') showChatButton(state.engagement.engagementDetails);
 * ```
 * @since 0.1.0
 * @category Live state
 */
export interface AvailableState {
  readonly status: 'Available';
  readonly engagement: AvailableEngagement;
  /** When the answer arrived. */
  readonly checkedAt: number;
  /** When the renewal starts. */
  readonly renewAt: number;
  /** When the engagement stops being valid (attempt sent + `validForSeconds`). */
  readonly expiresAt: number;
  readonly renewal?: RenewalProgress;
  readonly renewalError?: EngagementError;
}

/**
 * No engagement now (no agent online, campaign rules): a valid answer.
 *
 * @example
 * ```ts
 * if (state.status === 'NotAvailable') showContactForm();
 * ```
 * @since 0.1.0
 * @category Live state
 */
export interface NotAvailableState {
  readonly status: 'NotAvailable';
  readonly engagement: NotAvailableEngagement;
  readonly checkedAt: number;
}

/**
 * Why an engagement expired:
 * - `renewal-failed`: the renewal gave up (`error` says why);
 * - `renewal-unanswered`: the renewal was still running (e.g. waiting for a retry);
 * - `paused`: the orchestrator was offline or hidden, so no renewal could be sent.
 *
 * @example
 * ```ts
 * const cause: ExpiryCause = 'renewal-unanswered';
 * ```
 * @since 0.1.0
 */
export type ExpiryCause = 'renewal-failed' | 'renewal-unanswered' | 'paused';

/**
 * An Available engagement ran out before it could be renewed. The next
 * trigger (sections, SDE, refresh, resume) checks again.
 *
 * @example
 * ```ts
 * if (state.status === 'Expired') hideChatButton();
 * ```
 * @since 0.1.0
 * @category Live state
 */
export interface ExpiredState {
  readonly status: 'Expired';
  readonly engagement: AvailableEngagement;
  readonly expiredAt: number;
  readonly cause: ExpiryCause;
  readonly error?: EngagementError;
}

/**
 * The check failed; the client's own retries have given up.
 *
 * @example
 * ```ts
 * if (state.status === 'Failed') console.warn(describeError(state.error));
 * ```
 * @since 0.1.0
 * @category Live state
 */
export interface FailedState {
  readonly status: 'Failed';
  readonly error: EngagementError;
  readonly failedAt: number;
}

/**
 * Offline or hidden: nothing is sent. `previous` is the state the
 * orchestrator left (an Available one still turns Expired at its
 * `expiresAt`, since it cannot be renewed meanwhile).
 *
 * @example
 * ```ts
 * if (state.status === 'Paused' && state.reason === 'offline') showOfflineBanner();
 * ```
 * @since 0.1.0
 * @category Live state
 */
export interface PausedState {
  readonly status: 'Paused';
  readonly reason: PauseReason;
  readonly previous: ActiveState;
}

/**
 * What an orchestrator emits, discriminated by `status`.
 *
 * @example
 * ```ts
 * client.engagement$({ sections$ }).subscribe((state: EngagementState) => {
 *   switch (state.status) {
 *     case 'Available': return showChatButton(state.engagement);
 *     case 'Checking': return showSpinner(state.attempt);
 *     default: return hideChatButton();
 *   }
 * });
 * ```
 * @since 0.1.0
 * @category Live state
 */
export type EngagementState =
  | IdleState
  | CheckingState
  | AvailableState
  | NotAvailableState
  | ExpiredState
  | FailedState
  | PausedState;

/**
 * The outcome of a check, as the last one is remembered.
 *
 * @example
 * ```ts
 * const shown: SettledState | undefined = state.status === 'Checking' ? state.previous : undefined;
 * ```
 * @since 0.1.0
 */
export type SettledState = AvailableState | NotAvailableState | ExpiredState | FailedState;

/**
 * Every state but {@link PausedState}.
 *
 * @example
 * ```ts
 * const beforePause: ActiveState = paused.previous;
 * ```
 * @since 0.1.0
 */
export type ActiveState = Exclude<EngagementState, PausedState>;

/**
 * What drives the transitions: the progress of a check (from the client's
 * `events$`), its answer, and the expiry deadline.
 *
 * @example
 * ```ts
 * const e: MachineEvent = { type: 'retryScheduled', attempt: 1, at: 10, delayMs: 5000 };
 * ```
 * @since 0.1.0
 */
export type MachineEvent =
  | { readonly type: 'attemptStarted'; readonly attempt: number; readonly at: number }
  | { readonly type: 'attemptFailed'; readonly attempt: number; readonly at: number; readonly error: ErrorSummary }
  | { readonly type: 'retryScheduled'; readonly attempt: number; readonly at: number; readonly delayMs: number }
  | { readonly type: 'answer'; readonly result: Either<EngagementError, Engagement>; readonly at: number }
  | { readonly type: 'expired'; readonly at: number };

/**
 * The first state of every orchestrator.
 *
 * @example
 * ```ts
 * IDLE.status; // => 'Idle'
 * ```
 * @since 0.1.0
 */
export const IDLE: IdleState = Object.freeze({ status: 'Idle' });

/**
 * The last answer a state stands on: itself when settled (an Available one
 * without its renewal progress), a check's `previous`, else `undefined`.
 *
 * @example
 * ```ts
 * settledOf(IDLE); // => undefined
 * ```
 * @since 0.1.0
 */
export function settledOf(state: EngagementState): SettledState | undefined {
  switch (state.status) {
    case 'Available':
      return withoutRenewal(state);
    case 'NotAvailable':
    case 'Expired':
    case 'Failed':
      return state;
    case 'Checking':
      return state.previous;
    case 'Paused':
      return settledOf(state.previous);
    default:
      return undefined;
  }
}

/**
 * The state a new check starts in: attempt 1, sent now.
 *
 * @example
 * ```ts
 * startCheck('sections', 0); // => { status: 'Checking', trigger: 'sections', startedAt: 0, attempt: 1, attemptAt: 0 }
 * ```
 * @since 0.1.0
 */
export function startCheck(trigger: CheckTrigger, at: number, previous?: SettledState): CheckingState {
  const base: CheckingState = { status: 'Checking', trigger, startedAt: at, attempt: 1, attemptAt: at };
  return previous === undefined ? base : { ...base, previous };
}

function withoutRenewal(state: AvailableState): AvailableState {
  if (state.renewal === undefined) return state;
  const { renewal: _dropped, ...rest } = state;
  return rest;
}

type Progress = Pick<CheckingState, 'attempt' | 'attemptAt' | 'nextRetryAt' | 'lastFailure'>;

/** Applies attempt events to a check's or a renewal's progress. */
function progress<P extends Progress>(p: P, event: MachineEvent): P {
  switch (event.type) {
    case 'attemptStarted': {
      const { nextRetryAt: _waited, ...rest } = p;
      return { ...rest, attempt: event.attempt, attemptAt: event.at } as P;
    }
    case 'attemptFailed':
      return { ...p, lastFailure: event.error };
    case 'retryScheduled':
      return { ...p, attempt: event.attempt + 1, nextRetryAt: event.at + event.delayMs };
    default:
      return p;
  }
}

/**
 * The settled state of an answer to an attempt sent at `sentAt`.
 *
 * @example
 * ```ts
 * const s = settle(right(notAvailable), 0, 40); // => { status: 'NotAvailable', engagement: notAvailable, checkedAt: 40 }
 * ```
 * @since 0.1.0
 */
export function settle(result: Either<EngagementError, Engagement>, sentAt: number, at: number, leadMs?: number): SettledState {
  if (result._tag === 'Left') return { status: 'Failed', error: result.left, failedAt: at };
  const engagement = result.right;
  if (engagement.status === 'NotAvailable') return { status: 'NotAvailable', engagement, checkedAt: at };
  const { renewAt, expiresAt } = expiryTimes(sentAt, engagement.engagementDetails.validForSeconds, leadMs);
  return { status: 'Available', engagement, checkedAt: at, renewAt, expiresAt };
}

/**
 * An Available engagement that ran out.
 *
 * @example
 * ```ts
 * expire(available, 900_000, true).cause; // => 'paused'
 * ```
 * @since 0.1.0
 */
export function expire(state: AvailableState, at: number, paused: boolean): ExpiredState {
  const cause: ExpiryCause = state.renewalError !== undefined ? 'renewal-failed' : paused ? 'paused' : 'renewal-unanswered';
  const expired: ExpiredState = { status: 'Expired', engagement: state.engagement, expiredAt: at, cause };
  return state.renewalError === undefined ? expired : { ...expired, error: state.renewalError };
}

/**
 * The pure transition function. Events that do not apply to a state leave
 * it unchanged (the same object).
 *
 * - `Checking`: attempt events update `attempt`, `attemptAt`,
 *   `nextRetryAt` and `lastFailure`; the answer settles it
 *   (Available / NotAvailable / Failed).
 * - `Available`: attempt events update `renewal`; a Right answer settles it
 *   again; a Left answer keeps it, with `renewalError`; `expired` makes it
 *   Expired.
 *
 * `leadMs` overrides the renewal lead (see `renewLeadMs`).
 *
 * @example
 * ```ts
 * const next = transition(startCheck('start', 0), { type: 'retryScheduled', attempt: 1, at: 40, delayMs: 5000 });
 * // => Checking with attempt 2 and nextRetryAt 5040
 * ```
 * @since 0.1.0
 */
export function transition(state: EngagementState, event: MachineEvent, leadMs?: number): EngagementState {
  if (state.status === 'Checking') {
    if (event.type === 'answer') return settle(event.result, state.attemptAt, event.at, leadMs);
    return event.type === 'expired' ? state : progress(state, event);
  }
  if (state.status === 'Available') {
    switch (event.type) {
      case 'expired':
        return expire(state, event.at, false);
      case 'answer': {
        if (event.result._tag === 'Right') return settle(event.result, state.renewal?.attemptAt ?? event.at, event.at, leadMs);
        const { renewal: _done, ...rest } = state;
        return { ...rest, renewalError: event.result.left };
      }
      default: {
        const renewal = state.renewal ?? { startedAt: event.at, attempt: 1, attemptAt: event.at };
        return { ...state, renewal: progress(renewal, event) };
      }
    }
  }
  return state;
}

/**
 * Whether `event` ends the phase that `state` started: the answer of a
 * check; a Right answer of a renewal or the expiry of an Available one.
 *
 * @example
 * ```ts
 * endsPhase(startCheck('start', 0), { type: 'attemptStarted', attempt: 1, at: 0 }); // => false
 * ```
 * @since 0.1.0
 */
export function endsPhase(state: EngagementState, event: MachineEvent): boolean {
  if (state.status === 'Checking') return event.type === 'answer';
  if (state.status === 'Available') return event.type === 'expired' || (event.type === 'answer' && event.result._tag === 'Right');
  return true;
}

/**
 * What a paused orchestrator shows: the state it left, without a renewal in
 * progress (the renewal was cancelled by the pause).
 *
 * @example
 * ```ts
 * pausedState('offline', IDLE); // => { status: 'Paused', reason: 'offline', previous: IDLE }
 * ```
 * @since 0.1.0
 */
export function pausedState(reason: PauseReason, previous: ActiveState): PausedState {
  return { status: 'Paused', reason, previous: previous.status === 'Available' ? withoutRenewal(previous) : previous };
}

/**
 * What happens on return (online and visible again) when no trigger arrived
 * during the pause: `restore` the state as it was, or `check` again.
 *
 * - restored: `Idle`; `NotAvailable`; `Available` whose renewal is not yet
 *   due (its timers resume for the remaining time);
 * - checked again: a `Checking` state (the pause cancelled that check),
 *   an `Available` one due for renewal or whose renewal failed, `Expired`,
 *   `Failed` (the failure may have come from the lost connection).
 *
 * @example
 * ```ts
 * resumeDecision(IDLE, 0); // => 'restore'
 * ```
 * @since 0.1.0
 */
export function resumeDecision(state: ActiveState, now: number): 'restore' | 'check' {
  switch (state.status) {
    case 'Idle':
    case 'NotAvailable':
      return 'restore';
    case 'Available':
      return state.renewal === undefined && state.renewalError === undefined && now < state.renewAt ? 'restore' : 'check';
    default:
      return 'check';
  }
}

/**
 * Shallow equality of two states (same status, same field values by `===`):
 * the orchestrator never emits a state equal to the previous one.
 *
 * @example
 * ```ts
 * sameState(startCheck('start', 0), startCheck('start', 0)); // => true
 * ```
 * @since 0.1.0
 */
export function sameState(a: EngagementState, b: EngagementState): boolean {
  if (a === b) return true;
  if (a.status !== b.status) return false;
  const ra = a as unknown as Readonly<Record<string, unknown>>;
  const rb = b as unknown as Readonly<Record<string, unknown>>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && ra[k] === rb[k]);
}
