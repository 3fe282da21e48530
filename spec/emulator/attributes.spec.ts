import fc from 'fast-check';
import { applyAttributes, mergeAttribute, updateRule } from '../../src/emulator/attributes';

describe('updateRule', () => {
  it('follows the best-practices page', () => {
    expect(['personal', 'ctmrinfo', 'mrktInfo'].map(updateRule)).toEqual(['merge', 'merge', 'merge']);
    expect(updateRule('cart')).toBe('replace');
    expect(['prodView', 'error', 'purchase', 'lead', 'searchInfo', 'service'].every((t) => updateRule(t) === 'append')).toBe(true);
  });
});

describe('applyAttributes', () => {
  it('merges personal one level deep, keeping omitted fields', () => {
    const out = applyAttributes(
      [{ type: 'personal', personal: { firstname: 'a', lastname: 'b' } }],
      [{ type: 'personal', personal: { lastname: 'c', company: 'd' } }],
    );
    expect(out).toEqual([{ type: 'personal', personal: { firstname: 'a', lastname: 'c', company: 'd' } }]);
  });

  it('replaces the cart and appends product views', () => {
    const out = applyAttributes(
      [{ type: 'cart', total: 1 }, { type: 'prodView', products: [1] }],
      [{ type: 'cart', numItems: 2 }, { type: 'prodView', products: [2] }],
    );
    expect(out).toEqual([{ type: 'cart', numItems: 2 }, { type: 'prodView', products: [1] }, { type: 'prodView', products: [2] }]);
  });

  it('never changes its input and keeps at most one merged/replaced entry per type', () => {
    const attr = fc.record({ type: fc.constantFrom('cart', 'personal', 'prodView', 'lead'), v: fc.integer() });
    fc.assert(
      fc.property(fc.array(attr), fc.array(attr), (earlier, incoming) => {
        const current = applyAttributes([], earlier);
        const frozen = JSON.stringify(current);
        const out = applyAttributes(current, incoming);
        expect(JSON.stringify(current)).toBe(frozen);
        for (const t of ['cart', 'personal']) expect(out.filter((a) => a['type'] === t).length).toBeLessThanOrEqual(1);
        const appended = (xs: ReadonlyArray<Record<string, unknown>>) => xs.filter((a) => a['type'] === 'prodView' || a['type'] === 'lead').length;
        expect(appended(out)).toBe(appended(current) + appended(incoming));
      }),
    );
  });
});

describe('mergeAttribute', () => {
  it('lets a non-object value replace an object one', () => {
    expect(mergeAttribute({ type: 'x', info: { a: 1 } }, { info: 'gone' })).toEqual({ type: 'x', info: 'gone' });
  });
});
