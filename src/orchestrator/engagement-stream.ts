/**
 * The orchestrator: engagement checks as one shared Observable of
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
 * Why an engine object rather than an operator chain: a Node service may
 * hold tens of thousands of idle orchestrators. The same rules written as
 * `merge` / `switchMap` / `expand` / `share` keep about 18 operator
 * subscribers alive per idle orchestrator (20 KB measured); the engine keeps
 * one subscription per input, one timer and its state (see
 * docs/performance.md, "Orchestrators at scale"). RxJS still does the work
 * at the edges: the inputs, the check (`checkEvents`), the scheduler.
 *
 * @packageDocumentation
 */
import { Observable, Subscription, asyncScheduler, isObservable, type Observer, type SchedulerAction, type Subscriber, type Unsubscribable } from 'rxjs';
import type { EngagementAttribute } from '../attributes/attribute';
import { coalesceAttributes } from '../attributes/merge';
import { isLeft } from '../internal/either';
import type { AppDetails, EngagementAttributeInput, EngagementRequest } from '../model';
import { internalsOf } from '../client/internals';
import { checkEvents, type CheckingClient } from './check';
import { resolveWatchOptions, validateInputs, type WatchOptions, type ResolvedWatchOptions } from './options';
import {
  IDLE,
  endsPhase,
  expire,
  pausedState,
  resumeDecision,
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
import { EMPTY_LEDGER, acceptAttributes, markSent, normalizeSections, pauseReason, sameSections, type AttributeLedger } from './triggers';

/**
 * What drives an orchestrator. Every field is optional.
 *
 * @example
 * ```ts
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
  /** SDEs as they happen: one attribute or several at a time. */
  readonly attributes$?: Observable<EngagementAttribute | ReadonlyArray<EngagementAttribute>>;
  /** Sent with every check. */
  readonly appDetails?: AppDetails;
  /** Every value checks again at once (cancelling a check in flight or a retry wait). */
  readonly refresh$?: Observable<unknown>;
  /** `false` pauses the orchestrator. Taken as `true` until it emits. */
  readonly online$?: Observable<boolean>;
  /** `false` pauses the orchestrator. Taken as `true` until it emits. */
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
 * scheduler unless `options.scheduler` names another.
 *
 * Never throws: invalid options or inputs give a single `Failed` state with
 * a `validation` error naming them. An error notification of an input (or
 * of the client) ends the orchestrator with that error.
 *
 * @example
 * ```ts
 * import { BehaviorSubject } from 'rxjs';
 * import { createEngagementClient, watchEngagement } from 'engagement-rx';
 *
 * const client = createEngagementClient({ accountId: '12345678' });
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
export function watchEngagement(
  client: CheckingClient,
  inputs: EngagementInputs = {},
  options: WatchOptions = {},
): Observable<EngagementState> {
  const core = internalsOf(client);
  const resolved = resolveWatchOptions(options, core?.ok === true ? core.config.scheduler : asyncScheduler);
  const valid = isLeft(resolved) ? resolved : validateInputs(inputs);
  if (isLeft(valid)) {
    const error = valid.left;
    const clock = isLeft(resolved) ? asyncScheduler : resolved.right.scheduler;
    return new Observable<EngagementState>((subscriber) => {
      subscriber.next({ status: 'Failed', error, failedAt: clock.now() });
      subscriber.complete();
    });
  }
  const o = (resolved as Extract<typeof resolved, { _tag: 'Right' }>).right;
  const shared = new Shared(client, inputs ?? {}, o);
  return new Observable<EngagementState>(shared.subscribe.bind(shared));
}

/** The share semantics: one engine while someone listens, a fresh one after everyone left. */
class Shared {
  private engine: Engine | undefined = undefined;

  constructor(
    private readonly client: CheckingClient,
    private readonly inputs: EngagementInputs,
    private readonly o: ResolvedWatchOptions,
  ) {}

  subscribe(subscriber: Subscriber<EngagementState>): Unsubscribable {
    const running = this.engine;
    const engine = running !== undefined && !running.isStopped() ? running : (this.engine = new Engine(this.client, this.inputs, this.o));
    engine.add(subscriber);
    return new Link(this, engine, subscriber);
  }

  /** Called by a link: forgets the engine once its last subscriber left. */
  release(engine: Engine, subscriber: Subscriber<EngagementState>): void {
    if (engine.remove(subscriber) && this.engine === engine) this.engine = undefined;
  }
}

/** One subscriber's teardown (an object rather than a closure: it is kept per subscriber). */
class Link implements Unsubscribable {
  constructor(
    private readonly shared: Shared,
    private readonly engine: Engine,
    private readonly subscriber: Subscriber<EngagementState>,
  ) {}

  unsubscribe(): void {
    this.shared.release(this.engine, this.subscriber);
  }
}

type InputKind = 'online' | 'visible' | 'sections' | 'attributes' | 'refresh';

/**
 * The subscriber of one input, kept per idle orchestrator, so made small: a
 * `Subscription` with observer methods on its prototype. RxJS uses such an
 * object as the subscriber itself (no `SafeSubscriber` and no closures
 * around it). Unlike a `SafeSubscriber`, it does not block values after an
 * error or a completion by itself: it ignores everything once closed, the
 * engine ignores inputs once stopped, and a completed input keeps its last
 * value.
 */
class InputObserver extends Subscription implements Observer<unknown> {
  constructor(
    private readonly engine: Engine,
    private readonly kind: InputKind,
  ) {
    super();
  }

  next(value: unknown): void {
    if (!this.closed) this.engine.input(this.kind, value);
  }

  error(err: unknown): void {
    if (!this.closed) this.engine.fail(err);
  }

  complete(): void {
    // A completed input keeps its last value.
  }
}

/** Timer work without a closure per timer: the engine is the action's state. */
function timerFired(this: SchedulerAction<Engine>, engine?: Engine): void {
  engine?.timerFired();
}

function debounceFired(this: SchedulerAction<Engine>, engine?: Engine): void {
  engine?.debounceFired();
}

const NO_ATTRIBUTES: ReadonlyArray<EngagementAttribute> = [];

/**
 * One connection of an orchestrator. Everything it does goes through
 * `enter` (a state that starts a phase: its check or its timer), `onEvent`
 * (progress within a phase, or the event that ends it) and `emit`. After
 * `emit`, `stopped` is checked: a subscriber may have left (and torn
 * everything down) meanwhile.
 */
class Engine {
  // Every field is initialized here, so that engines keep one compact shape
  // (a field first set later would move to an out-of-object property array).
  /** The first subscriber, and the others (most orchestrators have one). */
  private subscriber: Subscriber<EngagementState> | undefined = undefined;
  private others: Array<Subscriber<EngagementState>> | undefined = undefined;
  private last: EngagementState | undefined = undefined;
  private stopped = false;

  /** The state outside pauses, and the trigger it answers. */
  private current: ActiveState = IDLE;
  private currentSeq = 0;
  /** The latest trigger. */
  private seq = 0;
  private reason: CheckTrigger = 'start';
  private started = false;
  private online = true;
  private visible = true;
  private paused: PauseReason | undefined = undefined;

  private sections: ReadonlyArray<string> | undefined = undefined;
  private ledger: AttributeLedger = EMPTY_LEDGER;
  /** The attributes the check in flight carries (request mode). */
  private sent: ReadonlyArray<EngagementAttribute> = NO_ATTRIBUTES;

  /** Bumped when a phase ends: events of an older check are ignored. */
  private phase = 0;
  private check: Subscription | undefined = undefined;
  /** The phase's one timer, and what it is for. */
  private timer: Subscription | undefined = undefined;
  private timerKind: 'renew' | 'expire' | 'expireWhilePaused' | undefined = undefined;
  private debounce: Subscription | undefined = undefined;
  /** Reports waiting to be delivered, in order (only with an Observable-returning `report`). */
  private reports: Array<{ items: ReadonlyArray<EngagementAttribute>; triggers: boolean }> | undefined = undefined;
  private delivering: Subscription | undefined = undefined;
  private subscriptions: Array<Subscription | undefined> | undefined = undefined;

  constructor(
    private readonly client: CheckingClient,
    private readonly inputs: EngagementInputs,
    private readonly o: ResolvedWatchOptions,
  ) {}

  // ---- subscribers (the share semantics) -------------------------------------------

  isStopped(): boolean {
    return this.stopped;
  }

  add(subscriber: Subscriber<EngagementState>): void {
    if (this.subscriber === undefined) this.subscriber = subscriber;
    else (this.others ??= []).push(subscriber);
    if (this.last === undefined) this.connect();
    else subscriber.next(this.last);
  }

  /** Removes a subscriber; true when it was the last one (everything is then torn down). */
  remove(subscriber: Subscriber<EngagementState>): boolean {
    if (this.subscriber === subscriber) this.subscriber = this.others?.shift();
    else if (this.others !== undefined) {
      const i = this.others.indexOf(subscriber);
      if (i >= 0) this.others.splice(i, 1);
    }
    if (this.subscriber !== undefined) return false;
    this.teardown();
    return true;
  }

  private emit(state: EngagementState): void {
    if (this.last !== undefined && sameState(this.last, state)) return;
    this.last = state;
    if (this.others === undefined || this.others.length === 0) this.subscriber?.next(state);
    else for (const s of [this.subscriber, ...this.others]) s?.next(state);
    // A subscriber that left from its callback before its teardown was even registered
    // (e.g. `take(1)` on the first state): stop now, before anything is sent.
    if (this.subscriber?.closed === true && (this.others ?? []).every((s) => s.closed)) this.teardown();
  }

  fail(err: unknown): void {
    if (this.stopped) return;
    const subscribers = [this.subscriber, ...(this.others ?? [])];
    this.subscriber = undefined;
    this.others = undefined;
    this.teardown();
    for (const s of subscribers) s?.error(err);
  }

  private teardown(): void {
    this.stopped = true;
    this.endPhase();
    this.debounce?.unsubscribe();
    this.debounce = undefined;
    this.delivering?.unsubscribe();
    this.delivering = undefined;
    const subscriptions = this.subscriptions;
    this.subscriptions = undefined;
    subscriptions?.forEach((s) => s?.unsubscribe());
  }

  // ---- inputs ---------------------------------------------------------------------

  private connect(): void {
    const { inputs } = this;
    const given = [inputs.online$, inputs.visible$, inputs.sections$, inputs.attributes$, inputs.refresh$].filter((s) => s !== undefined).length;
    this.subscriptions = new Array<Subscription | undefined>(given);
    // Pause inputs first: a synchronous `false` is known before anything is sent.
    this.listen(inputs.online$, 'online');
    this.listen(inputs.visible$, 'visible');
    if (this.stopped) return;
    this.paused = pauseReason(this.online, this.visible);
    if (this.paused === undefined) this.emit(IDLE);
    else this.enterPaused(this.paused);
    if (inputs.sections$ === undefined) this.trigger('start');
    this.listen(inputs.sections$, 'sections');
    this.listen(inputs.attributes$, 'attributes');
    this.listen(inputs.refresh$, 'refresh');
  }

  private listen(source: Observable<unknown> | undefined, kind: InputKind): void {
    if (source === undefined || this.stopped) return;
    const subscription = new InputObserver(this, kind);
    source.subscribe(subscription);
    const slots = this.subscriptions;
    if (this.stopped || slots === undefined) return subscription.unsubscribe();
    const free = slots.findIndex((s) => s === undefined);
    slots[free < 0 ? slots.length : free] = subscription;
  }

  /** A value of an input. */
  input(kind: InputKind, value: unknown): void {
    if (this.stopped) return;
    switch (kind) {
      case 'online':
        return this.setActivity(value !== false, this.visible);
      case 'visible':
        return this.setActivity(this.online, value !== false);
      case 'sections':
        return this.onSections(value as ReadonlyArray<string> | string);
      case 'attributes':
        return this.onAttributes(value as EngagementAttribute | ReadonlyArray<EngagementAttribute>);
      default:
        return this.trigger('refresh');
    }
  }

  private onSections(value: ReadonlyArray<string> | string): void {
    const sections = normalizeSections(value);
    if (this.sections !== undefined && sameSections(this.sections, sections)) return;
    this.sections = sections;
    this.trigger('sections');
  }

  private onAttributes(batch: EngagementAttribute | ReadonlyArray<EngagementAttribute>): void {
    const items = Array.isArray(batch) ? (batch as ReadonlyArray<unknown>) : [batch];
    const report = this.o.useReport;
    const r = acceptAttributes(this.ledger, items, { eligibility: this.o.eligibilityTypes, keepPending: !report });
    this.ledger = r.ledger;
    if (r.issues.length > 0) this.o.onInvalidAttributes?.(r.issues);
    if (this.stopped) return;
    if (!report || r.accepted.length === 0) {
      if (r.triggers) this.armDebounce();
      return;
    }
    (this.reports ??= []).push({ items: r.accepted, triggers: r.triggers });
    if (this.delivering === undefined) this.deliverNext();
  }

  /** Reports the oldest waiting batch; its re-check is debounced once it is delivered (or failed). */
  private deliverNext(): void {
    const next = this.reports?.shift();
    if (next === undefined || this.stopped) return;
    const done = () => {
      this.delivering = undefined;
      if (this.stopped) return;
      if (next.triggers) this.armDebounce();
      this.deliverNext();
    };
    let result: unknown;
    try {
      result = this.o.reporter?.report(...next.items);
    } catch {
      result = undefined;
    }
    if (!isObservable(result)) return done();
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      this.delivering?.unsubscribe();
      done();
    };
    const subscription = result.subscribe({ next: finish, error: finish, complete: finish });
    if (finished) subscription.unsubscribe();
    else this.delivering = subscription;
  }

  private armDebounce(): void {
    this.debounce?.unsubscribe();
    this.debounce = this.o.scheduler.schedule(debounceFired, this.o.attributeDebounceMs, this);
  }

  debounceFired(): void {
    this.debounce = undefined;
    this.trigger('attributes');
  }

  // ---- triggers and pauses (the switchMap semantics) --------------------------------

  private trigger(reason: CheckTrigger): void {
    if (this.stopped) return;
    if (!this.started && reason !== 'sections' && reason !== 'start') return;
    this.started = true;
    this.seq++;
    this.reason = reason;
    if (this.paused !== undefined) this.enterPaused(this.paused);
    else this.activate();
  }

  private setActivity(online: boolean, visible: boolean): void {
    this.online = online;
    this.visible = visible;
    const reason = pauseReason(online, visible);
    if (reason === this.paused || this.last === undefined) {
      this.paused = reason;
      return;
    }
    this.paused = reason;
    if (reason !== undefined) this.enterPaused(reason);
    else this.activate();
  }

  /** Runs the latest trigger: a check, or (on return from a pause) the state as it was. */
  private activate(): void {
    const now = this.o.scheduler.now();
    const resuming = this.seq === this.currentSeq;
    this.currentSeq = this.seq;
    const first =
      resuming && resumeDecision(this.current, now) === 'restore'
        ? this.current
        : startCheck(resuming ? 'resume' : this.reason, now, settledOf(this.current));
    this.enter(first);
  }

  private enterPaused(reason: PauseReason): void {
    this.endPhase();
    const paused = pausedState(reason, this.current);
    this.current = paused.previous;
    this.emit(paused);
    if (!this.stopped && paused.previous.status === 'Available') this.arm('expireWhilePaused', paused.previous.expiresAt);
  }

  // ---- phases -------------------------------------------------------------------

  /** Enters a state that starts a phase: a check runs, an Available answer arms its timer. */
  private enter(state: EngagementState): void {
    this.endPhase();
    this.current = state as ActiveState;
    this.emit(state);
    if (this.stopped) return;
    if (state.status === 'Checking') this.runCheck();
    else if (state.status === 'Available') {
      if (state.renewalError === undefined) this.arm('renew', state.renewAt);
      else this.arm('expire', state.expiresAt);
    }
  }

  private endPhase(): void {
    this.phase++;
    this.check?.unsubscribe();
    this.check = undefined;
    this.timer?.unsubscribe();
    this.timer = undefined;
    this.timerKind = undefined;
  }

  private arm(kind: 'renew' | 'expire' | 'expireWhilePaused', time: number): void {
    const { scheduler } = this.o;
    this.timerKind = kind;
    this.timer = scheduler.schedule(timerFired, Math.max(0, time - scheduler.now()), this);
  }

  timerFired(): void {
    const kind = this.timerKind;
    const state = this.current;
    this.timer = undefined;
    this.timerKind = undefined;
    if (this.stopped || state.status !== 'Available') return;
    const now = this.o.scheduler.now();
    if (kind === 'renew') {
      // The renewal: the engagement stays Available meanwhile; the expiry waits in the same slot.
      this.arm('expire', state.expiresAt);
      this.runCheck();
    } else if (kind === 'expire') {
      this.onEvent({ type: 'expired', at: now });
    } else if (kind === 'expireWhilePaused' && this.paused !== undefined) {
      this.current = expire(state, now, true);
      this.emit(pausedState(this.paused, this.current));
    }
  }

  private runCheck(): void {
    if (this.stopped) return;
    // This check accounts for every SDE accepted (or delivered) so far: a pending SDE re-check is absorbed.
    this.debounce?.unsubscribe();
    this.debounce = undefined;
    const phase = this.phase;
    const sent = this.o.useReport ? NO_ATTRIBUTES : this.ledger.pending;
    this.sent = sent;
    const request = requestOf(this.sections, this.inputs.appDetails, sent);
    const subscription = checkEvents(this.client, request, this.o.scheduler).subscribe({
      next: (event) => phase === this.phase && this.onEvent(event),
      error: (err: unknown) => phase === this.phase && this.fail(err),
    });
    if (phase === this.phase && !subscription.closed) this.check = subscription;
  }

  private onEvent(event: MachineEvent): void {
    const state = this.current;
    if (event.type === 'answer' && event.result._tag === 'Right' && this.sent.length > 0) {
      this.ledger = markSent(this.ledger, this.sent);
      this.sent = NO_ATTRIBUTES;
    }
    const next = transition(state, event, this.o.renewLeadMs);
    if (endsPhase(state, event)) return this.enter(next);
    this.current = next as ActiveState;
    // A failed attempt is always followed at once by its retry or by the answer: it shows in that state.
    if (event.type !== 'attemptFailed') this.emit(next);
  }
}

function requestOf(sections: ReadonlyArray<string> | undefined, appDetails: AppDetails | undefined, attributes: ReadonlyArray<EngagementAttribute>): EngagementRequest {
  return {
    ...(sections !== undefined && sections.length > 0 ? { consumerSections: sections } : {}),
    ...(appDetails === undefined ? {} : { appDetails }),
    ...(attributes.length === 0 ? {} : { engagementAttributes: coalesceAttributes(attributes) as ReadonlyArray<EngagementAttributeInput> }),
  };
}
