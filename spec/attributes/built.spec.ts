import { left, right } from 'fp-ts/Either';
import { unwrapBuilt } from '../../src/attributes/built';
import { cartAttribute } from '../../src/attributes/cart';

describe('unwrapBuilt', () => {
  it("answers a Right's value, and a value that is not an Either as it is", () => {
    expect(unwrapBuilt(cartAttribute({ total: 1, numItems: 1 }))).toEqual(right({ type: 'cart', total: 1, numItems: 1 }));
    expect(unwrapBuilt({ type: 'cart', total: 1, numItems: 1 })).toEqual(right({ type: 'cart', total: 1, numItems: 1 }));
    expect(unwrapBuilt(null)).toEqual(right(null));
    expect(unwrapBuilt({ _tag: 'Right' })).toEqual(right({ _tag: 'Right' })); // no `right`: not an Either
  });

  it("answers a builder's Left with the builder's issues", () => {
    expect(unwrapBuilt(cartAttribute({ total: Number.NaN, numItems: 1 }))).toEqual(left([{ path: 'total', reason: expect.any(String) }]));
  });

  it('answers any other Left with one issue saying so, never its contents', () => {
    for (const other of [left('secret'), left({ kind: 'validation', issues: [] }), left(undefined)]) {
      const r = unwrapBuilt(other);
      expect(r).toEqual(left([{ path: '(value)', reason: 'is a Left: the builder refused it' }]));
      expect(JSON.stringify(r)).not.toContain('secret');
    }
  });
});
