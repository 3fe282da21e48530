/**
 * `searchInfo` — "Searched content": what the visitor searched for (FAQ,
 * articles, products). `keywords` sits next to `type`; every search is
 * appended.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { member } from './dispatch';
import { TextList } from './scalars';
import { builder } from './shapes';

/**
 * Searched content, as sent on the wire.
 *
 * @since 0.1.0
 * @category Engagement attributes
 */
export type SearchedContentAttribute = {
  readonly type: 'searchInfo';
  /** The terms searched. */
  readonly keywords?: ReadonlyArray<string>;
};

/**
 * The fields {@link searchedContentAttribute} takes.
 *
 * @since 0.1.0
 */
export type SearchedContentFields = Omit<SearchedContentAttribute, 'type'>;

/**
 * Reads a `searchInfo` attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const SearchedContentCodec = /* @__PURE__ */ member<SearchedContentAttribute>('searchInfo', { keywords: TextList });

/**
 * Builds a `searchInfo` attribute (searched content). Never throws.
 *
 * @example
 * ```ts
 * searchedContentAttribute({ keywords: ['Reset password'] });
 * // => right({ type: 'searchInfo', keywords: ['Reset password'] })
 * ```
 * @since 0.1.0
 * @function
 * @category Engagement attributes
 */
export const searchedContentAttribute: (fields: SearchedContentFields) => Either<ValidationError, SearchedContentAttribute> = /* @__PURE__ */ builder(SearchedContentCodec);
