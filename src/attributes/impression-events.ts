/**
 * The codecs of the impression events, one per type and the union that
 * dispatches on `type`, and the decode/encode functions of impression events
 * (Update Session's `impAttributes`).
 *
 * @internal
 */
import { list } from '../codecs/primitives';
import { ATTRIBUTE_TYPES, IMPRESSION_TYPES } from '../codecs/engagement-attributes';
import * as t from 'io-ts';
import { withValidationError, type ValidationError, type ValidationIssue } from '../errors';
import type { Either } from '../internal/either';
import { decodeWith } from '../internal/validation';
import { dispatch, member, type Members } from './dispatch';
import {
  ContextId,
  EXPANDED_FIELDS,
  NumericId,
  type EngagementContext,
  type ImpAcceptEvent,
  type ImpCloseEvent,
  type ImpDisplayEvent,
  type ImpExpandedEvent,
  type ImpressionEvent,
  type ImpressionIds,
  type ImpTimeoutEvent,
} from './impressions';
import { record, required, withoutUndefined, type Fields } from './record';
import { literal } from './scalars';

const IDS: Fields<ImpressionIds> = { campaign: required(NumericId), engId: required(NumericId), revision: required(NumericId) };

const E_CONTEXT = /* @__PURE__ */ list(
  /* @__PURE__ */ record<EngagementContext>({ type: required(literal('engagementContext')), id: required(ContextId) }),
  'an array',
);

/**
 * Reads an `impDisplay` event.
 *
 * @since 0.1.0
 * @internal
 */
export const ImpDisplayCodec = /* @__PURE__ */ member<ImpDisplayEvent>('impDisplay', { ...IDS, eContext: E_CONTEXT });

/**
 * Reads an `impAccept` event.
 *
 * @since 0.1.0
 * @internal
 */
export const ImpAcceptCodec = /* @__PURE__ */ member<ImpAcceptEvent>('impAccept', { ...IDS, eContext: E_CONTEXT });

/**
 * Reads an `impExpanded` event; `null` in `expanded`, `userInit` and
 * `actionableItems` is kept.
 *
 * @since 0.1.0
 * @internal
 */
export const ImpExpandedCodec = /* @__PURE__ */ member<ImpExpandedEvent>('impExpanded', { ...EXPANDED_FIELDS, ...IDS });

/**
 * Reads an `impTimeout` event.
 *
 * @since 0.1.0
 * @internal
 */
export const ImpTimeoutCodec = /* @__PURE__ */ member<ImpTimeoutEvent>('impTimeout', IDS);

/**
 * Reads an `impClose` event.
 *
 * @since 0.1.0
 * @internal
 */
export const ImpCloseCodec = /* @__PURE__ */ member<ImpCloseEvent>('impClose', IDS);

// One codec per type, in the documentation's order.
const MEMBERS: Members<ImpressionEvent, typeof IMPRESSION_TYPES> = [ImpDisplayCodec, ImpAcceptCodec, ImpExpandedCodec, ImpTimeoutCodec, ImpCloseCodec];

/**
 * The codec of one impression event, dispatching on `type` like
 * `EngagementAttributeCodec`. An engagement attribute is refused at `type`
 * with a reason naming it. Ids given as strings of digits become numbers;
 * `null` in impExpanded's `expanded`, `userInit` and `actionableItems` is kept.
 * @since 0.1.0
 */
export const ImpressionEventCodec: t.Type<ImpressionEvent, ImpressionEvent, unknown> = /* @__PURE__ */ dispatch<ImpressionEvent>(
  'an impression event object',
  MEMBERS,
  (type) =>
    (ATTRIBUTE_TYPES as ReadonlyArray<string>).includes(type)
      ? `"${type}" is an engagement attribute, not an impression event (send it in engagementAttributes)`
      : undefined,
);

const ImpressionList = /* @__PURE__ */ list(ImpressionEventCodec, 'an array of impression events');

/**
 * Validates one impression event. Never throws. Ids given as strings of
 * digits become numbers; an engagement attribute is refused at `type`.
 * @since 0.1.0
 */
export function decodeImpression(u: unknown): Either<ValidationError, ImpressionEvent> {
  return withValidationError(impressionIssues(u));
}

/**
 * {@link decodeImpression} with the bare issues, for callers that prefix their paths.
 *
 * @since 0.1.0
 * @internal
 */
export function impressionIssues(u: unknown): Either<ValidationIssue[], ImpressionEvent> {
  return decodeWith(ImpressionEventCodec, u);
}

/**
 * Validates an array of impression events (Update Session's `impAttributes`).
 * @since 0.1.0
 */
export function decodeImpressions(u: unknown): Either<ValidationError, ReadonlyArray<ImpressionEvent>> {
  return withValidationError(decodeWith(ImpressionList, u));
}

/**
 * The wire JSON of an impression event: a fresh copy without `undefined`
 * fields (`null` kept where the event documents it).
 * @since 0.1.0
 */
export function encodeImpression(e: ImpressionEvent): unknown {
  return withoutUndefined(e);
}

/**
 * The wire JSON of several impression events (see {@link encodeImpression}).
 * @since 0.1.0
 */
export function encodeImpressions(es: ReadonlyArray<ImpressionEvent>): unknown[] {
  return es.map(encodeImpression);
}
