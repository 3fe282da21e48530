/**
 * Reporting as a piece of its own: `createReporter(client)` sends the
 * engagement attributes (SDEs) and impression events an application reports
 * with Update Session, on the client's visitor session, through an outbox
 * that loses nothing. A page that only checks never imports it.
 *
 * @packageDocumentation
 */
import { Observable, Subscription } from 'rxjs';
import { validationError, type ValidationError, type ValidationIssue } from '../errors';
import type { EngagementAttribute } from '../attributes/attribute';
import { mergeAttributes, mergeBehaviorOf } from '../attributes/merge';
import type { EngagementClient } from '../client/client';
import { internalsOf } from '../client/internals';
import { updateSession$, updateSessionBody, type UpdateSessionWireMethod } from '../http/update-session';
import { isLeft, left, right, type Either } from '../internal/either';
import { hub } from '../internal/hub';
import { just } from '../internal/observable';
import { isRecord, kindOf, unknownKeys } from '../internal/validation';
import { timed, type ReportEvent } from './events';
import type { OutboxState } from './outbox-state';
import type { OutboxStore } from './outbox-store';
import { createPipeline, loadOutbox, stateOf, type Pipeline } from './pipeline';
import { decodeReportItems, typesOf, type ReportItem, type ReportSourceValue } from './report-items';

/**
 * How Update Session goes on the wire: `PUT` (the documented method), or
 * `POST_OVERRIDE`: a `POST` with `X-HTTP-Method-Override: PUT`, for
 * browsers, proxies or firewalls that refuse `PUT`.
 * @since 0.1.0
 */
export type UpdateSessionMethod = UpdateSessionWireMethod;

/**
 * Options of {@link createReporter}; every field is optional.
 *
 * @example
 * ```ts
 * const reporter = createReporter(client, { outbox: webStorageOutboxStore(sessionStorage), reportWindowMs: 500 });
 * ```
 * @since 0.2.0
 * @category Reporting
 */
export interface ReporterOptions {
  /**
   * Where reports wait until the server accepted them. Default: in memory,
   * for this reporter only. `webStorageOutboxStore` or `fileOutboxStore`
   * (from `engagement-rx/node`) keep them across reloads and restarts; they
   * hold SDE contents on the device until delivered.
   */
  readonly outbox?: OutboxStore;
  /** The batching window: reports made within this many ms of the first go in one Update Session. Default 250; 0-60000. */
  readonly reportWindowMs?: number;
  /** Most reported items the outbox holds (see the overflow rule in docs/attributes.md). Default 1000; 1-100000. */
  readonly maxOutbox?: number;
  /** How Update Session is sent. Default `'PUT'`. */
  readonly updateSessionMethod?: UpdateSessionMethod;
}

/**
 * Reports engagement attributes and impression events of one client's
 * visitor with Update Session. Made by {@link createReporter}.
 *
 * @example
 * ```ts
 * const reporter = createReporter(client);
 * const sent = reporter.report(cartAttribute({ total: 11.7, numItems: 6 }));
 * if (sent._tag === 'Left') console.warn(sent.left.message);
 * ```
 * @since 0.2.0
 * @category Reporting
 */
export interface Reporter {
  /**
   * Reports engagement attributes (SDEs) and impression events with Update
   * Session. Each item is an attribute or event, or a builder's result for
   * one (`cartAttribute(...)`, `displayImpression(...)`): a builder's `Left`
   * is this call's `Left`. Validated now: a `validation` Left names each bad
   * field (`[1].info.balance`) and nothing is queued. Otherwise the items wait in
   * the outbox (see `outbox$`), are batched for `reportWindowMs`, coalesced
   * and sent in order once a session exists; they survive failures and, with
   * a durable outbox store, reloads. Impressions go to `impAttributes`, SDEs
   * to `engagementAttributes`. What the server accepted of `cart`,
   * `personal`, `ctmrinfo` and `mrktInfo` also rides along in the client's
   * later checks of the same visitor.
   */
  report(...items: ReadonlyArray<ReportItem | Either<ValidationError, ReportItem>>): Either<ValidationError, void>;
  /**
   * Reports what `source$` (an RxJS Observable) emits (one item, or an
   * array reported together) until it completes or the returned
   * Subscription is unsubscribed. An invalid value is a `reportRejected`
   * event (`source: 'validation'`), never an error: the source is still
   * followed. Anything other than an Observable is a `reportRejected` event
   * too, and nothing is followed.
   */
  reportFrom(source$: Observable<ReportSourceValue>): Subscription;
  /** The outbox: pending count, sending flag, refused reports (reasons, types, counts; never contents). */
  readonly outbox$: Observable<OutboxState>;
  /** Queued, delivered, deferred and refused reports, and store warnings: counts and types, never contents. */
  readonly events$: Observable<ReportEvent>;
  /**
   * Stops the reporter for good, so a process can exit: the window or
   * retry timer is cancelled, a request in flight is aborted, the
   * `reportFrom` sources are unsubscribed, and nothing is scheduled again.
   * What is pending stays in the outbox: with a durable outbox store, the
   * next reporter of the account sends it. Later `report()` calls answer a
   * `validation` Left. Calling it twice does nothing more.
   *
   * @since 0.2.0
   */
  dispose(): void;
}

