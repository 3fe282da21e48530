/**
 * The live engagement state: engagement checks as one shared Observable of
 * {@link EngagementState}, driven by the page's sections, its SDEs, explicit
 * refreshes, the expiry of Available answers and the online / visible
 * state. The decisions are pure (`state.ts`, `triggers.ts`, `expiry.ts`);
 * this file wires them to the inputs, the scheduler and the client.
 *
 * Rules (see docs/orchestrator.md for a marble diagram of each):
 *
 * 1. a change of sections checks at once; equal consecutive sections do not;
 * 2. an SDE of an eligibility type (`ELIGIBILITY_ATTRIBUTE_TYPES`) checks
 *    after `attributeDebounceMs` (1000 ms) of quiet (counted from its
 *    delivery when it goes through `report`); a repeated SDE never does; a
 *    check that starts meanwhile for another reason absorbs that re-check;
 * 3. a new trigger cancels the check in flight, like `switchMap`: its
 *    request is aborted, a pending retry wait is cancelled;
 * 4. an Available answer is renewed `renewLeadMs` before it expires
 *    (10 % of its validity, at most 30 s) without leaving Available, and
 *    turns Expired at its end if the renewal got no Right answer by then;
 * 5. offline or hidden: nothing is sent (the check in flight is cancelled),
 *    the state is Paused; back online and visible, the state before the pause
 *    is restored when still good, else a check starts at once;
 * 6. one connection for every subscriber, like
 *    `share({ connector: () => new ReplaySubject(1), resetOnRefCountZero: true })`:
 *    a late subscriber gets the current state at once; the last
 *    unsubscription tears everything down; subscribing again starts afresh.
 *
 * Why an engine rather than an operator chain: a Node service may hold
 * tens of thousands of idle live states. The same rules written as
 * `merge` / `switchMap` / `expand` / `share` keep about 18 operator
 * subscribers alive per idle live state (20 KB measured); the engine keeps
 * one object of data, one timer, and one small `Listener` per input (see
 * docs/performance.md, "Orchestrators at scale"). Its behaviour is the
 * module's functions, shared by every live state (no closure per live
 * state), and it uses nothing of RxJS but `Observable` and `Subscription`,
 * which every bundle of the library already has: each operator, subject
 * or scheduler it imported would add its code to every page that watches.
 *
 * One `Listener` class receives everything the engine listens to: the
 * inputs, the check in flight (its progress and its answer) and a sink's
 * delivery. Cancelling one is unsubscribing it; a closed listener passes
 * nothing on, so a check that was let go (a newer trigger, a pause) is
 * never heard from again, even when it goes on synchronously.
 *
 * @packageDocumentation
 */
