/**
 * Impression events (the server's `ImpressionEventBase` family): `impDisplay`,
 * `impAccept`, `impExpanded`, `impTimeout`, `impClose`. They are refused in
 * getEngagement's `engagementAttributes` and reported with Update Session
 * (`impAttributes`). Builders make them from an available engagement:
 * `campaign` ← `campaignId`, `engId` ← `engagementId`, `revision` ←
 * `engagementRevision`, `eContext[0].id` ← `contextId`.
 *
 * @packageDocumentation
 */
import { IMPRESSION_TYPES } from '../codecs/engagement-attributes';
import type * as t from 'io-ts';
import { withValidationError, type ValidationError } from '../errors';
import type { AvailableEngagement } from '../model';
import { isLeft, left, right, type Either } from '../internal/either';
import { decodeWith, isRecord } from '../internal/validation';
import { hasOwn, record, refine, required, setByBuilder, type Fields } from './record';
import { AnyValue, FlagOrNull } from './scalars';

/**
 * The impression-event types.
 *
 * @since 0.1.0
 */
export type ImpressionEventType = 'impDisplay' | 'impAccept' | 'impExpanded' | 'impTimeout' | 'impClose';

/**
 * Every {@link ImpressionEventType}.
 * @since 0.1.0
 */
export const IMPRESSION_EVENT_TYPES: ReadonlyArray<ImpressionEventType> = IMPRESSION_TYPES;

/**
 * One entry of `eContext`: the engagement's context id.
 *
 * @since 0.1.0
 */
export interface EngagementContext {
  readonly type: 'engagementContext';
  /** The engagement's `contextId` (a string on the wire). */
  readonly id: string;
}

/**
 * The fields every impression event carries: numbers on the wire.
 *
 * @since 0.1.0
 */
export type ImpressionIds = {
  /** The engagement's `campaignId`. */
  readonly campaign: number;
  /** The engagement's `engagementId`. */
  readonly engId: number;
  /** The engagement's `engagementRevision`. */
  readonly revision: number;
};

/**
 * The engagement was displayed (ImpressionDisplayEvent).
 *
 * @since 0.1.0
 */
export type ImpDisplayEvent = { readonly type: 'impDisplay'; readonly eContext?: ReadonlyArray<EngagementContext> } & ImpressionIds;

/**
 * The visitor accepted the engagement (ImpressionAcceptEvent).
 *
 * @since 0.1.0
 */
export type ImpAcceptEvent = { readonly type: 'impAccept'; readonly eContext?: ReadonlyArray<EngagementContext> } & ImpressionIds;

/**
 * The engagement was expanded (ImpressionExpandedEvent). The documented
 * example sends `null` for `expanded`, `userInit` and `actionableItems`;
 * `null` is kept.
 *
 * @since 0.1.0
 */
export type ImpExpandedEvent = {
  readonly type: 'impExpanded';
  readonly expanded?: boolean | null;
  /** Whether the visitor expanded it (rather than the page). */
  readonly userInit?: boolean | null;
  /** Undocumented type: any value is kept as it is. */
  readonly actionableItems?: unknown;
} & ImpressionIds;

/**
 * The engagement timed out (ImpressionTimeoutEvent).
 *
 * @since 0.1.0
 */
export type ImpTimeoutEvent = { readonly type: 'impTimeout' } & ImpressionIds;

/**
 * The engagement was closed (ImpressionCloseEvent).
 *
 * @since 0.1.0
 */
export type ImpCloseEvent = { readonly type: 'impClose' } & ImpressionIds;

/**
 * Any impression event, discriminated by `type`.
 *
 * @example
 * ```ts
 * const isShown = (e: ImpressionEvent) => e.type === 'impDisplay';
 * ```
 * @since 0.1.0
 * @category Impression events
 */
export type ImpressionEvent = ImpDisplayEvent | ImpAcceptEvent | ImpExpandedEvent | ImpTimeoutEvent | ImpCloseEvent;

