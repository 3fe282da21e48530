import fc from 'fast-check';
import { left } from 'fp-ts/Either';
import type { EngagementAttribute } from '../../src/attributes/attribute';
import { cartAttribute } from '../../src/attributes/cart';
import {
  ELIGIBILITY_ATTRIBUTE_TYPES,
  EMPTY_LEDGER,
  MAX_PENDING_ATTRIBUTES,
  acceptAttributes,
  deepEqual,
  markSent,
  normalizeSections,
  pauseReason,
  sameSections,
  type AcceptOptions,
} from '../../src/orchestrator/triggers';

const requestMode: AcceptOptions = { eligibility: ELIGIBILITY_ATTRIBUTE_TYPES, keepPending: true };
const reportMode: AcceptOptions = { eligibility: ELIGIBILITY_ATTRIBUTE_TYPES, keepPending: false };

const cart = (total: number): EngagementAttribute => ({ type: 'cart', total, numItems: 1 });
const view: EngagementAttribute = { type: 'prodView', products: [{ product: { name: 'tv' } }] };
const purchase: EngagementAttribute = { type: 'purchase', total: 10, orderId: 'o1' };

describe('normalizeSections', () => {
  it('splits a comma-delimited string, trims names and drops blanks', () => {
    expect(normalizeSections(' Support, English ,')).toEqual(['Support', 'English']);
    expect(normalizeSections(['  Sales ', '', ' '])).toEqual(['Sales']);
    expect(normalizeSections(undefined)).toEqual([]);
    expect(normalizeSections(null)).toEqual([]);
  });

  it('returns a list that is already normalized as it is (no copy)', () => {
    const list = ['Support', 'English'];
    expect(normalizeSections(list)).toBe(list);
  });

  it('ignores names that are not strings', () => {
    expect(normalizeSections(['Sales', 3 as unknown as string])).toEqual(['Sales']);
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.string())), (input) => {
        const once = normalizeSections(input);
        return sameSections(normalizeSections(once), once) && once.every((n) => n.length > 0 && n.trim() === n);
      }),
    );
  });
});

describe('sameSections', () => {
  it('compares names in order', () => {
    expect(sameSections(['Support'], ['Support'])).toBe(true);
    expect(sameSections(['Support', 'English'], ['English', 'Support'])).toBe(false);
    expect(sameSections(['Support'], ['Support', 'English'])).toBe(false);
    expect(sameSections([], [])).toBe(true);
  });
});

describe('deepEqual', () => {
  it('compares JSON-like values structurally, ignoring key order and undefined fields', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, x: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true);
  });

  it('holds for a value and its JSON copy (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => deepEqual(v, JSON.parse(JSON.stringify(v)))));
  });
});

