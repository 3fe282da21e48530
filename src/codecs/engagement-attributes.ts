/**
 * `engagementAttributes` of a getEngagement request, as the check core reads
 * them: an array of objects whose `type` is one of the ten engagement
 * attribute (SDE) types. Impression events belong to Update Session and are
 * refused, naming the index and the type. The fields of each attribute are
 * checked where that is asked for (a builder, `decodeAttributes`, or the
 * client's `validateAttributes` option), so a page that uses no SDE never
 * carries the ten attribute codecs.
 *
 * @internal
 */
import * as t from 'io-ts';
import type { EngagementAttributeInput } from '../model';
import { list } from './primitives';

/** The ten engagement attribute types, in the documentation's order. */
export const ATTRIBUTE_TYPES = ['cart', 'purchase', 'prodView', 'ctmrinfo', 'mrktInfo', 'personal', 'lead', 'service', 'error', 'searchInfo'] as const;

/** The impression-event types (`ImpressionEventBase` family on the server). */
export const IMPRESSION_TYPES = ['impDisplay', 'impAccept', 'impExpanded', 'impTimeout', 'impClose'] as const;

const TypeName = new t.Type<string, string, unknown>(
  `one of ${ATTRIBUTE_TYPES.join(', ')}`,
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)),
  t.identity,
);

const includes = (list: ReadonlyArray<string>, u: unknown): boolean => list.includes(u as string);

/** One SDE object as getEngagement accepts it: an object with a known attribute `type`; its fields are kept as given. */
export const AttributeForCreateSession = new t.Type<EngagementAttributeInput, EngagementAttributeInput, unknown>(
  'an engagement attribute object with a string `type`',
  (u): u is EngagementAttributeInput => typeof u === 'object' && u !== null && !Array.isArray(u) && includes(ATTRIBUTE_TYPES, (u as { type?: unknown }).type),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c);
    const type = (u as { type?: unknown }).type;
    const at = t.appendContext(c, 'type', TypeName, type);
    if (typeof type !== 'string') return t.failure(type, at);
    if (includes(ATTRIBUTE_TYPES, type)) return t.success(u as EngagementAttributeInput);
    return t.failure(
      type,
      at,
      includes(IMPRESSION_TYPES, type)
        ? `impression event "${type}" is not allowed in getEngagement (report it with Update Session)`
        : `is not a known type (${TypeName.name.replace('one', 'expected one')})`,
    );
  },
  t.identity,
);

export const EngagementAttributesCodec = list(AttributeForCreateSession, 'an array of engagement attributes');
