/**
 * The engagement-attribute and impression-event unions: codecs that dispatch
 * on `type` (so an issue names the exact field, e.g.
 * `engagementAttributes[2].info.balance`), and the decode/encode functions.
 *
 * Decoded values are already in their wire form (gender as a string, channel
 * as its decimal string, country codes in upper case, ...); `encode*` gives a
 * fresh JSON-ready copy of one without `undefined` fields.
 *
 * @packageDocumentation
 */
import { ATTRIBUTE_TYPES } from '../codecs/engagement-attributes';
import * as t from 'io-ts';
import { withValidationError, type ValidationError, type ValidationIssue } from '../errors';
import type { Either } from '../internal/either';
import { decodeWith } from '../internal/validation';
import { CartCodec, type CartAttribute } from './cart';
import { CustomerInfoAttributeCodec, type CustomerInfoAttribute } from './ctmr-info';
import { VisitorErrorCodec, type VisitorErrorAttribute } from './error';
import {
  IMPRESSION_EVENT_TYPES,
  ImpAcceptCodec,
  ImpCloseCodec,
  ImpDisplayCodec,
  ImpExpandedCodec,
  ImpTimeoutCodec,
  type ImpressionEvent,
  type ImpressionEventType,
} from './impressions';
import { LeadCodec, type LeadAttribute } from './lead';
import { MarketingSourceCodec, type MarketingSourceAttribute } from './mrkt-info';
import { PersonalInfoAttributeCodec, type PersonalInfoAttribute } from './personal';
import { ProductViewCodec, type ProductViewAttribute } from './prod-view';
import { PurchaseCodec, type PurchaseAttribute } from './purchase';
import { hasOwn, isObjectLike } from './record';
import { SearchedContentCodec, type SearchedContentAttribute } from './search-info';
import { ServiceActivityAttributeCodec, type ServiceActivityAttribute } from './service';

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
 * @example
 * ```ts
 * const type: EngagementAttributeType = 'mrktInfo';
 * ```
 * @since 0.1.0
 */
export type EngagementAttributeType = EngagementAttribute['type'];

/**
 * Every {@link EngagementAttributeType}, in the documentation's order.
 *
 * @example
 * ```ts
 * ENGAGEMENT_ATTRIBUTE_TYPES.length; // => 10
 * ```
 * @since 0.1.0
 */
export const ENGAGEMENT_ATTRIBUTE_TYPES: ReadonlyArray<EngagementAttributeType> = ATTRIBUTE_TYPES;

// Each codec is typed by its own member; the map is read through `dispatch`.
const ATTRIBUTE_CODECS: { readonly [K in EngagementAttributeType]: t.Type<Extract<EngagementAttribute, { type: K }>, Extract<EngagementAttribute, { type: K }>, unknown> } = {
  cart: CartCodec,
  purchase: PurchaseCodec,
  prodView: ProductViewCodec,
  ctmrinfo: CustomerInfoAttributeCodec,
  mrktInfo: MarketingSourceCodec,
  personal: PersonalInfoAttributeCodec,
  lead: LeadCodec,
  service: ServiceActivityAttributeCodec,
  error: VisitorErrorCodec,
  searchInfo: SearchedContentCodec,
};

const IMPRESSION_CODECS: { readonly [K in ImpressionEventType]: t.Type<Extract<ImpressionEvent, { type: K }>, Extract<ImpressionEvent, { type: K }>, unknown> } = {
  impDisplay: ImpDisplayCodec,
  impAccept: ImpAcceptCodec,
  impExpanded: ImpExpandedCodec,
  impTimeout: ImpTimeoutCodec,
  impClose: ImpCloseCodec,
};

/** Names other LivePerson pages use for these types (history APIs, page titles): refused, with a hint. */
const OTHER_NAMES: Readonly<Record<string, EngagementAttributeType>> = {
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
};

type Table = Readonly<Record<string, t.Type<unknown, unknown, unknown> | undefined>>;

function lookup(table: object, type: string): t.Type<unknown, unknown, unknown> | undefined {
  return hasOwn(table, type) ? (table as Table)[type] : undefined;
}

