/**
 * The reporting pipeline (effects): reports wait in the outbox, are batched
 * for a short window on the client's scheduler, wait for a session when
 * none exists yet, and go out one batch at a time, in order, through the
 * client's retry policy ({@link withRetry}). The outbox is written to its
 * store when a report is queued, before each send (the batch's session is
 * fixed then) and after it.
 *
 * Nothing runs while nothing is pending: the pipeline is subscribed when a
 * report arrives (or when a store hands back pending reports) and ends,
 * timers and session subscription included, once the outbox is empty.
 *
 * ```text
 * report ──▶ outbox ──▶ window (≤ windowMs after the oldest) ──▶ session? ──▶ Update Session ×retry
 *              ▲                                                                 │
 *              └──── 5xx / network / timeout after the retries: wait 2, 4, 8… min ◀┘
 *                    2xx: delivered (removed) · 4xx: parked as rejected (removed)
 * ```
 *
 * @internal
 */
import { BehaviorSubject, EMPTY, concatMap, defer, distinctUntilChanged, expand, filter, map, of, take, timer, type Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { EngagementError } from '../errors';
import { isLeft, isRight, type Either } from '../internal/either';
import { updateSessionBody } from '../http/update-session';
import type { RetryPolicy } from '../retry/policy';
import { withRetry } from '../retry/with-retry';
import type { VisitorSession } from '../session/visitor-session';
import { summarizeError, type ErrorSummary } from '../client/events';
import type { ReportEvent } from './events';
import type { Batch } from './batch';
import { judgeFailure, redeliveryDelayMs } from './delivery';
import {
  emptyOutbox,
  enqueue,
  markDelivered,
  outboxStateOf,
  parkRejected,
  releaseInFlight,
  takeBatch,
  type Outbox,
  type OutboxState,
  type ReportTarget,
} from './outbox-state';
import type { OutboxStore } from './outbox-store';
import type { QueuedItem } from './report-items';
import { fromStored, toStored } from './stored-outbox';

/** What the pipeline needs from its client. */
export interface PipelineEnv {
  readonly accountId: string;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly retry: RetryPolicy;
  /** The batching window: a report waits at most this long for others to join it. */
  readonly windowMs: number;
  /** The outbox's bound (entries). */
  readonly maxOutbox: number;
  /** Where the outbox is kept between runs; `undefined`: memory only (nothing to write). */
  readonly store: OutboxStore | undefined;
  /** The client's session: replays the current value, then every change. */
  readonly session$: Observable<VisitorSession | undefined>;
  readonly currentSession: () => VisitorSession | undefined;
  /** One Update Session attempt to `target` with a JSON `body`. */
  readonly send: (target: ReportTarget, body: string) => Observable<Either<EngagementError, void>>;
  readonly emit: (event: ReportEvent) => void;
  /** Called after the server accepted a batch. */
  readonly onDelivered?: (batch: Batch) => void;
}

/** The pipeline of one client. */
export interface Pipeline {
  /** Queues validated items (synchronously written to the store), then makes sure the pipeline runs. */
  enqueue(items: ReadonlyArray<QueuedItem>): void;
  /** The outbox's state: the current value, then every change. */
  readonly state$: Observable<OutboxState>;
  state(): OutboxState;
  /** True while the pipeline is subscribed (a window, a session wait, a send or a wait between rounds). */
  running(): boolean;
}

type Phase = 'idle' | 'window' | 'waitingForSession' | 'sending' | 'backoff';

/** The session's ids as a report target. */
export function targetOf(session: VisitorSession | undefined): ReportTarget | undefined {
  return session === undefined ? undefined : { visitorId: session.visitorId, sessionId: session.sessionId, pageId: session.pageId };
}

function sameState(a: OutboxState, b: OutboxState): boolean {
  return (
    a.pending === b.pending &&
    a.sending === b.sending &&
    a.waitingForSession === b.waitingForSession &&
    a.delivered === b.delivered &&
    a.dropped === b.dropped &&
    a.rejected === b.rejected &&
    a.lastError === b.lastError
  );
}

/**
 * Reads a store's outbox. A store that throws, or holds something
 * unreadable, gives an empty outbox and an `outboxStoreUnreadable` warning;
 * unreadable entries are skipped with one warning naming how many.
 */
export function loadOutbox(store: OutboxStore, accountId: string, now: number, emit: (event: ReportEvent) => void): Outbox {
  let raw: unknown;
  try {
    raw = store.load(accountId);
  } catch {
    emit({ type: 'warning', at: now, code: 'outboxStoreUnreadable', message: 'the outbox store could not be read; starting with an empty outbox' });
    return emptyOutbox();
  }
  const restored = fromStored(raw);
  if (isLeft(restored)) {
    emit({ type: 'warning', at: now, code: 'outboxStoreUnreadable', message: `${restored.left}; it was ignored` });
    return emptyOutbox();
  }
  if (restored.right === undefined) return emptyOutbox();
  if (restored.right.skipped > 0) {
    emit({ type: 'warning', at: now, code: 'outboxStoreUnreadable', message: `the outbox store held ${restored.right.skipped} unreadable entries; they were skipped` });
  }
  return restored.right.outbox;
}

/**
 * Creates the pipeline over `initial` (an outbox read from a store, or an
 * empty one). Pending entries in `initial` start the pipeline at once.
 */
export function createPipeline(env: PipelineEnv, initial: Outbox = emptyOutbox()): Pipeline {
  const { scheduler } = env;
  let outbox = initial;
  let phase: Phase = 'idle';
  let delivered = 0;
  let lastError: ErrorSummary | undefined;
  let batches = 0;
  let failedRounds = 0;
  let previousRoundDelay: number | undefined;
  let pump: Subscription | undefined;
  let status: BehaviorSubject<OutboxState> | undefined;
  let writeFailing = false;

  const snapshot = (): OutboxState =>
    outboxStateOf(outbox, {
      sending: phase === 'sending',
      waitingForSession: phase === 'waitingForSession',
      delivered,
      ...(lastError === undefined ? {} : { lastError }),
    });
  const publish = (): void => status?.next(snapshot());
  const setPhase = (next: Phase): void => {
    phase = next;
    publish();
  };

  const persist = (): void => {
    const store = env.store;
    if (store === undefined) return;
    try {
      if (outbox.pending.length === 0 && outbox.rejected.length === 0 && outbox.dropped === 0) store.clear(env.accountId);
      else store.save(env.accountId, toStored(outbox));
      writeFailing = false;
    } catch {
      if (!writeFailing) {
        env.emit({ type: 'warning', at: scheduler.now(), code: 'outboxStoreWriteFailed', message: 'the outbox store refused a write; reports are kept in memory' });
      }
      writeFailing = true;
    }
  };

  /** Resolves when the head can be sent: it has a session, or a session exists to bind it to. */
  const sessionReady$ = (): Observable<void> =>
    defer(() => {
      const head = outbox.pending[0];
      if (head === undefined || head.target !== undefined || env.currentSession() !== undefined) return of(undefined);
      setPhase('waitingForSession');
      return env.session$.pipe(
        filter((s): s is VisitorSession => s !== undefined),
        take(1),
        map(() => undefined),
      );
    });

  /** Sends the next batch; emits whether there may be more to do. */
  const send$ = (): Observable<boolean> =>
    defer(() => {
      const taken = takeBatch(outbox, targetOf(env.currentSession()));
      // `needsSession`: the next turn waits for one. `busy` cannot happen (one batch at a time); stop rather than spin.
      if (taken.kind === 'empty' || taken.kind === 'busy') return of(false);
      if (taken.kind === 'needsSession') return of(true);
      outbox = taken.outbox;
      const batch = taken.batch;
      const number = ++batches;
      let attempts = 0;
      setPhase('sending');
      persist(); // before the send: the batch's session is fixed now
      const body = updateSessionBody({ pageId: batch.target.pageId, engagementAttributes: batch.attributes, impAttributes: batch.impressions });
      const attempt = (n: number): Observable<Either<EngagementError, void>> => {
        attempts = n;
        return env.send(batch.target, body);
      };
      return withRetry((ctx) => attempt(ctx.attempt), env.retry, {
        scheduler,
        random: env.random,
        hooks: {
          attemptFailed: (_n, error) => {
            lastError = summarizeError(error);
            publish();
          },
        },
      }).pipe(
        concatMap((result): Observable<boolean> => {
          const now = scheduler.now();
          if (isRight(result)) {
            outbox = markDelivered(outbox);
            delivered += batch.entries;
            lastError = undefined;
            failedRounds = 0;
            previousRoundDelay = undefined;
            persist(); // after the send: delivered items leave the store
            env.emit({
              type: 'reportDelivered',
              at: now,
              batch: number,
              items: batch.entries,
              attributes: batch.attributes.length,
              impressions: batch.impressions.length,
              attempts,
              pending: outbox.pending.length,
            });
            env.onDelivered?.(batch);
            publish();
            return of(true);
          }
          const error = result.left;
          lastError = summarizeError(error);
          const verdict = judgeFailure(error, now);
          if (verdict.kind === 'park') {
            outbox = parkRejected(outbox, verdict.refusal);
            persist();
            env.emit({
              type: 'reportRejected',
              at: now,
              source: 'server',
              batch: number,
              items: batch.entries,
              types: batch.types,
              reason: verdict.refusal.reason,
              ...(verdict.refusal.status === undefined ? {} : { status: verdict.refusal.status }),
            });
            publish();
            return of(true);
          }
          outbox = releaseInFlight(outbox);
          failedRounds++;
          const delayMs = redeliveryDelayMs(failedRounds, previousRoundDelay, env.random);
          previousRoundDelay = delayMs;
          env.emit({ type: 'reportDeferred', at: now, batch: number, items: batch.entries, attempts, delayMs, error: lastError });
          setPhase('backoff');
          return timer(delayMs, scheduler).pipe(map(() => true));
        }),
      );
    });

  /** One turn: wait for the window of the oldest report, for a session if needed, then send one batch. */
  const step$ = (): Observable<boolean> =>
    defer(() => {
      const head = outbox.pending[0];
      if (head === undefined) return of(false);
      const wait = Math.min(env.windowMs, Math.max(0, head.queuedAt + env.windowMs - scheduler.now()));
      setPhase('window');
      return timer(wait, scheduler).pipe(
        concatMap(() => sessionReady$()),
        concatMap(() => send$()),
      );
    });

  const kick = (): void => {
    if (pump !== undefined || outbox.pending.length === 0) return;
    let ended = false;
    const end = (): void => {
      ended = true;
      pump = undefined;
      setPhase('idle');
    };
    const subscription = step$()
      .pipe(expand((more) => (more && outbox.pending.length > 0 ? step$() : EMPTY)))
      .subscribe({
        complete: () => {
          end();
          kick();
        },
        // Only a programming error gets here (withRetry reports a broken attempt this way):
        // the reports stay in the outbox and the next report starts the pipeline again.
        error: () => {
          outbox = releaseInFlight(outbox);
          end();
        },
      });
    if (!ended) pump = subscription;
  };

  const pipeline: Pipeline = {
    enqueue: (items) => {
      if (items.length === 0) return;
      const now = scheduler.now();
      const target = targetOf(env.currentSession());
      const result = enqueue(outbox, items, { now, maxOutbox: env.maxOutbox, ...(target === undefined ? {} : { target }) });
      outbox = result.outbox;
      persist();
      const impressions = items.filter((i) => i.kind === 'impression').length;
      env.emit({ type: 'reportQueued', at: now, attributes: items.length - impressions, impressions, pending: outbox.pending.length });
      if (result.dropped > 0 || result.compacted > 0) {
        env.emit({ type: 'outboxOverflow', at: now, dropped: result.dropped, compacted: result.compacted, pending: outbox.pending.length, maxOutbox: env.maxOutbox });
      }
      publish();
      kick();
    },
    state$: defer(() => {
      status ??= new BehaviorSubject<OutboxState>(snapshot());
      return status.pipe(distinctUntilChanged(sameState));
    }),
    state: snapshot,
    running: () => pump !== undefined,
  };
  kick();
  return pipeline;
}
