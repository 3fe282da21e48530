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
import * as t from 'io-ts';
import { validationError, withValidationError, type ValidationError, type ValidationIssue } from '../errors';
import type { AvailableEngagement } from '../model';
import { left, right, isLeft, type Either } from '../internal/either';
import { decodeWith } from '../internal/validation';
import { nullable, optional, record, required, type FieldSpec } from './record';
import { AnyValue, Flag, leaf, literal } from './scalars';

/**
 * The impression-event types.
 *
 * @example
 * ```ts
 * const type: ImpressionEventType = 'impDisplay';
 * ```
 * @since 0.1.0
 */
export type ImpressionEventType = 'impDisplay' | 'impAccept' | 'impExpanded' | 'impTimeout' | 'impClose';

/**
 * Every {@link ImpressionEventType}.
 *
 * @example
 * ```ts
 * IMPRESSION_EVENT_TYPES.includes('impClose'); // => true
 * ```
 * @since 0.1.0
 */
export const IMPRESSION_EVENT_TYPES: ReadonlyArray<ImpressionEventType> = IMPRESSION_TYPES;

/**
 * One entry of `eContext`: the engagement's context id.
 *
 * @example
 * ```ts
 * const context: EngagementContext = { type: 'engagementContext', id: '1' };
 * ```
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
 * @example
 * ```ts
 * const ids: ImpressionIds = { campaign: 3115242510, engId: 3115242810, revision: 537 };
 * ```
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
 * @example
 * ```ts
 * const event: ImpDisplayEvent = { type: 'impDisplay', campaign: 3115242510, engId: 3115242810, revision: 537, eContext: [{ type: 'engagementContext', id: '1' }] };
 * ```
 * @since 0.1.0
 */
export type ImpDisplayEvent = { readonly type: 'impDisplay'; readonly eContext?: ReadonlyArray<EngagementContext> } & ImpressionIds;

/**
 * The visitor accepted the engagement (ImpressionAcceptEvent).
 *
 * @example
 * ```ts
 * const event: ImpAcceptEvent = { type: 'impAccept', campaign: 3115242510, engId: 3115242810, revision: 537, eContext: [{ type: 'engagementContext', id: '1' }] };
 * ```
 * @since 0.1.0
 */
export type ImpAcceptEvent = { readonly type: 'impAccept'; readonly eContext?: ReadonlyArray<EngagementContext> } & ImpressionIds;

/**
 * The engagement was expanded (ImpressionExpandedEvent). The documented
 * example sends `null` for `expanded`, `userInit` and `actionableItems`;
 * `null` is kept.
 *
 * @example
 * ```ts
 * const event: ImpExpandedEvent = { type: 'impExpanded', expanded: null, userInit: null, actionableItems: null, campaign: 3115242510, engId: 3115242810, revision: 537 };
 * ```
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
 * @example
 * ```ts
 * const event: ImpTimeoutEvent = { type: 'impTimeout', campaign: 3115242510, engId: 3115242810, revision: 537 };
 * ```
 * @since 0.1.0
 */
export type ImpTimeoutEvent = { readonly type: 'impTimeout' } & ImpressionIds;

/**
 * The engagement was closed (ImpressionCloseEvent).
 *
 * @example
 * ```ts
 * const event: ImpCloseEvent = { type: 'impClose', campaign: 3115242510, engId: 3115242810, revision: 537 };
 * ```
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

const DIGITS = /^(?:0|[1-9][0-9]*)$/;

/**
 * A numeric id of an impression: a non-negative safe integer, given as a
 * number or a string of digits (our model keeps ids as strings); always a
 * number on the wire. An id above 2^53 - 1 is refused: it cannot be sent as
 * a JSON number without losing digits.
 *
 * @example
 * ```ts
 * NumericId.decode('3346848610'); // => right(3346848610)
 * NumericId.decode('99999999999999999999'); // => left
 * ```
 * @since 0.1.0
 * @internal
 */
export const NumericId = new t.Type<number, number, unknown>(
  'a non-negative safe integer (a number, or a string of digits, at most 2^53 - 1)',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
  (u, c) => {
    const n = typeof u === 'string' && DIGITS.test(u) ? Number(u) : u;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? t.success(n) : t.failure(u, c);
  },
  t.identity,
);

/** A context id: a non-empty string, or a safe integer read as its decimal string. */
const ContextId = new t.Type<string, string, unknown>(
  'a context id (a non-empty string)',
  (u): u is string => typeof u === 'string' && u.length > 0,
  (u, c) =>
    typeof u === 'string' && u.length > 0
      ? t.success(u)
      : typeof u === 'number' && Number.isSafeInteger(u) && u >= 0
        ? t.success(String(u))
        : t.failure(u, c),
  t.identity,
);

