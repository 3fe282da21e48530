import fc from 'fast-check';
import { AttributeForCreateSession, EngagementAttributesCodec, IMPRESSION_TYPES } from '../../src/codecs/engagement-attributes';
import { decodeRequest } from '../../src/codecs/request';
import { decodeWith } from '../../src/internal/validation';
import { isLeft, type Either } from '../../src/internal/either';
import type { ValidationIssue } from '../../src/errors';
import { seedRequest } from '../fixtures/seed';

function valueOf<A>(result: Either<ValidationIssue[], A>): A {
  if (isLeft(result)) throw new Error(`expected the value to be accepted, got ${JSON.stringify(result.left)}`);
  return result.right;
}

function issuesOf<A>(result: Either<ValidationIssue[], A>): ValidationIssue[] {
  if (!isLeft(result)) throw new Error('expected the value to be refused');
  return result.left;
}

const decode = (u: unknown) => decodeWith(EngagementAttributesCodec, u);
const inRequest = (engagementAttributes: unknown) => decodeRequest({ engagementAttributes });

const IMPRESSIONS = ['impDisplay', 'impAccept', 'impExpanded', 'impTimeout', 'impClose'] as const;
const NOT_AN_OBJECT = 'expected an engagement attribute object with a string `type`, got';

const SDES = [
  { type: 'cart', total: 11.7, currency: 'USD', numItems: 6, products: [{ product: { name: 'prod1', price: 7.8 }, quantity: 1 }] },
  { type: 'purchase', total: 11.7, orderId: 'DRV1534XC' },
  { type: 'prodView', currency: 'USD', products: [{ product: { name: 'red high heel shoe', sku: 'xyz567' } }] },
  { type: 'ctmrinfo', info: { cstatus: 'cancelled', ctype: 'vip', customerId: '138766AC', balance: -400.99 } },
  { type: 'mrktInfo', info: { channel: '1', affiliate: 'Yahoo', campaignId: 'US coupon campaign' } },
  seedRequest.engagementAttributes[0],
  { type: 'lead', lead: { topic: 'luxury car test drive 2015', value: 22.22, leadId: 'xyz123' } },
  { type: 'service', service: { topic: 'order checkbook', status: 0, category: 'finance', serviceId: 'service12' } },
  { type: 'error', error: { message: 'Expiration date missing', code: 'er100004', level: 10, resolved: false } },
  { type: 'searchInfo', keywords: ['summer', 'shoes'] },
];

describe('IMPRESSION_TYPES', () => {
  it('lists the five impression events of the ImpressionEventBase family', () => {
    expect([...IMPRESSION_TYPES].sort()).toStrictEqual([...IMPRESSIONS].sort());
  });
});

describe('EngagementAttributesCodec: accepted values', () => {
  it('accepts an empty array', () => {
    expect(valueOf(decode([]))).toStrictEqual([]);
  });

  it.each(SDES.map((sde) => [sde.type, sde] as const))('accepts a %s attribute unchanged, nested fields included', (_type, sde) => {
    expect(valueOf(decode([sde]))).toStrictEqual([sde]);
    expect(valueOf(inRequest([sde])).engagementAttributes).toStrictEqual([sde]);
  });

  it('accepts every documented SDE together, in order', () => {
    expect(valueOf(decode(SDES))).toStrictEqual(SDES);
  });

  it('refuses types it does not know, naming the index (the server answers 400 for them)', () => {
    const issues = issuesOf(decode([{ type: 'customType', x: 1 }]));
    expect(issues.map((i) => i.path)).toStrictEqual(['[0].type']);
    expect(issues[0]?.reason).toContain('not a known type');
  });

  it('keeps unknown fields of a known attribute', () => {
    fc.assert(
      fc.property(
        // `__proto__` keys, at any depth, are dropped by design (see src/internal/validation.ts)
        fc
          .dictionary(fc.string().filter((k) => !['type', 'total', 'numItems', 'currency', 'products'].includes(k)), fc.jsonValue())
          .filter((d) => !JSON.stringify(d).includes('"__proto__"')),
        (extra) => {
          const sde = { ...extra, type: 'cart', total: 1, numItems: 1 };
          expect(valueOf(decode([sde]))).toStrictEqual([sde]);
        },
      ),
    );
  });
});