function unknownTypeReason(type: string, known: ReadonlyArray<string>): string {
  const expected = `expected one of ${known.join(', ')}`;
  const other = hasOwn(OTHER_NAMES, type) ? OTHER_NAMES[type] : undefined;
  if (other !== undefined && known.includes(other)) return `is another API's name for "${other}" (${expected})`;
  const folded = known.find((k) => k.toLowerCase() === type.toLowerCase());
  if (folded !== undefined) return `types are case-sensitive: did you mean "${folded}"? (${expected})`;
  return `is not a known type (${expected})`;
}

interface DispatchOptions {
  readonly name: string;
  readonly table: object;
  readonly known: ReadonlyArray<string>;
  /** Reason for a type of the other family (impression given as an attribute and vice versa). */
  readonly otherFamily: (type: string) => string | undefined;
}

function dispatch<A extends { readonly type: string }>(options: DispatchOptions): t.Type<A, A, unknown> {
  const { name, table, known, otherFamily } = options;
  const TypeName = new t.Type<string, string, unknown>(
    `one of ${known.join(', ')}`,
    (u): u is string => typeof u === 'string',
    (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)),
    t.identity,
  );
  const validate = (u: unknown, c: t.Context): t.Validation<A> => {
    if (!isObjectLike(u)) return t.failure(u, c);
    const type = u['type'];
    const at = t.appendContext(c, 'type', TypeName, type);
    if (typeof type !== 'string') return t.failure(type, at);
    const codec = lookup(table, type);
    if (codec !== undefined) return codec.validate(u, c) as t.Validation<A>;
    return t.failure(type, at, otherFamily(type) ?? unknownTypeReason(type, known));
  };
  const encode = (a: A): A => {
    const codec = isObjectLike(a) && typeof a.type === 'string' ? lookup(table, a.type) : undefined;
    return codec === undefined ? a : (codec.encode(a) as A);
  };
  const codec: t.Type<A, A, unknown> = new t.Type<A, A, unknown>(
    name,
    (u): u is A => validate(u, t.getDefaultContext(codec))._tag === 'Right',
    validate,
    encode,
  );
  return codec;
}

const isImpressionType = (type: string): type is ImpressionEventType => (IMPRESSION_EVENT_TYPES as ReadonlyArray<string>).includes(type);
const isAttributeType = (type: string): type is EngagementAttributeType => (ENGAGEMENT_ATTRIBUTE_TYPES as ReadonlyArray<string>).includes(type);

/**
 * The codec of one engagement attribute. It reads `type` first, then checks
 * the object with that type's codec, so issues name the exact field. An
 * impression event is refused at `type` with a reason naming it.
 *
 * For getEngagement's request, wrap it in an array codec: an issue then reads
 * `engagementAttributes[2].info.balance`.
 *
 * @example
 * ```ts
 * import * as t from 'io-ts';
 * const EngagementAttributesCodec = t.readonlyArray(EngagementAttributeCodec, 'EngagementAttributes');
 * ```
 * @since 0.1.0
 */
export const EngagementAttributeCodec: t.Type<EngagementAttribute, EngagementAttribute, unknown> = dispatch<EngagementAttribute>({
  name: 'an engagement attribute object with a string `type`',
  table: ATTRIBUTE_CODECS,
  known: ENGAGEMENT_ATTRIBUTE_TYPES,
  otherFamily: (type) =>
    isImpressionType(type)
      ? `impression event "${type}" is not allowed in getEngagement (report it with Update Session)`
      : undefined,
});

/**
 * The codec of one impression event, dispatching on `type` like
 * {@link EngagementAttributeCodec}. An engagement attribute is refused at
 * `type` with a reason naming it.
 *
 * @example
 * ```ts
 * import * as t from 'io-ts';
 * const ImpAttributesCodec = t.readonlyArray(ImpressionEventCodec, 'ImpAttributes');
 * ```
 * @since 0.1.0
 */
export const ImpressionEventCodec: t.Type<ImpressionEvent, ImpressionEvent, unknown> = dispatch<ImpressionEvent>({
  name: 'an impression event object with a string `type`',
  table: IMPRESSION_CODECS,
  known: IMPRESSION_EVENT_TYPES,
  otherFamily: (type) =>
    isAttributeType(type) ? `"${type}" is an engagement attribute, not an impression event (send it in engagementAttributes)` : undefined,
});

