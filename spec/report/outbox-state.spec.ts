/**
 * The outbox reducer: enqueue and the bound, batches, verdicts. Pure.
 */
import fc from 'fast-check';
import type { EngagementAttribute } from '../../src/attributes/attribute';
import { mergeAttributes } from '../../src/attributes/merge';
import {
  MAX_REJECTED,
  compactEntries,
  emptyOutbox,
  enqueue,
  markDelivered,
  outboxStateOf,
  parkRejected,
  releaseInFlight,
  takeBatch,
  type Outbox,
  type ReportTarget,
} from '../../src/report/outbox-state';
import type { QueuedItem } from '../../src/report/report-items';
import { anyAttribute } from '../attributes/arbitraries';

const T1: ReportTarget = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1' };
const T2: ReportTarget = { visitorId: 'V2', sessionId: 'S2', pageId: 'P2' };
const lead = (n: number): QueuedItem => ({ kind: 'attribute', item: { type: 'lead', lead: { leadId: String(n) } } });
const cart = (total: number): QueuedItem => ({ kind: 'attribute', item: { type: 'cart', total, numItems: 1 } });
const personal = (fields: Record<string, unknown>): QueuedItem => ({ kind: 'attribute', item: { type: 'personal', personal: fields } as EngagementAttribute });
const imp = (revision: number): QueuedItem => ({ kind: 'impression', item: { type: 'impClose', campaign: 1, engId: 2, revision } });
const leadIds = (o: Outbox): string[] => o.pending.map((e) => (e.item.type === 'lead' ? String((e.item as { lead: { leadId: string } }).lead.leadId) : e.item.type));

/** Enqueues for `target` (`null`: before any session). */
function queue(items: QueuedItem[], target: ReportTarget | null = T1, outbox = emptyOutbox(), maxOutbox = 100): Outbox {
  return enqueue(outbox, items, { now: 7, maxOutbox, ...(target === null ? {} : { target }) }).outbox;
}

describe('enqueue', () => {
  it('appends items in order with increasing seqs, the time and the session', () => {
    const o = queue([lead(1), imp(2)]);
    expect(o.pending).toEqual([
      { seq: 1, queuedAt: 7, target: T1, ...lead(1) },
      { seq: 2, queuedAt: 7, target: T1, ...imp(2) },
    ]);
    expect(o.nextSeq).toBe(3);
    expect(queue([lead(3)], null, o).pending[2]).toEqual({ seq: 3, queuedAt: 7, ...lead(3) });
  });

  it('never changes the outbox it is given', () => {
    const o = queue([lead(1)]);
    const copy = JSON.parse(JSON.stringify(o)) as Outbox;
    enqueue(o, [lead(2)], { now: 0, maxOutbox: 1 });
    expect(o).toEqual(copy);
  });

  describe('the bound (maxOutbox)', () => {
    it('first compacts waiting carts and merges personal of one session: nothing is lost', () => {
      const o = queue([cart(1), personal({ firstname: 'A' }), cart(2)]);
      const r = enqueue(o, [personal({ lastname: 'B' })], { now: 8, maxOutbox: 3, target: T1 });
      expect(r).toMatchObject({ compacted: 2, dropped: 0 });
      expect(r.outbox.pending.map((e) => [e.seq, e.item])).toEqual([
        [1, { type: 'cart', total: 2, numItems: 1 }],
        [2, { type: 'personal', personal: { firstname: 'A', lastname: 'B' } }],
      ]);
    });

    it('then drops the oldest waiting entries and counts them', () => {
      const o = queue([lead(1), lead(2), lead(3)]);
      const r = enqueue(o, [lead(4), lead(5)], { now: 8, maxOutbox: 3, target: T1 });
      expect(r).toMatchObject({ compacted: 0, dropped: 2 });
      expect(leadIds(r.outbox)).toEqual(['3', '4', '5']);
      expect(r.outbox.dropped).toBe(2);
    });

    it('never compacts or drops entries in flight', () => {
      const taken = takeBatch(queue([cart(1), lead(2)]), T1, { maxItems: 2, maxChars: 10_000 });
      if (taken.kind !== 'batch') throw new Error('expected a batch');
      const r = enqueue(taken.outbox, [cart(3), lead(4), lead(5)], { now: 8, maxOutbox: 3, target: T1 });
      expect(r.outbox.pending.map((e) => e.seq)).toEqual([1, 2, 5]);
      expect(r.outbox.inFlight).toBe(2);
      expect(r.dropped).toBe(2);
    });

    it('does not merge across sessions, nor a bound entry with one still waiting for a session', () => {
      const o = queue([cart(3)], null, queue([cart(2)], T2, queue([cart(1)])));
      expect(compactEntries(o.pending)).toHaveLength(3);
    });

    it('keeps the newest items when one report alone is larger than the bound', () => {
      const r = enqueue(emptyOutbox(), [lead(1), lead(2), lead(3)], { now: 0, maxOutbox: 2 });
      expect(leadIds(r.outbox)).toEqual(['2', '3']);
    });
  });
});

