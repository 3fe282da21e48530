/**
 * `engagementAttributes` of a getEngagement request: SDE objects validated by
 * the full attribute codecs (src/attributes/). Impression events belong to
 * Update Session and are refused here, naming the index and the type.
 *
 * @internal
 */
import * as t from 'io-ts';
import { EngagementAttributeCodec } from '../attributes/attribute';
import { IMPRESSION_EVENT_TYPES } from '../attributes/impressions';

/** The impression-event types (`ImpressionEventBase` family on the server). */
export const IMPRESSION_TYPES: ReadonlyArray<string> = IMPRESSION_EVENT_TYPES;

/** One SDE object as getEngagement accepts it. */
export const AttributeForCreateSession = EngagementAttributeCodec;

export const EngagementAttributesCodec = t.readonlyArray(EngagementAttributeCodec, 'an array of engagement attributes');
