/**
 * Reporting as a piece of its own: `createReporter(client)` sends the
 * engagement attributes (SDEs) and impression events an application reports
 * with Update Session, on the client's visitor session, through an outbox
 * that loses nothing. A page that only checks never imports it.
 *
 * The pipeline itself (`pipeline.ts`) is created lazily, on the first
 * report, or at once when the store hands back pending reports: an idle
 * reporter holds one small object and nothing else.
 *
 * @packageDocumentation
 */
import { Observable, Subject, Subscription, defer, from, of, type ObservableInput } from 'rxjs';
import { validationError, type ValidationError, type ValidationIssue } from '../errors';
import { ENGAGEMENT_ATTRIBUTE_TYPES, type EngagementAttribute } from '../attributes/attribute';
import { mergeAttributes, mergeBehaviorOf } from '../attributes/merge';
import { IMPRESSION_EVENT_TYPES } from '../attributes/impressions';
import type { EngagementClient } from '../client/client';
import { internalsOf, type WorkingInternals } from '../client/internals';
import { updateSession$, type UpdateSessionWireMethod } from '../http/update-session';
import { isLeft, left, right, type Either } from '../internal/either';
import { isRecord, kindOf } from '../internal/validation';
import type { NormalizedRequest } from '../model';
import type { Batch } from './batch';
import type { ReportEvent } from './events';
import { emptyOutbox, outboxStateOf, type Outbox, type OutboxState } from './outbox-state';
import type { OutboxStore } from './outbox-store';
import { createPipeline, loadOutbox, type Pipeline, type PipelineEnv } from './pipeline';
import { decodeReportItems, type ReportItem, type ReportSourceValue } from './report-items';

/**
 * How Update Session goes on the wire: `PUT` (the documented method), or
 * `POST_OVERRIDE`: a `POST` with `X-HTTP-Method-Override: PUT`, for
 * browsers, proxies or firewalls that refuse `PUT`.
 *
 * @example
 * ```ts
 * const reporter = createReporter(client, { updateSessionMethod: 'POST_OVERRIDE' });
 * ```
 * @since 0.1.0
 */
export type UpdateSessionMethod = UpdateSessionWireMethod;

/**
 * Options of {@link createReporter}; every field is optional.
 *
 * @example
 * ```ts
 * const options: ReporterOptions = { outbox: webStorageOutboxStore(localStorage), reportWindowMs: 500 };
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
 * const cart = cartAttribute({ total: 11.7, numItems: 6 });
 * if (cart._tag === 'Right') reporter.report(cart.right);
 * ```
 * @since 0.2.0
 * @category Reporting
 */
export interface Reporter {
  /**
   * Reports engagement attributes (SDEs) and impression events with Update
   * Session. Validated now: a `validation` Left names each bad field
   * (`[1].info.balance`) and nothing is queued. Otherwise the items wait in
   * the outbox (see `outbox$`), are batched for `reportWindowMs`, coalesced
   * and sent in order once a session exists; they survive failures and, with
   * a durable outbox store, reloads. Impressions go to `impAttributes`, SDEs
   * to `engagementAttributes`. What the server accepted of `cart`,
   * `personal`, `ctmrinfo` and `mrktInfo` also rides along in the client's
   * later checks of the same visitor.
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
  /** Queued, delivered, deferred and refused reports, and store warnings: counts and types, never contents. */
  readonly events$: Observable<ReportEvent>;
}

const KNOWN_TYPES: ReadonlyArray<string> = [...ENGAGEMENT_ATTRIBUTE_TYPES, ...IMPRESSION_EVENT_TYPES];

/** The known types among some values (a type name is the only thing telemetry says about an item). */
function knownTypes(values: ReadonlyArray<unknown>): string[] {
  const out: string[] = [];
  for (const v of values) {
    const type = typeof v === 'object' && v !== null ? (v as { type?: unknown }).type : undefined;
    if (typeof type === 'string' && KNOWN_TYPES.includes(type) && !out.includes(type)) out.push(type);
  }
  return out;
}