const OPTION_KEYS = ['outbox', 'reportWindowMs', 'maxOutbox', 'updateSessionMethod'];

/** What is wrong with a reporter's options (every field optional, unknown keys refused). */
function optionIssues(input: unknown): ValidationIssue[] {
  if (!isRecord(input)) return [{ path: 'options', reason: `expected an options object, got ${kindOf(input)}` }];
  const issues: ValidationIssue[] = [];
  const check = (ok: boolean, path: string, expected: string): unknown => ok || issues.push({ path, reason: `expected ${expected}, got ${kindOf(input[path])}` });
  const { outbox, reportWindowMs = 250, maxOutbox = 1_000, updateSessionMethod = 'PUT' } = input;
  check(outbox === undefined || (isRecord(outbox) && ['load', 'save', 'clear'].every((k) => typeof outbox[k] === 'function')), 'outbox', 'an OutboxStore');
  check(typeof reportWindowMs === 'number' && reportWindowMs >= 0 && reportWindowMs <= 60_000, 'reportWindowMs', 'a number from 0 to 60000');
  check(Number.isInteger(maxOutbox) && (maxOutbox as number) >= 1 && (maxOutbox as number) <= 100_000, 'maxOutbox', 'an integer from 1 to 100000');
  check(updateSessionMethod === 'PUT' || updateSessionMethod === 'POST_OVERRIDE', 'updateSessionMethod', 'PUT or POST_OVERRIDE');
  unknownKeys(input, OPTION_KEYS, '', issues);
  return issues;
}

/**
 * Creates the reporter of a client's visitor. It never throws: a refused
 * client configuration, something other than a client, or invalid options
 * make every `report` answer with a `validation` Left naming them (and
 * `reportFrom` turn each value into a `reportRejected` event).
 *
 * Reports go through the client's backend: Update Session for App
 * Engagement; for the Monitoring API (`engagement-rx/monitoring`), its
 * `report` method, with the impressions inside `engagementAttributes`.
 * Either way a report goes to the session that was current when it was
 * made (so an impression stays with the session whose check exposed its
 * engagement), or to the first session when none existed yet.
 *
 * The outbox store is read once, now; pending reports it holds are sent
 * once a session exists. One reporter per client is the usual shape; a
 * second one has an outbox of its own.
 *
 * @example
 * ```ts
 * import { createEngagementClient, createReporter, cartAttribute } from 'engagement-rx';
 *
 * const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net' });
 * const reporter = createReporter(client, { reportWindowMs: 500 });
 * reporter.report(cartAttribute({ total: 11.7, numItems: 6 }));
 * reporter.outbox$.subscribe((o) => console.log(`${o.pending} reports pending`));
 * ```
 * @since 0.2.0
 * @category Reporting
 */