describe('takeBatch', () => {
  it('is empty on an empty outbox, and waits for a session when the head has none', () => {
    expect(takeBatch(emptyOutbox(), T1)).toEqual({ kind: 'empty' });
    expect(takeBatch(queue([lead(1)], null), undefined)).toEqual({ kind: 'needsSession' });
  });

  it('binds every entry made before a session to the current one', () => {
    const o = queue([lead(3)], null, queue([lead(2)], T2, queue([lead(1)], null)));
    const r = takeBatch(o, T1);
    if (r.kind !== 'batch') throw new Error('expected a batch');
    expect(r.outbox.pending.map((e) => e.target)).toEqual([T1, T2, T1]);
    expect(r.batch).toMatchObject({ target: T1, entries: 1 });
    expect(r.outbox.inFlight).toBe(1);
  });

  it('takes the head run of one target, coalesces its attributes and keeps impressions in order', () => {
    const o = queue([lead(9)], T2, queue([cart(1), imp(1), personal({ a: 1 }), lead(1), cart(2), imp(2), personal({ b: 2 })]));
    const r = takeBatch(o, T2);
    if (r.kind !== 'batch') throw new Error('expected a batch');
    expect(r.batch).toEqual({
      target: T1,
      entries: 7,
      attributes: [
        { type: 'cart', total: 2, numItems: 1 },
        { type: 'personal', personal: { a: 1, b: 2 } },
        { type: 'lead', lead: { leadId: '1' } },
      ],
      impressions: [imp(1).item, imp(2).item],
      types: ['cart', 'impClose', 'personal', 'lead'],
    });
  });

  it('respects the item and size limits, but always takes the first entry', () => {
    const o = queue([lead(1), lead(2), lead(3)]);
    const byItems = takeBatch(o, T1, { maxItems: 2, maxChars: 10_000 });
    expect(byItems.kind === 'batch' && byItems.batch.entries).toBe(2);
    const bySize = takeBatch(o, T1, { maxItems: 50, maxChars: 1 });
    expect(bySize.kind === 'batch' && bySize.batch.entries).toBe(1);
  });

  it('is busy while a batch is in flight', () => {
    const r = takeBatch(queue([lead(1), lead(2)]), T1, { maxItems: 1, maxChars: 10_000 });
    if (r.kind !== 'batch') throw new Error('expected a batch');
    expect(takeBatch(r.outbox, T1)).toEqual({ kind: 'busy' });
  });
});

describe('verdicts', () => {
  const inFlight = (): Outbox => {
    const r = takeBatch(queue([lead(1), imp(1), lead(2)]), T1, { maxItems: 2, maxChars: 10_000 });
    if (r.kind !== 'batch') throw new Error('expected a batch');
    return r.outbox;
  };

  it('markDelivered removes the entries in flight', () => {
    const o = markDelivered(inFlight());
    expect(leadIds(o)).toEqual(['2']);
    expect(o.inFlight).toBe(0);
  });

  it('parkRejected removes them and records types and counts, never contents', () => {
    const o = parkRejected(inFlight(), { reason: 'http 400 (internalCode 5)', status: 400, internalCode: 5, at: 9 });
    expect(leadIds(o)).toEqual(['2']);
    expect(o.rejected).toEqual([{ items: 2, types: ['lead', 'impClose'], reason: 'http 400 (internalCode 5)', status: 400, internalCode: 5, at: 9 }]);
  });

  it(`remembers the last ${MAX_REJECTED} refusals only`, () => {
    let o = queue(Array.from({ length: MAX_REJECTED + 5 }, (_, i) => lead(i)));
    for (let i = 0; i < MAX_REJECTED + 5; i++) {
      const r = takeBatch(o, T1, { maxItems: 1, maxChars: 10_000 });
      if (r.kind !== 'batch') throw new Error('expected a batch');
      o = parkRejected(r.outbox, { reason: `r${i}`, at: i });
    }
    expect(o.rejected).toHaveLength(MAX_REJECTED);
    expect(o.rejected[0]?.reason).toBe('r5');
  });

  it('releaseInFlight keeps the entries, in place, bound to their session', () => {
    const o = releaseInFlight(inFlight());
    expect(leadIds(o)).toEqual(['1', 'impClose', '2']);
    expect(o.inFlight).toBe(0);
    expect(releaseInFlight(o)).toBe(o);
  });
});

