/**
 * The states of the live engagement state and the pure transitions between
 * them. No timers and no I/O: `engagement-stream.ts` feeds events in and
 * emits what comes out.
 *
 * ```text
 *                 trigger                    answer Right(Available)
 *   Idle ───────────────────▶ Checking ──────────────────────────▶ Available ──renewAt──▶ Available{renewal}
 *                              │  ▲ attempt / retry                    ▲                     │
 *                              │  └──┘                                 └── Right(Available) ─┤
 *                              ├─ Right(NotAvailable) ─▶ NotAvailable                          ├─ Right(NotAvailable) ─▶ NotAvailable
 *                              ├─ Right(Conversation) ─▶ Conversation                          ├─ Right(Conversation) ─▶ Conversation
 *                              └─ Left(error) ────────▶ Failed                                 ├─ Left ─▶ Available{renewalError}
 *                                                                                              └─ expiresAt ─▶ Expired
 *   any state ── offline / hidden ──▶ Paused{previous} ── back ──▶ previous (restored) or Checking (resume)
 * ```
 *
 * @packageDocumentation
 */
import type { ErrorSummary } from '../client/events';
import type { EngagementError } from '../errors';
import type { AvailableEngagement, ConversationEngagement, Engagement, NotAvailableEngagement } from '../model';
import type { Either } from '../internal/either';
import { expiryTimes } from './expiry';

/**
 * Why a check started:
 * - `start`: the first check, when no `sections$` is given;
 * - `sections`: the consumer sections changed (including their first value);
 * - `attributes`: an SDE that can change eligibility arrived (debounced);
 * - `refresh`: `refresh$` emitted;
 * - `resume`: back online / visible, and the last state could not be kept;
 * - `recheck`: a `Conversation` answer reached its `recheckAt` (the
 *   Monitoring API gives no validity: the conversation may have ended).
 *
 * @example
 * ```ts
 * if (state.status === 'Checking' && state.trigger === 'sections') showSpinner();
 * ```
 * @since 0.1.0
 * @category Live state
 */
export type CheckTrigger = 'start' | 'sections' | 'attributes' | 'refresh' | 'resume' | 'recheck';

/**
 * Why the live state is paused: `offline` wins over `hidden` when both hold.
 *
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
 *   showSpinner(`retrying in ${Math.ceil((state.nextRetryAt - Date.now()) / 1000)} s`);
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
 * if (state.status === 'Available') showChatButton(state.engagement);
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
 * if (state.status === 'NotAvailable') render('No agent right now: leave us a message');
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
 * The consumer has an active conversation to resume (Monitoring API only).
 * The API gives it no validity, and a conversation ends: the live state
 * checks again at `recheckAt` (`checkedAt` + the watch option
 * `recheckIntervalMs`), or sooner on any trigger (sections, SDE, refresh,
 * resume).
 *
 * @example
 * ```ts
 * declare function showResumeButton(conversationId: string): void; // the app's own button
 * if (state.status === 'Conversation') showResumeButton(state.engagement.conversation.conversationId);
 * ```
 * @since 0.2.0
 * @category Live state
 */
export interface ConversationState {
  readonly status: 'Conversation';
  readonly engagement: ConversationEngagement;
  readonly checkedAt: number;
  /** When the live state checks again (trigger `recheck`). */
  readonly recheckAt: number;
}

/**
 * Why an engagement expired:
 * - `renewal-failed`: the renewal gave up (`error` says why);
 * - `renewal-unanswered`: the renewal was still running (e.g. waiting for a retry);
 * - `paused`: the live state was offline or hidden, so no renewal could be sent.
 *
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
 * Offline or hidden: nothing is sent. `previous` is the state the live
 * state left (an Available one still turns Expired at its `expiresAt`, since
 * it cannot be renewed meanwhile).
 *
 * @example
 * ```ts
 * if (state.status === 'Paused' && state.reason === 'offline') render('You are offline');
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
 * What the live state emits, discriminated by `status`.
 *
 * @example
 * ```ts
 * watchEngagement(client, { sections$ }).subscribe((state: EngagementState) => {
 *   switch (state.status) {
 *     case 'Available': return showChatButton(state.engagement);
 *     case 'Checking': return showSpinner(`attempt ${state.attempt}`);
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
  | ConversationState
  | ExpiredState
  | FailedState
  | PausedState;

/**
 * The outcome of a check, as the last one is remembered.
 * @since 0.1.0
 */