/**
 * A numeric id of an impression: a non-negative safe integer, given as a
 * number or a string of digits (our model keeps ids as strings); always a
 * number on the wire. An id above 2^53 - 1 is refused: it cannot be sent as
 * a JSON number without losing digits.
 *
 * @since 0.1.0
 * @internal
 */
export const NumericId = /* @__PURE__ */ refine('a non-negative safe integer', (u) => {
  const id = typeof u === 'string' && /^(0|[1-9]\d*)$/.test(u) ? Number(u) : u;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
});

/**
 * A context id: a non-empty string, or a non-negative safe integer read as
 * its decimal string.
 *
 * @since 0.1.0
 * @internal
 */
export const ContextId = /* @__PURE__ */ refine('a context id (a non-empty string)', (u) =>
  typeof u === 'string' ? u || undefined : typeof u === 'number' && Number.isSafeInteger(u) && u >= 0 ? String(u) : undefined,
);

const Available = /* @__PURE__ */ refine('"Available" (impressions need an available engagement)', (u) => (u === 'Available' ? u : undefined));

interface Ids {
  readonly campaignId: number;
  readonly engagementId: number;
  readonly engagementRevision: number;
}

interface IdsAndContext extends Ids {
  readonly contextId: string;
}

interface Source<D> {
  readonly status: 'Available';
  readonly engagementDetails: D;
}

const IDS: Fields<Ids> = { campaignId: required(NumericId), engagementId: required(NumericId), engagementRevision: required(NumericId) };

const WithoutContext = /* @__PURE__ */ record<Source<Ids>>({ status: required(Available), engagementDetails: required(/* @__PURE__ */ record<Ids>(IDS)) });

const WithContext = /* @__PURE__ */ record<Source<IdsAndContext>>({
  status: required(Available),
  engagementDetails: required(/* @__PURE__ */ record<IdsAndContext>({ ...IDS, contextId: required(ContextId) })),
});

/**
 * The optional fields of {@link expandedImpression}; each defaults to
 * `null`, as in the documented example.
 * @since 0.1.0
 */
export interface ImpExpandedFields {
  readonly expanded?: boolean | null;
  readonly userInit?: boolean | null;
  readonly actionableItems?: unknown;
}

/**
 * Reads the fields of an `impExpanded` event; `null` is kept.
 *
 * @since 0.1.0
 * @internal
 */
export const EXPANDED_FIELDS: Fields<ImpExpandedFields> = { expanded: FlagOrNull, userInit: FlagOrNull, actionableItems: AnyValue };

const ExpandedFieldsCodec = /* @__PURE__ */ record<ImpExpandedFields>(EXPANDED_FIELDS);

/**
 * The builder of the impression events of `type`, from an available
 * engagement (`withContext`: with `eContext`, so the engagement needs a
 * `contextId`); `impExpanded` also takes its own fields.
 */
function impression<E extends ImpressionEvent>(type: E['type'], withContext = false) {
  return (engagement: AvailableEngagement, fields?: ImpExpandedFields): Either<ValidationError, E> => {
    const expanded = type === 'impExpanded';
    const codec: t.Decoder<unknown, Source<Ids & { readonly contextId?: string }>> = withContext ? WithContext : WithoutContext;
    const source = decodeWith(codec, engagement);
    const extra = expanded ? decodeWith(ExpandedFieldsCodec, fields ?? {}) : right({});
    const issues = [
      ...(isLeft(source) ? source.left : []),
      ...(isLeft(extra) ? extra.left : []),
      ...(expanded && isRecord(fields) ? setByBuilder(fields, ['type', 'campaign', 'engId', 'revision'], 'is set by the builder from the engagement; leave it out') : []),
    ];
    if (isLeft(source) || isLeft(extra) || issues.length > 0) return withValidationError(left(issues));
    const details = source.right.engagementDetails;
    return right({
      type,
      ...(expanded ? { expanded: null, userInit: null, actionableItems: null, ...extra.right } : {}),
      campaign: details.campaignId,
      engId: details.engagementId,
      revision: details.engagementRevision,
      ...(withContext ? { eContext: [{ type: 'engagementContext', id: details.contextId }] } : {}),
    } as E);
  };
}

