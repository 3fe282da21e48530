/**
 * What the outbox holds and shows. Reports wait in it, in order, until the
 * server accepted them; the pipeline (`pipeline.ts`) keeps it. The bound:
 * over `maxOutbox` entries, the waiting attributes whose re-reports merge or
 * replace (`cart`, `personal`, `ctmrinfo`, `mrktInfo` of the same session)
 * are first compacted into one ({@link compactEntries}: no information
 * lost), then the **oldest** waiting entries are dropped, never an entry
 * being sent.
 *
 * @packageDocumentation
 */
import { mergeAttributes, mergeBehaviorOf } from '../attributes/merge';
import type { ErrorSummary } from '../client/events';
import type { OutboxEntry } from './entry';
export type { OutboxEntry, ReportTarget } from './entry';

/**
 * A report the server refused (a 4xx answer other than 408 and 429): parked
 * out of the outbox so the next reports go on. It records what and why,
 * never the contents: the items themselves are dropped.
 *
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

/**
 * The outbox itself, as it is stored (see `StoredOutbox`) less the
 * version. @internal
 */
export interface Outbox {
  readonly nextSeq: number;
  readonly pending: ReadonlyArray<OutboxEntry>;
  /** The most recent refused reports, oldest first, at most {@link MAX_REJECTED}. */
  readonly rejected: ReadonlyArray<RejectedReport>;
  /** Entries dropped by the overflow rule since the outbox was created (kept across reloads). */
  readonly dropped: number;
}

/**
 * What `reporter.outbox$` shows: counts and flags, never contents.
 *
 * @example
 * ```ts
 * const badge = document.querySelector('#outbox-badge');
 * reporter.outbox$.subscribe((o: OutboxState) => {
 *   if (badge) badge.textContent = o.pending === 0 ? '' : `${o.pending} waiting${o.waitingForSession ? ' (no session yet)' : ''}`;
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
  /** Items the server accepted since this reporter was created. */
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
export const emptyOutbox = (): Outbox => ({ nextSeq: 1, pending: [], rejected: [], dropped: 0 });

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
  for (const e of entries) {
    const key = JSON.stringify([e.item.type, e.target]);
    const i = mergeBehaviorOf(e.item.type) === 'append' ? undefined : at.get(key);
    const first = i === undefined ? undefined : out[i];
    if (first?.kind === 'attribute' && e.kind === 'attribute') out[i as number] = { ...first, item: mergeAttributes([first.item], [e.item])[0] ?? e.item };
    else at.set(key, out.push(e) - 1);
  }
  return out;
}
