/**
 * Reading the stored form of the outbox back. Pure. (What is written, and
 * when, is in pipeline.spec.ts.)
 */
import fc from 'fast-check';
import { emptyOutbox } from '../../src/report/outbox-state';
import { fromStored, type StoredOutbox } from '../../src/report/stored-outbox';
import { anyAttribute } from '../attributes/arbitraries';
import { T1 } from './harness';

const sample: StoredOutbox = {
  version: 1,
  nextSeq: 4,
  pending: [
    { seq: 2, queuedAt: 6, target: T1, kind: 'impression', item: { type: 'impClose', campaign: 1, engId: 2, revision: 3 } },
    { seq: 3, queuedAt: 8, kind: 'attribute', item: { type: 'cart', total: 1, numItems: 1 } },
  ],
  rejected: [{ items: 1, types: ['lead'], reason: 'http 404', status: 404, at: 7 }],
  dropped: 2,
};

describe('fromStored', () => {
  it('reads back what was stored, through JSON', () => {
    const { version, ...outbox } = sample;
    expect(version).toBe(1);
    expect(fromStored(JSON.parse(JSON.stringify(sample)))).toEqual([outbox, 0]);
  });

  it('reads nothing as an empty outbox, and refuses what is not a version-1 outbox', () => {
    expect(fromStored(undefined)).toEqual([emptyOutbox(), 0]);
    expect(fromStored(null)).toEqual([emptyOutbox(), 0]);
    for (const garbage of ['text', 42, [], {}, { version: 2, pending: [] }, { version: 1, pending: {} }]) {
      expect(fromStored(garbage)).toBeUndefined();
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
        { seq: -9, queuedAt: 0, kind: 'attribute', item: { type: 'lead', lead: {} } },
        'junk',
      ],
      rejected: [{ items: 1, types: ['lead'], reason: 'http 400', at: 1 }, { items: -1, types: [], reason: 'x', at: 1 }, { items: 1, types: [1], reason: 'x', at: 1 }, { items: 1, types: [], reason: 'x', at: 1, status: 'bad' }, 'junk'],
      dropped: 'many',
    };
    const r = fromStored(stored);
    if (r === undefined) throw new Error('expected an outbox');
    const [outbox, skipped] = r;
    expect(skipped).toBe(8);
    expect(outbox.pending.map((e) => e.seq)).toEqual([1, 8]);
    expect(outbox.pending[1]?.item).toEqual({ type: 'impClose', campaign: 10, engId: 2, revision: 3 });
    expect(outbox).toMatchObject({ nextSeq: 9, dropped: 0, rejected: [{ items: 1, types: ['lead'], reason: 'http 400', at: 1 }] });
    expect(outbox.rejected).toHaveLength(1);
  });

  it('keeps the last 20 refusals', () => {
    const rejected = Array.from({ length: 25 }, (_, i) => ({ items: 1, types: ['lead'], reason: `r${i}`, at: i }));
    const r = fromStored({ version: 1, nextSeq: 1, pending: [], rejected, dropped: 0 });
    expect(r?.[0].rejected.map((x) => x.reason)).toEqual(rejected.slice(5).map((x) => x.reason));
  });

  it('round-trips any valid attributes (property)', () => {
    fc.assert(
      fc.property(fc.array(anyAttribute, { maxLength: 10 }), (items) => {
        const pending = items.map((item, i) => ({ seq: i + 1, queuedAt: 1, target: T1, kind: 'attribute' as const, item: JSON.parse(JSON.stringify(item)) as typeof item }));
        const back = fromStored(JSON.parse(JSON.stringify({ version: 1, nextSeq: items.length + 1, pending, rejected: [], dropped: 0 })));
        expect(back?.[1]).toBe(0);
        expect(back?.[0].pending.map((e) => e.item)).toEqual(pending.map((e) => e.item));
      }),
      { numRuns: 100 },
    );
  });
});
