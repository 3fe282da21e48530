/**
 * The engagement client: every check is a cold Observable of one
 * `Either<EngagementError, Engagement>`.
 *
 * @packageDocumentation
 */
import { Observable, Subscriber, Subscription, type TeardownLogic } from 'rxjs';
import { validationError, type EngagementError, type ValidationError, type ValidationIssue } from '../errors';
import type { Engagement, EngagementAttributeInput, EngagementRequest, NormalizedRequest } from '../model';
import { decodeRequest } from '../codecs/request';
import { defaultFetch } from '../http/default-fetch';
import type { HttpEnv } from '../http/request';
import { isLeft, left, right, type Either } from '../internal/either';
import { hub } from '../internal/hub';
import { distinct, just } from '../internal/observable';
import { isRecord, kindOf, prefixIssues, unknownKeys } from '../internal/validation';
import { withRetry, type AttemptContext, type RetryHooks } from '../retry/with-retry';
import { pollingOf } from '../retry/policy';
import { decodeVisitorSession, idsForRequest, sessionFromEngagement, type VisitorSession } from '../session/visitor-session';
import { CLEAR_REFUSED, SAVE_REFUSED, gateOf, type OpenGate } from './session-gate';
import { resolveConfig, type EngagementClientConfig, type ResolvedConfig } from './config';
import { summarizeError, summarizeRequest, type CheckProgress, type ClientEvent } from './events';
import { INTERNALS, type WorkingInternals } from './internals';

/**
 * Options of one check.
 *
 * @example
 * ```ts
 * client.getEngagement({ consumerSections: ['Support'] }, {
 *   onProgress: (p) => { if (p.type === 'retryScheduled') showSpinner(`retrying in ${p.delayMs} ms`); },
 * });
 * ```
 * @since 0.2.0
 * @category Check core
 */
export interface CheckOptions {
  /**
   * Told, synchronously, what this check is doing: each attempt started,
   * each attempt failed, each retry scheduled. Only this check's progress;
   * an exception it throws is swallowed (progress never changes an outcome).
   */
  readonly onProgress?: (progress: CheckProgress) => void;
}

/**
 * A getEngagement client for one visitor of one account.
 *
 * @example
 * ```ts
 * const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net' });
 * client.getEngagement({ consumerSections: ['Support'] }).subscribe((result) => {
 *   if (result._tag === 'Right' && result.right.status === 'Available') showChatButton(result.right);
 * });
 * ```
 * @since 0.1.0
 * @category Check core
 */
export interface EngagementClient {
  /** The account this client checks. */
  readonly accountId: string;
  /**
   * One eligibility and availability check per subscription: emits one
   * `Either` and completes. Expected failures are a `Left`, never an error
   * notification. Unsubscribing aborts the request in flight.
   */
  getEngagement(request?: EngagementRequest, options?: CheckOptions): Observable<Either<EngagementError, Engagement>>;
  /** The current visitor session: replays the latest value, then every change. */
  readonly session$: Observable<VisitorSession | undefined>;
  /** The current visitor session, if any. */
  currentSession(): VisitorSession | undefined;
  /** Forgets the visitor session (here and in the store): the next check starts a new visitor. */
  resetSession(): void;
  /** Attempts, retries, outcomes and session changes, free of personal data. */
  readonly events$: Observable<ClientEvent>;
  /**
   * The engagement origin checks are sent to: the configured `domain`, or
   * the CSDS lookup (cached after its first success). One `Either`, then
   * completion.
   */
  engagementOrigin(): Observable<Either<EngagementError, string>>;
  /**
   * The application's key of the visitor this client checks for, on a
   * client made by `forVisitor(client, visitorKey)` (`engagement-rx/node`);
   * absent on a client made by `createEngagementClient`.
   */
  readonly visitorKey?: string;
}

/**
 * Creates a client. It never throws: an invalid configuration makes every
 * check answer with a `validation` Left naming the bad options.
 *
 * @example
 * ```ts
 * import { createEngagementClient, csdsDomain } from 'engagement-rx';
 *
 * const client = createEngagementClient({ accountId: '12345678', domain: csdsDomain() }); // the host from LivePerson's CSDS
 * client.getEngagement({ consumerSections: 'Support,English' }).subscribe(console.log);
 * ```
 * @since 0.1.0
 * @category Check core
 */
