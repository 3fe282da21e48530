/**
 * The engagement client: every check is a cold Observable of one
 * `Either<EngagementError, Engagement>`.
 *
 * @packageDocumentation
 */
import { orchestrateEngagement, type EngagementInputs } from '../orchestrator/engagement-stream';
import type { OrchestratorOptions } from '../orchestrator/options';
import type { EngagementState } from '../orchestrator/state';
import { BehaviorSubject, Observable, Subject, defer, finalize, of, share, switchMap, tap, distinctUntilChanged, type Subscription } from 'rxjs';
import type { EngagementError, ValidationError } from '../errors';
import { validationError } from '../errors';
import type { Engagement, EngagementRequest } from '../model';
import { decodeRequest } from '../codecs/request';
import { createSession$, createSessionBody } from '../http/create-session';
import { updateSession$ } from '../http/update-session';
import type { OutboxState } from '../report/outbox-state';
import type { ReportItem, ReportSourceValue } from '../report/report-items';
import { createReporting, refusedReporting, withCarried } from '../report/reporting';
import { lookupOrigin$ } from '../http/csds-lookup';
import { defaultFetch } from '../http/default-fetch';
import type { HttpEnv } from '../http/request';
import { isLeft, left, right, type Either } from '../internal/either';
import { withRetry, type AttemptContext, type RetryHooks } from '../retry/with-retry';
import { withPolling } from '../retry/poll';
import { decodeVisitorSession, idsForRequest, sessionFromEngagement, type VisitorSession } from '../session/visitor-session';
import { resolveConfig, type EngagementClientConfig, type ResolvedConfig } from './config';
import { summarizeError, summarizeRequest, type ClientEvent } from './events';

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
 */
