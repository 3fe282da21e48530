import { decodeAttribute } from '../../src/attributes/attribute';
import { purchaseAttribute } from '../../src/attributes/purchase';
import { purchaseExample, purchaseReportExample } from './fixtures';
import { issuesOf, rightOf } from './helpers';

describe('purchase', () => {
  it('builds the documented examples from their fields', () => {
    const { type: _a, ...fields } = purchaseExample;
    expect(rightOf(purchaseAttribute(fields))).toStrictEqual(purchaseExample);
    const { type: _b, ...report } = purchaseReportExample;
    expect(rightOf(purchaseAttribute(report))).toStrictEqual(purchaseReportExample);
  });

  it('has only optional fields', () => {
    expect(rightOf(purchaseAttribute({}))).toStrictEqual({ type: 'purchase' });
  });

  it('requires products in the cart object and checks its numItems', () => {
    expect(issuesOf(purchaseAttribute({ cart: { numItems: 2 } as never }))).toEqual([
      { path: 'cart.products', reason: 'is missing (expected an array)' },
    ]);
    expect(issuesOf(decodeAttribute({ type: 'purchase', cart: { products: [], numItems: '2' } }))).toEqual([
      { path: 'cart.numItems', reason: 'expected a non-negative integer, got a string' },
    ]);
    expect(issuesOf(decodeAttribute({ type: 'purchase', cart: [] }))).toEqual([
      { path: 'cart', reason: 'expected an object, got an array' },
    ]);
  });

  it('refuses a non-string orderId and a non-number total', () => {
    expect(issuesOf(purchaseAttribute({ orderId: 1534 as never, total: null as never }))).toEqual([{ path: 'orderId', reason: 'expected a string, got a number' }]);
    expect(issuesOf(purchaseAttribute({ total: true as never }))).toEqual([{ path: 'total', reason: 'expected a finite number, got a boolean' }]);
  });
});
