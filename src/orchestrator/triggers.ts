/**
 * Which inputs trigger a check, and what is remembered of them. Pure: the
 * debounce itself is a timer of `engagement-stream.ts`.
 *
 * - **Sections**: compared after normalization (a comma-delimited string is
 *   split, names are trimmed, blank names dropped). Order matters: the
 *   first listed section routes the engagement. An equal list never triggers.
 * - **SDEs**: an attribute equal (deep equality) to the previous attribute of
 *   its type is a repetition: it never triggers. It is dropped altogether
 *   when its type replaces or merges (re-sending it would change nothing on
 *   the session) and still forwarded when its type appends (each report
 *   counts, e.g. two views of one product).
 * - Only the types in {@link ELIGIBILITY_ATTRIBUTE_TYPES} trigger a
 *   (debounced) re-check.
 *
 * @packageDocumentation
 */
import type { ValidationIssue } from '../errors';
import { attributeIssues, type EngagementAttribute, type EngagementAttributeType } from '../attributes/attribute';
import { coalesceAttributes, mergeBehaviorOf } from '../attributes/merge';
import { prefixIssues } from '../internal/validation';
import type { PauseReason } from './state';

/**
 * The SDE types that can change whether an engagement is eligible, so their
 * arrival triggers a debounced re-check. LivePerson targets engagements on
 * them (campaign behavioural targeting and visitor profiles):
 *
 * | type | why it can change eligibility |
 * |---|---|
 * | `cart` | cart value and products are targeting conditions ("target low value shoppers") |
 * | `purchase` | a completed transaction ends or starts post-sale engagements |
 * | `ctmrinfo` | customer type, status, balance and login status define visitor profiles |
 * | `mrktInfo` | marketing source (channel, affiliate, campaign) is a targeting condition |
 * | `lead` | a lead (topic, value) marks a high-intent visitor |
 * | `service` | service activity (topic, status) targets support engagements |
 * | `error` | a visitor error is the classic trigger of a proactive support engagement |
 *
 * Not in the list, so forwarded without a re-check:
 *
 * | type | why not |
 * |---|---|
 * | `prodView` | reported on every product page: a browsing signal that usually comes with a section change, which already triggers a check |
 * | `searchInfo` | same: high-frequency browsing signal |
 * | `personal` | identity data for the agent (authenticated flow), not a targeting signal |
 *
 * @example
 * ```ts
 * ELIGIBILITY_ATTRIBUTE_TYPES.includes('cart'); // => true
 * ```
 * @since 0.1.0
 */
export const ELIGIBILITY_ATTRIBUTE_TYPES: ReadonlyArray<EngagementAttributeType> = Object.freeze([
  'cart',
  'purchase',
  'ctmrinfo',
  'mrktInfo',
  'lead',
  'service',
  'error',
] as EngagementAttributeType[]);

/**
 * How long SDEs must be quiet before the re-check they trigger, in ms.
 * A burst (a quantity stepper, a form filling customer info) costs one check.
 *
 * @example
 * ```ts
 * DEFAULT_ATTRIBUTE_DEBOUNCE_MS; // => 1000
 * ```
 * @since 0.1.0
 */
export const DEFAULT_ATTRIBUTE_DEBOUNCE_MS = 1000;

const NO_SECTIONS: ReadonlyArray<string> = Object.freeze([]);

/**
 * Sections as the client sends them: a comma-delimited string is split,
 * names are trimmed, blank names dropped.
 *
 * @example
 * ```ts
 * normalizeSections(' Support, English ,'); // => ['Support', 'English']
 * normalizeSections(['Sales']); // => ['Sales']
 * ```
 * @since 0.1.0
 */
export function normalizeSections(sections: ReadonlyArray<string> | string | null | undefined): ReadonlyArray<string> {
  const names = typeof sections === 'string' ? sections.split(',') : Array.isArray(sections) ? (sections as ReadonlyArray<unknown>) : NO_SECTIONS;
  // Already normalized (the usual case): the list itself, no copy.
  if (names !== sections || !names.every((n) => typeof n === 'string' && n.length > 0 && n.trim() === n)) {
    const out: string[] = [];
    for (const name of names) {
      const trimmed = typeof name === 'string' ? name.trim() : '';
      if (trimmed.length > 0) out.push(trimmed);
    }
    // A copy of exact length: a list grown by push keeps spare capacity (it is kept per orchestrator).
    return out.slice();
  }
  return names as ReadonlyArray<string>;
}

/**
 * Whether two normalized section lists are equal (same names, same order).
 *
 * @example
 * ```ts
 * sameSections(['Support'], ['Support']); // => true
 * sameSections(['Support', 'English'], ['English', 'Support']); // => false
 * ```
 * @since 0.1.0
 */
export function sameSections(a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * Structural equality of JSON-like values (objects, arrays, primitives).
 *
 * @example
 * ```ts
 * deepEqual({ type: 'cart', total: 1 }, { total: 1, type: 'cart' }); // => true
 * ```
 * @since 0.1.0
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Readonly<Record<string, unknown>>;
  const rb = b as Readonly<Record<string, unknown>>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k]));
}

/**
 * What the orchestrator remembers of the SDEs it was given.
 *
 * @example
 * ```ts
 * const ledger: AttributeLedger = { last: {}, pending: [] };
 * ```
 * @since 0.1.0
 */
export interface AttributeLedger {
  /** The last accepted attribute of each type (to spot repetitions). */
  readonly last: Readonly<Record<string, EngagementAttribute>>;
  /** Without `report`: attributes not yet sent with a check that got an answer, oldest first. */
  readonly pending: ReadonlyArray<EngagementAttribute>;
}