export type SettledState = AvailableState | NotAvailableState | ConversationState | ExpiredState | FailedState;

/**
 * Every state but {@link PausedState}: what a pause keeps as `previous`.
 *
 * @since 0.1.0
 */
export type ActiveState = Exclude<EngagementState, PausedState>;

/**
 * What drives the transitions: the progress of a check (what its
 * `onProgress` tells, read by these fields only), its answer, and the expiry
 * deadline.
 *
 * @internal
 */
export type MachineEvent =
  | { readonly type: 'attemptStarted'; readonly attempt: number; readonly at: number }
  | { readonly type: 'attemptFailed'; readonly attempt: number; readonly at: number; readonly error: ErrorSummary }
  | { readonly type: 'retryScheduled'; readonly attempt: number; readonly at: number; readonly delayMs: number }
  | { readonly type: 'answer'; readonly result: Either<EngagementError, Engagement>; readonly at: number }
  | { readonly type: 'expired'; readonly at: number };

type AttemptEvent = Exclude<MachineEvent, { readonly type: 'answer' | 'expired' }>;

/**
 * The first state of every live state.
 *
 * @internal
 */
export const IDLE: IdleState = Object.freeze({ status: 'Idle' });

/** `state` without its `renewal` (the same object when it has none). */
function withoutRenewal<S extends EngagementState>(state: S): S {
  if (!('renewal' in state)) return state;
  const { renewal: _dropped, ...rest } = state;
  return rest as S;
}

/**
 * The last answer a state stands on: itself when settled (an Available one
 * without its renewal progress), a check's `previous`, else `undefined`.
 *
 * @internal
 */
export function settledOf(state: EngagementState): SettledState | undefined {
  return state.status === 'Idle'
    ? undefined
    : state.status === 'Checking'
      ? state.previous
      : state.status === 'Paused'
        ? settledOf(state.previous)
        : withoutRenewal(state);
}

/**
 * The state a new check starts in: attempt 1, sent now.
 *
 * @internal
 */
export function startCheck(trigger: CheckTrigger, at: number, previous?: SettledState): CheckingState {
  return { status: 'Checking', trigger, startedAt: at, attempt: 1, attemptAt: at, ...(previous && { previous }) };
}

/** Applies an attempt event to a check's or a renewal's progress. */
function progress<P extends RenewalProgress>(p: P, event: AttemptEvent): P {
  if (event.type === 'attemptFailed') return { ...p, lastFailure: event.error };
  if (event.type === 'retryScheduled') return { ...p, attempt: event.attempt + 1, nextRetryAt: event.at + event.delayMs };
  const { nextRetryAt: _waited, ...rest } = p;
  return { ...rest, attempt: event.attempt, attemptAt: event.at } as P;
}

/** How long an offer without `validForSeconds` is held for valid when `recheckIntervalMs` is not given: 5 min. */
export const DEFAULT_RECHECK_INTERVAL_MS = 300_000;

/**
 * The settled state of an answer to an attempt sent at `sentAt`; `leadMs`
 * overrides the renewal lead (see `renewLeadMs`); an offer without
 * `validForSeconds` is valid for `recheckMs` (see `recheckIntervalMs`).
 *
 * @internal
 */
