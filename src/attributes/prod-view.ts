/**
 * `prodView` — "Viewed product": products the visitor looked at. Fields sit
 * next to `type`; every view is appended.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { member } from './dispatch';
import { ProductsCodec, type ProductsItem } from './products';
import { Text } from './scalars';
import { builder } from './shapes';

/**
 * A product view, as sent on the wire.
 *
 * @since 0.1.0
 * @category Engagement attributes
 */
export type ProductViewAttribute = {
  readonly type: 'prodView';
  readonly currency?: string;
  /** The viewed products (the documented example has no `quantity`). */
  readonly products?: ReadonlyArray<ProductsItem>;
};

/**
 * The fields {@link productViewAttribute} takes.
 *
 * @since 0.1.0
 */
export type ProductViewFields = Omit<ProductViewAttribute, 'type'>;

/**
 * Reads a `prodView` attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const ProductViewCodec = /* @__PURE__ */ member<ProductViewAttribute>('prodView', { currency: Text, products: ProductsCodec });

/**
 * Builds a `prodView` attribute (viewed product). Never throws.
 *
 * @example
 * ```ts
 * productViewAttribute({ currency: 'USD', products: [{ product: { name: 'red high heel shoe', category: 'women shoes', sku: 'xyz567', price: 77.8 } }] });
 * ```
 * @since 0.1.0
 * @function
 * @category Engagement attributes
 */
export const productViewAttribute: (fields: ProductViewFields) => Either<ValidationError, ProductViewAttribute> = /* @__PURE__ */ builder(ProductViewCodec);
