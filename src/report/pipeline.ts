/**
 * The reporting pipeline: reports wait in the outbox, are batched for a
 * short window on the client's scheduler, wait for a session when none
 * exists yet, and go out one batch at a time, in order, through the
 * client's retry policy ({@link withRetry}). The outbox is written to its
 * store when a report is queued, before each send (the batch's session is
 * fixed then) and after it.
 *
 * A small state machine written by hand (no operator chain): a window
 * timer, a session wait, a send, a wait between rounds, one at a time.
 * Nothing runs while nothing is pending: no timer and no subscription are
 * left once the outbox is empty.
 *
 * ```text
 * report ──▶ outbox ──▶ window (≤ windowMs after the oldest) ──▶ session? ──▶ Update Session ×retry
 *              ▲                                                                 │
 *              └──── 5xx / network / timeout after the retries: wait 2, 4, 8… min ◀┘
 *                    2xx: delivered (removed) · 4xx: parked as rejected (removed)
 * ```
 *
 * A batch is the run of entries at the head bound to one visitor, session
 * and page, at most 50 entries and about 32 KiB of JSON (the first entry
 * always fits); its attributes are coalesced ({@link coalesceAttributes}),
 * which the server reads exactly as the same attributes sent one by one,
 * and its impressions are kept as they are, in order.
 *
 * @internal
 */
import type { Observable, SchedulerLike, Unsubscribable } from 'rxjs';
import type { EngagementAttribute } from '../attributes/attribute';
import type { ImpressionEvent } from '../attributes/impressions';
import { coalesceAttributes } from '../attributes/merge';
import { summarizeError, type ErrorSummary } from '../client/events';
import type { EngagementError } from '../errors';
import { isLeft, type Either } from '../internal/either';
import { hub, type Hub } from '../internal/hub';
import type { RetryPolicy } from '../retry/policy';
import { withRetry, type AttemptContext } from '../retry/with-retry';
import type { VisitorSession } from '../session/visitor-session';
import { judgeFailure, redeliveryDelayMs } from './delivery';
import { timed, type ReportEvent, type UntimedReportEvent } from './events';
import { MAX_REJECTED, compactEntries, emptyOutbox, type Outbox, type OutboxEntry, type OutboxState, type RejectedReport, type ReportTarget } from './outbox-state';
import type { OutboxStore } from './outbox-store';
import { typesOf, type QueuedItem } from './report-items';
import { fromStored } from './stored-outbox';

/** What the pipeline needs from its client and its options. */
export interface PipelineEnv {
  /** The key of the outbox in its store: the client's session key (the account id, or its Monitoring API namespace). */
  readonly storeKey: string;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly retry: RetryPolicy;
  /** The batching window: a report waits at most this long for others to join it. */
  readonly reportWindowMs: number;
  /** The outbox's bound (entries). */
  readonly maxOutbox: number;
  /** Where the outbox is kept between runs; `undefined`: memory only (nothing to write). */
  readonly outbox?: OutboxStore | undefined;
  /** The client's session: its current value, then every change. */
  readonly session$: Pick<Hub<VisitorSession | undefined>, 'value' | 'subscribe'>;
  /** One report attempt (Update Session, or the Monitoring API's report) to `target` with a JSON `body`. */
  readonly send: (target: ReportTarget, body: string) => Observable<Either<EngagementError, unknown>>;
  /** The JSON body of a batch, in the client backend's form (Update Session's, or the Monitoring API's report). */
  readonly body: (pageId: string, attributes: ReadonlyArray<EngagementAttribute>, impressions: ReadonlyArray<ImpressionEvent>) => string;
  readonly emit: (event: ReportEvent) => unknown;
  /** Called after the server accepted the `attributes` (coalesced) of a batch sent to `target`. */
  readonly onDelivered?: (target: ReportTarget, attributes: ReadonlyArray<EngagementAttribute>) => void;
}

/** The pipeline of one reporter. */
export interface Pipeline {
  /** Queues validated items (synchronously written to the store), then makes sure the pipeline runs. */
  enqueue(items: ReadonlyArray<QueuedItem>): void;
  /** The outbox's state: the current value, then every change. */
  readonly state$: Observable<OutboxState>;
  state(): OutboxState;
  /** True while something is under way (a window, a session wait, a send or a wait between rounds). */
  running(): boolean;
  /**
   * Stops for good: the timer, session wait or send under way is cancelled
   * (a request in flight is aborted), and what is pending stays in the
   * outbox (and its store). Later `enqueue`s are ignored.
   */
  dispose(): void;
}

