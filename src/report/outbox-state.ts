/**
 * The outbox as a pure reducer: reports wait here, in order, until the
 * server accepted them. Every function returns a new outbox and never
 * changes its argument.
 *
 * - {@link enqueue} appends, then applies the bound: over `maxOutbox`
 *   entries, the waiting attributes whose re-reports merge or replace
 *   (`cart`, `personal`, `ctmrinfo`, `mrktInfo` of the same session) are
 *   first compacted into one (no information lost), then the **oldest**
 *   waiting entries are dropped, never an entry being sent.
 * - {@link takeBatch} binds reports made before any session to the current
 *   session, then marks the head run of one session as in flight.
 * - {@link markDelivered} removes the entries in flight; {@link parkRejected}
 *   removes them too and records why (types and counts only, never
 *   contents); {@link releaseInFlight} keeps them for a later try.
 *
 * @packageDocumentation
 */
import type { EngagementAttribute } from '../attributes/attribute';
import { mergeAttributes, mergeBehaviorOf } from '../attributes/merge';
import type { ErrorSummary } from '../client/events';
export type { OutboxEntry, ReportTarget } from './entry';
import { BATCH_LIMITS, batchLength, batchOf, typesOf, type Batch, type BatchLimits } from './batch';
import type { OutboxEntry, ReportTarget } from './entry';
import type { QueuedItem } from './report-items';

/**
 * A report the server refused (a 4xx answer other than 408 and 429): parked
 * out of the outbox so the next reports go on. It records what and why,
 * never the contents: the items themselves are dropped.
 *
 * @example
 * ```ts
 * const parked: RejectedReport = { items: 3, types: ['cart', 'impDisplay'], reason: 'http 404 (internalCode 39)', status: 404, internalCode: 39, at: 1700000000000 };
 * ```
 * @since 0.1.0
 * @category Reporting
 */
export interface RejectedReport {
  /** How many reported items the refused request carried. */
  readonly items: number;
  /** Their distinct types. */
  readonly types: ReadonlyArray<string>;
  /** Status and internal code, e.g. `http 400 (internalCode 5)`; never the server's message or a value. */
  readonly reason: string;
  readonly status?: number;
  readonly internalCode?: number;
  /** The scheduler's clock when it was refused. */
  readonly at: number;
}

/** The outbox itself. The first `inFlight` entries of `pending` are being sent. @internal */
export interface Outbox {
  readonly nextSeq: number;
  readonly pending: ReadonlyArray<OutboxEntry>;
  readonly inFlight: number;
  /** The most recent refused reports, oldest first, at most {@link MAX_REJECTED}. */
  readonly rejected: ReadonlyArray<RejectedReport>;
  /** Entries dropped by the overflow rule since the outbox was created (kept across reloads). */
  readonly dropped: number;
}

/**
 * What `client.outbox$` shows: counts and flags, never contents.
 *
 * @example
 * ```ts
 * client.outbox$.subscribe((o: OutboxState) => {
 *   badge.textContent = o.pending === 0 ? '' : `${o.pending} waiting${o.waitingForSession ? ' (no session yet)' : ''}`;
 * });
 * ```
 * @since 0.1.0
 * @category Reporting
 */
export interface OutboxState {
  /** Reported items not yet accepted by the server (the ones being sent included). */
  readonly pending: number;
  /** An Update Session is in progress (an attempt, or a wait between attempts). */
  readonly sending: boolean;
  /** Reports wait for a first session: call getEngagement. */
  readonly waitingForSession: boolean;
  /** Items the server accepted since this client was created. */
  readonly delivered: number;
  /** Items dropped by the overflow rule (this outbox's lifetime, reloads included). */
  readonly dropped: number;
  /** The most recent refused reports, oldest first (at most 20). */
  readonly rejected: ReadonlyArray<RejectedReport>;
  /** The last failed attempt (kind, status); cleared by the next delivery. */
  readonly lastError?: ErrorSummary;
}

/** How many refused reports are remembered. @internal */
export const MAX_REJECTED = 20;

/** An empty outbox. @internal */
export function emptyOutbox(): Outbox {
  return { nextSeq: 1, pending: [], inFlight: 0, rejected: [], dropped: 0 };
}

/** What {@link enqueue} did. @internal */
export interface EnqueueResult {
  readonly outbox: Outbox;
  /** Entries removed by compaction (their information is kept in the merged entry). */
  readonly compacted: number;
  /** Entries dropped (oldest first) because the outbox was full. */
  readonly dropped: number;
}

/** Options of {@link enqueue}. @internal */
export interface EnqueueOptions {
  readonly now: number;
  /** The session the items belong to; absent before any session. */
  readonly target?: ReportTarget;
  /** The bound: at most this many entries (at least 1). */
  readonly maxOutbox: number;
}

function targetKey(target: ReportTarget | undefined): string {
  return target === undefined ? '' : `${target.visitorId}\u0000${target.sessionId}\u0000${target.pageId}`;
}

/**
 * Compacts entries without losing meaning: a `cart`, `personal`, `ctmrinfo`
 * or `mrktInfo` reported again for the same target is folded into the first
 * one (replace or merge, as LivePerson applies them), which keeps its place
 * and `seq`. Appended types and impressions are never touched.
 *
 * @internal
 */
