/**
 * One Update Session's worth of reports: which queued entries go together
 * and what the body carries. Pure.
 *
 * - Entries go together only when they are bound to the same visitor,
 *   session and page (a batch is one request to one session).
 * - A batch holds at most {@link BATCH_LIMITS}`.maxItems` entries and about
 *   `maxChars` characters of JSON (the first entry always fits, however
 *   large), so a backlog after an outage is sent in requests of a sane size.
 * - The engagement attributes are coalesced with LivePerson's update
 *   semantics ({@link coalesceAttributes}: `cart` replaces, `personal`,
 *   `ctmrinfo`, `mrktInfo` merge, the others append), which the server
 *   reads exactly as the same attributes sent one by one. Impression
 *   events are kept as they are, in order.
 *
 * @internal
 */
import { coalesceAttributes } from '../attributes/merge';
import type { EngagementAttribute } from '../attributes/attribute';
import type { ImpressionEvent } from '../attributes/impressions';
import type { OutboxEntry, ReportTarget } from './entry';

/** Size limits of one batch. */
export interface BatchLimits {
  readonly maxItems: number;
  readonly maxChars: number;
}

/** 50 entries, 32 KiB of JSON: well under the 64 KiB bodies servers commonly take. */
export const BATCH_LIMITS: BatchLimits = Object.freeze({ maxItems: 50, maxChars: 32_768 });

/** What one Update Session call sends, and a count of what it stands for. */
export interface Batch {
  readonly target: ReportTarget;
  /** Queued entries this batch delivers (before coalescing). */
  readonly entries: number;
  /** The coalesced engagement attributes, in order. */
  readonly attributes: ReadonlyArray<EngagementAttribute>;
  /** The impression events, in order. */
  readonly impressions: ReadonlyArray<ImpressionEvent>;
  /** The distinct `type`s of the entries, in first-seen order (for telemetry: never contents). */
  readonly types: ReadonlyArray<string>;
}

/** Same visitor, session and page. */
export function sameTarget(a: ReportTarget | undefined, b: ReportTarget | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.visitorId === b.visitorId && a.sessionId === b.sessionId && a.pageId === b.pageId;
}

/** The distinct types of some entries, in first-seen order. */
export function typesOf(entries: ReadonlyArray<OutboxEntry>): string[] {
  const seen: string[] = [];
  for (const e of entries) if (!seen.includes(e.item.type)) seen.push(e.item.type);
  return seen;
}

function charsOf(entry: OutboxEntry): number {
  try {
    return JSON.stringify(entry.item).length;
  } catch {
    return 0;
  }
}

/**
 * How many entries from the head of `pending` form the next batch: the run
 * bound to the head's target, within `limits`. 0 when the head is not bound
 * (or `pending` is empty).
 */
export function batchLength(pending: ReadonlyArray<OutboxEntry>, limits: BatchLimits = BATCH_LIMITS): number {
  const head = pending[0];
  if (head === undefined || head.target === undefined) return 0;
  let n = 0;
  let chars = 0;
  for (const entry of pending) {
    if (n >= Math.max(1, limits.maxItems) || !sameTarget(entry.target, head.target)) break;
    const size = charsOf(entry);
    if (n > 0 && chars + size > limits.maxChars) break;
    chars += size;
    n++;
  }
  return n;
}

/** The batch made of `entries` (all bound to `target`). */
export function batchOf(target: ReportTarget, entries: ReadonlyArray<OutboxEntry>): Batch {
  const attributes: EngagementAttribute[] = [];
  const impressions: ImpressionEvent[] = [];
  for (const e of entries) {
    if (e.kind === 'attribute') attributes.push(e.item);
    else impressions.push(e.item);
  }
  return { target, entries: entries.length, attributes: coalesceAttributes(attributes), impressions, types: typesOf(entries) };
}
