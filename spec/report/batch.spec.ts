/**
 * What goes in one Update Session. Pure.
 */
import fc from 'fast-check';
import type { EngagementAttribute } from '../../src/attributes/attribute';
import { mergeAttributes } from '../../src/attributes/merge';
import { BATCH_LIMITS, batchLength, batchOf, sameTarget, typesOf } from '../../src/report/batch';
import { emptyOutbox, enqueue } from '../../src/report/outbox-state';
import { anyAttribute } from '../attributes/arbitraries';

const T1 = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1' };

function entries(items: EngagementAttribute[], target = T1) {
  return enqueue(emptyOutbox(), items.map((item) => ({ kind: 'attribute' as const, item })), { now: 0, maxOutbox: 10_000, target }).outbox.pending;
}

describe('batch', () => {
  it('sameTarget compares visitor, session and page', () => {
    expect(sameTarget(T1, { ...T1 })).toBe(true);
    expect(sameTarget(T1, { ...T1, pageId: 'P2' })).toBe(false);
    expect(sameTarget(undefined, undefined)).toBe(true);
    expect(sameTarget(T1, undefined)).toBe(false);
  });

  it('batchLength stops at a different target, at maxItems and at maxChars', () => {
    const lead = { type: 'lead', lead: { topic: 'x'.repeat(100) } } as EngagementAttribute;
    const pending = [...entries([lead, lead, lead]), ...entries([lead], { ...T1, pageId: 'P2' })];
    expect(batchLength(pending)).toBe(3);
    expect(batchLength(pending, { maxItems: 2, maxChars: 100_000 })).toBe(2);
    expect(batchLength(pending, { maxItems: 50, maxChars: 300 })).toBe(2); // about 133 characters each
    expect(batchLength(pending, { maxItems: 50, maxChars: 10 })).toBe(1);
    expect(batchLength([])).toBe(0);
    expect(BATCH_LIMITS).toEqual({ maxItems: 50, maxChars: 32_768 });
  });

  it('typesOf lists distinct types in first-seen order', () => {
    expect(typesOf(entries([{ type: 'lead', lead: {} }, { type: 'cart', total: 1, numItems: 1 }, { type: 'lead', lead: {} }] as EngagementAttribute[]))).toEqual(['lead', 'cart']);
  });

  it('a coalesced batch means the same to the server as its items one by one (property)', () => {
    fc.assert(
      fc.property(fc.array(anyAttribute, { maxLength: 6 }), fc.array(anyAttribute, { maxLength: 20 }), (before, items) => {
        const batch = batchOf(T1, entries(items));
        expect(batch.entries).toBe(items.length);
        expect(mergeAttributes(before, batch.attributes)).toEqual(mergeAttributes(before, items));
      }),
      { numRuns: 200 },
    );
  });
});
