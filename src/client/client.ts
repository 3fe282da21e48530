/**
 * The engagement client: every check is a cold Observable of one
 * `Either<EngagementError, Engagement>`.
 *
 * @packageDocumentation
 */
import { BehaviorSubject, Observable, Subject, type Subscriber, type Subscription } from 'rxjs';
import type { EngagementError, ValidationIssue } from '../errors';
import { validationError } from '../errors';
import type { Engagement, EngagementAttributeInput, EngagementRequest, NormalizedRequest } from '../model';
import { decodeRequest } from '../codecs/request';
import { createSession$, createSessionBody } from '../http/create-session';
import { lookupOrigin$ } from '../http/csds-lookup';
import { defaultFetch } from '../http/default-fetch';
import type { HttpEnv } from '../http/request';
import { isLeft, left, right, type Either } from '../internal/either';
import { distinct, just } from '../internal/observable';
import { kindOf, prefixIssues } from '../internal/validation';
import { withRetry, type AttemptContext, type RetryHooks } from '../retry/with-retry';
import { withPolling } from '../retry/poll';
import { decodeVisitorSession, idsForRequest, sessionFromEngagement, type VisitorSession } from '../session/visitor-session';
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
}

/**
 * Creates a client. It never throws: an invalid configuration makes every
 * check answer with a `validation` Left naming the bad options.
 *
 * @example
 * ```ts
 * import { createEngagementClient } from 'engagement-rx';
 *
 * const client = createEngagementClient({ accountId: '12345678' }); // host from CSDS
 * client.getEngagement({ consumerSections: 'Support,English' }).subscribe(console.log);
 * ```
 * @since 0.1.0
 * @category Check core
 */