describe('outboxStateOf', () => {
  it('shows counts and flags', () => {
    const o = parkRejected(inFlightOf(queue([lead(1)])), { reason: 'http 404', status: 404, at: 1 });
    expect(outboxStateOf(o, { sending: true, waitingForSession: false, delivered: 4, lastError: { kind: 'http', status: 404 } })).toEqual({
      pending: 0,
      sending: true,
      waitingForSession: false,
      delivered: 4,
      dropped: 0,
      rejected: [{ items: 1, types: ['lead'], reason: 'http 404', status: 404, at: 1 }],
      lastError: { kind: 'http', status: 404 },
    });
  });
});

function inFlightOf(o: Outbox): Outbox {
  const r = takeBatch(o, T1);
  if (r.kind !== 'batch') throw new Error('expected a batch');
  return r.outbox;
}

describe('properties', () => {
  type Op = { readonly op: 'report'; readonly items: EngagementAttribute[] } | { readonly op: 'deliver' } | { readonly op: 'reject' } | { readonly op: 'fail' };
  const ops = fc.array(
    fc.oneof(
      fc.record({ op: fc.constant('report' as const), items: fc.array(anyAttribute, { minLength: 1, maxLength: 4 }) }),
      fc.constant({ op: 'deliver' as const }),
      fc.constant({ op: 'reject' as const }),
      fc.constant({ op: 'fail' as const }),
    ),
    { maxLength: 40 },
  );

  it('with no bound hit, what is sent (coalesced) means the same as every report in order, minus refused batches', () => {
    fc.assert(
      fc.property(ops, (script: Op[]) => {
        let o = emptyOutbox();
        let sentState: EngagementAttribute[] = [];
        let meant: EngagementAttribute[] = [];
        let rejectedItems = 0;
        let rejectedBatches = 0;
        let reported = 0;
        let delivered = 0;
        for (const step of script) {
          if (step.op === 'report') {
            o = enqueue(o, step.items.map((item) => ({ kind: 'attribute' as const, item })), { now: 0, maxOutbox: 10_000, target: T1 }).outbox;
            reported += step.items.length;
            continue;
          }
          const r = takeBatch(o, T1, { maxItems: 3, maxChars: 100_000 });
          if (r.kind !== 'batch') continue;
          const batchItems = r.outbox.pending.slice(0, r.outbox.inFlight).map((e) => e.item as EngagementAttribute);
          if (step.op === 'deliver') {
            sentState = mergeAttributes(sentState, r.batch.attributes);
            meant = mergeAttributes(meant, batchItems);
            delivered += r.batch.entries;
            o = markDelivered(r.outbox);
          } else if (step.op === 'reject') {
            rejectedItems += r.batch.entries;
            rejectedBatches++;
            o = parkRejected(r.outbox, { reason: 'http 400', at: 0 });
          } else {
            o = releaseInFlight(r.outbox);
          }
        }
        expect(sentState).toEqual(meant);
        expect(delivered + rejectedItems + o.pending.length).toBe(reported);
        if (rejectedBatches <= MAX_REJECTED) expect(o.rejected.reduce((n, r) => n + r.items, 0)).toBe(rejectedItems);
        else expect(o.rejected).toHaveLength(MAX_REJECTED);
      }),
      { numRuns: 200 },
    );
  });

  it('compaction never changes what the entries mean to the server', () => {
    fc.assert(
      fc.property(fc.array(anyAttribute, { maxLength: 30 }), (items) => {
        const o = queue(items.map((item) => ({ kind: 'attribute' as const, item })));
        const compacted = compactEntries(o.pending);
        expect(mergeAttributes([], compacted.map((e) => e.item as EngagementAttribute))).toEqual(mergeAttributes([], items));
        expect(compacted.map((e) => e.seq)).toEqual([...compacted.map((e) => e.seq)].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('the bound always holds, and entries keep their order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 5 }), { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (reports, max) => {
        let o = emptyOutbox();
        let dropped = 0;
        let n = 0;
        for (const r of reports) {
          const items = r.map((k) => (k === 0 ? cart(n++) : lead(n++)));
          const res = enqueue(o, items, { now: 0, maxOutbox: max, target: T1 });
          o = res.outbox;
          dropped += res.dropped;
          expect(o.pending.length).toBeLessThanOrEqual(max);
        }
        const seqs = o.pending.map((e) => e.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(o.dropped).toBe(dropped);
      }),
      { numRuns: 200 },
    );
  });
});
