/**
 * The outbox as stored (JSON), and reading it back. Pure. Everything read
 * from a store is validated again: an unreadable store is ignored, and an
 * entry that no longer passes the attribute codecs is skipped (counted),
 * never sent.
 *
 * @packageDocumentation
 */
import { isRecord } from '../internal/validation';
import { decodeAttribute, decodeImpression } from '../attributes/attribute';
import { isLeft, left, right, type Either } from '../internal/either';
import { MAX_REJECTED, type Outbox, type OutboxEntry, type RejectedReport, type ReportTarget } from './outbox-state';
import type { ReportItem } from './report-items';

/**
 * One stored report: its order, when it was made (the client's clock), the
 * session it belongs to (absent while none existed) and the item in its wire
 * form.
 *
 * @example
 * ```ts
 * const entry: StoredOutboxEntry = { seq: 1, queuedAt: 1700000000000, kind: 'attribute', item: { type: 'cart', total: 10, numItems: 1 } };
 * ```
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
 * @example
 * ```ts
 * const stored: StoredOutbox = { version: 1, nextSeq: 2, pending: [], rejected: [], dropped: 0 };
 * ```
 * @since 0.1.0
 */
export interface StoredOutbox {
  readonly version: 1;
  readonly nextSeq: number;
  readonly pending: ReadonlyArray<StoredOutboxEntry>;
  readonly rejected: ReadonlyArray<RejectedReport>;
  readonly dropped: number;
}

/** The stored form of an outbox (entries in flight are stored as pending). @internal */
export function toStored(outbox: Outbox): StoredOutbox {
  return {
    version: 1,
    nextSeq: outbox.nextSeq,
    pending: outbox.pending.map((e) => ({
      seq: e.seq,
      queuedAt: e.queuedAt,
      ...(e.target === undefined ? {} : { target: { visitorId: e.target.visitorId, sessionId: e.target.sessionId, pageId: e.target.pageId } }),
      kind: e.kind,
      // Items are JSON snapshots taken when reported (see report-items.ts), never changed after.
      item: e.item,
    })),
    rejected: outbox.rejected,
    dropped: outbox.dropped,
  };
}

/** An outbox read back, and how many stored entries were skipped as unreadable. @internal */
export interface Restored {
  readonly outbox: Outbox;
  readonly skipped: number;
}


function isCount(u: unknown): u is number {
  return typeof u === 'number' && Number.isSafeInteger(u) && u >= 0;
}

function isId(u: unknown): u is string {
  return typeof u === 'string' && u.length > 0;
}

function readTarget(u: unknown): ReportTarget | undefined | false {
  if (u === undefined) return undefined;
  if (!isRecord(u) || !isId(u['visitorId']) || !isId(u['sessionId']) || !isId(u['pageId'])) return false;
  return { visitorId: u['visitorId'], sessionId: u['sessionId'], pageId: u['pageId'] };
}

function readEntry(u: unknown): OutboxEntry | undefined {
  if (!isRecord(u) || !isCount(u['seq']) || u['seq'] < 1) return undefined;
  const queuedAt = u['queuedAt'];
  if (typeof queuedAt !== 'number' || !Number.isFinite(queuedAt)) return undefined;
  const target = readTarget(u['target']);
  if (target === false) return undefined;
  const base = { seq: u['seq'], queuedAt, ...(target === undefined ? {} : { target }) };
  if (u['kind'] === 'attribute') {
    const item = decodeAttribute(u['item']);
    return isLeft(item) ? undefined : { ...base, kind: 'attribute', item: item.right };
  }
  if (u['kind'] === 'impression') {
    const item = decodeImpression(u['item']);
    return isLeft(item) ? undefined : { ...base, kind: 'impression', item: item.right };
  }
  return undefined;
}

function readRejected(u: unknown): RejectedReport | undefined {
  if (!isRecord(u) || !isCount(u['items']) || typeof u['reason'] !== 'string') return undefined;
  const types = u['types'];
  if (!Array.isArray(types) || !types.every((t) => typeof t === 'string')) return undefined;
  const at = u['at'];
  if (typeof at !== 'number' || !Number.isFinite(at)) return undefined;
  const status = u['status'];
  const internalCode = u['internalCode'];
  if (status !== undefined && !isCount(status)) return undefined;
  if (internalCode !== undefined && (typeof internalCode !== 'number' || !Number.isSafeInteger(internalCode))) return undefined;
  return {
    items: u['items'],
    types: types as string[],
    reason: u['reason'],
    ...(status === undefined ? {} : { status: status as number }),
    ...(internalCode === undefined ? {} : { internalCode: internalCode as number }),
    at,
  };
}

/**
 * Reads what a store returned. `undefined`/`null` is an empty outbox; a
 * value that is not a version-1 stored outbox is a Left (the whole store is
 * ignored); entries and refusals that do not validate are skipped, and so
 * are entries whose `seq` does not increase. Never throws.
 *
 * @internal
 */
export function fromStored(u: unknown): Either<string, Restored | undefined> {
  if (u === undefined || u === null) return right(undefined);
  if (!isRecord(u) || u['version'] !== 1 || !Array.isArray(u['pending'])) {
    return left('the outbox store held something that is not a version-1 outbox');
  }
  let skipped = 0;
  const pending: OutboxEntry[] = [];
  let lastSeq = 0;
  for (const raw of u['pending'] as unknown[]) {
    const entry = readEntry(raw);
    if (entry === undefined || entry.seq <= lastSeq) {
      skipped++;
      continue;
    }
    pending.push(entry);
    lastSeq = entry.seq;
  }
  const rejected: RejectedReport[] = [];
  if (Array.isArray(u['rejected'])) {
    for (const raw of u['rejected'] as unknown[]) {
      const r = readRejected(raw);
      if (r !== undefined) rejected.push(r);
    }
  }
  const storedNext = u['nextSeq'];
  const nextSeq = Math.max(isCount(storedNext) ? storedNext : 1, lastSeq + 1);
  const dropped = isCount(u['dropped']) ? u['dropped'] : 0;
  return right({ outbox: { nextSeq, pending, inFlight: 0, rejected: rejected.slice(-MAX_REJECTED), dropped }, skipped });
}