describe('EngagementAttributesCodec: impression events', () => {
  it.each(IMPRESSIONS)('refuses %s with the path of its type and a reason naming it', (type) => {
    const issues = issuesOf(inRequest([{ type: 'cart', total: 1, numItems: 1 }, { type, campaign: 1, engId: 2, revision: 3 }]));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('engagementAttributes[1].type');
    expect(issues[0]?.reason).toBe(`impression event "${type}" is not allowed in getEngagement (report it with Update Session)`);
  });

  it.each(IMPRESSIONS)('refuses %s at index 0 when decoded alone', (type) => {
    expect(issuesOf(decode([{ type }]))).toStrictEqual([
      { path: '[0].type', reason: `impression event "${type}" is not allowed in getEngagement (report it with Update Session)` },
    ]);
  });

  it('reports every impression event with its own index', () => {
    const issues = issuesOf(inRequest([{ type: 'impDisplay' }, { type: 'cart', total: 1, numItems: 1 }, { type: 'impClose' }]));
    expect(issues.map((i) => i.path)).toStrictEqual(['engagementAttributes[0].type', 'engagementAttributes[2].type']);
    expect(issues[0]?.reason).toContain('impDisplay');
    expect(issues[1]?.reason).toContain('impClose');
  });
});

describe('EngagementAttributesCodec: refused values', () => {
  it.each<[string, unknown, string]>([
    ['a string', 'cart', 'a string'],
    ['a number', 1, 'a number'],
    ['null', null, 'null'],
    ['an array', [{ type: 'cart' }], 'an array'],
    ['a boolean', true, 'a boolean'],
  ])('refuses %s as an item, with the index in the path', (_label, item, kind) => {
    expect(issuesOf(inRequest([{ type: 'cart', total: 1, numItems: 1 }, item]))).toStrictEqual([
      { path: 'engagementAttributes[1]', reason: `${NOT_AN_OBJECT} ${kind}` },
    ]);
  });

  it.each<[string, unknown, RegExp]>([
    ['a missing type', { total: 1 }, /^is missing \(expected one of cart, /],
    ['an empty type', { type: '' }, /not a known type/],
    ['a numeric type', { type: 3 }, /^expected one of cart, .*, got a number$/],
    ['a null type', { type: null }, /^expected one of cart, .*, got null$/],
    ['an object type', { type: { name: 'cart' } }, /^expected one of cart, .*, got an object$/],
  ])('refuses %s at the path of the type', (_label, item, reason) => {
    const issues = issuesOf(inRequest([item]));
    expect(issues.map((i) => i.path)).toStrictEqual(['engagementAttributes[0].type']);
    expect(issues[0]?.reason).toMatch(reason);
  });

  it.each<[string, unknown, string]>([
    ['a single object', { type: 'cart' }, 'an object'],
    ['a string', '[{"type":"cart"}]', 'a string'],
    ['null', null, 'null'],
  ])('refuses %s instead of an array', (_label, value, kind) => {
    expect(issuesOf(inRequest(value))).toStrictEqual([{ path: 'engagementAttributes', reason: `expected an array of engagement attributes, got ${kind}` }]);
  });
});

describe('AttributeForCreateSession type guard', () => {
  it('accepts an object of a known attribute type; its fields are not read here (builders and decodeAttributes check them)', () => {
    expect(AttributeForCreateSession.is({ type: 'cart', total: 1, numItems: 1 })).toBe(true);
    expect(AttributeForCreateSession.is({ type: 'cart' })).toBe(true);
    expect(valueOf(inRequest([{ type: 'cart', total: 'lots' }])).engagementAttributes).toStrictEqual([{ type: 'cart', total: 'lots' }]);
  });

  it('refuses impressions, non-objects and missing types', () => {
    expect(AttributeForCreateSession.is({ type: 'impDisplay' })).toBe(false);
    expect(AttributeForCreateSession.is('cart')).toBe(false);
    expect(AttributeForCreateSession.is({ total: 1 })).toBe(false);
    expect(AttributeForCreateSession.is(null)).toBe(false);
  });
});