/** Most entries in one batch. */
export const BATCH_ITEMS = 50;
/** About the most characters of JSON in one batch: well under the 64 KiB bodies servers commonly take. */
export const BATCH_CHARS = 32_768;

/** What the pipeline does: nothing, a batching window, a wait for a session, a send, a wait between rounds. */
const IDLE = 0;
const WINDOW = 1;
const WAITING = 2;
const SENDING = 3;
const BACKOFF = 4;

/** The session's ids as a report target. */
const targetOf = (s: VisitorSession | undefined): ReportTarget | undefined => s && { visitorId: s.visitorId, sessionId: s.sessionId, pageId: s.pageId };

/** What `outbox$` shows; `phase` is what the pipeline does (idle by default). */
export const stateOf = (pending: number, phase: number, delivered: number, dropped: number, rejected: ReadonlyArray<RejectedReport>, lastError?: ErrorSummary): OutboxState => ({
  pending,
  sending: phase === SENDING,
  waitingForSession: phase === WAITING,
  delivered,
  dropped,
  rejected,
  lastError,
});

/**
 * Reads a store's outbox. A store that throws, or holds something
 * unreadable, gives an empty outbox and an `outboxStoreUnreadable` warning;
 * unreadable entries are skipped with one warning naming how many.
 */
export function loadOutbox(store: OutboxStore, storeKey: string, emit: (event: UntimedReportEvent) => unknown): Outbox {
  let read;
  try {
    read = fromStored(store.load(storeKey));
  } catch {
    // an unreadable store, as below
  }
  if (!read || read[1] > 0) emit({ type: 'warning', code: 'outboxStoreUnreadable', message: read ? `${read[1]} unreadable entries skipped` : 'unreadable outbox store ignored' });
  return read ? read[0] : emptyOutbox();
}

/**
 * Creates the pipeline over `initial` (an outbox read from a store, or an
 * empty one). Pending entries in `initial` start the pipeline at once.
 */
