import fc from 'fast-check';
import { decodeAttribute, encodeAttribute } from '../../src/attributes/attribute';
import { cartAttribute } from '../../src/attributes/cart';
import { customerInfoAttribute } from '../../src/attributes/ctmr-info';
import { leadAttribute } from '../../src/attributes/lead';
import { marketingSourceAttribute } from '../../src/attributes/mrkt-info';
import { personalInfoAttribute } from '../../src/attributes/personal';
import { searchedContentAttribute } from '../../src/attributes/search-info';
import { builderCases } from './arbitraries';
import { expectBuilderAnswer, issuesOf, rightOf } from './helpers';

describe('builders (all types)', () => {
  it.each(builderCases.map((c) => [c.type, c] as const))('every %s the builder makes decodes to itself', (type, c) => {
    fc.assert(
      fc.property(c.input, (input) => {
        const built = rightOf(c.build(input as never));
        expect(built.type).toBe(type);
        expect(rightOf(decodeAttribute(encodeAttribute(built)))).toStrictEqual(built);
      }),
      { numRuns: 150 },
    );
  });

  it.each(builderCases.map((c) => [c.type, c] as const))('the %s builder never throws, whatever it is given', (_type, c) => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (input) => {
        const result = c.build(input as never);
        expectBuilderAnswer(result);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses what is not an object at (value)', () => {
    for (const input of [null, undefined, 5, 'x', [1]]) {
      expect(issuesOf(cartAttribute(input as never))).toEqual([{ path: '(value)', reason: expect.stringContaining('expected an object of cart fields') }]);
      expect(issuesOf(leadAttribute(input as never))).toEqual([{ path: '(value)', reason: expect.stringContaining('expected an object of lead fields') }]);
    }
  });

  it('refuses fields it cannot read (a throwing getter) instead of throwing', () => {
    const input = {
      get total(): number {
        throw new Error('boom');
      },
      numItems: 1,
    };
    expect(issuesOf(cartAttribute(input))).toEqual([{ path: '(value)', reason: 'could not be read as cart fields' }]);
  });

  it('refuses a type or a wrapper given to a builder (it sets them)', () => {
    expect(issuesOf(cartAttribute({ type: 'cart', total: 1, numItems: 1 } as never))).toEqual([
      { path: 'type', reason: 'is set by the builder' },
    ]);
    expect(issuesOf(customerInfoAttribute({ info: { ctype: 'vip' } } as never))).toEqual([
      { path: 'info', reason: 'is set by the builder; pass the `info` fields directly' },
    ]);
    expect(issuesOf(personalInfoAttribute({ type: 'personal' } as never)).map((i) => i.path)).toEqual(['type']);
  });

  it('adds the wrapper for wrapped types and none for top-level types', () => {
    expect(rightOf(leadAttribute({ topic: 'car' }))).toStrictEqual({ type: 'lead', lead: { topic: 'car' } });
    expect(rightOf(customerInfoAttribute({}))).toStrictEqual({ type: 'ctmrinfo', info: {} });
    expect(rightOf(searchedContentAttribute({ keywords: ['a'] }))).toStrictEqual({ type: 'searchInfo', keywords: ['a'] });
  });

  it('keeps extra fields a caller passes (never silently dropped)', () => {
    const extra = { topic: 'car', priority: 'high' } as Parameters<typeof leadAttribute>[0];
    expect(rightOf(leadAttribute(extra))).toStrictEqual({ type: 'lead', lead: { topic: 'car', priority: 'high' } });
  });

  it('reports every bad field at once, by the path the caller used', () => {
    const result = marketingSourceAttribute({ channel: 9 as never, affiliate: 5 as never });
    expect(issuesOf(result).map((i) => i.path).sort()).toEqual(['affiliate', 'channel']);
  });
});