describe('acceptAttributes', () => {
  it('accepts valid SDEs; only eligibility types trigger', () => {
    expect(acceptAttributes(EMPTY_LEDGER, [cart(10)], requestMode)).toMatchObject({ accepted: [cart(10)], triggers: true, issues: [] });
    expect(acceptAttributes(EMPTY_LEDGER, [view], requestMode)).toMatchObject({ accepted: [view], triggers: false });
    expect(acceptAttributes(EMPTY_LEDGER, [{ type: 'searchInfo', keywords: ['tv'] }], requestMode).triggers).toBe(false);
    expect(acceptAttributes(EMPTY_LEDGER, [{ type: 'personal', personal: { firstname: 'A' } }], requestMode).triggers).toBe(false);
    for (const type of ['purchase', 'ctmrinfo', 'mrktInfo', 'lead', 'service', 'error']) expect(ELIGIBILITY_ATTRIBUTE_TYPES).toContain(type);
  });

  it('follows the given eligibility types', () => {
    expect(acceptAttributes(EMPTY_LEDGER, [view], { eligibility: ['prodView'], keepPending: true }).triggers).toBe(true);
    expect(acceptAttributes(EMPTY_LEDGER, [cart(1)], { eligibility: [], keepPending: true }).triggers).toBe(false);
  });

  it('drops a repeated replace or merge SDE altogether', () => {
    const first = acceptAttributes(EMPTY_LEDGER, [cart(10)], requestMode);
    const again = acceptAttributes(first.ledger, [{ numItems: 1, total: 10, type: 'cart' }], requestMode);
    expect(again).toMatchObject({ accepted: [], triggers: false });
    expect(again.ledger).toBe(first.ledger);
    const changed = acceptAttributes(first.ledger, [cart(11)], requestMode);
    expect(changed).toMatchObject({ accepted: [cart(11)], triggers: true });
  });

  it('forwards a repeated append SDE (each report counts) without triggering', () => {
    const first = acceptAttributes(EMPTY_LEDGER, [purchase], reportMode);
    expect(first.triggers).toBe(true);
    const again = acceptAttributes(first.ledger, [purchase], reportMode);
    expect(again).toMatchObject({ accepted: [purchase], triggers: false });
  });

  it('refuses invalid items with issues named by index, never their values', () => {
    const r = acceptAttributes(EMPTY_LEDGER, [cart(1), { type: 'cart', total: 'lots', numItems: 1 }, { type: 'impDisplay' }], requestMode);
    expect(r.accepted).toEqual([cart(1)]);
    expect(r.issues.map((i) => i.path)).toEqual(['[1].total', '[2].type']);
    expect(JSON.stringify(r.issues)).not.toContain('lots');
  });

  it("takes a builder's result: a Right stands for its attribute, a Left gives the builder's issues under its index", () => {
    const built = cartAttribute({ total: 10, numItems: 1 });
    const refused = cartAttribute({ total: 10, numItems: -1 });
    const r = acceptAttributes(EMPTY_LEDGER, [built, refused, left('not a validation error'), view], requestMode);
    expect(r.accepted).toEqual([cart(10), view]);
    expect(r.issues).toEqual([
      { path: '[1].numItems', reason: expect.any(String) },
      { path: '[2]', reason: 'is a Left: the builder refused it' },
    ]);
    expect(r.ledger.pending).toEqual([cart(10), view]);
  });

  it('keeps accepted SDEs pending in request mode only', () => {
    expect(acceptAttributes(EMPTY_LEDGER, [cart(1), view], requestMode).ledger.pending).toEqual([cart(1), view]);
    expect(acceptAttributes(EMPTY_LEDGER, [cart(1), view], reportMode).ledger.pending).toEqual([]);
  });

  it('coalesces the pending SDEs beyond the cap', () => {
    let ledger = EMPTY_LEDGER;
    for (let i = 0; i <= MAX_PENDING_ATTRIBUTES; i++) ledger = acceptAttributes(ledger, [cart(i)], requestMode).ledger;
    expect(ledger.pending).toEqual([cart(MAX_PENDING_ATTRIBUTES)]);
  });
});

describe('markSent', () => {
  it('drops what a check carried, keeping what arrived meanwhile', () => {
    const l1 = acceptAttributes(EMPTY_LEDGER, [cart(1), view], requestMode).ledger;
    const sent = l1.pending;
    const l2 = acceptAttributes(l1, [cart(2)], requestMode).ledger;
    expect(markSent(l2, sent).pending).toEqual([cart(2)]);
    expect(markSent(l2, sent).last).toBe(l2.last);
  });

  it('drops nothing when the pending list was coalesced meanwhile', () => {
    const l1 = acceptAttributes(EMPTY_LEDGER, [cart(1)], requestMode).ledger;
    const other = { ...l1, pending: [cart(5)] };
    expect(markSent(other, l1.pending)).toBe(other);
    expect(markSent(l1, [])).toBe(l1);
  });
});

describe('pauseReason', () => {
  it('is offline before hidden', () => {
    expect(pauseReason(true, true)).toBeUndefined();
    expect(pauseReason(true, false)).toBe('hidden');
    expect(pauseReason(false, true)).toBe('offline');
    expect(pauseReason(false, false)).toBe('offline');
  });
});
