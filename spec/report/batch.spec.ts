/**
 * What goes in one Update Session: the head run of one target, at most 50
 * entries and about 32 KiB of JSON, attributes coalesced.
 */
import fc from 'fast-check';
import type { EngagementAttribute } from '../../src/attributes/attribute';
import { mergeAttributes } from '../../src/attributes/merge';
import { BATCH_CHARS, BATCH_ITEMS, createPipeline } from '../../src/report/pipeline';
import type { QueuedItem } from '../../src/report/report-items';
import { anyAttribute } from '../attributes/arbitraries';
import { T1, bodyOf, harness, lead, ok, outboxOf } from './harness';

/** The number of reported items in each call, answering every call with a success. */
function callSizes(initial: ReturnType<typeof outboxOf>): number[] {
  const h = harness();
  createPipeline(h.env, initial);
  for (;;) {
    h.scheduler.flush();
    if (!h.unanswered()) break;
    h.answer(ok);
  }
  return h.events.flatMap((e) => (e.type === 'reportDelivered' ? [e.items] : []));
}

const big = (chars: number): QueuedItem => ({ kind: 'attribute', item: { type: 'lead', lead: { topic: 'x'.repeat(chars) } } as EngagementAttribute });

describe('batch', () => {
  it('limits are 50 entries and 32 KiB', () => {
    expect([BATCH_ITEMS, BATCH_CHARS]).toEqual([50, 32_768]);
  });

  it('stops at a different target', () => {
    const initial = outboxOf([lead(1), lead(2), lead(3), lead(4)], T1);
    const last = initial.pending[3];
    if (last === undefined) throw new Error('expected an entry');
    expect(callSizes({ ...initial, pending: [...initial.pending.slice(0, 3), { ...last, target: { ...T1, pageId: 'P2' } }] })).toEqual([3, 1]);
  });

  it('stops at 50 entries', () => {
    expect(callSizes(outboxOf(Array.from({ length: 120 }, (_, i) => lead(i)), T1))).toEqual([50, 50, 20]);
  });

  it('stops at about 32 KiB, but always takes the first entry', () => {
    expect(callSizes(outboxOf([big(12_000), big(12_000), big(12_000)], T1))).toEqual([2, 1]);
    expect(callSizes(outboxOf([big(40_000), lead(1)], T1))).toEqual([1, 1]);
  });

  it('a coalesced batch means the same to the server as its items one by one (property)', () => {
    fc.assert(
      fc.property(fc.array(anyAttribute, { maxLength: 6 }), fc.array(anyAttribute, { maxLength: 20 }), (before, items) => {
        const h = harness();
        createPipeline(h.env).enqueue(items.map((item) => ({ kind: 'attribute' as const, item })));
        for (h.scheduler.flush(); h.unanswered(); h.scheduler.flush()) h.answer(ok);
        const sent = h.calls.reduce<EngagementAttribute[]>((state, c) => mergeAttributes(state, bodyOf(c.body).engagementAttributes ?? []), mergeAttributes(before, []));
        expect(sent).toEqual(mergeAttributes(before, items));
      }),
      { numRuns: 200 },
    );
  });
});
