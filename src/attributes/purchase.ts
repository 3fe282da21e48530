/**
 * `purchase` — "Transaction": a purchase, deposit or other money
 * transaction. Fields sit next to `type`; every purchase is appended.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import type { ProductsItem } from './products';
import { ProductsCodec } from './products';
import { optional, record, required } from './record';
import { Count, FiniteDouble, Text } from './scalars';
import { buildTopLevel, topLevelAttribute } from './shapes';

/**
 * The cart of a transaction: its products (mandatory) and item count.
 *
 * @example
 * ```ts
 * const cart: PurchaseCart = { products: [{ product: { name: 'antivirus pro plan', sku: 'xyz001', price: 7.8 }, quantity: 3 }] };
 * ```
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
 * @example
 * ```ts
 * const purchase: PurchaseAttribute = { type: 'purchase', total: 11.7, currency: 'USD', orderId: 'DRV1534XC' };
 * ```
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
 * @example
 * ```ts
 * const fields: PurchaseFields = { total: 11.7, orderId: 'DRV1534XC' };
 * ```
 * @since 0.1.0
 */
export type PurchaseFields = Omit<PurchaseAttribute, 'type'>;

const PurchaseCartCodec = record<PurchaseCart>('a purchase cart object { products, numItems }', {
  products: required(ProductsCodec),
  numItems: optional(Count),
});

const PURCHASE_FIELDS = {
  total: optional(FiniteDouble),
  currency: optional(Text),
  orderId: optional(Text),
  cart: optional(PurchaseCartCodec),
};

/**
 * Reads a `purchase` attribute.
 *
 * @example
 * ```ts
 * PurchaseCodec.decode({ type: 'purchase', total: 11.7, orderId: 'DRV1534XC' });
 * ```
 * @since 0.1.0
 * @internal
 */
export const PurchaseCodec = topLevelAttribute<PurchaseAttribute>('purchase', 'a purchase attribute', PURCHASE_FIELDS);

const PurchaseFieldsCodec = record<PurchaseFields>('purchase fields', PURCHASE_FIELDS);

/**
 * Builds a `purchase` attribute (transaction). Never throws.
 *
 * @example
 * ```ts
 * purchaseAttribute({ total: 11.7, currency: 'USD', orderId: 'DRV1534XC', cart: { products: [{ product: { sku: 'xyz001', price: 7.8 }, quantity: 3 }] } });
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export function purchaseAttribute(fields: PurchaseFields): Either<ValidationError, PurchaseAttribute> {
  return buildTopLevel<PurchaseAttribute>('purchase', PurchaseFieldsCodec, fields);
}
