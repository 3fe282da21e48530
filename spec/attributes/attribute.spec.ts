import fc from 'fast-check';
import * as t from 'io-ts';
import {
  ENGAGEMENT_ATTRIBUTE_TYPES,
  EngagementAttributeCodec,
  ImpressionEventCodec,
  decodeAttribute,
  decodeAttributes,
  decodeImpression,
  decodeImpressions,
  encodeAttribute,
  encodeAttributes,
  encodeImpression,
  encodeImpressions,
  type EngagementAttribute,
} from '../../src/attributes/attribute';
import { IMPRESSION_EVENT_TYPES } from '../../src/attributes/impressions';
import { decodeWith } from '../../src/internal/validation';
import type { EngagementAttributeInput } from '../../src/model';
import { anyAttribute } from './arbitraries';
import { attributeExamples, ctmrinfoExample, impressionExamples, updateSessionImpressionsExample } from './fixtures';
import { issuesOf, pathsOf, reasonAt, rightOf } from './helpers';

describe('documented examples', () => {
  it.each(attributeExamples)('%s decodes and re-encodes to itself', (_name, example) => {
    const decoded = rightOf(decodeAttribute(example));
    expect(encodeAttribute(decoded)).toStrictEqual(example);
    expect(JSON.stringify(encodeAttribute(decoded))).toBe(JSON.stringify(example));
  });

  it.each(impressionExamples)('%s decodes and re-encodes to itself', (_name, example) => {
    const decoded = rightOf(decodeImpression(example));
    expect(encodeImpression(decoded)).toStrictEqual(example);
  });

  it('the Update Session impressions body decodes as impAttributes', () => {
    const decoded = rightOf(decodeImpressions(updateSessionImpressionsExample.impAttributes));
    expect(encodeImpressions(decoded)).toStrictEqual(updateSessionImpressionsExample.impAttributes);
  });

  it('all examples decode as one array and re-encode to it', () => {
    const all = attributeExamples.map(([, e]) => e);
    expect(encodeAttributes(rightOf(decodeAttributes(all)))).toStrictEqual(all);
  });

  it('every attribute type has an example', () => {
    const types = new Set(attributeExamples.map(([, e]) => (e as { type: string }).type));
    expect([...types].sort()).toEqual([...ENGAGEMENT_ATTRIBUTE_TYPES].sort());
  });
});