export function compactEntries(entries: ReadonlyArray<OutboxEntry>): OutboxEntry[] {
  const out: OutboxEntry[] = [];
  const at = new Map<string, number>();
  for (const entry of entries) {
    if (entry.kind === 'attribute' && mergeBehaviorOf(entry.item.type) !== 'append') {
      const key = `${targetKey(entry.target)}\u0001${entry.item.type}`;
      const index = at.get(key);
      const previous = index === undefined ? undefined : out[index];
      if (index !== undefined && previous !== undefined && previous.kind === 'attribute') {
        const merged: EngagementAttribute = mergeAttributes([previous.item], [entry.item])[0] ?? entry.item;
        out[index] = { ...previous, item: merged };
        continue;
      }
      at.set(key, out.length);
    }
    out.push(entry);
  }
  return out;
}

/**
 * Appends validated items (one `seq` each, in order), then applies the
 * bound (see the module description). Entries in flight are never
 * compacted or dropped.
 *
 * @internal
 */
export function enqueue(outbox: Outbox, items: ReadonlyArray<QueuedItem>, options: EnqueueOptions): EnqueueResult {
  const max = Math.max(1, Math.floor(options.maxOutbox));
  const added: OutboxEntry[] = items.map((q, i) => ({
    seq: outbox.nextSeq + i,
    queuedAt: options.now,
    ...(options.target === undefined ? {} : { target: options.target }),
    ...q,
  }));
  const nextSeq = outbox.nextSeq + items.length;
  const all = [...outbox.pending, ...added];
  if (all.length <= max) return { outbox: { ...outbox, nextSeq, pending: all }, compacted: 0, dropped: 0 };

  const sending = all.slice(0, outbox.inFlight);
  const waiting = all.slice(outbox.inFlight);
  const compactedWaiting = compactEntries(waiting);
  const compacted = waiting.length - compactedWaiting.length;
  const excess = Math.max(0, sending.length + compactedWaiting.length - max);
  const dropped = Math.min(excess, compactedWaiting.length);
  const pending = [...sending, ...compactedWaiting.slice(dropped)];
  return { outbox: { ...outbox, nextSeq, pending, dropped: outbox.dropped + dropped }, compacted, dropped };
}

/** What {@link takeBatch} found. @internal */
export type TakeResult =
  | { readonly kind: 'batch'; readonly outbox: Outbox; readonly batch: Batch }
  | { readonly kind: 'empty' }
  | { readonly kind: 'needsSession' }
  | { readonly kind: 'busy' };

/**
 * The next batch. When the head entry has no session yet, every entry
 * without one is bound to `current` (or, with no current session, the
 * answer is `needsSession`). The batch is the head run of entries bound to
 * the same target, within `limits`; the returned outbox marks them in
 * flight. `busy` while a batch is already in flight.
 *
 * @internal
 */
export function takeBatch(outbox: Outbox, current: ReportTarget | undefined, limits: BatchLimits = BATCH_LIMITS): TakeResult {
  if (outbox.inFlight > 0) return { kind: 'busy' };
  const head = outbox.pending[0];
  if (head === undefined) return { kind: 'empty' };
  let pending = outbox.pending;
  if (head.target === undefined) {
    if (current === undefined) return { kind: 'needsSession' };
    pending = pending.map((e) => (e.target === undefined ? { ...e, target: current } : e));
  }
  const n = batchLength(pending, limits);
  const target = pending[0]?.target;
  if (n === 0 || target === undefined) return { kind: 'needsSession' };
  return { kind: 'batch', outbox: { ...outbox, pending, inFlight: n }, batch: batchOf(target, pending.slice(0, n)) };
}

/** The entries in flight were accepted: they leave the outbox. @internal */
export function markDelivered(outbox: Outbox): Outbox {
  return { ...outbox, pending: outbox.pending.slice(outbox.inFlight), inFlight: 0 };
}

/** Why a batch was refused. @internal */
export interface Refusal {
  readonly reason: string;
  readonly status?: number;
  readonly internalCode?: number;
  readonly at: number;
}

/** The entries in flight were refused: they leave the outbox and a {@link RejectedReport} records it. @internal */
export function parkRejected(outbox: Outbox, refusal: Refusal): Outbox {
  const refused = outbox.pending.slice(0, outbox.inFlight);
  const record: RejectedReport = {
    items: refused.length,
    types: typesOf(refused),
    reason: refusal.reason,
    ...(refusal.status === undefined ? {} : { status: refusal.status }),
    ...(refusal.internalCode === undefined ? {} : { internalCode: refusal.internalCode }),
    at: refusal.at,
  };
  return {
    ...outbox,
    pending: outbox.pending.slice(outbox.inFlight),
    inFlight: 0,
    rejected: [...outbox.rejected, record].slice(-MAX_REJECTED),
  };
}

/** The send failed without a verdict (network, 5xx...): the entries stay, in place, for a later try. @internal */
export function releaseInFlight(outbox: Outbox): Outbox {
  return outbox.inFlight === 0 ? outbox : { ...outbox, inFlight: 0 };
}

/** Runtime facts the outbox itself does not hold. @internal */
export interface OutboxRuntime {
  readonly sending: boolean;
  readonly waitingForSession: boolean;
  readonly delivered: number;
  readonly lastError?: ErrorSummary;
}

/** The public view of an outbox. @internal */
export function outboxStateOf(outbox: Outbox, runtime: OutboxRuntime): OutboxState {
  return {
    pending: outbox.pending.length,
    sending: runtime.sending,
    waitingForSession: runtime.waitingForSession,
    delivered: runtime.delivered,
    dropped: outbox.dropped,
    rejected: outbox.rejected,
    ...(runtime.lastError === undefined ? {} : { lastError: runtime.lastError }),
  };
}