export function settle(result: Either<EngagementError, Engagement>, sentAt: number, at: number, leadMs?: number, recheckMs = DEFAULT_RECHECK_INTERVAL_MS): SettledState {
  if (result._tag === 'Left') return { status: 'Failed', error: result.left, failedAt: at };
  const engagement = result.right;
  if (engagement.status === 'NotAvailable') return { status: 'NotAvailable', engagement, checkedAt: at };
  if (engagement.status === 'Conversation') return { status: 'Conversation', engagement, checkedAt: at, recheckAt: at + recheckMs };
  const { renewAt, expiresAt } = expiryTimes(sentAt, engagement.engagementDetails.validForSeconds ?? recheckMs / 1000, leadMs);
  return { status: 'Available', engagement, checkedAt: at, renewAt, expiresAt };
}

/**
 * An Available engagement that ran out: `renewal-failed` (with the error)
 * when its renewal gave up, else `paused` or `renewal-unanswered`.
 *
 * @internal
 */
export function expire(state: AvailableState, at: number, paused: boolean): ExpiredState {
  const error = state.renewalError;
  return {
    status: 'Expired',
    engagement: state.engagement,
    expiredAt: at,
    cause: error ? 'renewal-failed' : paused ? 'paused' : 'renewal-unanswered',
    ...(error && { error }),
  };
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
 * `leadMs` overrides the renewal lead (see `renewLeadMs`), `recheckMs` the
 * validity of an offer that carries none (see `recheckIntervalMs`).
 *
 * @internal
 */
export function transition(state: EngagementState, event: MachineEvent, leadMs?: number, recheckMs?: number): EngagementState {
  if (state.status === 'Checking') {
    if (event.type === 'answer') return settle(event.result, state.attemptAt, event.at, leadMs, recheckMs);
    return event.type === 'expired' ? state : progress(state, event);
  }
  if (state.status !== 'Available') return state;
  if (event.type === 'expired') return expire(state, event.at, false);
  if (event.type !== 'answer') return { ...state, renewal: progress(state.renewal ?? { startedAt: event.at, attempt: 1, attemptAt: event.at }, event) };
  return event.result._tag === 'Right'
    ? settle(event.result, state.renewal?.attemptAt ?? event.at, event.at, leadMs, recheckMs)
    : { ...withoutRenewal(state), renewalError: event.result.left };
}

/**
 * Whether `event` ends the phase that `state` started: the answer of a
 * check; a Right answer of a renewal or the expiry of an Available one.
 *
 * @internal
 */
export function endsPhase(state: EngagementState, event: MachineEvent): boolean {
  return state.status === 'Checking'
    ? event.type === 'answer'
    : state.status !== 'Available' || event.type === 'expired' || (event.type === 'answer' && event.result._tag === 'Right');
}

/**
 * What a paused live state shows: the state it left, without a renewal in
 * progress (the renewal was cancelled by the pause).
 *
 * @internal
 */
export function pausedState(reason: PauseReason, previous: ActiveState): PausedState {
  return { status: 'Paused', reason, previous: withoutRenewal(previous) };
}

/**
 * Whether the state before a pause is restored as it was on return (online
 * and visible again, no trigger during the pause): `Idle`, `NotAvailable`,
 * a `Conversation` not yet due for its re-check, and an `Available` whose renewal is not yet due (its timer resumes for the
 * remaining time). Anything else is checked again: a `Checking` state (the
 * pause cancelled that check), an `Available` one due for renewal or whose
 * renewal failed, `Expired`, `Failed` (the failure may have come from the
 * lost connection).
 *
 * @internal
 */
export function canRestore(state: ActiveState, now: number): boolean {
  return (
    state.status === 'Idle' ||
    state.status === 'NotAvailable' ||
    (state.status === 'Conversation' && now < state.recheckAt) ||
    (state.status === 'Available' && !state.renewal && !state.renewalError && now < state.renewAt)
  );
}

/**
 * Shallow equality of two states (as many fields, with values equal by
 * `===`; states never hold an `undefined` field): the live state never
 * emits a state equal to the previous one.
 *
 * @internal
 */
export function sameState(a: EngagementState, b: EngagementState): boolean {
  const ra = a as unknown as Readonly<Record<string, unknown>>;
  const rb = b as unknown as Readonly<Record<string, unknown>>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => ra[k] === rb[k]);
}
