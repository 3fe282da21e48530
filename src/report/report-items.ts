/**
 * What `client.report(...)` accepts: engagement attributes (SDEs) and
 * impression events, validated by the attribute codecs. Pure.
 *
 * @packageDocumentation
 */
import { validationError, type ValidationError, type ValidationIssue } from '../errors';
import { attributeIssues, impressionIssues, encodeAttribute, encodeImpression, type EngagementAttribute } from '../attributes/attribute';
import { IMPRESSION_EVENT_TYPES, type ImpressionEvent } from '../attributes/impressions';
import { left, right, isLeft, type Either } from '../internal/either';
import { prefixIssues } from '../internal/validation';

/**
 * One thing an application reports: an engagement attribute (sent in Update
 * Session's `engagementAttributes`) or an impression event (sent in
 * `impAttributes`).
 *
 * @example
 * ```ts
 * const items: ReportItem[] = [
 *   { type: 'cart', total: 11.7, numItems: 6 },
 *   { type: 'impDisplay', campaign: 3346848610, engId: 3562981110, revision: 44 },
 * ];
 * client.report(...items);
 * ```
 * @since 0.1.0
 * @category Reporting
 */
export type ReportItem = EngagementAttribute | ImpressionEvent;

/**
 * What a `reportFrom` source may emit: one item, or an array of items
 * reported together (one `report` call).
 *
 * @example
 * ```ts
 * const cart$: Observable<ReportSourceValue> = store.select(selectCart).pipe(
 *   map((cart) => ({ type: 'cart', total: cart.total, numItems: cart.items.length })),
 * );
 * client.reportFrom(cart$);
 * ```
 * @since 0.1.0
 * @category Reporting
 */
export type ReportSourceValue = ReportItem | ReadonlyArray<ReportItem>;

/** A validated item, tagged with the body array it goes to. @internal */
export type QueuedItem =
  | { readonly kind: 'attribute'; readonly item: EngagementAttribute }
  | { readonly kind: 'impression'; readonly item: ImpressionEvent };

/** Most items one `report` call takes (a larger call is refused, never truncated). @internal */
export const MAX_ITEMS_PER_REPORT = 1_000;

/**
 * A deep JSON copy: what is queued (and stored, and sent) is a snapshot taken
 * when the report is made, so later changes to the caller's objects never
 * leak into it. `undefined` when the value cannot be written as JSON.
 */
function jsonCopy(u: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(u)) as unknown;
  } catch {
    return undefined;
  }
}

function typeOf(u: unknown): unknown {
  return typeof u === 'object' && u !== null && !Array.isArray(u) ? (u as Record<string, unknown>)['type'] : undefined;
}

/** True when `type` names an impression event (`impDisplay`, ...). @internal */
export function isImpressionType(type: unknown): boolean {
  return typeof type === 'string' && (IMPRESSION_EVENT_TYPES as ReadonlyArray<string>).includes(type);
}

/**
 * Validates the items of one report. Each item goes to the impression codec
 * when its `type` is an impression type, else to the attribute codec.
 * All-or-nothing: one bad item refuses the whole report, with issues named
 * `[i].field` (never a value). Never throws.
 *
 * @internal
 */
export function decodeReportItems(items: unknown): Either<ValidationError, ReadonlyArray<QueuedItem>> {
  if (!Array.isArray(items)) {
    return left(validationError([{ path: '(value)', reason: 'expected engagement attributes or impression events' }]));
  }
  if (items.length > MAX_ITEMS_PER_REPORT) {
    return left(validationError([{ path: '(value)', reason: `expected at most ${MAX_ITEMS_PER_REPORT} items in one report, got ${items.length}` }]));
  }
  const issues: ValidationIssue[] = [];
  const out: QueuedItem[] = [];
  items.forEach((u: unknown, i) => {
    const impression = isImpressionType(typeOf(u));
    const decoded = impression ? impressionIssues(u) : attributeIssues(u);
    if (isLeft(decoded)) {
      issues.push(...prefixIssues(`[${i}]`, decoded.left));
      return;
    }
    const copy = jsonCopy(impression ? encodeImpression(decoded.right as ImpressionEvent) : encodeAttribute(decoded.right as EngagementAttribute));
    if (copy === undefined) issues.push({ path: `[${i}]`, reason: 'cannot be written as JSON (a BigInt or a cycle in an extra field)' });
    else if (impression) out.push({ kind: 'impression', item: copy as ImpressionEvent });
    else out.push({ kind: 'attribute', item: copy as EngagementAttribute });
  });
  return issues.length > 0 ? left(validationError(issues)) : right(out);
}