export function createEngagementClient(config: EngagementClientConfig): EngagementClient {
  const resolved = resolveConfig(config);
  const events = new Subject<ClientEvent>();
  const accountId = isLeft(resolved) ? String((config as { accountId?: unknown } | undefined)?.accountId ?? '') : resolved.right.accountId;
  // Events raised while the client is created (a session restored from the store, or a store
  // holding garbage) happen before anyone can subscribe: they are replayed to every subscriber.
  const startup: ClientEvent[] = [];
  const session = new BehaviorSubject<VisitorSession | undefined>(isLeft(resolved) ? undefined : restoreSession(resolved.right, (e) => startup.push(e)));
  const events$ = new Observable<ClientEvent>((subscriber) => {
    for (const e of startup) subscriber.next(e);
    return events.subscribe(subscriber);
  });

  if (isLeft(resolved)) {
    const configError = resolved.left;
    return {
      [INTERNALS]: { ok: false, error: configError },
      accountId,
      getEngagement: () => just(left<EngagementError, Engagement>(configError)),
      session$: session.asObservable(),
      currentSession: () => session.value,
      resetSession: () => session.next(undefined),
      events$,
      engagementOrigin: () => just(left<EngagementError, string>(configError)),
    } as EngagementClient;
  }

  const cfg = resolved.right;
  const env: HttpEnv = { fetch: cfg.fetch ?? defaultFetch(), timeoutMs: cfg.timeoutMs, scheduler: cfg.scheduler };
  const origin = originSource(cfg, env);
  const origin$ = origin.origin$;
  /** Runs `send` at the engagement origin (at once when it is known), or answers with the lookup's failure. */
  const atOrigin = <A>(send: (origin: string) => Observable<Either<EngagementError, A>>): Observable<Either<EngagementError, A>> => {
    const known = origin.known();
    if (known !== undefined) return send(known);
    return new Observable<Either<EngagementError, A>>((subscriber) => {
      let sent: Subscription | undefined;
      const found = origin$.subscribe((r) => {
        if (isLeft(r)) {
          subscriber.next(r);
          subscriber.complete();
        } else sent = send(r.right).subscribe(subscriber);
      });
      return () => {
        found.unsubscribe();
        sent?.unsubscribe();
      };
    });
  };
  const internals: WorkingInternals = { ok: true, config: cfg, http: env, session, atOrigin, carry: undefined, resets: 0 };
  let checks = 0;

  const commit = (engagement: Engagement): void => {
    const previous = session.value;
    const next = sessionFromEngagement(engagement, cfg.scheduler.now());
    try {
      cfg.session.save(cfg.accountId, next);
    } catch {
      events.next({ type: 'warning', at: cfg.scheduler.now(), code: 'sessionStoreWriteFailed', message: 'the session store refused to save the session; it is kept in memory' });
    }
    session.next(next);
    if (!events.observed) return;
    const change = previous === undefined || previous.visitorId !== next.visitorId || previous.sessionId !== next.sessionId ? 'replaced' : 'confirmed';
    events.next({ type: 'sessionChanged', at: next.confirmedAt, change });
  };

  // One check: validate, then attempts with retries (withRetry), then the outcome. Written without an
  // operator chain around the attempts: this is the per-check hot path (docs/performance.md).
  const getEngagement = (request?: EngagementRequest, options?: CheckOptions): Observable<Either<EngagementError, Engagement>> =>
    new Observable<Either<EngagementError, Engagement>>((subscriber) => {
      const decoded = checkedRequest(decodeRequest(request), cfg.validateAttributes);
      const onProgress = progressOf(options);
      if (isLeft(decoded) || isLeft(onProgress)) {
        subscriber.next(left(validationError([...(isLeft(decoded) ? decoded.left : []), ...(isLeft(onProgress) ? onProgress.left : [])])));
        subscriber.complete();
        return undefined;
      }
      const normalized = decoded.right;
      const progress = onProgress.right;
      // What a reporter delivered for this visitor (cart, personal…) rides along; the request's own attributes win.
      const carry = internals.carry;
      const body = createSessionBody(carry === undefined ? normalized : carry(normalized, normalized.vid ?? session.value?.visitorId));
      const check = ++checks;
      const tell = (event: ClientEvent & CheckProgress): void => {
        if (progress !== undefined) safely(() => progress(event));
        if (events.observed) events.next(event);
      };
      // A visitor the server named in a failed attempt ("Loading account: …, vid: X"):
      // later attempts of this check reuse it instead of creating another visitor.
      let namedVisitor: string | undefined;

      const attempt = (ctx: AttemptContext): Observable<Either<EngagementError, Engagement>> => {
        const ids = idsForRequest(normalized, session.value, namedVisitor);
        if (progress !== undefined || events.observed) tell({ type: 'attemptStarted', check, attempt: ctx.attempt, at: cfg.scheduler.now(), request: summarizeRequest(normalized, ids) });
        return atOrigin((origin) => createSession$(env, { origin, accountId: cfg.accountId, vid: ids.vid, sid: ids.sid }, body));
      };
      const hooks: RetryHooks<Engagement> = {
        attemptFailed: (n, error) => {
          if (error.kind === 'http' && error.visitorId !== undefined) namedVisitor = error.visitorId;
          if (progress !== undefined || events.observed) tell({ type: 'attemptFailed', check, attempt: n, at: cfg.scheduler.now(), error: summarizeError(error) });
        },
        retryScheduled: (n, delayMs, reason) => tell({ type: 'retryScheduled', check, attempt: n, at: cfg.scheduler.now(), delayMs, reason }),
        gaveUp: (n, error, reason) => events.next({ type: 'gaveUp', check, attempts: n, at: cfg.scheduler.now(), reason, error: summarizeError(error) }),
        succeeded: (n, engagement) => {
          commit(engagement);
          if (events.observed) events.next({ type: 'succeeded', check, attempts: n, at: cfg.scheduler.now(), status: engagement.status });
        },
      };
      const retried = (): Observable<Either<EngagementError, Engagement>> => withRetry(attempt, cfg.retry, { scheduler: cfg.scheduler, random: cfg.random, hooks });
      const checked =
        cfg.retry.polling === false ? retried() : withPolling(() => retried(), (e: Engagement) => e.status === 'Available', cfg.retry.polling, cfg.scheduler);
      return checked.subscribe(subscriber);
    });

  return {
    [INTERNALS]: internals,
    accountId: cfg.accountId,
    getEngagement,
    session$: distinct(session),
    currentSession: () => session.value,
    resetSession: () => {
      try {
        cfg.session.clear(cfg.accountId);
      } catch {
        events.next({ type: 'warning', at: cfg.scheduler.now(), code: 'sessionStoreWriteFailed', message: 'the session store refused to clear the session' });
      }
      internals.resets++;
      session.next(undefined);
      events.next({ type: 'sessionChanged', at: cfg.scheduler.now(), change: 'reset' });
    },
    events$,
    engagementOrigin: () => origin$,
  } as EngagementClient;
}

