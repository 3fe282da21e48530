/**
 * A reporting pipeline on its own: a fake Update Session (an Observable the
 * test answers), a session subject and a VirtualTimeScheduler.
 */
import { updateSessionBody } from '../../src/http/update-session';
import { BehaviorSubject, Observable, Subject, VirtualTimeScheduler } from 'rxjs';
import type { EngagementAttribute } from '../../src/attributes/attribute';
import type { ReportEvent } from '../../src/report/events';
import type { EngagementError } from '../../src/errors';
import { left, right, type Either } from '../../src/internal/either';
import { defaultRetryPolicy } from '../../src/retry/policy';
import type { VisitorSession } from '../../src/session/visitor-session';
import type { Outbox, ReportTarget } from '../../src/report/outbox-state';
import { memoryOutboxStore, type OutboxStore } from '../../src/report/outbox-store';
import type { QueuedItem } from '../../src/report/report-items';
import type { PipelineEnv } from '../../src/report/pipeline';
import type { StoredOutbox } from '../../src/report/stored-outbox';

export const S1: VisitorSession = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1', confirmedAt: 0 };
export const S2: VisitorSession = { visitorId: 'V2', sessionId: 'S2', pageId: 'P2', confirmedAt: 0 };
/** The targets of S1 and S2. */
export const T1: ReportTarget = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1' };
export const T2: ReportTarget = { visitorId: 'V2', sessionId: 'S2', pageId: 'P2' };

export const lead = (n: number): QueuedItem => ({ kind: 'attribute', item: { type: 'lead', lead: { leadId: String(n) } } });
export const cart = (total: number): QueuedItem => ({ kind: 'attribute', item: { type: 'cart', total, numItems: 1 } });
export const personal = (fields: Record<string, unknown>): QueuedItem => ({ kind: 'attribute', item: { type: 'personal', personal: fields } as EngagementAttribute });
export const imp = (revision: number): QueuedItem => ({ kind: 'impression', item: { type: 'impClose', campaign: 1, engId: 2, revision } });

/** What an Update Session body carries. */
export interface Body {
  readonly pageId: string;
  readonly engagementAttributes?: EngagementAttribute[];
  readonly impAttributes?: unknown[];
}
export const bodyOf = (body: string): Body => JSON.parse(body) as Body;
export const leadIds = (body: string): string[] => (bodyOf(body).engagementAttributes ?? []).map((a) => (a as { lead?: { leadId?: string } }).lead?.leadId ?? '?');

export interface Call {
  readonly target: ReportTarget;
  readonly body: string;
  readonly at: number;
  readonly answer: Subject<Either<EngagementError, void>>;
}

export interface Harness {
  readonly scheduler: VirtualTimeScheduler;
  readonly session: BehaviorSubject<VisitorSession | undefined>;
  readonly calls: Call[];
  readonly events: ReportEvent[];
  readonly env: PipelineEnv;
  /** Answers the oldest unanswered call. */
  answer(result: Either<EngagementError, void>): void;
  /** True when a call waits for its answer. */
  unanswered(): boolean;
}

/** A pipeline environment over S1 (`null`: no session yet), with one attempt per round. */
export function harness(overrides: Partial<PipelineEnv> = {}, session: VisitorSession | null = S1): Harness {
  const scheduler = new VirtualTimeScheduler();
  const subject = new BehaviorSubject<VisitorSession | undefined>(session ?? undefined);
  const calls: Call[] = [];
  const events: ReportEvent[] = [];
  let answered = 0;
  const env: PipelineEnv = {
    storeKey: 'acc',
    body: updateSessionBody,
    scheduler,
    random: () => 0.5,
    retry: { ...defaultRetryPolicy, maxAttempts: 1 },
    reportWindowMs: 250,
    maxOutbox: 1000,
    session$: subject,
    send: (target, body) =>
      new Observable<Either<EngagementError, void>>((subscriber) => {
        const answer = new Subject<Either<EngagementError, void>>();
        calls.push({ target, body, at: scheduler.now(), answer });
        return answer.subscribe(subscriber);
      }),
    emit: (e) => events.push(e),
    ...overrides,
  };
  return {
    scheduler,
    session: subject,
    calls,
    events,
    env,
    answer: (result) => {
      const call = calls[answered++];
      if (call === undefined) throw new Error('no call to answer');
      call.answer.next(result);
      call.answer.complete();
    },
    unanswered: () => answered < calls.length,
  };
}

/** An outbox holding `items` (seq 1, 2...), made at time 0 for `target`. */
export const outboxOf = (items: QueuedItem[], target?: ReportTarget): Outbox => ({
  nextSeq: items.length + 1,
  pending: items.map((q, i) => ({ seq: i + 1, queuedAt: 0, target, ...q })),
  rejected: [],
  dropped: 0,
});

export const ok = right<EngagementError, void>(undefined);
export const http = (status: number, internalCode?: number): Either<EngagementError, void> =>
  left({ kind: 'http', operation: 'updateSession', status, message: `updateSession answered ${status}`, ...(internalCode === undefined ? {} : { internalCode }) });

/** A memory store that records every write. */
export function spyStore(): { store: OutboxStore; writes: Array<StoredOutbox | 'cleared'>; last(): StoredOutbox } {
  const inner = memoryOutboxStore();
  const writes: Array<StoredOutbox | 'cleared'> = [];
  return {
    writes,
    last: () => inner.load('acc') as StoredOutbox,
    store: {
      load: (a) => inner.load(a),
      save: (a, o) => {
        writes.push(o);
        inner.save(a, o);
      },
      clear: (a) => {
        writes.push('cleared');
        inner.clear(a);
      },
    },
  };
}

export const ofType = <T extends ReportEvent['type']>(events: ReadonlyArray<ReportEvent>, type: T): Array<Extract<ReportEvent, { type: T }>> =>
  events.filter((e): e is Extract<ReportEvent, { type: T }> => e.type === type);
