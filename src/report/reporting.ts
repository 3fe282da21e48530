/**
 * The client's reporting surface: `report`, `reportFrom`, `outbox$`, and the
 * merged view of what the visitor reported that later getEngagement calls
 * carry. The pipeline itself ({@link createReporter}) is created lazily, on
 * the first report, or at once when the store hands back pending reports:
 * an idle client holds one small object and nothing else.
 *
 * @internal
 */
import { Subscription, defer, from, of, type Observable, type ObservableInput } from 'rxjs';
import type { ValidationError } from '../errors';
import { ENGAGEMENT_ATTRIBUTE_TYPES, type EngagementAttribute } from '../attributes/attribute';
import { mergeAttributes, mergeBehaviorOf } from '../attributes/merge';
import { IMPRESSION_EVENT_TYPES } from '../attributes/impressions';
import { isLeft, left, right, type Either } from '../internal/either';
import type { NormalizedRequest } from '../model';
import type { Batch } from './batch';
import { emptyOutbox, outboxStateOf, type Outbox, type OutboxState } from './outbox-state';
import { decodeReportItems, type ReportSourceValue } from './report-items';
import { createReporter, loadOutbox, type Reporter, type ReporterEnv } from './reporter';

/** The client's reporting methods, and what getEngagement needs from them. */
export interface Reporting {
  report(items: ReadonlyArray<unknown>): Either<ValidationError, void>;
  reportFrom(source$: ObservableInput<ReportSourceValue>): Subscription;
  readonly outbox$: Observable<OutboxState>;
  /** The merged view to carry in a getEngagement of `visitorId` (empty for another visitor). */
  carried(visitorId: string | undefined): ReadonlyArray<EngagementAttribute>;
  /** The session was reset: forget the merged view. */
  sessionReset(): void;
}

/** What the reporting needs: the pipeline's environment minus what it builds itself. */
export type ReportingEnv = Omit<ReporterEnv, 'onDelivered'>;

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
  emit: ReportingEnv['emit'],
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

/**
 * The reporting of one client. A class so that an idle client pays for one
 * small object (the methods live on the prototype); the pipeline is created
 * on the first report.
 */
class ClientReporting implements Reporting {
  private reporter: Reporter | undefined;
  private view: { readonly visitorId: string; readonly attributes: EngagementAttribute[] } | undefined;

  constructor(private readonly env: ReportingEnv) {
    if (env.store !== undefined) {
      const initial = loadOutbox(env.store, env.accountId, env.scheduler.now(), env.emit);
      if (initial.pending.length > 0 || initial.rejected.length > 0 || initial.dropped > 0) this.reporter = this.make(initial);
    }
  }

  private make(initial: Outbox): Reporter {
    return createReporter({ ...this.env, onDelivered: (batch) => this.delivered(batch) }, initial);
  }

  private get active(): Reporter {
    return (this.reporter ??= this.make(emptyOutbox()));
  }

  /** Keeps what re-sending cannot double (cart, personal, ctmrinfo, mrktInfo: one each at most) for the current visitor. */
  private delivered(batch: Batch): void {
    const current = this.env.currentSession();
    if (current === undefined || current.visitorId !== batch.target.visitorId) return;
    const state = batch.attributes.filter((a) => mergeBehaviorOf(a.type) !== 'append');
    if (state.length === 0) return;
    const before = this.view?.visitorId === current.visitorId ? this.view.attributes : [];
    this.view = { visitorId: current.visitorId, attributes: mergeAttributes(before, state) };
  }

  report(items: ReadonlyArray<unknown>): Either<ValidationError, void> {
    const decoded = decodeReportItems(items);
    if (isLeft(decoded)) return decoded;
    if (decoded.right.length > 0) this.active.enqueue(decoded.right);
    return right(undefined);
  }

  reportFrom(source$: ObservableInput<ReportSourceValue>): Subscription {
    return followSource(source$, (items) => this.report(items), this.env.emit, () => this.env.scheduler.now());
  }

  get outbox$(): Observable<OutboxState> {
    return defer(() => this.active.state$);
  }

  carried(visitorId: string | undefined): ReadonlyArray<EngagementAttribute> {
    return visitorId !== undefined && this.view?.visitorId === visitorId ? this.view.attributes : [];
  }

  sessionReset(): void {
    this.view = undefined;
  }
}

/** Creates the reporting of a client; reads the outbox store once, now. */
export function createReporting(env: ReportingEnv): Reporting {
  return new ClientReporting(env);
}

/**
 * The reporting of a client whose configuration was refused: every report
 * answers with that error (`reportFrom` turns each value into a
 * `reportRejected` event), and the outbox stays empty.
 */
export function refusedReporting(configError: ValidationError, emit: ReportingEnv['emit'], now: () => number): Pick<Reporting, 'report' | 'reportFrom' | 'outbox$'> {
  const report = (): Either<ValidationError, void> => left(configError);
  return {
    report,
    reportFrom: (source$) => followSource(source$, report, emit, now),
    outbox$: of(outboxStateOf(emptyOutbox(), { sending: false, waitingForSession: false, delivered: 0 })),
  };
}