export function createReporter(client: EngagementClient, options: ReporterOptions = {}): Reporter {
  const core = internalsOf(client);
  let error = core ? (core.ok ? undefined : core.error) : validationError([{ path: 'client', reason: `expected a client of createEngagementClient, got ${kindOf(client)}` }]);
  const events = hub<ReportEvent>();
  // Warnings raised while the reporter is created (an unreadable store) come before anyone can
  // subscribe: they are replayed to every subscriber.
  const startup: ReportEvent[] = [];
  let now = Date.now;
  const emit = timed(() => now(), (e) => events.next(e));
  let pipeline: Pipeline | undefined;

  const issues = optionIssues(options);
  /** The most items one report may hold: the outbox's bound, once the options are known good. */
  let maxItems = Infinity;
  if (!error && issues[0]) error = validationError(issues);
  if (core?.ok && !error) {
    const { outbox, reportWindowMs = 250, maxOutbox = 1_000, updateSessionMethod } = options;
    maxItems = maxOutbox;
    const { config, session } = core;
    // The merged view of what was delivered, and the visitor and reset count it belongs to.
    let view: EngagementAttribute[] = [];
    let viewKey: string | undefined;
    const keyOf = (visitorId: string | undefined): string | undefined => visitorId && `${visitorId} ${core.resets}`;
    now = () => config.scheduler.now();
    pipeline = createPipeline(
      {
        ...config,
        // Each backend's reports wait under its own key, as its session does: they are bound to that API's ids.
        storeKey: config.sessionKey,
        reportWindowMs,
        maxOutbox,
        outbox,
        session$: session,
        // The backend's report call (the Monitoring API's), else Update Session.
        body: config.backend.reportBody ?? updateSessionBody,
        send: (target, body) =>
          core.atOrigin((origin) => (config.backend.report ?? updateSession$)(core.http, { origin, accountId: config.accountId, vid: target.visitorId, sid: target.sessionId }, body, updateSessionMethod ?? 'PUT')),
        emit: (e) => events.next(e),
        // Keeps what re-sending cannot double (cart, personal, ctmrinfo, mrktInfo: one each at most) for the current visitor.
        onDelivered: (target, attributes) => {
          const key = keyOf(target.visitorId);
          if (session.value?.visitorId === target.visitorId) {
            view = mergeAttributes(viewKey === key ? view : [], attributes.filter((a) => mergeBehaviorOf(a.type) !== 'append'));
            viewKey = key;
          }
        },
      },
      outbox && loadOutbox(outbox, config.sessionKey, timed(now, (e) => startup.push(e))),
    );
    // Later checks of the same visitor carry the merged view (after any other reporter's), in
    // front of the request's own attributes, which win.
    const before = core.carry;
    core.carry = (request, visitorId) => {
      const r = before ? before(request, visitorId) : request;
      return view[0] && viewKey === keyOf(visitorId) ? { ...r, engagementAttributes: mergeAttributes(view, r.engagementAttributes as EngagementAttribute[]) } : r;
    };
  }

  const sources = new Subscription();
  let disposed = false;
  const report = (items: ReadonlyArray<unknown>): Either<ValidationError, void> => {
    if (disposed) return left(validationError([{ path: '(reporter)', reason: 'the reporter was disposed; nothing is queued' }]));
    const decoded = error ? left(error) : decodeReportItems(items);
    if (isLeft(decoded)) return decoded;
    // A report larger than the outbox could only be queued in part: it is refused whole instead.
    if (decoded.right.length > maxItems) return left(validationError([{ path: '(value)', reason: `holds ${decoded.right.length} items, more than maxOutbox (${maxItems})` }]));
    if (decoded.right[0]) pipeline?.enqueue(decoded.right);
    return right(undefined);
  };
  const rejected = (values: ReadonlyArray<unknown>, reason: string, issues: ReadonlyArray<ValidationIssue>): unknown =>
    emit({ type: 'reportRejected', source: 'validation', items: values.length, types: typesOf(values), reason, issues });

  return {
    report: (...items) => report(items),
    reportFrom: (source$) => {
      if (disposed) return Subscription.EMPTY;
      try {
        const followed = source$.subscribe({
          next: (value) => {
            const items: ReadonlyArray<unknown> = [value].flat();
            const r = report(items);
            if (isLeft(r)) rejected(items, 'invalid value, not queued', r.left.issues);
          },
          error: () => emit({ type: 'warning', code: 'reportSourceFailed', message: 'reportFrom source failed, no longer followed' }),
        });
        if (!followed.closed) {
          sources.add(followed);
          followed.add(() => sources.remove(followed));
        }
        return followed;
      } catch {
        const reason = `expected an Observable, got ${kindOf(source$)}`;
        rejected([], reason, [{ path: 'source$', reason }]);
        return Subscription.EMPTY;
      }
    },
    outbox$: pipeline?.state$ ?? just(stateOf(0, 0, 0, 0, [])),
    events$: new Observable<ReportEvent>((subscriber) => {
      startup.forEach((e) => subscriber.next(e));
      return events.subscribe(subscriber);
    }),
    dispose: () => {
      disposed = true;
      sources.unsubscribe();
      pipeline?.dispose();
    },
  };
}