import { Observable, Subscription, type Observer, type SchedulerAction, type SchedulerLike, type Subscriber } from 'rxjs';
import type { EngagementAttribute } from '../attributes/attribute';
import { coalesceAttributes } from '../attributes/merge';
import { internalsOf } from '../client/internals';
import type { CheckProgress } from '../client/events';
import { validationError, type EngagementError, type ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { just } from '../internal/observable';
import { timeoutScheduler } from '../internal/scheduler';
import type { AppDetails, Engagement, EngagementAttributeInput } from '../model';
import type { CheckingClient } from './check';
import { isSubscribable, sinkOf, watchIssues, type AttributeSink, type WatchOptions } from './options';
import {
  IDLE,
  canRestore,
  endsPhase,
  expire,
  pausedState,
  sameState,
  settledOf,
  startCheck,
  transition,
  type ActiveState,
  type CheckTrigger,
  type EngagementState,
  type MachineEvent,
  type PauseReason,
} from './state';
import {
  DEFAULT_ATTRIBUTE_DEBOUNCE_MS,
  ELIGIBILITY_ATTRIBUTE_TYPES,
  EMPTY_LEDGER,
  acceptAttributes,
  type AttributeLedger,
  markSent,
  normalizeSections,
  pauseReason,
  sameSections,
} from './triggers';

/**
 * What drives the live state. Every field is optional.
 *
 * @example
 * ```ts
 * import { fromEvent, map, merge, startWith } from 'rxjs';
 *
 * const inputs: EngagementInputs = {
 *   sections$: router.url$.pipe(map(sectionsOf)),
 *   attributes$: cart$.pipe(map((c) => cartAttribute({ total: c.total, numItems: c.items.length }))),
 *   refresh$: retryButton.clicks$,
 *   online$: merge(fromEvent(window, 'online'), fromEvent(window, 'offline')).pipe(map(() => navigator.onLine), startWith(navigator.onLine)),
 *   visible$: fromEvent(document, 'visibilitychange').pipe(map(() => !document.hidden), startWith(!document.hidden)),
 * };
 * ```
 * @since 0.1.0
 * @category Live state
 */
export interface EngagementInputs {
  /**
   * The consumer sections of the page the user is on (an array, or a
   * comma-delimited string). When given, nothing is checked before its
   * first value; when absent, one check starts at once.
   */
  readonly sections$?: Observable<ReadonlyArray<string> | string>;
  /**
   * SDEs as they happen: one attribute or several at a time. An attribute
   * may be a builder's result (`cartAttribute(...)`, an `Either`): a `Left`
   * is refused like an invalid attribute, its issues going to the
   * `onInvalidAttributes` option.
   */
  readonly attributes$?: Observable<
    EngagementAttribute | Either<ValidationError, EngagementAttribute> | ReadonlyArray<EngagementAttribute | Either<ValidationError, EngagementAttribute>>
  >;
  /** Sent with every check. */
  readonly appDetails?: AppDetails;
  /** Every value checks again at once (cancelling a check in flight or a retry wait). */
  readonly refresh$?: Observable<unknown>;
  /** `false` pauses the live state. Taken as `true` until it emits. */
  readonly online$?: Observable<boolean>;
  /** `false` pauses the live state. Taken as `true` until it emits. */
  readonly visible$?: Observable<boolean>;
}

/**
 * The live engagement state of one client's visitor: returns an Observable
 * of {@link EngagementState} that starts with `Idle` (or `Paused` when it
 * starts offline or hidden) and follows the rules of the module
 * description. It is shared: every subscriber sees the same checks, a late
 * subscriber gets the current state at once, and the last unsubscription
 * stops everything (the request in flight is aborted, every timer cleared).
 * Subscribing again afterwards starts afresh.
 *
 * SDEs go to `options.reporter` when one is given (Update Session, e.g.
 * `createReporter(client)`), else in the `engagementAttributes` of the next
 * check (kept until a check that carried them gets an answer).
 * `options.attributes` forces either way. Timers run on the client's
 * scheduler unless `options.scheduler` names another (a client not made by
 * `createEngagementClient` has none: its live state runs on `Date.now` and
 * `setTimeout` unless `options.scheduler` is given).
 *
 * Never throws: invalid options or inputs give a single `Failed` state with
 * a `validation` error naming them (`failedAt` is the time of the call).
 * An error notification of an input (or of the client) ends the live state
 * with that error.
 *
 * @example
 * ```ts
 * import { BehaviorSubject } from 'rxjs';
 * import { createEngagementClient, watchEngagement } from 'engagement-rx';
 *
 * const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net' });
 * const sections$ = new BehaviorSubject(['Support']);
 * watchEngagement(client, { sections$ }).subscribe((state) => {
 *   if (state.status === 'Available') showChatButton(state.engagement);
 *   else hideChatButton();
 * });
 * sections$.next(['Sales']); // the user navigates: checks again
 * ```
 * @since 0.2.0
 * @category Live state
 */
export function watchEngagement(client: CheckingClient, inputs: EngagementInputs = NONE, options: WatchOptions = NONE): Observable<EngagementState> {
  const issues = watchIssues(inputs, options);
  const internals = internalsOf(client);
  // The option's scheduler when it is a good one, else the client's; a client not made by
  // `createEngagementClient` (or refused) has none: `Date.now` and `setTimeout`.
  const given = issues.some((i) => i.path === 'scheduler') ? undefined : options?.scheduler;
  const scheduler = given ?? (internals?.ok ? internals.config.scheduler : timeoutScheduler);
  if (issues.length > 0) return just({ status: 'Failed', error: validationError(issues), failedAt: scheduler.now() });
  let engine: Engine | undefined;
  return new Observable<EngagementState>((subscriber) => {
    const fresh = !engine || engine.stopped;
    const e = fresh ? (engine = engineOf(client, inputs, options, scheduler)) : (engine as Engine);
    e.subscribers = e.subscribers.concat(subscriber);
    if (fresh) connect(e);
    else if (e.last) subscriber.next(e.last);
    return e;
  });
}

/** The default inputs and options: shared, so that a live state keeps nothing of its own for them. */
const NONE = {};
const NO_ATTRIBUTES: ReadonlyArray<EngagementAttribute> = [];

/** What a `Listener` hands its values to. */
type Handler = (engine: Engine, value: unknown) => void;

/**
 * What the engine listens to (an input, the check in flight, a sink's
 * delivery), kept per idle live state, so made small: a `Subscription`
 * with observer methods on its prototype. RxJS uses such an object as the
 * subscriber itself (no `SafeSubscriber` and no closures around it). Once
 * closed, it passes nothing on. An error ends the live state, except for a
 * delivery, which any notification completes. A completed input keeps its
 * last value.
 */
class Listener extends Subscription implements Observer<unknown> {
  constructor(
    private readonly engine: Engine,
    private readonly on: Handler,
  ) {
    super();
  }

  next(value: unknown): void {
    if (!this.closed) this.on(this.engine, value);
  }

  error(err: unknown): void {
    if (this.on === onDelivered) this.next(err);
    else if (!this.closed) fail(this.engine, err);
  }

  complete(): void {
    if (this.on === onDelivered) this.next(undefined);
  }
}

/**
 * One connection of a live state: its data. The functions below are its
 * behaviour: a state that starts a phase goes through `enter` (a check
 * runs, or an Available answer arms its timer); `onEvent` applies the
 * progress within a phase, or the event that ends it; `emit` tells the
 * subscribers. Every effect first checks `stopped`: a subscriber may have
 * left (and torn everything down) from its callback.
 *
 * It is also each subscriber's teardown: `unsubscribe` forgets the
 * subscribers that left, and stops everything when none is left.
 */
interface Engine {
  readonly client: CheckingClient;
  readonly inputs: EngagementInputs;
  readonly options: WatchOptions;
  readonly scheduler: SchedulerLike;
  /** Where SDEs go, if not in the next check. */
  readonly sink: AttributeSink | undefined;
  /** Copied on change: a list of exact length, safe to iterate while it changes. */
  subscribers: ReadonlyArray<Subscriber<EngagementState>>;
  /** The last state emitted. */
  last: EngagementState | undefined;
  stopped: boolean;
  /** The state outside pauses. */
  state: ActiveState;
  online: boolean;
  visible: boolean;
  paused: PauseReason | undefined;
  /** A trigger that arrived during the pause: it runs on return. */
  due: CheckTrigger | undefined;
  sections: ReadonlyArray<string> | undefined;
  ledger: AttributeLedger;
  /** What the check in flight carries (without a sink). */
  sent: ReadonlyArray<EngagementAttribute>;
  /** The check of the phase (a renewal's, in an Available phase), closed once answered. */
  check: Listener | undefined;
  /** The phase's timer: the renewal, or the expiry once the renewal started or while paused. */
  timer: Subscription | undefined;
  debounce: Subscription | undefined;
  /** Batches for the sink, the first one being delivered (with a sink whose `report` returns an Observable). */
  reports: Array<readonly [ReadonlyArray<EngagementAttribute>, boolean]> | undefined;
  delivering: Listener | undefined;
  listeners: ReadonlyArray<Listener>;
  unsubscribe(this: Engine): void;
}

/** A new engine. Every field is set here, so that engines keep one compact shape. */
function engineOf(client: CheckingClient, inputs: EngagementInputs, options: WatchOptions, scheduler: SchedulerLike): Engine {
  return {
    client,
    inputs,
    options,
    scheduler,
    sink: sinkOf(options),
    subscribers: [],
    last: undefined,
    stopped: false,
    state: IDLE,
    online: true,
    visible: true,
    paused: undefined,
    due: undefined,
    sections: undefined,
    ledger: EMPTY_LEDGER,
    sent: NO_ATTRIBUTES,
    check: undefined,
    timer: undefined,
    debounce: undefined,
    reports: undefined,
    delivering: undefined,
    listeners: [],
    unsubscribe: leave,
  };
}

/** A subscriber's teardown (a shared function, not a closure per engine): forgets the subscribers that left; the last one leaving stops everything. */
function leave(this: Engine): void {
  const open = this.subscribers.filter((s) => !s.closed);
  if (open.length < this.subscribers.length && (this.subscribers = open).length === 0) stop(this);
}

// ---- subscribers (the share semantics) -------------------------------------------

function emit(e: Engine, state: EngagementState): void {
  if (e.stopped || (e.last && sameState(e.last, state))) return;
  e.last = state;
  for (const s of e.subscribers) s.next(state);
  // A subscriber may leave from its callback before its teardown is even registered
  // (e.g. `take(1)` on the first state): stop now, before anything is sent.
  e.unsubscribe();
}

function fail(e: Engine, err: unknown): void {
  if (e.stopped) return;
  stop(e);
  for (const s of e.subscribers) s.error(err);
}

function stop(e: Engine): void {
  e.stopped = true;
  for (const s of [e.check, e.timer, e.debounce, e.delivering, ...e.listeners]) s?.unsubscribe();
}

// ---- inputs ---------------------------------------------------------------------

function connect(e: Engine): void {
  const { inputs } = e;
  // Pause inputs first: a synchronous `false` is known before anything is sent.
  listen(e, inputs.online$, onOnline);
  listen(e, inputs.visible$, onVisible);
  if (!e.paused) emit(e, IDLE);
  if (!inputs.sections$) trigger(e, 'start');
  listen(e, inputs.sections$, onSections);
  listen(e, inputs.attributes$, onAttributes);
  listen(e, inputs.refresh$, onRefresh);
}

function listen(e: Engine, source: Observable<unknown> | undefined, on: Handler): void {
  if (!source || e.stopped) return;
  const listener = new Listener(e, on);
  e.listeners = e.listeners.concat(listener);
  source.subscribe(listener);
}

function onOnline(e: Engine, value: unknown): void {
  e.online = value !== false;
  activity(e);
}

function onVisible(e: Engine, value: unknown): void {
  e.visible = value !== false;
  activity(e);
}

function onSections(e: Engine, value: unknown): void {
  const sections = normalizeSections(value as ReadonlyArray<string> | string);
  if (e.sections && sameSections(e.sections, sections)) return;
  e.sections = sections;
  trigger(e, 'sections');
}

function onRefresh(e: Engine): void {
  trigger(e, 'refresh');
}

function onAttributes(e: Engine, value: unknown): void {
  const { options, sink } = e;
  const r = acceptAttributes(e.ledger, Array.isArray(value) ? value : [value], {
    eligibility: options.eligibilityTypes ?? ELIGIBILITY_ATTRIBUTE_TYPES,
    keepPending: !sink,
  });
  e.ledger = r.ledger;
  if (r.issues.length > 0) options.onInvalidAttributes?.(r.issues);
  if (!sink || r.accepted.length === 0) {
    if (r.triggers) armDebounce(e);
  } else if ((e.reports ??= []).push([r.accepted, r.triggers]) === 1) deliver(e);
}

/** Reports the oldest waiting batch; its re-check is debounced once it is delivered (or failed). */
function deliver(e: Engine): void {
  const batch = e.reports?.[0];
  if (!batch || e.stopped) return;
  let result: unknown;
  try {
    result = e.sink?.report(...batch[0]);
  } catch {
    // A sink that throws has taken the batch all the same.
  }
  if (isSubscribable(result)) result.subscribe((e.delivering = new Listener(e, onDelivered)));
  else onDelivered(e);
}

function onDelivered(e: Engine): void {
  e.delivering?.unsubscribe();
  if (e.reports?.shift()?.[1] === true) armDebounce(e);
  deliver(e);
}

function armDebounce(e: Engine): void {
  e.debounce?.unsubscribe();
  if (!e.stopped) e.debounce = e.scheduler.schedule(debounceFired, e.options.attributeDebounceMs ?? DEFAULT_ATTRIBUTE_DEBOUNCE_MS, e);
}

/** Timer work without a closure per timer: the engine is the action's state. */
function debounceFired(this: SchedulerAction<Engine>, e?: Engine): void {
  if (e) trigger(e, 'attributes');
}

// ---- triggers and pauses (the switchMap semantics) --------------------------------

function trigger(e: Engine, reason: CheckTrigger): void {
  // Nothing is checked before the first sections (SDEs meanwhile ride with that check).
  if (e.inputs.sections$ && !e.sections) return;
  if (!e.paused) start(e, reason);
  else e.due = reason;
}

function start(e: Engine, trigger: CheckTrigger): void {
  enter(e, startCheck(trigger, e.scheduler.now(), settledOf(e.state)));
}

function activity(e: Engine): void {
  const reason = pauseReason(e.online, e.visible);
  if (reason === e.paused) return;
  e.paused = reason;
  if (reason) return pause(e, reason);
  // Back: the trigger that came meanwhile, else the state as it was when still good, else a check.
  const due = e.due;
  e.due = undefined;
  if (!due && canRestore(e.state, e.scheduler.now())) enter(e, e.state);
  else start(e, due ?? 'resume');
}

function pause(e: Engine, reason: PauseReason): void {
  endPhase(e);
  const paused = pausedState(reason, e.state);
  const previous = (e.state = paused.previous);
  emit(e, paused);
  // An Available engagement still expires at its time: it cannot be renewed meanwhile
  // (unless a subscriber ended the pause from its callback).
  if (e.paused === reason && previous.status === 'Available') arm(e, previous.expiresAt);
}

// ---- phases -------------------------------------------------------------------

function enter(e: Engine, state: ActiveState): void {
  endPhase(e);
  emit(e, (e.state = state));
  // A subscriber may have moved on from its callback (a trigger, a pause): this phase is over.
  if (e.state !== state) return;
  if (state.status === 'Checking') runCheck(e);
  else if (state.status === 'Available') arm(e, state.renewAt);
  else if (state.status === 'Conversation') arm(e, state.recheckAt);
}

function endPhase(e: Engine): void {
  e.check?.unsubscribe();
  e.timer?.unsubscribe();
  e.check = e.timer = undefined;
}

/** Sets the phase's one timer (in place of any other: a subscriber may have moved on from its callback). */
function arm(e: Engine, time: number): void {
  const { scheduler } = e;
  e.timer?.unsubscribe();
  if (!e.stopped) e.timer = scheduler.schedule(timerFired, Math.max(0, time - scheduler.now()), e);
}

function timerFired(this: SchedulerAction<Engine>, e?: Engine): void {
  if (!e) return;
  const state = e.state;
  e.timer = undefined;
  // A conversation carries no validity: check again whether it is still going (a pause cleared this timer).
  if (state.status === 'Conversation') return start(e, 'recheck');
  if (state.status !== 'Available') return;
  const now = e.scheduler.now();
  if (e.paused) {
    e.state = expire(state, now, true);
    pause(e, e.paused);
  } else if (e.check) onEvent(e, { type: 'expired', at: now });
  else {
    // The renewal: the engagement stays Available meanwhile; the expiry waits in the same slot.
    arm(e, state.expiresAt);
    runCheck(e);
  }
}

function runCheck(e: Engine): void {
  if (e.stopped) return;
  // This check accounts for every SDE taken so far: a pending SDE re-check is absorbed.
  e.debounce?.unsubscribe();
  const sent = (e.sent = e.sink ? NO_ATTRIBUTES : e.ledger.pending);
  const { sections } = e;
  const check = (e.check = new Listener(e, onCheck));
  e.client
    .getEngagement(
      {
        consumerSections: sections?.length ? sections : undefined,
        appDetails: e.inputs.appDetails,
        engagementAttributes: sent.length > 0 ? (coalesceAttributes(sent) as ReadonlyArray<EngagementAttributeInput>) : undefined,
      },
      { onProgress: (progress) => check.next(progress) },
    )
    .subscribe(check);
}

/** The check's progress, or its answer (only the first one counts). */
function onCheck(e: Engine, value: unknown): void {
  const v = value as CheckProgress | Either<EngagementError, Engagement>;
  if (!('_tag' in v)) return onEvent(e, v);
  e.check?.unsubscribe();
  if (v._tag === 'Right') e.ledger = markSent(e.ledger, e.sent);
  onEvent(e, { type: 'answer', result: v, at: e.scheduler.now() });
}

function onEvent(e: Engine, event: MachineEvent): void {
  const state = e.state;
  const next = transition(state, event, e.options.renewLeadMs, e.options.recheckIntervalMs) as ActiveState;
  if (endsPhase(state, event)) return enter(e, next);
  e.state = next;
  // A failed attempt is always followed at once by its retry or by the answer: it shows in that state.
  if (event.type !== 'attemptFailed') emit(e, next);
}
