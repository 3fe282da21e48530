import { decodeAttribute } from '../../src/attributes/attribute';
import { productViewAttribute } from '../../src/attributes/prod-view';
import { prodViewExample } from './fixtures';
import { issuesOf, rightOf } from './helpers';

describe('prodView', () => {
  it('builds the documented example (no quantity) from its fields', () => {
    const { type: _type, ...fields } = prodViewExample;
    expect(rightOf(productViewAttribute(fields))).toStrictEqual(prodViewExample);
  });

  it('refuses a product that is not an object and a bad sku', () => {
    expect(issuesOf(decodeAttribute({ type: 'prodView', products: [{ product: 'shoe' }, { product: { sku: 567 } }] }))).toEqual([
      { path: 'products[0].product', reason: 'expected an object, got a string' },
      { path: 'products[1].product.sku', reason: 'expected a string, got a number' },
    ]);
  });

  it('keeps unknown product fields', () => {
    const view = { type: 'prodView', products: [{ product: { sku: 'x', color: 'red' } }] };
    expect(rightOf(decodeAttribute(view))).toStrictEqual(view);
  });
});
