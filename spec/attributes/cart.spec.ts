import { CartCodec, cartAttribute } from '../../src/attributes/cart';
import { decodeAttribute } from '../../src/attributes/attribute';
import { decodeWith } from '../../src/internal/validation';
import { cartExample } from './fixtures';
import { issuesOf, rightOf } from './helpers';

describe('cart', () => {
  it('builds the documented example from its fields', () => {
    const { type: _type, ...fields } = cartExample;
    expect(rightOf(cartAttribute(fields))).toStrictEqual(cartExample);
  });

  it('requires total and numItems', () => {
    expect(issuesOf(decodeAttribute({ type: 'cart' }))).toEqual([
      { path: 'total', reason: 'is missing (expected a finite number)' },
      { path: 'numItems', reason: 'is missing (expected a non-negative integer)' },
    ]);
    expect(issuesOf(cartAttribute({ total: 1 } as never))).toEqual([{ path: 'numItems', reason: 'is missing (expected a non-negative integer)' }]);
  });

  it('refuses wrong types, non-finite totals and negative or fractional counts', () => {
    expect(issuesOf(cartAttribute({ total: '11.7' as never, numItems: 6 }))).toEqual([{ path: 'total', reason: 'expected a finite number, got a string' }]);
    expect(issuesOf(cartAttribute({ total: Infinity, numItems: 6 }))).toEqual([{ path: 'total', reason: 'expected a finite number, got a non-finite number' }]);
    expect(issuesOf(cartAttribute({ total: 1, numItems: -1 }))).toEqual([{ path: 'numItems', reason: 'expected a non-negative integer, got a number' }]);
    expect(issuesOf(cartAttribute({ total: 1, numItems: 1.5 }))).toEqual([{ path: 'numItems', reason: 'expected a non-negative integer, got a number' }]);
    expect(issuesOf(cartAttribute({ total: 1, numItems: 1, currency: 5 as never }))).toEqual([{ path: 'currency', reason: 'expected a string, got a number' }]);
  });

  it('names the bad product field by index', () => {
    const result = decodeAttribute({ ...cartExample, products: [{ product: { price: 1 } }, { product: { price: 'x' }, quantity: -2 }, { quantity: 1 }] });
    expect(issuesOf(result)).toEqual([
      { path: 'products[1].product.price', reason: 'expected a finite number, got a string' },
      { path: 'products[1].quantity', reason: 'expected a non-negative integer, got a number' },
      { path: 'products[2].product', reason: 'is missing (expected an object)' },
    ]);
    expect(issuesOf(decodeAttribute({ ...cartExample, products: {} }))).toEqual([{ path: 'products', reason: 'expected an array, got an object' }]);
  });

  it('accepts a negative total (a refund) and an empty cart', () => {
    expect(rightOf(decodeWith(CartCodec, { type: 'cart', total: -5, numItems: 0, products: [] }))).toStrictEqual({ type: 'cart', total: -5, numItems: 0, products: [] });
  });
});
