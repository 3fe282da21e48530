/**
 * The outbox: what is queued, the bound, which entries a batch takes and
 * what a verdict leaves, seen through the pipeline's store writes, calls
 * and state (a fake Update Session); compaction on its own (pure).
 */
import fc from 'fast-check';
import { of } from 'rxjs';
import type { EngagementAttribute } from '../../src/attributes/attribute';
import { mergeAttributes } from '../../src/attributes/merge';
import { MAX_REJECTED, compactEntries, type OutboxEntry, type ReportTarget } from '../../src/report/outbox-state';
import type { QueuedItem } from '../../src/report/report-items';
import { createPipeline, stateOf } from '../../src/report/pipeline';
import { anyAttribute } from '../attributes/arbitraries';
import { S1, T1, T2, bodyOf, cart, harness, http, imp, lead, ok, ofType, outboxOf, personal, spyStore } from './harness';

/** Entries of `items` for `target` (`null`: before any session), seq from `first`. */
const entries = (items: QueuedItem[], target: ReportTarget | null = T1, first = 1): OutboxEntry[] =>
  items.map((q, i) => ({ seq: first + i, queuedAt: 7, ...(target === null ? {} : { target }), ...q }));
const labels = (pending: ReadonlyArray<{ readonly item: { readonly type: string } }>): string[] =>
  pending.map((e) => (e.item.type === 'lead' ? String((e.item as unknown as { lead: { leadId: string } }).lead.leadId) : e.item.type));