/**
 * A getEngagement request with the merged view in front of its own
 * attributes, combined by the same update rules: the request's own
 * attributes come last, so they win (its cart replaces the carried one, its
 * `personal` fields override the carried ones).
 *
 * @internal
 */
export function withCarried(request: NormalizedRequest, carried: ReadonlyArray<EngagementAttribute>): NormalizedRequest {
  if (carried.length === 0) return request;
  const own = (request.engagementAttributes ?? []) as ReadonlyArray<EngagementAttribute>;
  return { ...request, engagementAttributes: mergeAttributes(carried, own) };
}

/**
 * Follows a `reportFrom` source: each value (an item or an array of items)
 * is one report. An invalid value becomes a `reportRejected` event
 * (`source: 'validation'`) and the source is still followed; a source that
 * fails becomes a `reportSourceFailed` warning. Never throws.
 */
function followSource(
  source$: ObservableInput<ReportSourceValue>,
  report: (items: ReadonlyArray<unknown>) => Either<ValidationError, void>,
  emit: (event: ReportEvent) => void,
  now: () => number,
): Subscription {
  let source: Observable<unknown>;
  try {
    source = from(source$ as ObservableInput<unknown>);
  } catch {
    emit({
      type: 'reportRejected',
      at: now(),
      source: 'validation',
      items: 0,
      types: [],
      reason: 'reportFrom expects an Observable (or another ObservableInput)',
      issues: [{ path: 'source$', reason: 'expected an Observable of engagement attributes or impression events' }],
    });
    return Subscription.EMPTY;
  }
  return source.subscribe({
    next: (value) => {
      const items: ReadonlyArray<unknown> = Array.isArray(value) ? value : [value];
      const result = report(items);
      if (isLeft(result)) {
        const n = result.left.issues.length;
        emit({
          type: 'reportRejected',
          at: now(),
          source: 'validation',
          items: items.length,
          types: knownTypes(items),
          reason: `${n} invalid field${n === 1 ? '' : 's'}; nothing of this value was queued`,
          issues: result.left.issues,
        });
      }
    },
    error: () => {
      emit({ type: 'warning', at: now(), code: 'reportSourceFailed', message: 'a reportFrom source failed; what it reported before is kept, and it is no longer followed' });
    },
  });
}

/** A reporter's options, checked. @internal */
export interface ResolvedReporterOptions {
  /** `undefined`: the reporter's own memory outbox (nothing to write). */
  readonly outbox?: OutboxStore;
  readonly reportWindowMs: number;
  readonly maxOutbox: number;
  readonly updateSessionMethod: UpdateSessionMethod;
}

const OPTION_KEYS: ReadonlyArray<string> = ['outbox', 'reportWindowMs', 'maxOutbox', 'updateSessionMethod'];
const MAX_REPORT_WINDOW_MS = 60_000;
const MAX_OUTBOX = 100_000;

