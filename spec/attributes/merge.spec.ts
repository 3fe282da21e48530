import fc from 'fast-check';
import type { EngagementAttribute } from '../../src/attributes/attribute';
import { MERGE_BEHAVIOR, coalesceAttributes, mergeAttributes, mergeBehaviorOf } from '../../src/attributes/merge';
import { anyAttribute } from './arbitraries';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const cart = (total: number): EngagementAttribute => ({ type: 'cart', total, numItems: 1 });

describe('mergeAttributes', () => {
  it('replaces the cart, in the position of the earlier one', () => {
    const lead: EngagementAttribute = { type: 'lead', lead: { topic: 'a' } };
    expect(mergeAttributes([cart(1), lead], [cart(2)])).toStrictEqual([cart(2), lead]);
    expect(mergeAttributes([], [cart(1), cart(2), cart(3)])).toStrictEqual([cart(3)]);
  });

  it('merges personal fields one level deep: a field given again replaces its old value whole', () => {
    const before: EngagementAttribute = {
      type: 'personal',
      personal: { firstname: 'John', age: { age: 34, year: 1980 }, contacts: [{ email: 'a' }, { email: 'b' }], language: 'en-US' },
    };
    const after: EngagementAttribute = { type: 'personal', personal: { age: { age: 35 }, contacts: [{ phone: '1' }], gender: 'MALE' } };
    expect(mergeAttributes([before], [after])).toStrictEqual([
      { type: 'personal', personal: { firstname: 'John', age: { age: 35 }, contacts: [{ phone: '1' }], language: 'en-US', gender: 'MALE' } },
    ]);
  });

  it('merges ctmrinfo and mrktInfo info fields, and top-level extras', () => {
    const merged = mergeAttributes(
      [{ type: 'ctmrinfo', info: { ctype: 'vip', balance: 1 } }, { type: 'mrktInfo', info: { channel: '1' } }],
      [
        { type: 'ctmrinfo', info: { balance: 2, lastPaymentDate: { day: 1, month: 1, year: 2020 } } },
        { type: 'mrktInfo', info: { affiliate: 'Yahoo' }, source: 'x' } as EngagementAttribute,
      ],
    );
    expect(merged).toStrictEqual([
      { type: 'ctmrinfo', info: { ctype: 'vip', balance: 2, lastPaymentDate: { day: 1, month: 1, year: 2020 } } },
      { type: 'mrktInfo', info: { channel: '1', affiliate: 'Yahoo' }, source: 'x' },
    ]);
  });

  it('keeps the earlier wrapper when the new attribute has none', () => {
    expect(mergeAttributes([{ type: 'mrktInfo', info: { channel: '1' } }], [{ type: 'mrktInfo' }])).toStrictEqual([{ type: 'mrktInfo', info: { channel: '1' } }]);
  });

  it('appends purchase, prodView, lead, service, error and searchInfo, equal ones included', () => {
    const appended: EngagementAttribute[] = [
      { type: 'purchase', total: 1 },
      { type: 'prodView', products: [] },
      { type: 'lead', lead: { topic: 'a' } },
      { type: 'service', service: { status: 1 } },
      { type: 'error', error: { code: 'e' } },
      { type: 'searchInfo', keywords: ['k'] },
    ];
    expect(mergeAttributes(appended, appended)).toStrictEqual([...appended, ...appended]);
  });

  it('documents each behavior', () => {
    expect(mergeBehaviorOf('cart')).toBe('replace');
    for (const type of ['personal', 'ctmrinfo', 'mrktInfo']) expect(mergeBehaviorOf(type)).toBe('merge');
    for (const type of ['purchase', 'prodView', 'lead', 'service', 'error', 'searchInfo', 'somethingNew', 'constructor']) expect(mergeBehaviorOf(type)).toBe('append');
    expect(MERGE_BEHAVIOR.personal.wrapper).toBe('personal');
  });

  it('is pure: it changes neither argument', () => {
    fc.assert(
      fc.property(fc.array(anyAttribute, { maxLength: 6 }), fc.array(anyAttribute, { maxLength: 6 }), (current, incoming) => {
        const a = deepFreeze(structuredClone(current));
        const b = deepFreeze(structuredClone(incoming));
        expect(() => mergeAttributes(a, b)).not.toThrow();
        expect(a).toStrictEqual(current);
        expect(b).toStrictEqual(incoming);
      }),
      { numRuns: 100 },
    );
  });

  it('reporting in two steps equals reporting all at once', () => {
    fc.assert(
      fc.property(fc.array(anyAttribute, { maxLength: 8 }), fc.array(anyAttribute, { maxLength: 8 }), (x, y) => {
        expect(mergeAttributes(mergeAttributes([], x), y)).toStrictEqual(coalesceAttributes([...x, ...y]));
      }),
      { numRuns: 100 },
    );
  });
});

describe('coalesceAttributes', () => {
  it('keeps one of each replace/merge type and every appended item, in order', () => {
    fc.assert(
      fc.property(fc.array(anyAttribute, { maxLength: 12 }), (batch) => {
        const out = coalesceAttributes(batch);
        for (const type of ['cart', 'personal', 'ctmrinfo', 'mrktInfo']) {
          expect(out.filter((a) => a.type === type).length).toBe(batch.some((a) => a.type === type) ? 1 : 0);
        }
        const appended = (list: ReadonlyArray<EngagementAttribute>) => list.filter((a) => mergeBehaviorOf(a.type) === 'append');
        expect(appended(out)).toStrictEqual(appended(batch));
        const lastCart = [...batch].reverse().find((a) => a.type === 'cart');
        expect(out.find((a) => a.type === 'cart')).toStrictEqual(lastCart);
      }),
      { numRuns: 150 },
    );
  });

  it('gives every merged field its last value', () => {
    expect(
      coalesceAttributes([
        { type: 'personal', personal: { firstname: 'A', lastname: 'X' } },
        { type: 'lead', lead: { topic: 't' } },
        { type: 'personal', personal: { firstname: 'B' } },
      ]),
    ).toStrictEqual([{ type: 'personal', personal: { firstname: 'B', lastname: 'X' } }, { type: 'lead', lead: { topic: 't' } }]);
  });

  it('tolerates values that are not arrays or attributes without throwing, keeping what it cannot classify', () => {
    expect(mergeAttributes(undefined as never, null as never)).toEqual([]);
    expect(coalesceAttributes([5 as never, { type: 'unknown' } as never])).toEqual([5, { type: 'unknown' }]);
  });
});
