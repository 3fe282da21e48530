import { ProductCodec, ProductsCodec, ProductsItemCodec } from '../../src/attributes/products';
import { decodeWith } from '../../src/internal/validation';
import { issuesOf, rightOf } from './helpers';

describe('products', () => {
  it('reads a product with every field optional, keeping unknown ones', () => {
    expect(rightOf(decodeWith(ProductCodec, {}))).toStrictEqual({});
    expect(rightOf(decodeWith(ProductCodec, { name: 'prod1', brand: 'x' }))).toStrictEqual({ name: 'prod1', brand: 'x' });
  });

  it('requires the product of an item and checks its quantity', () => {
    expect(issuesOf(decodeWith(ProductsItemCodec, { quantity: 2 }))).toEqual([{ path: 'product', reason: 'is missing (expected an object)' }]);
    expect(issuesOf(decodeWith(ProductsItemCodec, { product: {}, quantity: 2.5 }))).toEqual([{ path: 'quantity', reason: 'expected a non-negative integer, got a number' }]);
  });

  it('names the index of a bad item', () => {
    expect(issuesOf(decodeWith(ProductsCodec, [{ product: {} }, { product: { price: '7.8' } }]))).toEqual([
      { path: '[1].product.price', reason: 'expected a finite number, got a string' },
    ]);
  });
});
