/**
 * The outbox as stored (JSON), and reading it back. Pure. Everything read
 * from a store is validated again: an unreadable store is ignored, and an
 * entry that no longer passes the attribute codecs is skipped (counted),
 * never sent.
 *
 * @packageDocumentation
 */
import { NonEmptyString } from '../codecs/primitives';
import { isRecord } from '../internal/validation';
import { isRight } from '../internal/either';
import { MAX_REJECTED, emptyOutbox, type Outbox, type OutboxEntry, type RejectedReport, type ReportTarget } from './outbox-state';
import { decodeItem, type ReportItem } from './report-items';

/**
 * One stored report: its order, when it was made (the reporter's clock),
 * the session it belongs to (absent while none existed) and the item in its
 * wire form.
 *
 * @since 0.1.0
 */
export interface StoredOutboxEntry {
  readonly seq: number;
  readonly queuedAt: number;
  readonly target?: ReportTarget;
  readonly kind: 'attribute' | 'impression';
  readonly item: ReportItem;
}

/**
 * What an `OutboxStore` keeps for one account: plain JSON. `pending`
 * holds the reported items not yet accepted by the server, **SDE contents
 * included** (personal data such as names or emails stays on the device
 * until delivered); delivered and refused items are removed, and
 * `rejected` records refusals by type and count only.
 *
 * @since 0.1.0
 */
export interface StoredOutbox {
  readonly version: 1;
  readonly nextSeq: number;
  readonly pending: ReadonlyArray<StoredOutboxEntry>;
  readonly rejected: ReadonlyArray<RejectedReport>;
  readonly dropped: number;
}

const isCount = (u: unknown): u is number => Number.isSafeInteger(u) && (u as number) >= 0;

/**
 * Reads what a store returned: the outbox and how many stored entries were
 * skipped. `undefined`/`null` is an empty outbox; a value that is not a
 * version-1 stored outbox is `undefined` (the whole store is ignored);
 * entries and refusals that do not validate are skipped, and so are entries
 * whose `seq` does not increase. Never throws.
 *
 * @internal
 */
export function fromStored(u: unknown): readonly [Outbox, number] | undefined {
  if (u == null) return [emptyOutbox(), 0];
  if (!isRecord(u) || u['version'] !== 1 || !Array.isArray(u['pending'])) return undefined;
  let seq = 0;
  const pending = (u['pending'] as unknown[]).flatMap((e): OutboxEntry[] => {
    const t = isRecord(e) && e['target'];
    const item =
      isRecord(e) &&
      isCount(e['seq']) &&
      e['seq'] > seq &&
      Number.isFinite(e['queuedAt']) &&
      (t === undefined || (isRecord(t) && [t['visitorId'], t['sessionId'], t['pageId']].every(NonEmptyString.is))) &&
      (e['kind'] === 'attribute' || e['kind'] === 'impression') &&
      decodeItem(e['kind'], e['item']);
    return item && isRight(item) ? [{ ...(e as unknown as OutboxEntry), ...item.right, seq: (seq = e['seq'] as number) }] : [];
  });
  const rejected = (Array.isArray(u['rejected']) ? (u['rejected'] as unknown[]) : []).filter(
    (r): r is RejectedReport =>
      isRecord(r) &&
      typeof r['reason'] === 'string' &&
      Array.isArray(r['types']) &&
      r['types'].every((type) => typeof type === 'string') &&
      [r['items'], r['at'], r['status'] ?? 0, r['internalCode'] ?? 0].every(isCount),
  );
  const count = (key: string, min: number): number => Math.max(isCount(u[key]) ? (u[key] as number) : 0, min);
  return [{ nextSeq: count('nextSeq', seq + 1), pending, rejected: rejected.slice(-MAX_REJECTED), dropped: count('dropped', 0) }, u['pending'].length - pending.length];
}
