/**
 * Which inputs trigger a check, and what is remembered of them. Pure: the
 * debounce itself is a timer of `engagement-stream.ts`.
 *
 * - **Sections**: compared after normalization (a comma-delimited string is
 *   split, names are trimmed, blank names dropped). Order matters: the
 *   first listed section routes the engagement. An equal list never triggers.
 * - **SDEs**: each is checked with the codec of its type (the codecs the
 *   builders use), its `type` first, as getEngagement reads it. An attribute
 *   equal (deep equality) to the previous attribute of its type is a
 *   repetition: it never triggers. It is dropped altogether when its type
 *   replaces or merges (re-sending it would change nothing on the session)
 *   and still forwarded when its type appends (each report counts, e.g. two
 *   views of one product).
 * - Only the types in {@link ELIGIBILITY_ATTRIBUTE_TYPES} trigger a
 *   (debounced) re-check.
 *
 * @packageDocumentation
 */
import type * as t from 'io-ts';
import type { ValidationIssue } from '../errors';
import type { EngagementAttribute, EngagementAttributeType } from '../attributes/attribute';
import { CartCodec } from '../attributes/cart';
import { CustomerInfoAttributeCodec } from '../attributes/ctmr-info';
import { VisitorErrorCodec } from '../attributes/error';
import { LeadCodec } from '../attributes/lead';
import { unwrapBuilt } from '../attributes/built';
import { coalesceAttributes, mergeBehaviorOf } from '../attributes/merge';
import { MarketingSourceCodec } from '../attributes/mrkt-info';
import { PersonalInfoAttributeCodec } from '../attributes/personal';
import { ProductViewCodec } from '../attributes/prod-view';
import { PurchaseCodec } from '../attributes/purchase';
import { SearchedContentCodec } from '../attributes/search-info';
import { ServiceActivityAttributeCodec } from '../attributes/service';
import { ATTRIBUTE_TYPES, AttributeForCreateSession } from '../codecs/engagement-attributes';
import { decodeWith, prefixIssues } from '../internal/validation';
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
 * @internal
 */
export const ELIGIBILITY_ATTRIBUTE_TYPES: ReadonlyArray<EngagementAttributeType> = ['cart', 'purchase', 'ctmrinfo', 'mrktInfo', 'lead', 'service', 'error'];

/**
 * How long SDEs must be quiet before the re-check they trigger, in ms. A
 * burst (a quantity stepper, a form filling customer info) costs one check.
 *
 * @internal
 */
export const DEFAULT_ATTRIBUTE_DEBOUNCE_MS = 1000;

/**
 * Sections as the client sends them: a comma-delimited string is split,
 * names are trimmed, blank names dropped. A list that is already normalized
 * is returned as it is (no copy: it is kept per live state).
 *
 * @internal
 */
export function normalizeSections(sections: ReadonlyArray<string> | string | null | undefined): ReadonlyArray<string> {
  const names: ReadonlyArray<unknown> = typeof sections === 'string' ? sections.split(',') : Array.isArray(sections) ? sections : [];
  const out = names.map((name) => (typeof name === 'string' ? name.trim() : '')).filter((name) => name);
  // A list filtered in place keeps spare room: kept per live state, it is copied to its exact length.
  return sameSections(out, names) ? (names as ReadonlyArray<string>) : out.slice();
}

/**
 * Whether two section lists are equal (same names, same order).
 *
 * @internal
 */
export function sameSections(a: ReadonlyArray<unknown>, b: ReadonlyArray<unknown>): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/** The own fields of `o` whose value is not `undefined`. */
const definedKeys = (o: Readonly<Record<string, unknown>>): string[] => Object.keys(o).filter((k) => o[k] !== undefined);

/**
 * Structural equality of JSON-like values (objects, arrays, primitives);
 * `undefined` fields count as absent.
 *
 * @internal
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  // `x !== x` holds for NaN only.
  if (a === b || (a !== a && b !== b)) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Readonly<Record<string, unknown>>;
  const rb = b as Readonly<Record<string, unknown>>;
  const keys = definedKeys(ra);
  return keys.length === definedKeys(rb).length && keys.every((k) => deepEqual(ra[k], rb[k]));
}

/**
 * What the live state remembers of the SDEs it was given.
 *
 * @internal
 */
export interface AttributeLedger {
  /** The last accepted attribute of each type (to spot repetitions). */
  readonly last: Readonly<Record<string, EngagementAttribute>>;
  /** Without a sink: attributes not yet sent with a check that got an answer, oldest first. */
  readonly pending: ReadonlyArray<EngagementAttribute>;
}

