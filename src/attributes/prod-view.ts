/**
 * `prodView` — "Viewed product": products the visitor looked at. Fields sit
 * next to `type`; every view is appended.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import type { ProductsItem } from './products';
import { ProductsCodec } from './products';
import { optional, record } from './record';
import { Text } from './scalars';
import { buildTopLevel, topLevelAttribute } from './shapes';

/**
 * A product view, as sent on the wire.
 *
 * @example
 * ```ts
 * const view: ProductViewAttribute = { type: 'prodView', currency: 'USD', products: [{ product: { name: 'red high heel shoe', sku: 'xyz567', price: 77.8 } }] };
 * ```
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
 * @example
 * ```ts
 * const fields: ProductViewFields = { products: [{ product: { sku: 'xyz567' } }] };
 * ```
 * @since 0.1.0
 */
export type ProductViewFields = Omit<ProductViewAttribute, 'type'>;

const PROD_VIEW_FIELDS = { currency: optional(Text), products: optional(ProductsCodec) };

/**
 * Reads a `prodView` attribute.
 *
 * @example
 * ```ts
 * ProductViewCodec.decode({ type: 'prodView', products: [{ product: { sku: 'xyz567' } }] });
 * ```
 * @since 0.1.0
 * @internal
 */
export const ProductViewCodec = topLevelAttribute<ProductViewAttribute>('prodView', 'a prodView attribute', PROD_VIEW_FIELDS);

const ProductViewFieldsCodec = record<ProductViewFields>('prodView fields', PROD_VIEW_FIELDS);

/**
 * Builds a `prodView` attribute (viewed product). Never throws.
 *
 * @example
 * ```ts
 * productViewAttribute({ currency: 'USD', products: [{ product: { name: 'red high heel shoe', category: 'women shoes', sku: 'xyz567', price: 77.8 } }] });
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export function productViewAttribute(fields: ProductViewFields): Either<ValidationError, ProductViewAttribute> {
  return buildTopLevel<ProductViewAttribute>('prodView', ProductViewFieldsCodec, fields);
}