const AttributeList = t.readonlyArray(EngagementAttributeCodec, 'an array of engagement attributes');
const ImpressionList = t.readonlyArray(ImpressionEventCodec, 'an array of impression events');

/**
 * Validates one engagement attribute. Never throws; issues name the field
 * (`info.balance`, `personal.contacts[0].country`) and never repeat a value.
 * Unknown fields are kept.
 *
 * @example
 * ```ts
 * decodeAttribute({ type: 'mrktInfo', info: { channel: 1 } }); // => right({ type: 'mrktInfo', info: { channel: '1' } })
 * decodeAttribute({ type: 'ctmrinfo', info: { balance: 'high' } });
 * // => left([{ path: 'info.balance', reason: 'expected a finite number, got a string' }])
 * ```
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
 * // => left([{ path: '[1].type', reason: 'impression event "impDisplay" is not allowed in getEngagement (report it with Update Session)' }])
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export function decodeAttributes(u: unknown): Either<ValidationError, EngagementAttribute[]> {
  return withValidationError(decodeWith(AttributeList, u) as Either<ValidationIssue[], EngagementAttribute[]>);
}

/**
 * The wire JSON of an attribute (from {@link decodeAttribute} or a builder):
 * a fresh copy without `undefined` fields, unknown fields included.
 *
 * @example
 * ```ts
 * JSON.stringify(encodeAttribute({ type: 'lead', lead: { topic: 'car', value: undefined } })); // => '{"type":"lead","lead":{"topic":"car"}}'
 * ```
 * @since 0.1.0
 */
export function encodeAttribute(a: EngagementAttribute): unknown {
  return EngagementAttributeCodec.encode(a);
}

/**
 * The wire JSON of several attributes (see {@link encodeAttribute}).
 *
 * @example
 * ```ts
 * const body = { pageId, engagementAttributes: encodeAttributes(attributes) };
 * ```
 * @since 0.1.0
 */
export function encodeAttributes(as: ReadonlyArray<EngagementAttribute>): unknown[] {
  return as.map((a) => EngagementAttributeCodec.encode(a));
}

/**
 * Validates one impression event. Never throws. Ids given as strings of
 * digits become numbers; an engagement attribute is refused at `type`.
 *
 * @example
 * ```ts
 * decodeImpression({ type: 'impClose', campaign: '3115242510', engId: 3115242810, revision: 537 });
 * // => right({ type: 'impClose', campaign: 3115242510, engId: 3115242810, revision: 537 })
 * ```
 * @since 0.1.0
 */
export function decodeImpression(u: unknown): Either<ValidationError, ImpressionEvent> {
  return withValidationError(impressionIssues(u));
}

/** {@link decodeImpression} with the bare issues, for callers that prefix their paths. @internal */
export function impressionIssues(u: unknown): Either<ValidationIssue[], ImpressionEvent> {
  return decodeWith(ImpressionEventCodec, u);
}

/**
 * Validates an array of impression events (Update Session's `impAttributes`).
 *
 * @example
 * ```ts
 * decodeImpressions([{ type: 'impTimeout', campaign: 1, engId: 2, revision: 3 }]);
 * ```
 * @since 0.1.0
 */
export function decodeImpressions(u: unknown): Either<ValidationError, ImpressionEvent[]> {
  return withValidationError(decodeWith(ImpressionList, u) as Either<ValidationIssue[], ImpressionEvent[]>);
}

/**
 * The wire JSON of an impression event: a fresh copy without `undefined`
 * fields (`null` kept where the event documents it).
 *
 * @example
 * ```ts
 * encodeImpression({ type: 'impTimeout', campaign: 1, engId: 2, revision: 3 });
 * ```
 * @since 0.1.0
 */
export function encodeImpression(e: ImpressionEvent): unknown {
  return ImpressionEventCodec.encode(e);
}

/**
 * The wire JSON of several impression events (see {@link encodeImpression}).
 *
 * @example
 * ```ts
 * const body = { pageId, impAttributes: encodeImpressions(events) };
 * ```
 * @since 0.1.0
 */
export function encodeImpressions(es: ReadonlyArray<ImpressionEvent>): unknown[] {
  return es.map((e) => ImpressionEventCodec.encode(e));
}