export function createEngagementClient(config: EngagementClientConfig): EngagementClient {
  const resolved = resolveConfig(config);
  if (isLeft(resolved)) return refusedClient(resolved.left, String((config as { accountId?: unknown } | undefined)?.accountId ?? ''));
  const cfg = resolved.right;
  const { scheduler, accountId } = cfg;
  const http: HttpEnv = { fetch: cfg.fetch ?? defaultFetch(), timeoutMs: cfg.timeoutMs, scheduler, maxResponseBytes: cfg.maxResponseBytes };
  const origin$ = (): Observable<Either<EngagementError, string>> => (cfg.origin === undefined ? (cfg.lookup as NonNullable<typeof cfg.lookup>)(http, accountId, cfg.backend.csdsService) : just(right(cfg.origin)));
  /** Runs `send` at the engagement origin (at once when it is configured), or answers with the lookup's failure. */
  const atOrigin = <A>(send: (origin: string) => Observable<Either<EngagementError, A>>): Observable<Either<EngagementError, A>> =>
    cfg.origin !== undefined
      ? send(cfg.origin)
      : new Observable((subscriber) => {
          let sent: Subscription | undefined;
          const found = origin$().subscribe((r) => (isLeft(r) ? (subscriber.next(r), subscriber.complete()) : (sent = send(r.right).subscribe(subscriber))));
          return () => {
            found.unsubscribe();
            sent?.unsubscribe();
          };
        });
  return clientOf({ cfg, http, origin$, atOrigin });
}

/** What every client of one configuration shares: the configuration, the transport and the way to the origin. */
interface Shared {
  readonly cfg: ResolvedConfig;
  readonly http: HttpEnv;
  origin$(): Observable<Either<EngagementError, string>>;
  atOrigin: WorkingInternals['atOrigin'];
}

/**
 * A client of a refused configuration (or visitor key): every check answers with its error.
 *
 * @internal
 */
export function refusedClient(error: ValidationError, accountId: string): EngagementClient {
  const session = hub<VisitorSession | undefined>(undefined);
  const client: EngagementClient = {
    accountId,
    session$: distinct(session),
    currentSession: () => session.value,
    events$: hub<ClientEvent>(),
    getEngagement: () => just(left(error)),
    resetSession: () => session.next(undefined),
    engagementOrigin: () => just(left(error)),
  };
  return Object.assign(client, { [INTERNALS]: { ok: false, error } });
}