/**
 * An empty ledger.
 *
 * @internal
 */
export const EMPTY_LEDGER: AttributeLedger = { last: {}, pending: [] };

/**
 * At most this many attributes wait for a check; beyond it they are
 * coalesced (`coalesceAttributes`), which keeps one cart and one of each
 * merged type.
 *
 * @internal
 */
export const MAX_PENDING_ATTRIBUTES = 100;

/**
 * The outcome of {@link acceptAttributes}.
 *
 * @internal
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
 * @internal
 */
export interface AcceptOptions {
  /** The types that trigger a re-check. */
  readonly eligibility: ReadonlyArray<string>;
  /** Keep accepted attributes in `pending` (no sink: they go with the next check). */
  readonly keepPending: boolean;
}

/** The codec of each SDE type: the one its builder checks with. */
const CODECS: Readonly<Record<EngagementAttributeType, t.Decoder<unknown, EngagementAttribute>>> = {
  cart: CartCodec,
  purchase: PurchaseCodec,
  prodView: ProductViewCodec,
  ctmrinfo: CustomerInfoAttributeCodec,
  mrktInfo: MarketingSourceCodec,
  personal: PersonalInfoAttributeCodec,
  lead: LeadCodec,
  service: ServiceActivityAttributeCodec,
  error: VisitorErrorCodec,
  searchInfo: SearchedContentCodec,
};

/**
 * Files a batch of SDEs: each item is validated (an invalid one is refused
 * with issues `[i]...`: a `type` that is not one of the ten as getEngagement
 * says it, else the fields of that type), repetitions are dropped or kept as
 * the module description says, and `triggers` says whether one of the
 * accepted items can change eligibility.
 *
 * @internal
 */
export function acceptAttributes(ledger: AttributeLedger, batch: ReadonlyArray<unknown>, options: AcceptOptions): AcceptResult {
  let { last, pending } = ledger;
  const accepted: EngagementAttribute[] = [];
  const issues: ValidationIssue[] = [];
  let triggers = false;
  batch.forEach((given, i) => {
    // A builder's result stands for its attribute; its Left is refused with the builder's issues.
    const built = unwrapBuilt(given);
    if (built._tag === 'Left') return void issues.push(...prefixIssues(`[${i}]`, built.left));
    const item = built.right;
    const type = (item as { type?: unknown } | null)?.type as EngagementAttributeType;
    // A known type is read with its codec; anything else is refused by getEngagement's own check of `type`.
    const codec = ATTRIBUTE_TYPES.includes(type) ? CODECS[type] : (AttributeForCreateSession as unknown as t.Decoder<unknown, never>);
    const decoded = decodeWith<EngagementAttribute>(codec, item);
    if (decoded._tag === 'Left') return void issues.push(...prefixIssues(`[${i}]`, decoded.left));
    const attribute = decoded.right;
    if (deepEqual(last[type], attribute)) {
      if (mergeBehaviorOf(type) === 'append') accepted.push(attribute);
      return;
    }
    last = { ...last, [type]: attribute };
    accepted.push(attribute);
    triggers ||= options.eligibility.includes(type);
  });
  if (options.keepPending && accepted.length > 0) {
    pending = pending.concat(accepted); // of exact length: it is kept per live state
    if (pending.length > MAX_PENDING_ATTRIBUTES) pending = coalesceAttributes(pending);
  }
  return { ledger: last === ledger.last && pending === ledger.pending ? ledger : { last, pending }, accepted, triggers, issues };
}

/**
 * The ledger after a check that carried `sent` (the `pending` list it took)
 * got an answer: those attributes are on the session now. When `pending`
 * was coalesced meanwhile, nothing is dropped (at worst an attribute is sent
 * twice).
 *
 * @internal
 */
export function markSent(ledger: AttributeLedger, sent: ReadonlyArray<EngagementAttribute>): AttributeLedger {
  const { last, pending } = ledger;
  return sent.length > 0 && sent.every((a, i) => a === pending[i]) ? { last, pending: pending.slice(sent.length) } : ledger;
}

/**
 * Whether the live state is paused: `offline` wins over `hidden`.
 *
 * @internal
 */
export function pauseReason(online: boolean, visible: boolean): PauseReason | undefined {
  return !online ? 'offline' : !visible ? 'hidden' : undefined;
}
