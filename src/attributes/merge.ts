/**
 * What LivePerson does when an attribute is reported again in the same
 * session, as a pure reducer (best-practices page):
 * - `cart` **replaces** the previous cart;
 * - `personal`, `ctmrinfo`, `mrktInfo` **merge**: the fields under the
 *   wrapper (`personal` / `info`) and the attribute's own top-level fields
 *   are merged one level deep: a field given again replaces the old value
 *   whole (an `age` or date object, the `contacts` array), omitted fields
 *   keep their old value;
 * - every other type is **appended** (`purchase`, `prodView`, `lead`,
 *   `error`, `searchInfo`, and `service`, as the newer revision of the page
 *   says). Equal items are not de-duplicated: each report counts.
 *
 * @packageDocumentation
 */
import { isRecord } from '../internal/validation';
import type { EngagementAttribute, EngagementAttributeType } from './attribute';

/**
 * How an attribute combines with an earlier one of the same type.
 * @since 0.1.0
 */
export type MergeBehavior = 'replace' | 'merge' | 'append';

/**
 * The {@link MergeBehavior} of every type, and the wrapper key whose fields
 * merge.
 * @since 0.1.0
 */
export const MERGE_BEHAVIOR: { readonly [K in EngagementAttributeType]: { readonly behavior: MergeBehavior; readonly wrapper?: string } } = {
  cart: { behavior: 'replace' },
  purchase: { behavior: 'append' },
  prodView: { behavior: 'append' },
  ctmrinfo: { behavior: 'merge', wrapper: 'info' },
  mrktInfo: { behavior: 'merge', wrapper: 'info' },
  personal: { behavior: 'merge', wrapper: 'personal' },
  lead: { behavior: 'append' },
  service: { behavior: 'append' },
  error: { behavior: 'append' },
  searchInfo: { behavior: 'append' },
};

/**
 * The {@link MergeBehavior} of a type; a type this library does not know is appended.
 * @since 0.1.0
 */
export function mergeBehaviorOf(type: string): MergeBehavior {
  return Object.prototype.hasOwnProperty.call(MERGE_BEHAVIOR, type) ? MERGE_BEHAVIOR[type as EngagementAttributeType].behavior : 'append';
}

function mergeFields(previous: EngagementAttribute, next: EngagementAttribute, wrapper: string): EngagementAttribute {
  const before = (previous as Readonly<Record<string, unknown>>)[wrapper];
  const after = (next as Readonly<Record<string, unknown>>)[wrapper];
  const merged: Record<string, unknown> = { ...previous, ...next };
  if (isRecord(before) && isRecord(after)) merged[wrapper] = { ...before, ...after };
  else if (after === undefined && before !== undefined) merged[wrapper] = before;
  return merged as EngagementAttribute;
}

function mergeOne(acc: EngagementAttribute[], next: EngagementAttribute): EngagementAttribute[] {
  if (!isRecord(next)) return [...acc, next];
  const type = String(next.type);
  const behavior = mergeBehaviorOf(type);
  if (behavior === 'append') return [...acc, next];
  const at = acc.findIndex((a) => isRecord(a) && a.type === type);
  if (at < 0) return [...acc, next];
  const previous = acc[at] as EngagementAttribute;
  const wrapper = MERGE_BEHAVIOR[type as EngagementAttributeType].wrapper;
  const combined = behavior === 'replace' || wrapper === undefined ? next : mergeFields(previous, next, wrapper);
  const out = acc.slice();
  out[at] = combined;
  return out;
}

/**
 * The session's attributes after `incoming` is reported on top of
 * `current`, item by item, in order (see the module description for each
 * type's behavior). A replaced or merged attribute keeps the position of the
 * earlier one. Pure: neither argument is changed. Expects valid attributes
 * (decode first); never throws.
 *
 * Use it as a `scan` reducer to keep the session's state, or with an empty
 * `current` to coalesce a batch before sending it ({@link coalesceAttributes}).
 * @since 0.1.0
 */
export function mergeAttributes(current: ReadonlyArray<EngagementAttribute>, incoming: ReadonlyArray<EngagementAttribute>): EngagementAttribute[] {
  const start = Array.isArray(current) ? (current as ReadonlyArray<EngagementAttribute>).reduce(mergeOne, []) : [];
  return Array.isArray(incoming) ? (incoming as ReadonlyArray<EngagementAttribute>).reduce(mergeOne, start) : start;
}

/**
 * Coalesces the attributes reported within a short window into the fewest
 * that mean the same to LivePerson: one `cart` (the last), one `personal`,
 * `ctmrinfo` and `mrktInfo` each (fields merged, in order), every other
 * item kept in order. Sending the result once is equivalent to sending the
 * batch item by item.
 * @since 0.1.0
 */
export function coalesceAttributes(batch: ReadonlyArray<EngagementAttribute>): EngagementAttribute[] {
  return mergeAttributes([], batch);
}