/** A working client; `derive` makes another on the same transport with another session store. */
function clientOf(shared: Shared): EngagementClient {
  const { cfg, http, origin$, atOrigin } = shared;
  const { scheduler, accountId } = cfg;
  const events = hub<ClientEvent>();
  // Events raised while the client is created (a session restored from the store, or a store
  // holding garbage) happen before anyone can subscribe: they are replayed to every subscriber.
  const startup: ClientEvent[] = [];
  const now = (): number => scheduler.now();
  const warn = (message: string): void => events.next({ type: 'warning', at: now(), code: 'sessionStoreWriteFailed', message });
  const session = hub<VisitorSession | undefined>(undefined);
  const gate: OpenGate | undefined = gateOf(cfg.session)?.(cfg, session, events);
  // A store that answers at once is read now; one that answers with a Promise must come with its gate.
  const restored = gate ? undefined : restoreSession(cfg, (e) => startup.push(e));
  const refused = restored === null ? validationError([{ path: 'session', reason: 'answered with a Promise: wrap the store in asyncSessionStore(store)' }]) : undefined;
  if (restored) session.next(restored);
  const internals: WorkingInternals = { ok: true, config: cfg, http, session, atOrigin, carry: undefined, resets: 0, derive: (store) => clientOf({ ...shared, cfg: { ...cfg, session: store } }) };
  let checks = 0;

  const commit = (engagement: Engagement): void => {
    const previous = session.value;
    const next = sessionFromEngagement(engagement, now());
    try {
      const saved = cfg.session.save(cfg.sessionKey, next);
      if (gate) gate.saved(saved);
    } catch {
      warn(SAVE_REFUSED);
    }
    session.next(next);
    const change = previous?.visitorId === next.visitorId && previous.sessionId === next.sessionId ? 'confirmed' : 'replaced';
    if (events.observed) events.next({ type: 'sessionChanged', at: next.confirmedAt, change });
  };

  // One check: validate, then attempts with retries (withRetry), then the outcome. Written without an
  // operator chain around the attempts: this is the per-check hot path (docs/performance.md).
  const getEngagement = (request?: EngagementRequest, options?: CheckOptions): Observable<Either<EngagementError, Engagement>> =>
    new Observable<Either<EngagementError, Engagement>>((outer) => {
      const issues: ValidationIssue[] = [];
      const normalized = checkedRequest(decodeRequest(request), cfg.validateAttributes, issues);
      const progress = progressOf(options, issues);
      const refuse = (refusal: ReadonlyArray<ValidationIssue>, subscriber: Subscriber<Either<EngagementError, Engagement>> = outer): void => {
        subscriber.next(left(validationError(refusal)));
        subscriber.complete();
      };
      if (refused) return refuse(refused.issues);
      if (normalized === undefined || issues.length > 0) return refuse(issues);
      const send = (subscriber: Subscriber<Either<EngagementError, Engagement>>): TeardownLogic => {
        // What a reporter delivered for this visitor (cart, personal…) rides along; the request's own attributes win.
        const carry = internals.carry;
        const written = cfg.backend.body(carry === undefined ? normalized : carry(normalized, normalized.vid ?? session.value?.visitorId));
        if (isLeft(written)) return refuse(written.left, subscriber);
        const body = written.right;
        const check = ++checks;
        const tell = (event: CheckProgress): void => {
          try {
            progress?.(event);
          } catch {
            // a progress display never changes the check
          }
          if (events.observed) events.next(event);
        };
        const told = (): boolean => progress !== undefined || events.observed;
        // A visitor the server named in a failed attempt ("Loading account: …, vid: X"):
        // later attempts of this check reuse it instead of creating another visitor.
        let namedVisitor: string | undefined;

        const attempt = (ctx: AttemptContext): Observable<Either<EngagementError, Engagement>> => {
          const ids = idsForRequest(normalized, session.value, namedVisitor);
          if (told()) tell({ type: 'attemptStarted', check, attempt: ctx.attempt, at: now(), request: summarizeRequest(normalized, ids) });
          return atOrigin((at) => cfg.backend.attempt(http, { origin: at, accountId, ...ids }, body));
        };
        const hooks: RetryHooks<Engagement> = {
          attemptFailed: (n, error) => {
            if (error.kind === 'http' && error.visitorId !== undefined) namedVisitor = error.visitorId;
            if (told()) tell({ type: 'attemptFailed', check, attempt: n, at: now(), error: summarizeError(error) });
          },
          retryScheduled: (n, delayMs, reason) => tell({ type: 'retryScheduled', check, attempt: n, at: now(), delayMs, reason }),
          gaveUp: (n, error, reason) => events.next({ type: 'gaveUp', check, attempts: n, at: now(), reason, error: summarizeError(error) }),
          succeeded: (n, engagement) => {
            commit(engagement);
            if (events.observed) events.next({ type: 'succeeded', check, attempts: n, at: now(), status: engagement.status });
          },
        };
        const { retry, random } = cfg;
        const retried = (): Observable<Either<EngagementError, Engagement>> => withRetry(attempt, retry, { scheduler, random, hooks });
        const poll = pollingOf(retry);
        return (poll === undefined || retry.polling === false ? retried() : poll(retried, (e: Engagement) => e.status === 'Available', retry.polling, scheduler)).subscribe(subscriber);
      };
      return gate ? gate.check(normalized.vid === undefined, send).subscribe(outer) : send(outer);
    });

  const events$ = new Observable<ClientEvent>((subscriber) => {
    for (const e of startup) subscriber.next(e);
    return events.subscribe(subscriber);
  });
  const client: EngagementClient = {
    accountId,
    session$: distinct(session),
    currentSession: () => session.value,
    events$,
    getEngagement,
    resetSession: () => {
      try {
        const cleared = cfg.session.clear(cfg.sessionKey);
        if (gate) gate.cleared(cleared);
      } catch {
        warn(CLEAR_REFUSED);
      }
      internals.resets++;
      session.next(undefined);
      events.next({ type: 'sessionChanged', at: now(), change: 'reset' });
    },
    engagementOrigin: origin$,
  };
  return Object.assign(client, { [INTERNALS]: internals });
}

