/**
 * Products, as listed by the `cart`, `purchase` and `prodView` attributes.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import { optional, record, required } from './record';
import { Count, FiniteDouble, Text } from './scalars';

/**
 * One product. Every field is optional.
 *
 * @example
 * ```ts
 * const product: Product = { name: 'prod1', category: 'category', sku: 'sku', price: 7.8 };
 * ```
 * @since 0.1.0
 */
export interface Product {
  readonly name?: string;
  /** Product category name. */
  readonly category?: string;
  /** Product SKU or other unique identifier. */
  readonly sku?: string;
  /** A single product's price (a `double`). */
  readonly price?: number;
}

/**
 * A product with its quantity: one entry of a `products` array.
 *
 * @example
 * ```ts
 * const item: ProductsItem = { product: { name: 'prod1', price: 7.8 }, quantity: 1 };
 * ```
 * @since 0.1.0
 */
export interface ProductsItem {
  readonly product: Product;
  /** How many of this product (a non-negative integer). */
  readonly quantity?: number;
}

/**
 * Reads a {@link Product}.
 *
 * @example
 * ```ts
 * ProductCodec.decode({ name: 'prod1', price: 7.8 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const ProductCodec = record<Product>('a product object', {
  name: optional(Text),
  category: optional(Text),
  sku: optional(Text),
  price: optional(FiniteDouble),
});

/**
 * Reads a {@link ProductsItem}; `product` is mandatory.
 *
 * @example
 * ```ts
 * ProductsItemCodec.decode({ product: { sku: 'xyz001' }, quantity: 3 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const ProductsItemCodec = record<ProductsItem>('a products item { product, quantity }', {
  product: required(ProductCodec),
  quantity: optional(Count),
});

/**
 * Reads a `products` array.
 *
 * @example
 * ```ts
 * ProductsCodec.decode([{ product: { name: 'prod1' } }]);
 * ```
 * @since 0.1.0
 * @internal
 */
export const ProductsCodec = t.readonlyArray(ProductsItemCodec, 'an array of products items');
