/**
 * `cart` — "Cart update": the visitor's cart status. Fields sit next to
 * `type`; re-sending a cart replaces the previous one.
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
 * A cart update, as sent on the wire.
 *
 * @example
 * ```ts
 * const cart: CartAttribute = { type: 'cart', total: 11.7, currency: 'USD', numItems: 6, products: [{ product: { name: 'prod1', price: 7.8 }, quantity: 1 }] };
 * ```
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
 * @example
 * ```ts
 * const fields: CartFields = { total: 11.7, numItems: 6 };
 * ```
 * @since 0.1.0
 */
export type CartFields = Omit<CartAttribute, 'type'>;

const CART_FIELDS = {
  total: required(FiniteDouble),
  currency: optional(Text),
  numItems: required(Count),
  products: optional(ProductsCodec),
};

/**
 * Reads a `cart` attribute.
 *
 * @example
 * ```ts
 * CartCodec.decode({ type: 'cart', total: 11.7, numItems: 6 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const CartCodec = topLevelAttribute<CartAttribute>('cart', 'a cart attribute', CART_FIELDS);

const CartFieldsCodec = record<CartFields>('cart fields', CART_FIELDS);

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
 * @category Engagement attributes
 */
export function cartAttribute(fields: CartFields): Either<ValidationError, CartAttribute> {
  return buildTopLevel<CartAttribute>('cart', CartFieldsCodec, fields);
}