/**
 * A decoded request whose attributes also passed the configured
 * `validateAttributes`; `undefined`, with the issues added (attribute issues
 * under `engagementAttributes`), when either refused it.
 */
function checkedRequest(decoded: Either<ValidationIssue[], NormalizedRequest>, validate: ResolvedConfig['validateAttributes'], issues: ValidationIssue[]): NormalizedRequest | undefined {
  if (isLeft(decoded)) return void issues.push(...decoded.left);
  const attributes = decoded.right.engagementAttributes;
  if (validate === undefined || attributes === undefined) return decoded.right;
  let r: { _tag?: unknown; left?: { issues?: unknown }; right?: unknown } | undefined;
  try {
    r = validate(attributes) as typeof r;
  } catch {
    r = undefined;
  }
  if (r?._tag === 'Left' && Array.isArray(r.left?.issues)) issues.push(...prefixIssues('engagementAttributes', r.left.issues as ValidationIssue[]));
  else if (r?._tag !== 'Right' || !Array.isArray(r.right)) issues.push({ path: 'engagementAttributes', reason: 'validateAttributes failed or answered with something other than an Either' });
  else return { ...decoded.right, engagementAttributes: r.right as ReadonlyArray<EngagementAttributeInput> };
  return undefined;
}

/** The `onProgress` of a check's options, checked (issues added to `issues`). */
function progressOf(options: unknown, issues: ValidationIssue[]): ((progress: CheckProgress) => void) | undefined {
  if (options === undefined) return undefined;
  try {
    return readProgress(options, issues);
  } catch {
    return void issues.push({ path: 'options', reason: 'could not be read (a getter or a proxy threw)' });
  }
}

function readProgress(options: unknown, issues: ValidationIssue[]): ((progress: CheckProgress) => void) | undefined {
  if (!isRecord(options)) return void issues.push({ path: 'options', reason: `expected an options object, got ${kindOf(options)}` });
  unknownKeys(options, ['onProgress'], 'options.', issues);
  const onProgress = options['onProgress'];
  if (onProgress === undefined || typeof onProgress === 'function') return onProgress as ((progress: CheckProgress) => void) | undefined;
  return void issues.push({ path: 'options.onProgress', reason: `expected a function, got ${kindOf(onProgress)}` });
}

/**
 * The session a synchronous store holds, if it holds a readable one (a
 * warning otherwise); `null` for a store that answered with a Promise (its
 * sessions are read before each check).
 */
function restoreSession(cfg: ResolvedConfig, emit: (event: ClientEvent) => void): VisitorSession | undefined | null {
  const at = cfg.scheduler.now();
  let stored: unknown;
  try {
    stored = cfg.session.load(cfg.sessionKey);
  } catch {
    stored = null;
    emit({ type: 'warning', at, code: 'sessionStoreUnreadable', message: 'the session store could not be read; starting without a session' });
  }
  // The core's own test (not internal/thenable's): one import less in every page's bundle.
  if (typeof (stored as { then?: unknown } | null)?.then === 'function') {
    Promise.resolve(stored).catch(() => undefined); // a Promise: the store needs its gate (asyncSessionStore)
    return null;
  }
  if (stored == null) return undefined;
  const decoded = decodeVisitorSession(stored);
  emit(
    isLeft(decoded)
      ? { type: 'warning', at, code: 'sessionStoreUnreadable', message: 'the session store held an unreadable session; it was ignored' }
      : { type: 'sessionChanged', at, change: 'restored' },
  );
  return isLeft(decoded) ? undefined : decoded.right;
}
