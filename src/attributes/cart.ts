/**
 * `cart` — "Cart update": the visitor's cart status. Fields sit next to
 * `type`; re-sending a cart replaces the previous one.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { member } from './dispatch';
import { ProductsCodec, type ProductsItem } from './products';
import { required } from './record';
import { Count, FiniteDouble, Text } from './scalars';
import { builder } from './shapes';

/**
 * A cart update, as sent on the wire.
 *
 * @since 0.1.0
 * @category Engagement attributes
 */
export type CartAttribute = {
  readonly type: 'cart';
  /** Total cart value (a `double`). Mandatory. */
  readonly total: number;
  /** Currency of the total, e.g. `USD`. */
  readonly currency?: string;
  /** Number of items in the cart (a non-negative integer). Mandatory. */
  readonly numItems: number;
  readonly products?: ReadonlyArray<ProductsItem>;
};

/**
 * The fields {@link cartAttribute} takes: a {@link CartAttribute} without `type`.
 *
 * @since 0.1.0
 */
export type CartFields = Omit<CartAttribute, 'type'>;

/**
 * Reads a `cart` attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const CartCodec = /* @__PURE__ */ member<CartAttribute>('cart', {
  total: required(FiniteDouble),
  currency: Text,
  numItems: required(Count),
  products: ProductsCodec,
});

/**
 * Builds a `cart` attribute (cart update). Never throws: bad fields give a
 * `Left` of issues naming each field.
 *
 * @example
 * ```ts
 * const cart = cartAttribute({ total: 11.7, currency: 'USD', numItems: 6, products: [{ product: { name: 'prod1', price: 7.8 }, quantity: 1 }] });
 * // => right({ type: 'cart', total: 11.7, currency: 'USD', numItems: 6, products: [...] })
 * ```
 * @since 0.1.0
 * @function
 * @category Engagement attributes
 */
export const cartAttribute: (fields: CartFields) => Either<ValidationError, CartAttribute> = /* @__PURE__ */ builder(CartCodec);
