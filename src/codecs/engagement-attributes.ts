/**
 * `engagementAttributes` of a getEngagement request: SDE objects with a
 * `type`. Impression events belong to Update Session and are refused here.
 *
 * @internal
 */
import * as t from 'io-ts';
import type { EngagementAttributeInput } from '../model';

/** The impression-event types (`ImpressionEventBase` family on the server). */
export const IMPRESSION_TYPES: ReadonlyArray<string> = ['impDisplay', 'impAccept', 'impExpanded', 'impTimeout', 'impClose'];

const impressions = new Set(IMPRESSION_TYPES);

function isObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

/** One SDE object as getEngagement accepts it. */
export const AttributeForCreateSession = new t.Type<EngagementAttributeInput, EngagementAttributeInput, unknown>(
  'an engagement attribute object with a string `type`',
  (u): u is EngagementAttributeInput => isObject(u) && typeof u['type'] === 'string' && !impressions.has(u['type']),
  (u, c) => {
    if (!isObject(u)) return t.failure(u, c);
    const type = u['type'];
    if (typeof type !== 'string' || type.length === 0) {
      return t.failure(type, t.appendContext(c, 'type', t.string, type), 'expected an attribute type name');
    }
    if (impressions.has(type)) {
      return t.failure(
        type,
        t.appendContext(c, 'type', t.string, type),
        `impression event "${type}" is not allowed in getEngagement (report it with Update Session)`,
      );
    }
    return t.success(u as EngagementAttributeInput);
  },
  t.identity,
);

export const EngagementAttributesCodec = t.readonlyArray(AttributeForCreateSession, 'EngagementAttributes');
