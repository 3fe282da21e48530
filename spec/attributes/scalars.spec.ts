import { AnyValue, Count, FiniteDouble, Flag, FlagOrNull, Integer, Text, TextList, integerIn, literal } from '../../src/attributes/scalars';
import { decodeWith } from '../../src/internal/validation';
import { issuesOf } from './helpers';

describe('scalars', () => {
  it('accept and refuse by kind', () => {
    const cases: ReadonlyArray<readonly [{ is: (u: unknown) => boolean }, ReadonlyArray<unknown>, ReadonlyArray<unknown>]> = [
      [Text, ['', 'x'], [1, null]],
      [FiniteDouble, [0, -400.99, 1e308], [NaN, Infinity, '1']],
      [Integer, [-3, 0, Number.MAX_SAFE_INTEGER], [1.5, 2 ** 53, '1']],
      [Count, [0, 6], [-1, 0.5]],
      [Flag, [true, false], [0, 'false']],
      [integerIn(1, 12), [1, 12], [0, 13, 1.5]],
      [FlagOrNull, [true, null], [undefined, 0]],
      [literal('cart'), ['cart'], ['Cart', 1]],
      [TextList, [[], ['a']], [['a', 1], 'a']],
      [AnyValue, [null, 0, {}, []], [undefined]],
    ];
    for (const [codec, good, bad] of cases) {
      for (const u of good) expect(codec.is(u)).toBe(true);
      for (const u of bad) expect(codec.is(u)).toBe(false);
    }
  });

  it('name themselves readably in issues', () => {
    expect(issuesOf(decodeWith(integerIn(1, 12), 13))).toEqual([{ path: '(value)', reason: 'expected an integer from 1 to 12, got a number' }]);
    expect(issuesOf(decodeWith(literal('cart'), 'Cart'))).toEqual([{ path: '(value)', reason: 'expected "cart", got a string' }]);
    expect(issuesOf(decodeWith(Text, 1))).toEqual([{ path: '(value)', reason: 'expected a string, got a number' }]);
    expect(issuesOf(decodeWith(Flag, 'false'))).toEqual([{ path: '(value)', reason: 'expected a boolean, got a string' }]);
    expect(issuesOf(decodeWith(FlagOrNull, 0))).toEqual([{ path: '(value)', reason: 'expected a boolean or null, got a number' }]);
  });
});