/** A decoded request whose attributes also passed the configured `validateAttributes` (their issues under `engagementAttributes`). */
function checkedRequest(decoded: Either<ValidationIssue[], NormalizedRequest>, validate: ResolvedConfig['validateAttributes']): Either<ValidationIssue[], NormalizedRequest> {
  const attributes = isLeft(decoded) ? undefined : decoded.right.engagementAttributes;
  if (validate === undefined || attributes === undefined || isLeft(decoded)) return decoded;
  let checked: unknown;
  try {
    checked = validate(attributes);
  } catch {
    checked = undefined;
  }
  const r = checked as { _tag?: unknown; left?: { issues?: unknown }; right?: unknown } | undefined;
  if (r?._tag === 'Left' && Array.isArray(r.left?.issues)) return left(prefixIssues('engagementAttributes', r.left.issues as ValidationIssue[]));
  if (r?._tag !== 'Right' || !Array.isArray(r.right)) return left([{ path: 'engagementAttributes', reason: 'validateAttributes failed or answered with something other than an Either' }]);
  return right({ ...decoded.right, engagementAttributes: r.right as ReadonlyArray<EngagementAttributeInput> });
}

/** The `onProgress` of a check's options, checked. */
function progressOf(options: unknown): Either<ValidationIssue[], ((progress: CheckProgress) => void) | undefined> {
  if (options === undefined) return right(undefined);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return left([{ path: 'options', reason: `expected an options object, got ${kindOf(options)}` }]);
  const issues: ValidationIssue[] = [];
  for (const k of Object.keys(options)) if (k !== 'onProgress') issues.push({ path: `options.${k}`, reason: 'unknown option (expected onProgress)' });
  const onProgress = (options as { onProgress?: unknown }).onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function') issues.push({ path: 'options.onProgress', reason: `expected a function, got ${kindOf(onProgress)}` });
  return issues.length > 0 ? left(issues) : right(onProgress as ((progress: CheckProgress) => void) | undefined);
}

/** Runs a progress callback; what it throws never changes the check. */
function safely(call: () => void): void {
  try {
    call();
  } catch {
    // swallowed on purpose, see CheckOptions.onProgress
  }
}

function restoreSession(cfg: ResolvedConfig, emit: (event: ClientEvent) => void): VisitorSession | undefined {
  let stored: unknown;
  try {
    stored = cfg.session.load(cfg.accountId);
  } catch {
    emit({ type: 'warning', at: cfg.scheduler.now(), code: 'sessionStoreUnreadable', message: 'the session store could not be read; starting without a session' });
    return undefined;
  }
  if (stored === undefined || stored === null) return undefined;
  const decoded = decodeVisitorSession(stored);
  if (isLeft(decoded)) {
    emit({ type: 'warning', at: cfg.scheduler.now(), code: 'sessionStoreUnreadable', message: 'the session store held an unreadable session; it was ignored' });
    return undefined;
  }
  emit({ type: 'sessionChanged', at: cfg.scheduler.now(), change: 'restored' });
  return decoded.right;
}

/** Where checks go: the origin when it is known, or the lookup that finds it. */
interface OriginSource {
  /** The configured origin, or the cached CSDS answer; `undefined` while no lookup has succeeded. */
  known(): string | undefined;
  /** The origin as one `Either`: at once when known, otherwise after a lookup. */
  readonly origin$: Observable<Either<EngagementError, string>>;
}

/**
 * The engagement origin: the configured domain, or a CSDS lookup whose
 * success is cached for the client's lifetime. Concurrent checks share one
 * lookup in flight (it is aborted when every one of them has unsubscribed);
 * a failed lookup is not cached.
 */
function originSource(cfg: ResolvedConfig, env: HttpEnv): OriginSource {
  let cached: string | undefined = cfg.origin;
  let waiting: Array<Subscriber<Either<EngagementError, string>>> | undefined;
  let lookup: Subscription | undefined;
  const origin$ = new Observable<Either<EngagementError, string>>((subscriber) => {
    if (cached !== undefined) {
      subscriber.next(right(cached));
      subscriber.complete();
      return undefined;
    }
    const list = (waiting ??= []);
    list.push(subscriber);
    if (list.length === 1) {
      const found = lookupOrigin$(env, { csdsOrigin: cfg.csdsOrigin, accountId: cfg.accountId, services: cfg.csdsServices }).subscribe((r) => {
        if (!isLeft(r)) cached = r.right;
        if (waiting === list) waiting = lookup = undefined;
        for (const s of [...list]) {
          s.next(r);
          s.complete();
        }
      });
      if (waiting === list) lookup = found;
    }
    return () => {
      const i = list.indexOf(subscriber);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0 && waiting === list) {
        waiting = undefined;
        lookup?.unsubscribe();
        lookup = undefined;
      }
    };
  });
  return { known: () => cached, origin$ };
}
