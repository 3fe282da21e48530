/**
 * The update semantics of engagement attributes re-sent on one session
 * (LivePerson's "Engagement Attributes best practices"). Pure.
 *
 * - update properties (merge, keep omitted fields): `personal`, `ctmrinfo`, `mrktInfo`;
 * - replace: `cart`;
 * - append a new item: every other type (`prodView`, `error`, `purchase`,
 *   `lead`, `searchInfo`, and `service`, which the newer revision of the page
 *   lists as appended).
 *
 * @internal
 */
import { isPlainObject } from './protocol';

/** An attribute object as received: a `type` and its fields. */
export type Attribute = Readonly<Record<string, unknown>>;

const MERGED = new Set(['personal', 'ctmrinfo', 'mrktInfo']);
const REPLACED = new Set(['cart']);

/** How a type behaves when it is sent again. */
export function updateRule(type: string): 'merge' | 'replace' | 'append' {
  if (MERGED.has(type)) return 'merge';
  if (REPLACED.has(type)) return 'replace';
  return 'append';
}

/** Merges `next` into `previous`: top-level fields replace, and object fields are merged one level deep. */
export function mergeAttribute(previous: Attribute, next: Attribute): Attribute {
  const out: Record<string, unknown> = { ...previous };
  for (const [key, value] of Object.entries(next)) {
    const old = out[key];
    out[key] = isPlainObject(old) && isPlainObject(value) ? { ...old, ...value } : value;
  }
  return out;
}

/** The session's attributes after `incoming` arrive, in first-seen order. Does not change `current`. */
export function applyAttributes(current: ReadonlyArray<Attribute>, incoming: ReadonlyArray<Attribute>): Attribute[] {
  const out = [...current];
  for (const attribute of incoming) {
    const type = attribute['type'];
    if (typeof type !== 'string') continue;
    const rule = updateRule(type);
    const index = rule === 'append' ? -1 : out.findIndex((a) => a['type'] === type);
    const existing = out[index];
    if (existing === undefined) out.push(attribute);
    else out[index] = rule === 'merge' ? mergeAttribute(existing, attribute) : attribute;
  }
  return out;
}