/** Validates a reporter's options; unknown keys are refused. @internal */
export function resolveReporterOptions(input: unknown): Either<ValidationError, ResolvedReporterOptions> {
  if (input === undefined) input = {};
  if (!isRecord(input)) return left(validationError([{ path: 'options', reason: `expected an options object, got ${kindOf(input)}` }]));
  const issues: ValidationIssue[] = [];
  const at = (path: string, reason: string) => issues.push({ path, reason });

  const outbox = input['outbox'];
  if (outbox !== undefined && (!isRecord(outbox) || typeof outbox['load'] !== 'function' || typeof outbox['save'] !== 'function' || typeof outbox['clear'] !== 'function')) {
    at('outbox', `expected an OutboxStore (load, save, clear), got ${kindOf(outbox)}`);
  }

  const reportWindowMs = input['reportWindowMs'] ?? 250;
  if (typeof reportWindowMs !== 'number' || !Number.isFinite(reportWindowMs) || reportWindowMs < 0 || reportWindowMs > MAX_REPORT_WINDOW_MS) {
    at('reportWindowMs', `expected a number of milliseconds between 0 and ${MAX_REPORT_WINDOW_MS}, got ${kindOf(reportWindowMs)}${typeof reportWindowMs === 'number' ? ' out of range' : ''}`);
  }

  const maxOutbox = input['maxOutbox'] ?? 1_000;
  if (typeof maxOutbox !== 'number' || !Number.isInteger(maxOutbox) || maxOutbox < 1 || maxOutbox > MAX_OUTBOX) {
    at('maxOutbox', `expected an integer between 1 and ${MAX_OUTBOX}, got ${kindOf(maxOutbox)}${typeof maxOutbox === 'number' ? ' out of range' : ''}`);
  }

  const updateSessionMethod = input['updateSessionMethod'] ?? 'PUT';
  if (updateSessionMethod !== 'PUT' && updateSessionMethod !== 'POST_OVERRIDE') {
    at('updateSessionMethod', `expected 'PUT' or 'POST_OVERRIDE', got ${kindOf(updateSessionMethod)}`);
  }

  for (const k of Object.keys(input)) if (!OPTION_KEYS.includes(k)) at(k, `unknown option (expected one of ${OPTION_KEYS.join(', ')})`);

  if (issues.length > 0) return left(validationError(issues));
  return right({
    ...(outbox === undefined ? {} : { outbox: outbox as unknown as OutboxStore }),
    reportWindowMs: reportWindowMs as number,
    maxOutbox: maxOutbox as number,
    updateSessionMethod: updateSessionMethod as UpdateSessionMethod,
  });
}

/**
 * The reporter of one working client. A class so that an idle reporter
 * pays for one small object (the methods live on the prototype); the
 * pipeline is created on the first report.
 */
class ClientReporter implements Reporter {
  private pipeline: Pipeline | undefined;
  private view: { readonly visitorId: string; readonly resets: number; readonly attributes: EngagementAttribute[] } | undefined;
  private readonly env: Omit<PipelineEnv, 'onDelivered'>;
  readonly events$: Observable<ReportEvent>;

  constructor(
    private readonly core: WorkingInternals,
    options: ResolvedReporterOptions,
  ) {
    const events = new Subject<ReportEvent>();
    // Warnings raised while the reporter is created (an unreadable store) happen before anyone
    // can subscribe: they are replayed to every subscriber.
    const startup: ReportEvent[] = [];
    let starting = true;
    this.events$ = new Observable<ReportEvent>((subscriber) => {
      for (const e of startup) subscriber.next(e);
      return events.subscribe(subscriber);
    });
    const { config, http, session } = core;
    this.env = {
      accountId: config.accountId,
      scheduler: config.scheduler,
      random: config.random,
      retry: config.retry,
      windowMs: options.reportWindowMs,
      maxOutbox: options.maxOutbox,
      store: options.outbox,
      session$: session,
      currentSession: () => session.value,
      send: (target, body) =>
        core.atOrigin((origin) =>
          updateSession$(http, { origin, accountId: config.accountId, vid: target.visitorId, sid: target.sessionId }, body, options.updateSessionMethod),
        ),
      emit: (e) => (starting ? startup.push(e) : events.next(e)),
    };
    if (options.outbox !== undefined) {
      const initial = loadOutbox(options.outbox, config.accountId, config.scheduler.now(), this.env.emit);
      if (initial.pending.length > 0 || initial.rejected.length > 0 || initial.dropped > 0) this.pipeline = this.make(initial);
    }
    starting = false;
    // Later checks of the same visitor carry what was delivered (after any other reporter's view).
    const before = core.carry;
    core.carry = (request, visitorId) => withCarried(before === undefined ? request : before(request, visitorId), this.carried(visitorId));
  }