/**
 * An empty ledger.
 *
 * @example
 * ```ts
 * EMPTY_LEDGER.pending.length; // => 0
 * ```
 * @since 0.1.0
 */
export const EMPTY_LEDGER: AttributeLedger = Object.freeze({ last: Object.freeze({}), pending: Object.freeze([]) as ReadonlyArray<EngagementAttribute> });

/**
 * At most this many attributes wait for a check; beyond it they are
 * coalesced (`coalesceAttributes`), which keeps one cart and one of each
 * merged type.
 *
 * @example
 * ```ts
 * MAX_PENDING_ATTRIBUTES; // => 100
 * ```
 * @since 0.1.0
 */
export const MAX_PENDING_ATTRIBUTES = 100;

/**
 * The outcome of {@link acceptAttributes}.
 *
 * @example
 * ```ts
 * const { ledger, accepted, triggers, issues }: AcceptResult = acceptAttributes(EMPTY_LEDGER, [cart], options);
 * ```
 * @since 0.1.0
 */
export interface AcceptResult {
  readonly ledger: AttributeLedger;
  /** The attributes to report, or to send with the next check, in order. */
  readonly accepted: ReadonlyArray<EngagementAttribute>;
  /** Whether one of them can change eligibility (so a re-check is due). */
  readonly triggers: boolean;
  /** Why refused items were refused (`[i].field`), never their values. */
  readonly issues: ReadonlyArray<ValidationIssue>;
}

/**
 * How {@link acceptAttributes} files what it accepts.
 *
 * @example
 * ```ts
 * const options: AcceptOptions = { eligibility: ELIGIBILITY_ATTRIBUTE_TYPES, keepPending: true };
 * ```
 * @since 0.1.0
 */
export interface AcceptOptions {
  /** The types that trigger a re-check. */
  readonly eligibility: ReadonlyArray<string>;
  /** Keep accepted attributes in `pending` (no `report` on the client: they go with the next check). */
  readonly keepPending: boolean;
}

/**
 * Files a batch of SDEs: each item is validated (`decodeAttribute`; an
 * invalid one is refused with issues `[i]...`), repetitions are dropped or
 * kept as the module description says, and `triggers` says whether one of
 * the accepted items can change eligibility.
 *
 * @example
 * ```ts
 * const cart = { type: 'cart', total: 10, numItems: 1 } as const;
 * const first = acceptAttributes(EMPTY_LEDGER, [cart], { eligibility: ELIGIBILITY_ATTRIBUTE_TYPES, keepPending: true });
 * first.triggers; // => true
 * acceptAttributes(first.ledger, [cart], { eligibility: ELIGIBILITY_ATTRIBUTE_TYPES, keepPending: true }).accepted; // => [] (a repeated cart)
 * ```
 * @since 0.1.0
 */
export function acceptAttributes(ledger: AttributeLedger, batch: ReadonlyArray<unknown>, options: AcceptOptions): AcceptResult {
  let last = ledger.last;
  const accepted: EngagementAttribute[] = [];
  const issues: ValidationIssue[] = [];
  let triggers = false;
  batch.forEach((item, i) => {
    const decoded = attributeIssues(item);
    if (decoded._tag === 'Left') {
      issues.push(...prefixIssues(`[${i}]`, decoded.left));
      return;
    }
    const attribute = decoded.right;
    const type = attribute.type;
    const previous = Object.prototype.hasOwnProperty.call(last, type) ? last[type] : undefined;
    if (previous !== undefined && deepEqual(previous, attribute)) {
      if (mergeBehaviorOf(type) === 'append') accepted.push(attribute);
      return;
    }
    last = { ...last, [type]: attribute };
    accepted.push(attribute);
    if (options.eligibility.includes(type)) triggers = true;
  });
  if (accepted.length === 0 && last === ledger.last) return { ledger, accepted, triggers, issues };
  const pending = options.keepPending && accepted.length > 0 ? capPending([...ledger.pending, ...accepted]) : ledger.pending;
  return { ledger: { last, pending }, accepted, triggers, issues };
}

/** Coalescing keeps the meaning of the batch (see attributes/merge.ts) in fewer items. */
function capPending(pending: EngagementAttribute[]): ReadonlyArray<EngagementAttribute> {
  return pending.length <= MAX_PENDING_ATTRIBUTES ? pending : coalesceAttributes(pending);
}

/**
 * The ledger after a check that carried `sent` (the `pending` list it took)
 * got an answer: those attributes are on the session now. When `pending`
 * was coalesced meanwhile, nothing is dropped (at worst an attribute is sent
 * twice).
 *
 * @example
 * ```ts
 * const sent = ledger.pending;
 * ledger = markSent(ledger, sent);
 * ```
 * @since 0.1.0
 */
export function markSent(ledger: AttributeLedger, sent: ReadonlyArray<EngagementAttribute>): AttributeLedger {
  const pending = ledger.pending;
  if (sent.length === 0 || sent.length > pending.length) return ledger;
  for (let i = 0; i < sent.length; i++) if (pending[i] !== sent[i]) return ledger;
  return { last: ledger.last, pending: pending.slice(sent.length) };
}

/**
 * Whether the orchestrator is paused: `offline` wins over `hidden`.
 *
 * @example
 * ```ts
 * pauseReason(true, false); // => 'hidden'
 * pauseReason(true, true); // => undefined
 * ```
 * @since 0.1.0
 */
export function pauseReason(online: boolean, visible: boolean): PauseReason | undefined {
  return !online ? 'offline' : !visible ? 'hidden' : undefined;
}