export function createPipeline(env: PipelineEnv, initial: Outbox = emptyOutbox()): Pipeline {
  const { scheduler, session$, outbox: store, reportWindowMs, maxOutbox } = env;
  const now = (): number => scheduler.now();
  const emit = timed(now, env.emit);
  let { nextSeq, pending, rejected, dropped } = initial;
  /** The first `inFlight` entries of `pending` are being sent. */
  let inFlight = 0;
  let phase = IDLE;
  let delivered = 0;
  let lastError: ErrorSummary | undefined;
  let batches = 0;
  let rounds = 0;
  let previousDelay: number | undefined;
  let writeFailing = false;
  /** What runs now (a timer, the session wait, the send): at most one thing at a time. */
  let active: Unsubscribable | undefined;
  let disposed = false;

  const state = (): OutboxState => stateOf(pending.length, phase, delivered, dropped, rejected, lastError);
  const status = hub(state());
  /** Enters `next` (default: the same phase) and shows the state when it changed. */
  const publish = (next = phase): void => {
    phase = disposed ? IDLE : next;
    const s = state();
    if (JSON.stringify(s) !== JSON.stringify(status.value)) status.next(s);
  };

  /** Writes the outbox (entries in flight as pending), or clears the store when it holds nothing. */
  const persist = (): void => {
    try {
      if (store) {
        if (pending.length + rejected.length + dropped > 0) store.save(env.storeKey, { version: 1, nextSeq, pending, rejected, dropped });
        else store.clear(env.storeKey);
      }
      writeFailing = false;
    } catch {
      if (!writeFailing) emit({ type: 'warning', code: 'outboxStoreWriteFailed', message: 'outbox store write failed, reports kept in memory' });
      writeFailing = true;
    }
  };

  /** Runs `work` after `delayMs`, unless the pipeline was disposed (an event listener may dispose it at any point). */
  const later = (work: () => void, delayMs: number): void => {
    if (!disposed) active = scheduler.schedule(work, delayMs);
  };

  /** The next turn: the window of the oldest report, or idle when nothing is pending. */
  const step = (): void => {
    const head = pending[0];
    if (!head || disposed) return publish(IDLE);
    publish(WINDOW);
    later(send, Math.max(0, Math.min(reportWindowMs, head.queuedAt + reportWindowMs - now())));
  };

  /** Binds reports made before any session to the current one, then sends the head batch (or waits for a session). */
  const send = (): void => {
    const current = targetOf(session$.value);
    if (current) pending = pending.map((e) => (e.target ? e : { ...e, target: current }));
    const target = pending[0]?.target;
    if (!target) {
      publish(WAITING);
      const wait = session$.subscribe((s) => {
        if (s) {
          wait.unsubscribe();
          send();
        }
      });
      if (!wait.closed) active = wait;
      return;
    }
    const key = JSON.stringify(target);
    const items: unknown[] = [];
    const attributes: EngagementAttribute[] = [];
    const impressions: ImpressionEvent[] = [];
    let chars = 0;
    for (const e of pending) {
      chars += JSON.stringify(e.item).length;
      if (inFlight >= BATCH_ITEMS || JSON.stringify(e.target) !== key || (inFlight > 0 && chars > BATCH_CHARS)) break;
      inFlight = items.push(e.item);
      if (e.kind === 'attribute') attributes.push(e.item);
      else impressions.push(e.item);
    }
    const types = typesOf(items);
    const coalesced = coalesceAttributes(attributes);
    const batch = ++batches;
    let attempts = 0;
    publish(SENDING);
    persist();
    const body = env.body(target.pageId, coalesced, impressions);
    const attempt = (c: AttemptContext): Observable<Either<EngagementError, unknown>> => {
      attempts = c.attempt;
      return env.send(target, body);
    };
    const attemptFailed = (_: number, e: EngagementError): void => {
      lastError = summarizeError(e);
      publish();
    };
    const sending = withRetry(attempt, env.retry, { scheduler, random: env.random, hooks: { attemptFailed } }).subscribe({
      next: (result) => {
        // lastError already sums up a failure (attemptFailed)
        const refusal = isLeft(result) ? judgeFailure(result.left, now()) : undefined;
        const done = inFlight;
        inFlight = 0;
        if (isLeft(result) && !refusal) {
          const delayMs = (previousDelay = redeliveryDelayMs(++rounds, previousDelay, env.random));
          emit({ type: 'reportDeferred', batch, items: done, attempts, delayMs, error: lastError as ErrorSummary });
          publish(BACKOFF);
          later(step, delayMs);
          return;
        }
        pending = pending.slice(done);
        if (refusal) {
          rejected = [...rejected, { items: done, types, ...refusal }].slice(-MAX_REJECTED);
          persist();
          emit({ type: 'reportRejected', source: 'server', batch, items: done, types, reason: refusal.reason, status: refusal.status });
        } else {
          delivered += done;
          lastError = previousDelay = undefined;
          rounds = 0;
          persist();
          emit({ type: 'reportDelivered', batch, items: done, attributes: coalesced.length, impressions: impressions.length, attempts, pending: pending.length });
          env.onDelivered?.(target, coalesced);
        }
        publish();
        step();
      },
      // Only a programming error gets here (withRetry reports a broken attempt this way):
      // the reports stay in the outbox and the next report starts the pipeline again.
      error: () => {
        inFlight = 0;
        publish(IDLE);
      },
    });
    // A send answered at once has moved on already (and may have scheduled the next turn).
    if (!sending.closed && !disposed) active = sending;
  };

  step();
  return {
    enqueue: (items) => {
      if (disposed) return;
      const target = targetOf(session$.value);
      const queuedAt = now();
      const added = items.map((q): OutboxEntry => ({ seq: nextSeq++, queuedAt, target, ...q }));
      const waiting = [...pending.slice(inFlight), ...added];
      // The bound: compact what waits, then drop the oldest waiting entries. The batch in flight is never
      // dropped and the newest report always stays, so while a batch fills the bound the outbox holds it
      // and the newest report (until the batch is answered).
      const room = Math.max(maxOutbox - inFlight, Math.min(added.length, maxOutbox));
      const over = waiting.length > room;
      const kept = over ? compactEntries(waiting) : waiting;
      const dropping = kept.splice(0, Math.max(0, kept.length - room)).length;
      const compacted = waiting.length - kept.length - dropping;
      pending = [...pending.slice(0, inFlight), ...kept];
      dropped += dropping;
      persist();
      const impressions = items.filter((i) => i.kind === 'impression').length;
      emit({ type: 'reportQueued', attributes: items.length - impressions, impressions, pending: pending.length });
      if (over) emit({ type: 'outboxOverflow', dropped: dropping, compacted, pending: pending.length, maxOutbox });
      if (phase) publish();
      else step();
    },
    state$: status,
    state,
    running: () => phase !== IDLE,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      const running = active;
      active = undefined;
      running?.unsubscribe();
      inFlight = 0;
      persist();
      publish(IDLE);
    },
  };
}