export interface EngagementClient {
  /** The account this client checks. */
  readonly accountId: string;
  /**
   * One eligibility and availability check per subscription: emits one
   * `Either` and completes. Expected failures are a `Left`, never an error
   * notification. Unsubscribing aborts the request in flight.
   */
  getEngagement(request?: EngagementRequest): Observable<Either<EngagementError, Engagement>>;
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
   * Reports engagement attributes (SDEs) and impression events with Update
   * Session. Validated now: a `validation` Left names each bad field
   * (`[1].info.balance`) and nothing is queued. Otherwise the items wait in
   * the outbox (see `outbox`), are batched for `reportWindowMs`, coalesced
   * and sent in order once a session exists; they survive failures and, with
   * a durable outbox store, reloads. Impressions go to `impAttributes`, SDEs
   * to `engagementAttributes`.
   */
  report(...items: ReadonlyArray<ReportItem>): Either<ValidationError, void>;
  /**
   * Reports what `source$` emits (one item, or an array reported together)
   * until it completes or the returned Subscription is unsubscribed. An
   * invalid value is a `reportRejected` event (`source: 'validation'`), never
   * an error: the source is still followed.
   */
  reportFrom(source$: Observable<ReportSourceValue>): Subscription;
  /** The outbox: pending count, sending flag, refused reports (reasons, types, counts; never contents). */
  readonly outbox$: Observable<OutboxState>;
  /**
   * A live engagement state for front-ends: checks follow the page's
   * sections, eligibility-changing SDEs, refreshes and the engagement's
   * validity, pause while offline or hidden, and are shared by every
   * subscriber. See docs/orchestrator.md and {@link orchestrateEngagement}.
   */
  engagement$(inputs?: EngagementInputs, options?: OrchestratorOptions): Observable<EngagementState>;
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
    const refusedReports = refusedReporting(configError, (e) => events.next(e), () => Date.now());
    const refused: EngagementClient = {
      report: (...items) => refusedReports.report(items),
      reportFrom: refusedReports.reportFrom,
      outbox$: refusedReports.outbox$,
      accountId,
      getEngagement: () => of(left<EngagementError, Engagement>(configError)),
      session$: session.asObservable(),
      currentSession: () => session.value,
      resetSession: () => session.next(undefined),
      events$,
      engagementOrigin: () => of(left<EngagementError, string>(configError)),
      engagement$: (inputs, options) => orchestrateEngagement(refused, inputs, options),
    };
    return refused;
  }

  const cfg = resolved.right;
  const env: HttpEnv = { fetch: cfg.fetch ?? defaultFetch(), timeoutMs: cfg.timeoutMs, scheduler: cfg.scheduler };
  const origin = originSource(cfg, env);
  const origin$ = origin.origin$;
  /** Runs `send` at the engagement origin (at once when it is known), or answers with the lookup's failure. */
  const atOrigin = <A>(send: (origin: string) => Observable<Either<EngagementError, A>>): Observable<Either<EngagementError, A>> => {
    const known = origin.known();
    if (known !== undefined) return send(known);
    return origin$.pipe(switchMap((found) => (isLeft(found) ? of(left<EngagementError, A>(found.left)) : send(found.right))));
  };
  let checks = 0;
  let starting = true;
  const reporting = createReporting({
    accountId: cfg.accountId,
    scheduler: cfg.scheduler,
    random: cfg.random,
    retry: cfg.retry,
    windowMs: cfg.reportWindowMs,
    maxOutbox: cfg.maxOutbox,
    store: cfg.outbox,
    session$: session,
    currentSession: () => session.value,
    send: (target, body) =>
      atOrigin((origin) => updateSession$(env, { origin, accountId: cfg.accountId, vid: target.visitorId, sid: target.sessionId }, body, cfg.updateSessionMethod)),
    emit: (e) => (starting ? startup.push(e) : events.next(e)),
  });
  starting = false;

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
  const getEngagement = (request?: EngagementRequest): Observable<Either<EngagementError, Engagement>> =>
    new Observable<Either<EngagementError, Engagement>>((subscriber) => {
      const decoded = decodeRequest(request);
      if (isLeft(decoded)) {
        subscriber.next(left(validationError(decoded.left)));
        subscriber.complete();
        return undefined;
      }
      const normalized = decoded.right;
      // What the visitor reported so far (delivered cart/personal/ctmrinfo/mrktInfo) rides along; the request's own attributes win.
      const body = createSessionBody(withCarried(normalized, reporting.carried(normalized.vid ?? session.value?.visitorId)));
      const check = ++checks;
      // A visitor the server named in a failed attempt ("Loading account: …, vid: X"):
      // later attempts of this check reuse it instead of creating another visitor.
      let namedVisitor: string | undefined;

      const attempt = (ctx: AttemptContext): Observable<Either<EngagementError, Engagement>> => {
        const ids = idsForRequest(normalized, session.value, namedVisitor);
        if (events.observed) events.next({ type: 'attemptStarted', check, attempt: ctx.attempt, at: cfg.scheduler.now(), request: summarizeRequest(normalized, ids) });
        return atOrigin((origin) => createSession$(env, { origin, accountId: cfg.accountId, vid: ids.vid, sid: ids.sid }, body));
      };
      const hooks: RetryHooks<Engagement> = {
        attemptFailed: (n, error) => {
          if (error.kind === 'http' && error.visitorId !== undefined) namedVisitor = error.visitorId;
          if (events.observed) events.next({ type: 'attemptFailed', check, attempt: n, at: cfg.scheduler.now(), error: summarizeError(error) });
        },
        retryScheduled: (n, delayMs, reason) => events.next({ type: 'retryScheduled', check, attempt: n, at: cfg.scheduler.now(), delayMs, reason }),
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

  const client: EngagementClient = {
    accountId: cfg.accountId,
    getEngagement,
    engagement$: (inputs, options) => orchestrateEngagement(client, inputs, { scheduler: cfg.scheduler, ...options }),
    session$: session.pipe(distinctUntilChanged()),
    currentSession: () => session.value,
    resetSession: () => {
      try {
        cfg.session.clear(cfg.accountId);
      } catch {
        events.next({ type: 'warning', at: cfg.scheduler.now(), code: 'sessionStoreWriteFailed', message: 'the session store refused to clear the session' });
      }
      session.next(undefined);
      reporting.sessionReset();
      events.next({ type: 'sessionChanged', at: cfg.scheduler.now(), change: 'reset' });
    },
    events$,
    engagementOrigin: () => origin$,
    report: (...items) => reporting.report(items),
    reportFrom: (source$) => reporting.reportFrom(source$),
    outbox$: new Observable<OutboxState>((subscriber) => reporting.outbox$.subscribe(subscriber)),
  };
  return client;
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
 * lookup in flight; a failed lookup is not cached.
 */
function originSource(cfg: ResolvedConfig, env: HttpEnv): OriginSource {
  let cached: string | undefined = cfg.origin;
  let inflight: Observable<Either<EngagementError, string>> | undefined;
  const origin$ = defer(() => {
    if (cached !== undefined) return of(right<EngagementError, string>(cached));
    inflight ??= lookupOrigin$(env, { csdsOrigin: cfg.csdsOrigin, accountId: cfg.accountId, services: cfg.csdsServices }).pipe(
      tap((r) => {
        if (!isLeft(r)) cached = r.right;
      }),
      finalize(() => {
        inflight = undefined;
      }),
      share(),
    );
    return inflight;
  });
  return { known: () => cached, origin$ };
}