  private make(initial: Outbox): Pipeline {
    return createPipeline({ ...this.env, onDelivered: (batch) => this.delivered(batch) }, initial);
  }

  private get active(): Pipeline {
    return (this.pipeline ??= this.make(emptyOutbox()));
  }

  /** Keeps what re-sending cannot double (cart, personal, ctmrinfo, mrktInfo: one each at most) for the current visitor. */
  private delivered(batch: Batch): void {
    const current = this.core.session.value;
    if (current === undefined || current.visitorId !== batch.target.visitorId) return;
    const state = batch.attributes.filter((a) => mergeBehaviorOf(a.type) !== 'append');
    if (state.length === 0) return;
    const resets = this.core.resets;
    const before = this.view?.visitorId === current.visitorId && this.view.resets === resets ? this.view.attributes : [];
    this.view = { visitorId: current.visitorId, resets, attributes: mergeAttributes(before, state) };
  }

  /** The merged view to carry in a getEngagement of `visitorId` (empty for another visitor, or after a reset). */
  private carried(visitorId: string | undefined): ReadonlyArray<EngagementAttribute> {
    const view = this.view;
    return visitorId !== undefined && view !== undefined && view.visitorId === visitorId && view.resets === this.core.resets ? view.attributes : [];
  }

  report(...items: ReadonlyArray<ReportItem>): Either<ValidationError, void> {
    const decoded = decodeReportItems(items);
    if (isLeft(decoded)) return decoded;
    if (decoded.right.length > 0) this.active.enqueue(decoded.right);
    return right(undefined);
  }

  reportFrom(source$: Observable<ReportSourceValue>): Subscription {
    return followSource(source$, (items) => this.report(...(items as ReadonlyArray<ReportItem>)), this.env.emit, () => this.env.scheduler.now());
  }

  get outbox$(): Observable<OutboxState> {
    return defer(() => this.active.state$);
  }
}

/**
 * A reporter that cannot work (its client's configuration, or its own
 * options, were refused): every report answers with that error,
 * `reportFrom` turns each value into a `reportRejected` event, and the
 * outbox stays empty.
 */
function refusedReporter(error: ValidationError): Reporter {
  const events = new Subject<ReportEvent>();
  const report = (): Either<ValidationError, void> => left(error);
  return {
    report,
    reportFrom: (source$) => followSource(source$, report, (e) => events.next(e), () => Date.now()),
    outbox$: of(outboxStateOf(emptyOutbox(), { sending: false, waitingForSession: false, delivered: 0 })),
    events$: events.asObservable(),
  };
}

/**
 * Creates the reporter of a client's visitor. It never throws: a refused
 * client configuration, something other than a client, or invalid options
 * make every `report` answer with a `validation` Left naming them.
 *
 * The outbox store is read once, now; pending reports it holds are sent
 * once a session exists. One reporter per client is the usual shape; a
 * second one has an outbox of its own.
 *
 * @example
 * ```ts
 * import { createEngagementClient, createReporter, cartAttribute } from 'engagement-rx';
 *
 * const client = createEngagementClient({ accountId: '12345678' });
 * const reporter = createReporter(client, { reportWindowMs: 500 });
 * const cart = cartAttribute({ total: 11.7, numItems: 6 });
 * if (cart._tag === 'Right') reporter.report(cart.right);
 * reporter.outbox$.subscribe((o) => console.log(`${o.pending} reports pending`));
 * ```
 * @since 0.2.0
 * @category Reporting
 */
export function createReporter(client: EngagementClient, options?: ReporterOptions): Reporter {
  const core = internalsOf(client);
  if (core === undefined) return refusedReporter(validationError([{ path: 'client', reason: `expected a client made by createEngagementClient, got ${kindOf(client)}` }]));
  if (!core.ok) return refusedReporter(core.error);
  const resolved = resolveReporterOptions(options);
  if (isLeft(resolved)) return refusedReporter(resolved.left);
  return new ClientReporter(core, resolved.right);
}
