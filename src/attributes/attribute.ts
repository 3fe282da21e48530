/**
 * The engagement-attribute union: its codec, which dispatches on `type` (so
 * an issue names the exact field, e.g. `engagementAttributes[2].info.balance`),
 * and the decode/encode functions. The impression-event codec and functions
 * are re-exported here too.
 *
 * Decoded values are already in their wire form (gender as a string, channel
 * as its decimal string, country codes in upper case, ...); `encode*` gives a
 * fresh JSON-ready copy of one without `undefined` fields.
 *
 * @packageDocumentation
 */
import { list } from '../codecs/primitives';
import { ATTRIBUTE_TYPES, IMPRESSION_TYPES } from '../codecs/engagement-attributes';
import * as t from 'io-ts';
import { withValidationError, type ValidationError, type ValidationIssue } from '../errors';
import type { Either } from '../internal/either';
import { decodeWith } from '../internal/validation';
import { CartCodec, type CartAttribute } from './cart';
import { CustomerInfoAttributeCodec, type CustomerInfoAttribute } from './ctmr-info';
import { dispatch, type Members } from './dispatch';
import { VisitorErrorCodec, type VisitorErrorAttribute } from './error';
import { LeadCodec, type LeadAttribute } from './lead';
import { MarketingSourceCodec, type MarketingSourceAttribute } from './mrkt-info';
import { PersonalInfoAttributeCodec, type PersonalInfoAttribute } from './personal';
import { ProductViewCodec, type ProductViewAttribute } from './prod-view';
import { PurchaseCodec, type PurchaseAttribute } from './purchase';
import { withoutUndefined } from './record';
import { SearchedContentCodec, type SearchedContentAttribute } from './search-info';
import { ServiceActivityAttributeCodec, type ServiceActivityAttribute } from './service';

/** The impression-event codec and its decode/encode functions (see `impression-events`). */
export {
  ImpressionEventCodec,
  decodeImpression,
  decodeImpressions,
  encodeImpression,
  encodeImpressions,
  impressionIssues,
} from './impression-events';

/**
 * Any of the ten engagement attributes (SDEs), discriminated by `type`.
 * Impression events are not engagement attributes (see `ImpressionEvent`).
 *
 * @example
 * ```ts
 * const attributes: EngagementAttribute[] = [
 *   { type: 'cart', total: 11.7, numItems: 6 },
 *   { type: 'ctmrinfo', info: { ctype: 'vip' } },
 * ];
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export type EngagementAttribute =
  | CartAttribute
  | PurchaseAttribute
  | ProductViewAttribute
  | CustomerInfoAttribute
  | MarketingSourceAttribute
  | PersonalInfoAttribute
  | LeadAttribute
  | ServiceActivityAttribute
  | VisitorErrorAttribute
  | SearchedContentAttribute;

/**
 * The `type` of an {@link EngagementAttribute}.
 *
 * @since 0.1.0
 */
export type EngagementAttributeType = EngagementAttribute['type'];

/**
 * Every {@link EngagementAttributeType}, in the documentation's order.
 * @since 0.1.0
 */
export const ENGAGEMENT_ATTRIBUTE_TYPES: ReadonlyArray<EngagementAttributeType> = ATTRIBUTE_TYPES;

// One codec per type, in the documentation's order.
const MEMBERS: Members<EngagementAttribute, typeof ATTRIBUTE_TYPES> = [
  CartCodec,
  PurchaseCodec,
  ProductViewCodec,
  CustomerInfoAttributeCodec,
  MarketingSourceCodec,
  PersonalInfoAttributeCodec,
  LeadCodec,
  ServiceActivityAttributeCodec,
  VisitorErrorCodec,
  SearchedContentCodec,
];

/**
 * The codec of one engagement attribute. It reads `type` first, then checks
 * the object with that type's codec, so issues name the exact field. An
 * impression event is refused at `type` with a reason naming it; a name
 * other LivePerson pages use for a type (history APIs, page titles) is
 * refused with a hint.
 *
 * For getEngagement's request, wrap it in an array codec: an issue then reads
 * `engagementAttributes[2].info.balance`.
 * @since 0.1.0
 */
export const EngagementAttributeCodec: t.Type<EngagementAttribute, EngagementAttribute, unknown> = /* @__PURE__ */ dispatch<EngagementAttribute>(
  'an engagement attribute object',
  MEMBERS,
  (type) =>
    (IMPRESSION_TYPES as ReadonlyArray<string>).includes(type)
      ? `impression event "${type}" is not allowed in getEngagement (report it with Update Session)`
      : undefined,
  {
    customerInfo: 'ctmrinfo',
    cartStatus: 'cart',
    cartUpdate: 'cart',
    transaction: 'purchase',
    viewedProduct: 'prodView',
    marketingSource: 'mrktInfo',
    personalInfo: 'personal',
    serviceActivity: 'service',
    visitorError: 'error',
    searchContent: 'searchInfo',
    searchedContent: 'searchInfo',
  },
);

const AttributeList = /* @__PURE__ */ list(EngagementAttributeCodec, 'an array of engagement attributes');

/**
 * Validates one engagement attribute. Never throws; issues name the field
 * (`info.balance`, `personal.contacts[0].country`) and never repeat a value.
 * Unknown fields are kept.
 * @since 0.1.0
 */
export function decodeAttribute(u: unknown): Either<ValidationError, EngagementAttribute> {
  return withValidationError(attributeIssues(u));
}

/** {@link decodeAttribute} with the bare issues, for callers that prefix their paths. @internal */
export function attributeIssues(u: unknown): Either<ValidationIssue[], EngagementAttribute> {
  return decodeWith(EngagementAttributeCodec, u);
}

/**
 * Validates an array of engagement attributes; issue paths start with the
 * index (`[2].info.balance`).
 *
 * @example
 * ```ts
 * decodeAttributes([{ type: 'cart', total: 11.7, numItems: 6 }, { type: 'impDisplay' }]);
 * // => left({ kind: 'validation', issues: [{ path: '[1].type', reason: 'impression event "impDisplay" is not allowed in getEngagement (report it with Update Session)' }], message: 'invalid input: ...' })
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export function decodeAttributes(u: unknown): Either<ValidationError, ReadonlyArray<EngagementAttribute>> {
  return withValidationError(decodeWith(AttributeList, u));
}

/**
 * The wire JSON of an attribute (from {@link decodeAttribute} or a builder):
 * a fresh copy without `undefined` fields, unknown fields included.
 * @since 0.1.0
 */
export function encodeAttribute(a: EngagementAttribute): unknown {
  return withoutUndefined(a);
}

/**
 * The wire JSON of several attributes (see {@link encodeAttribute}).
 * @since 0.1.0
 */
export function encodeAttributes(as: ReadonlyArray<EngagementAttribute>): unknown[] {
  return as.map(encodeAttribute);
}
