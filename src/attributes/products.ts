/**
 * Products, as listed by the `cart`, `purchase` and `prodView` attributes.
 *
 * @packageDocumentation
 */
import { list } from '../codecs/primitives';
import { record, required } from './record';
import { Count, FiniteDouble, Text } from './scalars';

/**
 * One product. Every field is optional.
 *
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
 * @since 0.1.0
 * @internal
 */
export const ProductCodec = /* @__PURE__ */ record<Product>({ name: Text, category: Text, sku: Text, price: FiniteDouble });

/**
 * Reads a {@link ProductsItem}; `product` is mandatory.
 *
 * @since 0.1.0
 * @internal
 */
export const ProductsItemCodec = /* @__PURE__ */ record<ProductsItem>({ product: required(ProductCodec), quantity: Count });

/**
 * Reads a `products` array.
 *
 * @since 0.1.0
 * @internal
 */
export const ProductsCodec = /* @__PURE__ */ list(ProductsItemCodec, 'an array');