const EngagementContextCodec = record<EngagementContext>('an engagement context { type: "engagementContext", id }', {
  type: required(literal('engagementContext')),
  id: required(ContextId),
});

const ID_FIELDS: Readonly<Record<string, FieldSpec>> = {
  campaign: required(NumericId),
  engId: required(NumericId),
  revision: required(NumericId),
};

const E_CONTEXT = optional(t.readonlyArray(EngagementContextCodec, 'an array of engagement contexts'));

/**
 * Reads an `impDisplay` event.
 *
 * @example
 * ```ts
 * ImpDisplayCodec.decode({ type: 'impDisplay', campaign: 1, engId: 2, revision: 3 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const ImpDisplayCodec = record<ImpDisplayEvent>('an impDisplay event', { type: required(literal('impDisplay')), ...ID_FIELDS, eContext: E_CONTEXT });

/**
 * Reads an `impAccept` event.
 *
 * @example
 * ```ts
 * ImpAcceptCodec.decode({ type: 'impAccept', campaign: 1, engId: 2, revision: 3 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const ImpAcceptCodec = record<ImpAcceptEvent>('an impAccept event', { type: required(literal('impAccept')), ...ID_FIELDS, eContext: E_CONTEXT });

const EXPANDED_FIELDS: Readonly<Record<string, FieldSpec>> = {
  expanded: nullable(Flag),
  userInit: nullable(Flag),
  actionableItems: nullable(AnyValue),
};

/**
 * Reads an `impExpanded` event; `null` in `expanded`, `userInit` and
 * `actionableItems` is kept.
 *
 * @example
 * ```ts
 * ImpExpandedCodec.decode({ type: 'impExpanded', expanded: null, campaign: 1, engId: 2, revision: 3 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const ImpExpandedCodec = record<ImpExpandedEvent>('an impExpanded event', {
  type: required(literal('impExpanded')),
  ...EXPANDED_FIELDS,
  ...ID_FIELDS,
});

/**
 * Reads an `impTimeout` event.
 *
 * @example
 * ```ts
 * ImpTimeoutCodec.decode({ type: 'impTimeout', campaign: 1, engId: 2, revision: 3 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const ImpTimeoutCodec = record<ImpTimeoutEvent>('an impTimeout event', { type: required(literal('impTimeout')), ...ID_FIELDS });

/**
 * Reads an `impClose` event.
 *
 * @example
 * ```ts
 * ImpCloseCodec.decode({ type: 'impClose', campaign: 1, engId: 2, revision: 3 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const ImpCloseCodec = record<ImpCloseEvent>('an impClose event', { type: required(literal('impClose')), ...ID_FIELDS });

const Available = leaf('"Available" (impressions exist only for an available engagement)', (u): u is 'Available' => u === 'Available');

interface Source {
  readonly engagementDetails: { readonly campaignId: number; readonly engagementId: number; readonly engagementRevision: number; readonly contextId?: string };
}

function sourceCodec(needsContext: boolean): t.Type<Source, Source, unknown> {
  return record<Source>('an available engagement', {
    status: required(Available),
    engagementDetails: required(
      record('engagement details', {
        campaignId: required(NumericId),
        engagementId: required(NumericId),
        engagementRevision: required(NumericId),
        ...(needsContext ? { contextId: required(ContextId) } : {}),
      }),
    ),
  });
}

const WithContext = sourceCodec(true);
const WithoutContext = sourceCodec(false);

function idsOf(source: Source): ImpressionIds {
  const d = source.engagementDetails;
  return { campaign: d.campaignId, engId: d.engagementId, revision: d.engagementRevision };
}

function withContext<E>(type: 'impDisplay' | 'impAccept', engagement: unknown): Either<ValidationError, E> {
  return withValidationError(contextIssues<E>(type, engagement));
}

function contextIssues<E>(type: 'impDisplay' | 'impAccept', engagement: unknown): Either<ValidationIssue[], E> {
  const source = decodeWith(WithContext, engagement);
  if (isLeft(source)) return source;
  const contextId = source.right.engagementDetails.contextId ?? '';
  return right({ type, ...idsOf(source.right), eContext: [{ type: 'engagementContext', id: contextId }] } as E);
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
 * @category Impression events
 */
export function displayImpression(engagement: AvailableEngagement): Either<ValidationError, ImpDisplayEvent> {
  return withContext<ImpDisplayEvent>('impDisplay', engagement);
}