describe('enqueue', () => {
  it('appends items in order with increasing seqs, the time and the session (none before a session)', () => {
    const { store, last } = spyStore();
    const h = harness({ outbox: store });
    h.scheduler.schedule(() => undefined, 7);
    h.scheduler.flush();
    const r = createPipeline(h.env);
    r.enqueue([lead(1), imp(2)]);
    h.session.next(undefined);
    r.enqueue([lead(3)]);
    expect(last()).toEqual({ version: 1, nextSeq: 4, pending: [...entries([lead(1), imp(2)]), ...entries([lead(3)], null, 3)], rejected: [], dropped: 0 });
  });

  it('never changes the outbox it starts from', () => {
    const initial = outboxOf([lead(1)], T1);
    const copy = JSON.parse(JSON.stringify(initial)) as unknown;
    const h = harness({ maxOutbox: 1 });
    createPipeline(h.env, initial).enqueue([lead(2)]);
    h.scheduler.flush();
    h.answer(ok);
    expect(initial).toEqual(copy);
  });

  describe('the bound (maxOutbox)', () => {
    it('first compacts waiting carts and merges personal of one session: nothing is lost', () => {
      const { store, last } = spyStore();
      const h = harness({ outbox: store, maxOutbox: 3 });
      const r = createPipeline(h.env);
      r.enqueue([cart(1), personal({ firstname: 'A' }), cart(2)]);
      r.enqueue([personal({ lastname: 'B' })]);
      expect(ofType(h.events, 'outboxOverflow')).toEqual([{ type: 'outboxOverflow', at: 0, dropped: 0, compacted: 2, pending: 2, maxOutbox: 3 }]);
      expect(last().pending.map((e) => [e.seq, e.item])).toEqual([
        [1, { type: 'cart', total: 2, numItems: 1 }],
        [2, { type: 'personal', personal: { firstname: 'A', lastname: 'B' } }],
      ]);
    });

    it('then drops the oldest waiting entries and counts them', () => {
      const { store, last } = spyStore();
      const h = harness({ outbox: store, maxOutbox: 3 });
      const r = createPipeline(h.env);
      r.enqueue([lead(1), lead(2), lead(3)]);
      r.enqueue([lead(4), lead(5)]);
      expect(ofType(h.events, 'outboxOverflow')).toMatchObject([{ compacted: 0, dropped: 2 }]);
      expect(labels(last().pending)).toEqual(['3', '4', '5']);
      expect(r.state().dropped).toBe(2);
      expect(last().dropped).toBe(2);
    });

    it('never compacts or drops entries in flight', () => {
      const { store, last } = spyStore();
      const h = harness({ outbox: store, maxOutbox: 3 });
      const r = createPipeline(h.env);
      r.enqueue([cart(1), lead(2)]);
      h.scheduler.flush(); // cart 1 and lead 2 are being sent
      r.enqueue([cart(3), lead(4), lead(5)]);
      // The newest report stays whole, beside the batch in flight, until that batch is answered.
      expect(last().pending.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(ofType(h.events, 'outboxOverflow')).toEqual([]);
      r.enqueue([lead(6)]);
      expect(last().pending.map((e) => e.seq)).toEqual([1, 2, 6]);
      expect(ofType(h.events, 'outboxOverflow')).toMatchObject([{ dropped: 3, compacted: 0 }]);
      h.answer(ok);
      expect(last().pending.map((e) => e.seq)).toEqual([6]);
    });

    it('keeps the newest items when one report alone is larger than the bound', () => {
      const { store, last } = spyStore();
      const h = harness({ outbox: store, maxOutbox: 2 }, null);
      createPipeline(h.env).enqueue([lead(1), lead(2), lead(3)]);
      expect(labels(last().pending)).toEqual(['2', '3']);
    });
  });
});

describe('compactEntries', () => {
  it('does not merge across sessions, nor a bound entry with one still waiting for a session', () => {
    expect(compactEntries([...entries([cart(1)]), ...entries([cart(2)], T2, 2), ...entries([cart(3)], null, 3)])).toHaveLength(3);
  });

  it('never touches appended types and impressions', () => {
    const all = entries([lead(1), lead(1), imp(1), imp(1)]);
    expect(compactEntries(all)).toEqual(all);
  });
});

describe('batches', () => {
  it('binds every entry made before a session to the current one, and sends the head run of one target', () => {
    const { store, writes } = spyStore();
    const h = harness({ outbox: store });
    const initial = { nextSeq: 4, pending: [...entries([lead(1)], null), ...entries([lead(2)], T2, 2), ...entries([lead(3)], null, 3)], rejected: [], dropped: 0 };
    createPipeline(h.env, initial);
    h.scheduler.flush();
    expect(writes.at(-1)).toMatchObject({ pending: [{ target: T1 }, { target: T2 }, { target: T1 }] });
    expect(h.calls.map((c) => [c.target, bodyOf(c.body).engagementAttributes])).toEqual([[T1, [lead(1).item]]]);
  });

  it('coalesces the attributes of a batch and keeps its impressions in order', () => {
    const h = harness();
    const r = createPipeline(h.env);
    r.enqueue([cart(1), imp(1), personal({ a: 1 }), lead(1), cart(2), imp(2), personal({ b: 2 })]);
    h.session.next({ ...S1, visitorId: 'V9' });
    r.enqueue([lead(9)]);
    h.scheduler.flush();
    h.answer(ok);
    expect(bodyOf(h.calls[0]?.body ?? '')).toEqual({
      pageId: 'P1',
      engagementAttributes: [
        { type: 'cart', total: 2, numItems: 1 },
        { type: 'personal', personal: { a: 1, b: 2 } },
        { type: 'lead', lead: { leadId: '1' } },
      ],
      impAttributes: [imp(1).item, imp(2).item],
    });
    expect(ofType(h.events, 'reportDelivered')[0]).toMatchObject({ items: 7, attributes: 3, impressions: 2 });
  });

  it('leaves an empty array out of the body', () => {
    const h = harness();
    createPipeline(h.env).enqueue([imp(1)]);
    h.scheduler.flush();
    expect(bodyOf(h.calls[0]?.body ?? '')).toEqual({ pageId: 'P1', impAttributes: [imp(1).item] });
  });
});

describe('verdicts', () => {
  it('a delivered batch leaves the outbox; a refused one too, recorded by types and counts', () => {
    const { store, last } = spyStore();
    const h = harness({ outbox: store });
    const r = createPipeline(h.env);
    r.enqueue([lead(1), imp(1)]);
    h.scheduler.flush();
    r.enqueue([personal({ firstname: 'Jane' })]);
    h.answer(ok);
    expect(labels(last().pending)).toEqual(['personal']);
    h.scheduler.flush();
    h.answer(http(400, 5));
    expect(last()).toMatchObject({ pending: [], rejected: [{ items: 1, types: ['personal'], reason: 'http 400 (internalCode 5)', status: 400, internalCode: 5, at: 500 }] });
    expect(JSON.stringify(last())).not.toContain('Jane');
    expect(r.state()).toMatchObject({ pending: 0, delivered: 2 });
  });

  it(`remembers the last ${MAX_REJECTED} refusals only`, () => {
    let code = 0;
    const h = harness({ send: () => of(http(400, code++)) });
    const r = createPipeline(h.env);
    for (let i = 0; i < MAX_REJECTED + 5; i++) {
      r.enqueue([lead(i)]);
      h.scheduler.flush();
    }
    expect(r.state().rejected).toHaveLength(MAX_REJECTED);
    expect(r.state().rejected[0]?.internalCode).toBe(5);
    expect(r.state().pending).toBe(0);
  });
});

describe('stateOf', () => {
  it('shows counts and flags', () => {
    const rejected = [{ items: 1, types: ['lead'], reason: 'http 404', status: 404, at: 1 }];
    expect(stateOf(0, 3, 4, 0, rejected, { kind: 'http', status: 404 })).toEqual({
      pending: 0,
      sending: true,
      waitingForSession: false,
      delivered: 4,
      dropped: 0,
      rejected,
      lastError: { kind: 'http', status: 404 },
    });
    expect(stateOf(2, 2, 0, 1, [])).toEqual({ pending: 2, sending: false, waitingForSession: true, delivered: 0, dropped: 1, rejected: [] });
  });
});

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
        const h = harness();
        const r = createPipeline(h.env);
        const waiting: EngagementAttribute[] = [];
        let sentState: EngagementAttribute[] = [];
        let meant: EngagementAttribute[] = [];
        let rejectedItems = 0;
        let rejectedBatches = 0;
        let reported = 0;
        for (const step of script) {
          if (step.op === 'report') {
            r.enqueue(step.items.map((item) => ({ kind: 'attribute' as const, item })));
            waiting.push(...step.items);
            reported += step.items.length;
            continue;
          }
          h.scheduler.flush();
          if (!h.unanswered()) continue;
          const call = h.calls.at(-1);
          const before = h.events.length;
          h.answer(step.op === 'deliver' ? ok : step.op === 'reject' ? http(400) : http(503));
          const verdict = h.events.slice(before).find((e) => e.type === 'reportDelivered' || e.type === 'reportRejected');
          const items = verdict !== undefined && 'items' in verdict ? verdict.items : 0;
          if (step.op === 'deliver') {
            sentState = mergeAttributes(sentState, bodyOf(call?.body ?? '').engagementAttributes ?? []);
            meant = mergeAttributes(meant, waiting.splice(0, items));
          } else if (step.op === 'reject') {
            waiting.splice(0, items);
            rejectedItems += items;
            rejectedBatches++;
          }
        }
        expect(sentState).toEqual(meant);
        expect(r.state().delivered + rejectedItems + r.state().pending).toBe(reported);
        const rejected = r.state().rejected;
        if (rejectedBatches <= MAX_REJECTED) expect(rejected.reduce((n, x) => n + x.items, 0)).toBe(rejectedItems);
        else expect(rejected).toHaveLength(MAX_REJECTED);
      }),
      { numRuns: 200 },
    );
  });

  it('compaction never changes what the entries mean to the server', () => {
    fc.assert(
      fc.property(fc.array(anyAttribute, { maxLength: 30 }), (items) => {
        const compacted = compactEntries(entries(items.map((item) => ({ kind: 'attribute' as const, item }))));
        expect(mergeAttributes([], compacted.map((e) => e.item as EngagementAttribute))).toEqual(mergeAttributes([], items));
        expect(compacted.map((e) => e.seq)).toEqual([...compacted.map((e) => e.seq)].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('the bound always holds, and entries keep their order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 5 }), { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (reports, max) => {
        const { store, last } = spyStore();
        const h = harness({ outbox: store, maxOutbox: max });
        const r = createPipeline(h.env);
        let n = 0;
        for (const report of reports) {
          r.enqueue(report.map((k) => (k === 0 ? cart(n++) : lead(n++))));
          expect(r.state().pending).toBeLessThanOrEqual(max);
        }
        const seqs = (last()?.pending ?? []).map((e) => e.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(r.state().dropped).toBe(ofType(h.events, 'outboxOverflow').reduce((d, e) => d + e.dropped, 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the bound with a batch in flight', () => {
  it('keeps the newest report when the batch being sent fills the bound, and drops nothing in flight', () => {
    const { store, last } = spyStore();
    const h = harness({ outbox: store, maxOutbox: 3 });
    const r = createPipeline(h.env);
    r.enqueue([lead(1), lead(2), lead(3)]);
    h.scheduler.flush(); // 1, 2 and 3 are being sent: the bound is full
    r.enqueue([lead(4), lead(5)]);
    expect(labels(last().pending)).toEqual(['1', '2', '3', '4', '5']);
    expect(r.state().dropped).toBe(0);
    r.enqueue([lead(6)]);
    // The oldest waiting report gives way to the newest; the batch in flight stays.
    expect(labels(last().pending)).toEqual(['1', '2', '3', '6']);
    expect(ofType(h.events, 'outboxOverflow')).toMatchObject([{ dropped: 2, compacted: 0 }]);
    h.answer(ok);
    expect(labels(last().pending)).toEqual(['6']);
  });

  it('the bound holds once the batch is answered, however reports and answers interleave', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant('answer' as const), fc.integer({ min: 1, max: 3 })), { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (steps, max) => {
        const { store, last } = spyStore();
        const h = harness({ outbox: store, maxOutbox: max });
        const r = createPipeline(h.env);
        let n = 0;
        let newest: string[] = [];
        for (const step of steps) {
          if (step === 'answer') {
            h.scheduler.flush();
            if (h.unanswered()) h.answer(ok);
            continue;
          }
          const items = Array.from({ length: Math.min(step, max) }, () => lead(++n));
          newest = labels(items as unknown as ReadonlyArray<{ item: { type: string } }>);
          r.enqueue(items);
          h.scheduler.flush();
          // The newest report is always in the outbox, and nothing exceeds the bound but the batch in flight.
          const labelsNow = labels(last().pending);
          for (const l of newest) expect(labelsNow).toContain(l);
          expect(r.state().pending).toBeLessThanOrEqual(2 * max);
        }
      }),
      { numRuns: 200 },
    );
  });
});
