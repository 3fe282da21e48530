/**
 * What `reporter.report(...)` accepts: engagement attributes (SDEs) and
 * impression events, validated by the attribute codecs. Pure.
 *
 * @packageDocumentation
 */
import { validationError, type ValidationError, type ValidationIssue } from '../errors';
import { ENGAGEMENT_ATTRIBUTE_TYPES, EngagementAttributeCodec, ImpressionEventCodec, type EngagementAttribute } from '../attributes/attribute';
import { IMPRESSION_EVENT_TYPES, type ImpressionEvent } from '../attributes/impressions';
import { unwrapBuilt } from '../attributes/built';
import { left, right, isLeft, type Either } from '../internal/either';
import { decodeWith, isRecord, prefixIssues } from '../internal/validation';

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
 * reporter.report(...items);
 * ```
 * @since 0.1.0
 * @category Reporting
 */
export type ReportItem = EngagementAttribute | ImpressionEvent;

/**
 * What a `reportFrom` source may emit: one item, or an array of items
 * reported together (one `report` call). An item may be a builder's result
 * (an `Either`): a `Left` is refused like any invalid item.
 *
 * @example
 * ```ts
 * import { map, type Observable } from 'rxjs';
 *
 * // cart$: the application's cart, as an Observable
 * const cartItems$: Observable<ReportSourceValue> = cart$.pipe(
 *   map((cart) => cartAttribute({ total: cart.total, numItems: cart.items.length })),
 * );
 * reporter.reportFrom(cartItems$);
 * ```
 * @since 0.1.0
 * @category Reporting
 */
export type ReportSourceValue =
  | ReportItem
  | Either<ValidationError, ReportItem>
  | ReadonlyArray<ReportItem | Either<ValidationError, ReportItem>>;

/** A validated item, tagged with the body array it goes to. @internal */
export type QueuedItem =
  | { readonly kind: 'attribute'; readonly item: EngagementAttribute }
  | { readonly kind: 'impression'; readonly item: ImpressionEvent };

/** Most items one `report` call takes (a larger call is refused, never truncated). @internal */
export const MAX_ITEMS_PER_REPORT = 1_000;

/** True when `type` names an impression event (`impDisplay`, ...). @internal */
export const isImpressionType = (type: unknown): boolean => (IMPRESSION_EVENT_TYPES as ReadonlyArray<unknown>).includes(type);

const KNOWN_TYPES: ReadonlyArray<unknown> = [...ENGAGEMENT_ATTRIBUTE_TYPES, ...IMPRESSION_EVENT_TYPES];

/**
 * The distinct known attribute and impression types among some values, in
 * first-seen order: the only thing telemetry says about an item. @internal
 */
export const typesOf = (values: ReadonlyArray<unknown>): string[] => [
  ...new Set(values.map(typeOf).filter((t): t is string => KNOWN_TYPES.includes(t))),
];

/** The `type` of an item, or of the item a builder's `Right` holds; `undefined` also when reading it threw. */
function typeOf(value: unknown): unknown {
  try {
    const built = unwrapBuilt(value);
    return !isLeft(built) && isRecord(built.right) ? built.right['type'] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Validates one item read as `kind`, and takes a JSON snapshot of it (so
 * later changes to the caller's object never reach the outbox): its issues,
 * or the item. A value JSON cannot write (a BigInt, a cycle) is an issue.
 *
 * @internal
 */
export function decodeItem(kind: QueuedItem['kind'], u: unknown): Either<ValidationIssue[], QueuedItem> {
  const decoded = decodeWith<unknown>(kind === 'impression' ? ImpressionEventCodec : EngagementAttributeCodec, u);
  if (isLeft(decoded)) return decoded;
  try {
    return right({ kind, item: JSON.parse(JSON.stringify(decoded.right)) } as QueuedItem);
  } catch {
    return left([{ path: '(value)', reason: 'cannot be written as JSON' }]);
  }
}

/**
 * Validates the items of one report. A builder's result stands for its
 * item (a `Left` gives the builder's issues). Each item goes to the
 * impression codec when its `type` is an impression type, else to the
 * attribute codec.
 * All-or-nothing: one bad item refuses the whole report, with issues named
 * `[i].field` (never a value). Never throws.
 *
 * @internal
 */
export function decodeReportItems(items: unknown): Either<ValidationError, QueuedItem[]> {
  const issues: ValidationIssue[] = [];
  const out: QueuedItem[] = [];
  if (!Array.isArray(items) || items.length > MAX_ITEMS_PER_REPORT) {
    issues.push({ path: '(value)', reason: `expected an array of at most ${MAX_ITEMS_PER_REPORT} items` });
  } else {
    items.forEach((given: unknown, i) => {
      let r: Either<ValidationIssue[], QueuedItem>;
      try {
        const built = unwrapBuilt(given);
        const u = isLeft(built) ? undefined : built.right;
        r = isLeft(built) ? built : decodeItem(isImpressionType(isRecord(u) && u['type']) ? 'impression' : 'attribute', u);
      } catch {
        r = left([{ path: '(value)', reason: 'could not be read (a getter or a proxy threw)' }]);
      }
      if (isLeft(r)) issues.push(...prefixIssues(`[${i}]`, r.left));
      else out.push(r.right);
    });
  }
  return issues.length > 0 ? left(validationError(issues)) : right(out);
}
