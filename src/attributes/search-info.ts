/**
 * `searchInfo` — "Searched content": what the visitor searched for (FAQ,
 * articles, products). `keywords` sits next to `type`; every search is
 * appended.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { optional, record } from './record';
import { TextList } from './scalars';
import { buildTopLevel, topLevelAttribute } from './shapes';

/**
 * Searched content, as sent on the wire.
 *
 * @example
 * ```ts
 * const search: SearchedContentAttribute = { type: 'searchInfo', keywords: ['Reset password'] };
 * ```
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
 * @example
 * ```ts
 * const fields: SearchedContentFields = { keywords: ['Reset password'] };
 * ```
 * @since 0.1.0
 */
export type SearchedContentFields = Omit<SearchedContentAttribute, 'type'>;

const SEARCH_FIELDS = { keywords: optional(TextList) };

/**
 * Reads a `searchInfo` attribute.
 *
 * @example
 * ```ts
 * SearchedContentCodec.decode({ type: 'searchInfo', keywords: ['Reset password'] });
 * ```
 * @since 0.1.0
 * @internal
 */
export const SearchedContentCodec = topLevelAttribute<SearchedContentAttribute>('searchInfo', 'a searchInfo attribute', SEARCH_FIELDS);

const SearchedContentFieldsCodec = record<SearchedContentFields>('searchInfo fields', SEARCH_FIELDS);

/**
 * Builds a `searchInfo` attribute (searched content). Never throws.
 *
 * @example
 * ```ts
 * searchedContentAttribute({ keywords: ['Reset password'] });
 * // => right({ type: 'searchInfo', keywords: ['Reset password'] })
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export function searchedContentAttribute(fields: SearchedContentFields): Either<ValidationError, SearchedContentAttribute> {
  return buildTopLevel<SearchedContentAttribute>('searchInfo', SearchedContentFieldsCodec, fields);
}