/**
 * Builds an `impDisplay` event (the engagement was shown) from an available
 * engagement. Never throws: an engagement that is not `Available`, or whose
 * ids are not safe integers, gives a `Left` naming the field
 * (`engagementDetails.campaignId`, ...).
 *
 * @example
 * ```ts
 * const event = displayImpression(engagement);
 * // => right({ type: 'impDisplay', campaign: 3346848610, engId: 3562981110, revision: 44, eContext: [{ type: 'engagementContext', id: '1' }] })
 * ```
 * @since 0.1.0
 * @function
 * @category Impression events
 */
export const displayImpression: (engagement: AvailableEngagement) => Either<ValidationError, ImpDisplayEvent> = /* @__PURE__ */ impression('impDisplay', true);

/**
 * Builds an `impAccept` event (the visitor accepted the engagement). Never throws.
 *
 * @example
 * ```ts
 * const event = acceptImpression(engagement);
 * // => right({ type: 'impAccept', campaign: 3346848610, engId: 3562981110, revision: 44, eContext: [{ type: 'engagementContext', id: '1' }] })
 * ```
 * @since 0.1.0
 * @function
 * @category Impression events
 */
export const acceptImpression: (engagement: AvailableEngagement) => Either<ValidationError, ImpAcceptEvent> = /* @__PURE__ */ impression('impAccept', true);

/**
 * Builds an `impExpanded` event. `expanded`, `userInit` and
 * `actionableItems` default to `null` (the documented example's form).
 * Never throws.
 *
 * @example
 * ```ts
 * const event = expandedImpression(engagement, { expanded: true, userInit: true });
 * // => right({ type: 'impExpanded', expanded: true, userInit: true, actionableItems: null, campaign: 3346848610, engId: 3562981110, revision: 44 })
 * ```
 * @since 0.1.0
 * @function
 * @category Impression events
 */
export const expandedImpression: (engagement: AvailableEngagement, fields?: ImpExpandedFields) => Either<ValidationError, ImpExpandedEvent> =
  /* @__PURE__ */ impression('impExpanded');

/**
 * Builds an `impTimeout` event. Never throws.
 *
 * @example
 * ```ts
 * const event = timeoutImpression(engagement);
 * // => right({ type: 'impTimeout', campaign: 3346848610, engId: 3562981110, revision: 44 })
 * ```
 * @since 0.1.0
 * @function
 * @category Impression events
 */
export const timeoutImpression: (engagement: AvailableEngagement) => Either<ValidationError, ImpTimeoutEvent> = /* @__PURE__ */ impression('impTimeout');

/**
 * Builds an `impClose` event. Never throws.
 *
 * @example
 * ```ts
 * const event = closeImpression(engagement);
 * // => right({ type: 'impClose', campaign: 3346848610, engId: 3562981110, revision: 44 })
 * ```
 * @since 0.1.0
 * @function
 * @category Impression events
 */
export const closeImpression: (engagement: AvailableEngagement) => Either<ValidationError, ImpCloseEvent> = /* @__PURE__ */ impression('impClose');

/**
 * Builds the impression event of `type` from an available engagement
 * (`impExpanded` with its `null` defaults). An unknown `type` gives a `Left`
 * at path `type`. Never throws.
 * @since 0.1.0
 */
export function impressionEvent(type: ImpressionEventType, engagement: AvailableEngagement): Either<ValidationError, ImpressionEvent> {
  const builders = {
    impDisplay: displayImpression,
    impAccept: acceptImpression,
    impExpanded: expandedImpression,
    impTimeout: timeoutImpression,
    impClose: closeImpression,
  };
  return hasOwn(builders, type)
    ? builders[type](engagement)
    : withValidationError(left([{ path: 'type', reason: `expected one of ${IMPRESSION_EVENT_TYPES.join(', ')}` }]));
}