/**
 * Builds an `impAccept` event (the visitor accepted the engagement). Never throws.
 *
 * @example
 * ```ts
 * const event = acceptImpression(engagement);
 * // => right({ type: 'impAccept', campaign: 3346848610, engId: 3562981110, revision: 44, eContext: [{ type: 'engagementContext', id: '1' }] })
 * ```
 * @since 0.1.0
 * @category Impression events
 */
export function acceptImpression(engagement: AvailableEngagement): Either<ValidationError, ImpAcceptEvent> {
  return withContext<ImpAcceptEvent>('impAccept', engagement);
}

/**
 * The optional fields of {@link expandedImpression}; each defaults to
 * `null`, as in the documented example.
 *
 * @example
 * ```ts
 * const fields: ImpExpandedFields = { expanded: true, userInit: true };
 * ```
 * @since 0.1.0
 */
export interface ImpExpandedFields {
  readonly expanded?: boolean | null;
  readonly userInit?: boolean | null;
  readonly actionableItems?: unknown;
}

const ExpandedFieldsCodec = record<ImpExpandedFields>('impExpanded fields', EXPANDED_FIELDS);
const SET_BY_BUILDER: ReadonlyArray<string> = ['type', 'campaign', 'engId', 'revision'];

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
 * @category Impression events
 */
export function expandedImpression(engagement: AvailableEngagement, fields: ImpExpandedFields = {}): Either<ValidationError, ImpExpandedEvent> {
  return withValidationError(expandedIssues(engagement, fields));
}

function expandedIssues(engagement: AvailableEngagement, fields: ImpExpandedFields): Either<ValidationIssue[], ImpExpandedEvent> {
  const source = decodeWith(WithoutContext, engagement);
  const extra = decodeWith(ExpandedFieldsCodec, fields);
  const reserved = typeof fields === 'object' && fields !== null ? SET_BY_BUILDER.filter((k) => Object.prototype.hasOwnProperty.call(fields, k)) : [];
  const issues = [
    ...(isLeft(source) ? source.left : []),
    ...(isLeft(extra) ? extra.left : []),
    ...reserved.map((path) => ({ path, reason: 'is set by the builder from the engagement; leave it out' })),
  ];
  if (issues.length > 0 || isLeft(source) || isLeft(extra)) return left(issues);
  return right({
    type: 'impExpanded',
    expanded: null,
    userInit: null,
    actionableItems: null,
    ...extra.right,
    ...idsOf(source.right),
  } as ImpExpandedEvent);
}

/**
 * Builds an `impTimeout` event. Never throws.
 *
 * @example
 * ```ts
 * const event = timeoutImpression(engagement);
 * // => right({ type: 'impTimeout', campaign: 3346848610, engId: 3562981110, revision: 44 })
 * ```
 * @since 0.1.0
 * @category Impression events
 */
export function timeoutImpression(engagement: AvailableEngagement): Either<ValidationError, ImpTimeoutEvent> {
  const source = decodeWith(WithoutContext, engagement);
  return withValidationError(isLeft(source) ? source : right({ type: 'impTimeout', ...idsOf(source.right) } as ImpTimeoutEvent));
}

/**
 * Builds an `impClose` event. Never throws.
 *
 * @example
 * ```ts
 * const event = closeImpression(engagement);
 * // => right({ type: 'impClose', campaign: 3346848610, engId: 3562981110, revision: 44 })
 * ```
 * @since 0.1.0
 * @category Impression events
 */
export function closeImpression(engagement: AvailableEngagement): Either<ValidationError, ImpCloseEvent> {
  const source = decodeWith(WithoutContext, engagement);
  return withValidationError(isLeft(source) ? source : right({ type: 'impClose', ...idsOf(source.right) } as ImpCloseEvent));
}

/**
 * Builds the impression event of `type` from an available engagement
 * (`impExpanded` with its `null` defaults). An unknown `type` gives a `Left`
 * at path `type`. Never throws.
 *
 * @example
 * ```ts
 * const events = (['impDisplay', 'impAccept'] as const).map((type) => impressionEvent(type, engagement));
 * ```
 * @since 0.1.0
 */
export function impressionEvent(type: ImpressionEventType, engagement: AvailableEngagement): Either<ValidationError, ImpressionEvent> {
  switch (type) {
    case 'impDisplay':
      return displayImpression(engagement);
    case 'impAccept':
      return acceptImpression(engagement);
    case 'impExpanded':
      return expandedImpression(engagement);
    case 'impTimeout':
      return timeoutImpression(engagement);
    case 'impClose':
      return closeImpression(engagement);
    default:
      return left(validationError([{ path: 'type', reason: `expected one of ${IMPRESSION_EVENT_TYPES.join(', ')}` }]));
  }
}
