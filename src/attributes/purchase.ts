/**
 * `purchase` — "Transaction": a purchase, deposit or other money
 * transaction. Fields sit next to `type`; every purchase is appended.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { member } from './dispatch';
import { ProductsCodec, type ProductsItem } from './products';
import { record, required } from './record';
import { Count, FiniteDouble, Text } from './scalars';
import { builder } from './shapes';

/**
 * The cart of a transaction: its products (mandatory) and item count.
 *
 * @since 0.1.0
 */
export interface PurchaseCart {
  readonly products: ReadonlyArray<ProductsItem>;
  /** Number of items (a non-negative integer). */
  readonly numItems?: number;
}

/**
 * A transaction, as sent on the wire. Every field but `type` is optional.
 *
 * @since 0.1.0
 * @category Engagement attributes
 */
export type PurchaseAttribute = {
  readonly type: 'purchase';
  /** Total value of the transaction after discount (a `double`). */
  readonly total?: number;
  readonly currency?: string;
  /** Unique order or receipt id. */
  readonly orderId?: string;
  readonly cart?: PurchaseCart;
};

/**
 * The fields {@link purchaseAttribute} takes.
 *
 * @since 0.1.0
 */
export type PurchaseFields = Omit<PurchaseAttribute, 'type'>;

const PurchaseCartCodec = /* @__PURE__ */ record<PurchaseCart>({ products: required(ProductsCodec), numItems: Count });

/**
 * Reads a `purchase` attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const PurchaseCodec = /* @__PURE__ */ member<PurchaseAttribute>('purchase', { total: FiniteDouble, currency: Text, orderId: Text, cart: PurchaseCartCodec });

/**
 * Builds a `purchase` attribute (transaction). Never throws.
 *
 * @example
 * ```ts
 * purchaseAttribute({ total: 11.7, currency: 'USD', orderId: 'DRV1534XC', cart: { products: [{ product: { sku: 'xyz001', price: 7.8 }, quantity: 3 }] } });
 * ```
 * @since 0.1.0
 * @function
 * @category Engagement attributes
 */
export const purchaseAttribute: (fields: PurchaseFields) => Either<ValidationError, PurchaseAttribute> = /* @__PURE__ */ builder(PurchaseCodec);
