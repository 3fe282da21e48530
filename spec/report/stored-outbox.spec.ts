/**
 * The stored form of the outbox and reading it back. Pure.
 */
import fc from 'fast-check';
import { emptyOutbox, enqueue, parkRejected, takeBatch, type Outbox } from '../../src/report/outbox-state';
import { fromStored, toStored } from '../../src/report/stored-outbox';
import { anyAttribute } from '../attributes/arbitraries';

const T1 = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1' };

function sample(): Outbox {
  let o = enqueue(emptyOutbox(), [{ kind: 'attribute', item: { type: 'lead', lead: { leadId: '1' } } }], { now: 5, maxOutbox: 10, target: T1 }).outbox;
  o = enqueue(o, [{ kind: 'impression', item: { type: 'impClose', campaign: 1, engId: 2, revision: 3 } }], { now: 6, maxOutbox: 10 }).outbox;
  const taken = takeBatch(o, T1, { maxItems: 1, maxChars: 1000 });
  if (taken.kind !== 'batch') throw new Error('expected a batch');
  return { ...parkRejected(taken.outbox, { reason: 'http 404', status: 404, at: 7 }), dropped: 2 };
}

describe('toStored / fromStored', () => {
  it('round-trips through JSON, in-flight entries coming back as pending', () => {
    const o = enqueue(sample(), [{ kind: 'attribute', item: { type: 'cart', total: 1, numItems: 1 } }], { now: 8, maxOutbox: 10, target: T1 }).outbox;
    const inFlight = takeBatch(o, T1);
    if (inFlight.kind !== 'batch') throw new Error('expected a batch');
    const stored = JSON.parse(JSON.stringify(toStored(inFlight.outbox))) as unknown;
    expect(stored).toEqual({
      version: 1,
      nextSeq: 4,
      pending: [
        { seq: 2, queuedAt: 6, target: T1, kind: 'impression', item: { type: 'impClose', campaign: 1, engId: 2, revision: 3 } },
        { seq: 3, queuedAt: 8, target: T1, kind: 'attribute', item: { type: 'cart', total: 1, numItems: 1 } },
      ],
      rejected: [{ items: 1, types: ['lead'], reason: 'http 404', status: 404, at: 7 }],
      dropped: 2,
    });
    const back = fromStored(stored);
    expect(back).toEqual({ _tag: 'Right', right: { outbox: { ...inFlight.outbox, inFlight: 0 }, skipped: 0 } });
  });

  it('stores an entry without a session without a target', () => {
    const o = enqueue(emptyOutbox(), [{ kind: 'attribute', item: { type: 'lead', lead: {} } }], { now: 0, maxOutbox: 10 }).outbox;
    expect(toStored(o).pending[0]).toEqual({ seq: 1, queuedAt: 0, kind: 'attribute', item: { type: 'lead', lead: {} } });
  });

  it('reads nothing as no outbox, and refuses what is not a version-1 outbox', () => {
    expect(fromStored(undefined)).toEqual({ _tag: 'Right', right: undefined });
    expect(fromStored(null)).toEqual({ _tag: 'Right', right: undefined });
    for (const garbage of ['text', 42, [], {}, { version: 2, pending: [] }, { version: 1, pending: {} }]) {
      expect(fromStored(garbage)._tag).toBe('Left');
    }
  });

  it('skips entries that do not validate any more, or whose seq does not increase, and counts them', () => {
    const stored = {
      version: 1,
      nextSeq: 2,
      pending: [
        { seq: 1, queuedAt: 0, kind: 'attribute', item: { type: 'lead', lead: { leadId: '1' } } },
        { seq: 1, queuedAt: 0, kind: 'attribute', item: { type: 'lead', lead: { leadId: 'dup' } } },
        { seq: 3, queuedAt: 0, kind: 'attribute', item: { type: 'ctmrinfo', info: { balance: 'high' } } },
        { seq: 4, queuedAt: 0, kind: 'attribute', item: { type: 'impClose', campaign: 1, engId: 2, revision: 3 } },
        { seq: 5, queuedAt: 0, kind: 'other', item: {} },
        { seq: 6, queuedAt: 'now', kind: 'attribute', item: { type: 'lead' } },
        { seq: 7, queuedAt: 0, target: { visitorId: '' }, kind: 'attribute', item: { type: 'lead' } },
        { seq: 8, queuedAt: 0, target: T1, kind: 'impression', item: { type: 'impClose', campaign: '10', engId: 2, revision: 3 } },
        'junk',
      ],
      rejected: [{ items: 1, types: ['lead'], reason: 'http 400', at: 1 }, { items: -1 }, 'junk'],
      dropped: 'many',
    };
    const r = fromStored(stored);
    if (r._tag !== 'Right' || r.right === undefined) throw new Error('expected an outbox');
    expect(r.right.skipped).toBe(7);
    expect(r.right.outbox.pending.map((e) => e.seq)).toEqual([1, 8]);
    expect(r.right.outbox.pending[1]?.item).toEqual({ type: 'impClose', campaign: 10, engId: 2, revision: 3 });
    expect(r.right.outbox).toMatchObject({ nextSeq: 9, inFlight: 0, dropped: 0, rejected: [{ items: 1, types: ['lead'], reason: 'http 400', at: 1 }] });
  });

  it('round-trips any valid attributes (property)', () => {
    fc.assert(
      fc.property(fc.array(anyAttribute, { maxLength: 10 }), (items) => {
        const o = enqueue(emptyOutbox(), items.map((item) => ({ kind: 'attribute' as const, item: JSON.parse(JSON.stringify(item)) })), { now: 1, maxOutbox: 100, target: T1 }).outbox;
        const back = fromStored(JSON.parse(JSON.stringify(toStored(o))));
        expect(back._tag === 'Right' && back.right?.skipped).toBe(0);
        expect(back._tag === 'Right' && back.right?.outbox.pending.map((e) => e.item)).toEqual(o.pending.map((e) => e.item));
      }),
      { numRuns: 100 },
    );
  });
});