describe('dispatch on type', () => {
  it('names the exact field inside the attribute of that type', () => {
    const bad = { type: 'ctmrinfo', info: { ...ctmrinfoExample.info, balance: 'high' } };
    expect(issuesOf(decodeAttribute(bad))).toEqual([{ path: 'info.balance', reason: 'expected a finite number, got a string' }]);
  });

  it('prefixes the index in an array', () => {
    const bad = [{ type: 'cart', total: 1, numItems: 1 }, { type: 'lead' }, { type: 'ctmrinfo', info: { balance: 'high' } }];
    expect(pathsOf(decodeAttributes(bad))).toEqual(['[2].info.balance']);
  });

  it('gives engagementAttributes[i] paths inside a request codec', () => {
    const Request = t.partial({ engagementAttributes: t.readonlyArray(EngagementAttributeCodec, 'EngagementAttributes') });
    const result = decodeWith(Request, {
      engagementAttributes: [ctmrinfoExample, { type: 'impDisplay', campaign: 1, engId: 2, revision: 3 }, { type: 'ctmrinfo', info: { balance: 'x' } }],
    });
    expect(issuesOf(result)).toEqual([
      { path: 'engagementAttributes[1].type', reason: expect.stringContaining('impression event "impDisplay"') },
      { path: 'engagementAttributes[2].info.balance', reason: 'expected a finite number, got a string' },
    ]);
  });

  it.each(IMPRESSION_EVENT_TYPES)('refuses the impression event %s as an attribute, naming it at type', (type) => {
    const reason = reasonAt(decodeAttribute({ type, campaign: 1, engId: 2, revision: 3 }), 'type');
    expect(reason).toContain(`"${type}"`);
    expect(reason).toContain('not allowed in getEngagement');
  });

  it.each(ENGAGEMENT_ATTRIBUTE_TYPES)('refuses the attribute %s as an impression event, naming it at type', (type) => {
    const reason = reasonAt(decodeImpression({ type }), 'type');
    expect(reason).toContain(`"${type}" is an engagement attribute`);
  });

  it('refuses a missing, non-string or unknown type at type', () => {
    expect(issuesOf(decodeAttribute({ total: 1 }))).toEqual([{ path: 'type', reason: expect.stringMatching(/^is missing \(expected one of cart, purchase/) }]);
    expect(reasonAt(decodeAttribute({ type: 7 }), 'type')).toMatch(/^expected one of cart, .*got a number$/);
    expect(reasonAt(decodeAttribute({ type: 'section' }), 'type')).toMatch(/^is not a known type \(expected one of cart/);
  });

  it('hints at history-API names and at case mistakes without accepting them', () => {
    expect(reasonAt(decodeAttribute({ type: 'customerInfo' }), 'type')).toMatch(/^is not a known type: did you mean "ctmrinfo"\? \(expected one of cart, /);
    expect(reasonAt(decodeAttribute({ type: 'searchContent' }), 'type')).toContain('"searchInfo"');
    expect(reasonAt(decodeAttribute({ type: 'mrktinfo' }), 'type')).toBe('is not a known type: did you mean "mrktInfo"? (expected one of cart, purchase, prodView, ctmrinfo, mrktInfo, personal, lead, service, error, searchInfo)');
    expect(reasonAt(decodeImpression({ type: 'impdisplay' }), 'type')).toContain('did you mean "impDisplay"?');
  });

  it('refuses what is not an object at (value)', () => {
    for (const u of [null, 5, 'cart', [{ type: 'cart' }]]) {
      expect(issuesOf(decodeAttribute(u))).toEqual([{ path: '(value)', reason: expect.stringContaining('expected an engagement attribute object') }]);
      expect(pathsOf(decodeImpression(u))).toEqual(['(value)']);
    }
    expect(pathsOf(decodeAttributes({ type: 'cart' }))).toEqual(['(value)']);
  });

  it('keeps unknown fields at every level and forwards them', () => {
    const input = { type: 'personal', trackingTag: 't1', personal: { firstname: 'A', nickname: 'B', contacts: [{ email: 'e', fax2: 'x' }] } };
    expect(encodeAttribute(rightOf(decodeAttribute(input)))).toStrictEqual(input);
  });

  it('never lets a "__proto__" key change a prototype', () => {
    const input = JSON.parse('{"type":"lead","__proto__":{"polluted":true},"lead":{"topic":"x","__proto__":{"polluted":true}}}') as unknown;
    // decodeWith (src/internal/validation.ts) drops own "__proto__" keys before any codec runs
    const decoded = rightOf(decodeAttribute(input)) as unknown as Record<string, unknown>;
    expect(decoded).toStrictEqual({ type: 'lead', lead: { topic: 'x' } });
    // the codec alone keeps it as a plain own field
    const direct = EngagementAttributeCodec.decode(input);
    if (direct._tag === 'Left') throw new Error('expected the codec to accept the lead');
    const kept = direct.right as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(kept['lead'])).toBe(Object.prototype);
    expect(Object.keys(kept)).toEqual(['type', '__proto__', 'lead']);
    expect(JSON.stringify(encodeAttribute(direct.right))).toBe(JSON.stringify(input));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('drops undefined and null optional fields (null means absent)', () => {
    const decoded = rightOf(decodeAttribute({ type: 'lead', lead: { topic: 'x', value: null, currency: undefined } }));
    expect(decoded).toStrictEqual({ type: 'lead', lead: { topic: 'x' } });
  });

  it('encodes a fresh copy without undefined fields (null kept), unknown fields included', () => {
    const lead = { type: 'lead', lead: { topic: 'car', value: undefined }, extra: { deep: undefined, kept: 1 } } as EngagementAttribute;
    const encoded = encodeAttribute(lead);
    expect(encoded).toStrictEqual({ type: 'lead', lead: { topic: 'car' }, extra: { kept: 1 } });
    expect(encoded).not.toBe(lead);
    expect(encodeAttributes([lead])).toStrictEqual([encoded]);
    const expanded = { type: 'impExpanded', expanded: null, userInit: undefined, campaign: 1, engId: 2, revision: 3 } as const;
    expect(encodeImpression(expanded)).toStrictEqual({ type: 'impExpanded', expanded: null, campaign: 1, engId: 2, revision: 3 });
    expect(encodeImpressions([expanded])).toHaveLength(1);
  });

  it('is() agrees with decode', () => {
    expect(EngagementAttributeCodec.is(ctmrinfoExample)).toBe(true);
    expect(EngagementAttributeCodec.is({ type: 'impClose', campaign: 1, engId: 1, revision: 1 })).toBe(false);
    expect(ImpressionEventCodec.is({ type: 'impClose', campaign: 1, engId: 1, revision: 1 })).toBe(true);
  });
});

describe('properties', () => {
  it('decoding any JSON value never throws and answers an Either with path/reason issues', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (u) => {
        for (const result of [decodeAttribute(u), decodeImpression(u), decodeAttributes(u), decodeImpressions(u)]) {
          if (result._tag === 'Left') {
            expect(result.left.kind).toBe('validation');
            expect(result.left.issues.length).toBeGreaterThan(0);
            for (const issue of result.left.issues) {
              expect(typeof issue.path).toBe('string');
              expect(typeof issue.reason).toBe('string');
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('decoding objects with a known type and random fields never throws', () => {
    const types = [...ENGAGEMENT_ATTRIBUTE_TYPES, ...IMPRESSION_EVENT_TYPES];
    const wrappers = ['info', 'personal', 'lead', 'service', 'error', 'products', 'cart', 'keywords', 'eContext', 'total', 'numItems', 'campaign'];
    const value = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withSparseArray: true, withBoxedValues: true });
    const attribute = fc.record({
      type: fc.constantFrom(...types),
      fields: fc.dictionary(fc.constantFrom(...wrappers), value, { maxKeys: 4 }),
    });
    fc.assert(
      fc.property(attribute, ({ type, fields }) => {
        const u = { ...fields, type };
        expect(() => decodeAttribute(u)).not.toThrow();
        expect(() => decodeImpression(u)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('decoded attributes re-decode to themselves (decode is idempotent through encode)', () => {
    fc.assert(
      fc.property(anyAttribute, (a) => {
        const once = rightOf(decodeAttribute(encodeAttribute(a)));
        expect(once).toStrictEqual(a);
        expect(JSON.parse(JSON.stringify(encodeAttribute(once)))).toEqual(JSON.parse(JSON.stringify(a)));
      }),
    );
  });
});

describe('types', () => {
  it('an EngagementAttribute is an EngagementAttributeInput (assignable to the request model)', () => {
    const a: EngagementAttribute = { type: 'cart', total: 1, numItems: 1 };
    const input: EngagementAttributeInput = a;
    const list: ReadonlyArray<EngagementAttributeInput> = rightOf(decodeAttributes([a]));
    expect([input, ...list]).toHaveLength(2);
  });
});

describe('no personal value is echoed', () => {
  const MARK = 'PII-9f2c';

  /** Every path to a leaf (a non-object value) of a JSON value. */
  function leafPaths(u: unknown, at: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> {
    if (Array.isArray(u)) return u.flatMap((v, i) => leafPaths(v, [...at, i]));
    if (typeof u === 'object' && u !== null) return Object.entries(u).flatMap(([k, v]) => leafPaths(v, [...at, k]));
    return [at];
  }

  function replaceAt(u: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
    if (path.length === 0) return value;
    const [head, ...rest] = path as [string | number, ...Array<string | number>];
    if (Array.isArray(u)) return u.map((v, i) => (i === head ? replaceAt(v, rest, value) : v));
    const o = u as Record<string, unknown>;
    return { ...o, [head]: replaceAt(o[head], rest, value) };
  }

  it.each(attributeExamples)('in %s, a bad value anywhere is named by path, never repeated', (_name, example) => {
    let refused = 0;
    for (const path of leafPaths(example)) {
      for (const bad of [`${MARK}@example.com`, { value: MARK }, [MARK]]) {
        const result = decodeAttribute(replaceAt(example, path, bad));
        if (result._tag === 'Left') {
          refused++;
          expect(result.left.message).not.toContain(MARK);
          for (const issue of result.left.issues) expect(`${issue.path} ${issue.reason}`).not.toContain(MARK);
        }
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('an unknown type is not repeated', () => {
    expect(JSON.stringify(issuesOf(decodeAttribute({ type: `${MARK}@example.com` })))).not.toContain(MARK);
    expect(JSON.stringify(issuesOf(decodeImpression({ type: `${MARK}@example.com` })))).not.toContain(MARK);
  });
});
