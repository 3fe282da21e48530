import fc from 'fast-check';
import { EngagementCodec, EngagementDetailsCodec, decodeEngagement } from '../../src/codecs/response';
import { decodeWith } from '../../src/internal/validation';
import { isLeft, type Either } from '../../src/internal/either';
import type { ValidationIssue } from '../../src/errors';
import type { AvailableEngagement, Engagement, EngagementDetails, NotAvailableEngagement } from '../../src/model';
import { seedAvailable, seedNotAvailable } from '../fixtures/seed';
import { assertTotalDecoder, expectDecoderAnswer } from '../helpers/decoder-properties';

function valueOf<A>(result: Either<ValidationIssue[], A>): A {
  if (isLeft(result)) throw new Error(`expected the value to be accepted, got ${JSON.stringify(result.left)}`);
  return result.right;
}

function issuesOf<A>(result: Either<ValidationIssue[], A>): ValidationIssue[] {
  if (!isLeft(result)) throw new Error('expected the value to be refused');
  return result.left;
}

function detailsOf(result: Either<ValidationIssue[], Engagement>): EngagementDetails {
  const engagement = valueOf(result);
  if (engagement.status !== 'Available') throw new Error('expected an available engagement');
  return engagement.engagementDetails;
}

/** A fresh, mutable copy of the seed "Available" body, as a server would send it. */
function available(): { [k: string]: unknown; engagementDetails: Record<string, unknown> } {
  return JSON.parse(JSON.stringify(seedAvailable)) as { [k: string]: unknown; engagementDetails: Record<string, unknown> };
}

function notAvailable(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(seedNotAvailable)) as Record<string, unknown>;
}

const EXPECTED_AVAILABLE: AvailableEngagement = {
  status: 'Available',
  sessionId: 'abc',
  visitorId: 'xyz',
  pageId: '4743822558',
  engagementDetails: {
    campaignId: '3346848610',
    engagementId: '3562981110',
    contextId: '1',
    windowId: '3346847910',
    language: 'en-US',
    engagementRevision: 44,
    validForSeconds: 900,
    skillId: '23',
    skillName: 'TestSkill',
  },
};

const EXPECTED_NOT_AVAILABLE: NotAvailableEngagement = {
  status: 'NotAvailable',
  sessionId: 'abc',
  visitorId: 'xyz',
  pageId: '4743822558',
};

const ID = 'an id (a string or a number)';
const URL_ID = 'an id of 1-256 characters (no spaces, control characters or lone surrogates; not . or ..)';
const REQUIRED_DETAILS: ReadonlyArray<[string, string]> = [
  ['campaignId', ID],
  ['engagementId', ID],
  ['contextId', ID],
  ['windowId', ID],
  ['language', 'a string'],
  ['engagementRevision', 'a finite number'],
  ['validForSeconds', 'a finite number'],
];

describe('decodeEngagement: the seed examples', () => {
  it('decodes the "Available" example exactly, skillId normalized to a string', () => {
    expect(decodeEngagement(seedAvailable)).toStrictEqual({ _tag: 'Right', right: EXPECTED_AVAILABLE });
  });

  it('decodes the "Available" example after a JSON round trip', () => {
    expect(decodeEngagement(available())).toStrictEqual({ _tag: 'Right', right: EXPECTED_AVAILABLE });
  });

  it('keeps engagementRevision and validForSeconds as numbers', () => {
    const details = detailsOf(decodeEngagement(seedAvailable));
    expect(typeof details.engagementRevision).toBe('number');
    expect(typeof details.validForSeconds).toBe('number');
  });

  it('decodes the "NotAvailable" example exactly', () => {
    expect(decodeEngagement(seedNotAvailable)).toStrictEqual({ _tag: 'Right', right: EXPECTED_NOT_AVAILABLE });
    expect(decodeEngagement(notAvailable())).toStrictEqual({ _tag: 'Right', right: EXPECTED_NOT_AVAILABLE });
  });

  it('gives values the codec type guard accepts', () => {
    expect(EngagementCodec.is(valueOf(decodeEngagement(seedAvailable)))).toBe(true);
    expect(EngagementCodec.is(valueOf(decodeEngagement(seedNotAvailable)))).toBe(true);
  });

  it('decodes its own output to the same value', () => {
    const once = valueOf(decodeEngagement(seedAvailable));
    expect(decodeEngagement(once)).toStrictEqual({ _tag: 'Right', right: once });
  });

  it('does not modify its input', () => {
    const body = available();
    const copy = available();
    decodeEngagement(body);
    expect(body).toStrictEqual(copy);
  });
});

describe('decodeEngagement: ids as numbers or strings', () => {
  it('normalizes every id given as a number to its decimal string', () => {
    const body = {
      status: 'Available',
      sessionId: 111,
      visitorId: 222,
      pageId: 4743822558,
      engagementDetails: {
        campaignId: 3346848610,
        engagementId: 3562981110,
        contextId: 1,
        windowId: 3346847910,
        language: 'en-US',
        engagementRevision: 44,
        validForSeconds: 900,
        skillId: 23,
        connectorId: 987,
      },
    };
    expect(valueOf(decodeEngagement(body))).toStrictEqual({
      status: 'Available',
      sessionId: '111',
      visitorId: '222',
      pageId: '4743822558',
      engagementDetails: {
        campaignId: '3346848610',
        engagementId: '3562981110',
        contextId: '1',
        windowId: '3346847910',
        language: 'en-US',
        engagementRevision: 44,
        validForSeconds: 900,
        skillId: '23',
        connectorId: '987',
      },
    });
  });

  it.each<[string, number, string]>([
    ['campaignId', 3346848610, '3346848610'],
    ['engagementId', 3562981110, '3562981110'],
    ['contextId', 1, '1'],
    ['windowId', 3346847910, '3346847910'],
    ['skillId', 23, '23'],
    ['connectorId', 7, '7'],
  ])('normalizes engagementDetails.%s given as the number %p to %j', (field, n, s) => {
    const body = available();
    body.engagementDetails[field] = n;
    const details = detailsOf(decodeEngagement(body)) as unknown as Record<string, unknown>;
    expect(details[field]).toBe(s);
  });

  it('keeps ids given as strings', () => {
    const body = available();
    body.engagementDetails['skillId'] = '23';
    body.engagementDetails['connectorId'] = 'conn-1';
    const details = detailsOf(decodeEngagement(body));
    expect(details.skillId).toBe('23');
    expect(details.connectorId).toBe('conn-1');
    expect(details.campaignId).toBe('3346848610');
  });

  it('normalizes ids of a NotAvailable answer too', () => {
    expect(valueOf(decodeEngagement({ status: 'NotAvailable', sessionId: 1, visitorId: 2, pageId: 3 }))).toStrictEqual({
      status: 'NotAvailable',
      sessionId: '1',
      visitorId: '2',
      pageId: '3',
    });
  });
});

describe('decodeEngagement: optional skillId, skillName, connectorId', () => {
  it.each(['skillId', 'skillName', 'connectorId'])('leaves %s out when absent', (field) => {
    const body = available();
    delete body.engagementDetails[field];
    const details = detailsOf(decodeEngagement(body));
    expect(field in details).toBe(false);
  });

  it.each(['skillId', 'skillName', 'connectorId'])('leaves %s out when null', (field) => {
    const body = available();
    body.engagementDetails[field] = null;
    const details = detailsOf(decodeEngagement(body));
    expect(field in details).toBe(false);
    expect(Object.keys(details)).not.toContain(field);
    expect(JSON.stringify(details)).not.toContain(field);
  });

  it('keeps all three when present', () => {
    const body = available();
    body.engagementDetails['connectorId'] = 5555;
    const details = detailsOf(decodeEngagement(body));
    expect(details.skillId).toBe('23');
    expect(details.skillName).toBe('TestSkill');
    expect(details.connectorId).toBe('5555');
  });

  it('decodes details with only the required fields', () => {
    const body = available();
    delete body.engagementDetails['skillId'];
    delete body.engagementDetails['skillName'];
    const { skillId: _skillId, skillName: _skillName, ...required } = EXPECTED_AVAILABLE.engagementDetails;
    expect(detailsOf(decodeEngagement(body))).toStrictEqual(required);
  });

  it.each<[string, unknown, string]>([
    ['skillId', '', `expected ${ID}, got an empty string`],
    ['skillId', true, `expected ${ID}, got a boolean`],
    ['skillId', { id: 23 }, `expected ${ID}, got an object`],
    ['skillName', 23, 'expected a string, got a number'],
    ['connectorId', [1], `expected ${ID}, got an array`],
  ])('refuses %s = %j at its exact path', (field, value, reason) => {
    const body = available();
    body.engagementDetails[field] = value;
    expect(issuesOf(decodeEngagement(body))).toStrictEqual([{ path: `engagementDetails.${field}`, reason }]);
  });
});

describe('decodeEngagement: unknown extra fields', () => {
  it('tolerates and keeps them at the top level and in engagementDetails', () => {
    const body = available();
    body['serverTime'] = 1700000000000;
    body['debug'] = { node: 'va-1' };
    body.engagementDetails['engagementName'] = 'Chat button';
    body.engagementDetails['extra'] = null;
    const decoded = valueOf(decodeEngagement(body)) as unknown as Record<string, unknown>;
    expect(decoded['serverTime']).toBe(1700000000000);
    expect(decoded['debug']).toStrictEqual({ node: 'va-1' });
    const details = (decoded as unknown as AvailableEngagement).engagementDetails as unknown as Record<string, unknown>;
    expect(details['engagementName']).toBe('Chat button');
    expect(details['extra']).toBeNull();
    expect(details['skillId']).toBe('23');
  });

  it('tolerates them on a NotAvailable answer', () => {
    const body = { ...notAvailable(), reason: 'no agents', engagementDetails: null };
    const decoded = valueOf(decodeEngagement(body));
    expect(decoded.status).toBe('NotAvailable');
    expect(decoded.sessionId).toBe('abc');
  });
});

describe('decodeEngagement: missing or wrong fields give exact paths', () => {
  it.each(REQUIRED_DETAILS)('a missing engagementDetails.%s', (field, expected) => {
    const body = available();
    delete body.engagementDetails[field];
    expect(issuesOf(decodeEngagement(body))).toStrictEqual([{ path: `engagementDetails.${field}`, reason: `is missing (expected ${expected})` }]);
  });

  it.each(REQUIRED_DETAILS)('a null engagementDetails.%s', (field, expected) => {
    const body = available();
    body.engagementDetails[field] = null;
    expect(issuesOf(decodeEngagement(body))).toStrictEqual([{ path: `engagementDetails.${field}`, reason: `expected ${expected}, got null` }]);
  });

  it.each<[string, unknown, string]>([
    ['validForSeconds', '900', 'expected a finite number, got a string'],
    ['validForSeconds', Number.NaN, 'expected a finite number, got a non-finite number'],
    ['engagementRevision', '44', 'expected a finite number, got a string'],
    ['engagementRevision', Number.POSITIVE_INFINITY, 'expected a finite number, got a non-finite number'],
    ['language', 1, 'expected a string, got a number'],
    ['campaignId', '', `expected ${ID}, got an empty string`],
    ['contextId', false, `expected ${ID}, got a boolean`],
    ['windowId', Number.NaN, `expected ${ID}, got a non-finite number`],
  ])('a wrong engagementDetails.%s (%p)', (field, value, reason) => {
    const body = available();
    body.engagementDetails[field] = value;
    expect(issuesOf(decodeEngagement(body))).toStrictEqual([{ path: `engagementDetails.${field}`, reason }]);
  });

  const expectedOf = (field: string): string => (field === 'pageId' ? ID : URL_ID);

  it.each(['sessionId', 'visitorId', 'pageId'])('a missing %s (Available and NotAvailable)', (field) => {
    const a = available();
    delete a[field];
    expect(issuesOf(decodeEngagement(a))).toStrictEqual([{ path: field, reason: `is missing (expected ${expectedOf(field)})` }]);
    const n = notAvailable();
    delete n[field];
    expect(issuesOf(decodeEngagement(n))).toStrictEqual([{ path: field, reason: `is missing (expected ${expectedOf(field)})` }]);
  });

  it.each<[string, unknown, string]>([
    ['sessionId', '', 'an empty string'],
    ['visitorId', null, 'null'],
    ['pageId', { id: 1 }, 'an object'],
    // Ids that go into later URLs: a lone surrogate (no URL can carry it), dot segments, 257 characters, spaces.
    ['visitorId', '\ud800', 'a string'],
    ['sessionId', 'ab\udfffcd', 'a string'],
    ['visitorId', '..', 'a string'],
    ['visitorId', '.', 'a string'],
    ['sessionId', 'x'.repeat(257), 'a string'],
    ['sessionId', 'a b', 'a string'],
    ['visitorId', -1, 'a number'],
  ])('a wrong %s', (field, value, kind) => {
    const body = { ...notAvailable(), [field]: value };
    expect(issuesOf(decodeEngagement(body))).toStrictEqual([{ path: field, reason: `expected ${expectedOf(field)}, got ${kind}` }]);
  });

  it('drops engagementDetails from a NotAvailable answer, whatever they hold', () => {
    for (const junk of [{ campaignId: 1 }, 'junk', 42, null, [1, 2]]) {
      const decoded = valueOf(decodeEngagement({ ...notAvailable(), engagementDetails: junk }));
      expect(decoded).not.toHaveProperty('engagementDetails');
      expect(decoded).toMatchObject({ status: 'NotAvailable' });
    }
  });

  it('a missing status', () => {
    const body = available();
    delete body['status'];
    expect(issuesOf(decodeEngagement(body))).toStrictEqual([{ path: 'status', reason: 'is missing (expected one of Available, NotAvailable)' }]);
  });

  it.each<[unknown, string]>([
    ['available', 'a string'],
    ['Error', 'a string'],
    ['', 'an empty string'],
    [1, 'a number'],
    [null, 'null'],
  ])('an unknown status %j', (status, kind) => {
    const body = { ...available(), status };
    expect(issuesOf(decodeEngagement(body))).toStrictEqual([{ path: 'status', reason: `expected one of Available, NotAvailable, got ${kind}` }]);
  });

  it('a missing engagementDetails on an Available answer', () => {
    const body = available() as Record<string, unknown>;
    delete body['engagementDetails'];
    expect(issuesOf(decodeEngagement(body))).toStrictEqual([{ path: 'engagementDetails', reason: 'is missing (expected EngagementDetails)' }]);
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['an array', [seedAvailable.engagementDetails], 'an array'],
    ['a string', '{}', 'a string'],
  ])('engagementDetails as %s', (_label, value, kind) => {
    const body = { ...available(), engagementDetails: value };
    expect(issuesOf(decodeEngagement(body))).toStrictEqual([{ path: 'engagementDetails', reason: `expected EngagementDetails, got ${kind}` }]);
  });

  it('every wrong field at once, each path once', () => {
    const body = { status: 'Available', sessionId: '', visitorId: 'v', engagementDetails: { campaignId: 1, language: 'en', skillId: false } };
    expect(issuesOf(decodeEngagement(body)).map((i) => i.path)).toStrictEqual([
      'sessionId',
      'pageId',
      'engagementDetails.engagementId',
      'engagementDetails.contextId',
      'engagementDetails.windowId',
      'engagementDetails.engagementRevision',
      'engagementDetails.validForSeconds',
      'engagementDetails.skillId',
    ]);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"status":"Available"}'],
    ['a number', 200],
    ['an array', [seedNotAvailable]],
  ])('a body that is %s', (_label, body) => {
    expect(issuesOf(decodeEngagement(body))).toStrictEqual([{ path: '(value)', reason: 'expected a response object' }]);
  });

  it('never echoes refused values', () => {
    const secret = 'jane.doe@example.com';
    const body = {
      status: secret,
      sessionId: { email: secret },
      visitorId: [secret],
      pageId: '',
    };
    const available2 = { ...available(), engagementDetails: { ...available().engagementDetails, validForSeconds: secret, skillName: { name: secret } } };
    for (const b of [body, available2]) {
      const issues = issuesOf(decodeEngagement(b));
      expect(issues.length).toBeGreaterThan(0);
      expect(JSON.stringify(issues)).not.toContain(secret);
    }
  });
});

describe('EngagementDetailsCodec', () => {
  it('decodes the seed details alone', () => {
    expect(decodeWith(EngagementDetailsCodec, seedAvailable.engagementDetails)).toStrictEqual({
      _tag: 'Right',
      right: EXPECTED_AVAILABLE.engagementDetails,
    });
  });

  it('names the missing fields from the root', () => {
    const { validForSeconds: _v, ...rest } = seedAvailable.engagementDetails;
    expect(decodeWith(EngagementDetailsCodec, rest)).toStrictEqual({
      _tag: 'Left',
      left: [{ path: 'validForSeconds', reason: 'is missing (expected a finite number)' }],
    });
  });
});

// A `__proto__` key is an ordinary own property after JSON.parse. It must never
// become the prototype of a decoded value: that would let a response "inherit"
// fields the codec never validated (here a numeric skillId typed as a string).
describe('decodeEngagement: "__proto__" keys in a parsed body', () => {
  const parse = (json: string): unknown => JSON.parse(json);
  const details =
    '"campaignId":"1","engagementId":"2","contextId":"1","windowId":"3","language":"en-US","engagementRevision":1,"validForSeconds":900';

  it('does not let engagementDetails inherit unvalidated fields', () => {
    const body = parse(`{"status":"Available","sessionId":"a","visitorId":"b","pageId":"c","engagementDetails":{${details},"__proto__":{"skillId":42}}}`);
    const decoded = detailsOf(decodeEngagement(body));
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(decoded.skillId).toBeUndefined();
  });

  it('does not let a NotAvailable answer inherit an engagementDetails', () => {
    const body = parse('{"status":"NotAvailable","sessionId":1,"visitorId":"b","pageId":"c","__proto__":{"engagementDetails":"junk"}}');
    const decoded = valueOf(decodeEngagement(body));
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect('engagementDetails' in decoded).toBe(false);
  });
});

describe('decodeEngagement: properties', () => {
  it('never throws on JSON values and always returns an Either', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (u) => {
        const result = decodeEngagement(u);
        expectDecoderAnswer(result);
        if (isLeft(result)) expect(result.left.length).toBeGreaterThan(0);
      }),
    );
  });

  it('never throws on anything and always returns an Either', () => {
    assertTotalDecoder(decodeEngagement);
  });

  it('never throws on bodies shaped like responses with arbitrary values', () => {
    const body = fc.record(
      {
        status: fc.oneof(fc.constantFrom('Available', 'NotAvailable'), fc.jsonValue()),
        sessionId: fc.jsonValue(),
        visitorId: fc.jsonValue(),
        pageId: fc.jsonValue(),
        engagementDetails: fc.oneof(
          fc.jsonValue(),
          fc.dictionary(fc.constantFrom('campaignId', 'engagementId', 'contextId', 'windowId', 'language', 'engagementRevision', 'validForSeconds', 'skillId', 'skillName', 'connectorId'), fc.jsonValue()),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(body, (b) => {
        const result = decodeEngagement(b);
        expectDecoderAnswer(result);
      }),
    );
  });

  it('accepts any well-formed Available body, ids as numbers or strings', () => {
    const id = fc.oneof(fc.maxSafeNat(), fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/));
    const optionalId = fc.option(id, { nil: null });
    const body = fc.record({
      sessionId: id,
      visitorId: id,
      pageId: id,
      campaignId: id,
      engagementId: id,
      contextId: id,
      windowId: id,
      language: fc.constantFrom('en-US', 'fr-FR', 'he-IL'),
      engagementRevision: fc.integer(),
      validForSeconds: fc.integer({ min: 0, max: 86400 }),
      skillId: optionalId,
      skillName: fc.option(fc.string(), { nil: null }),
      connectorId: optionalId,
    });
    fc.assert(
      fc.property(body, (b) => {
        const { sessionId, visitorId, pageId, ...details } = b;
        const decoded = valueOf(decodeEngagement({ status: 'Available', sessionId, visitorId, pageId, engagementDetails: details }));
        expect(decoded.sessionId).toBe(String(sessionId));
        expect(decoded.visitorId).toBe(String(visitorId));
        expect(decoded.pageId).toBe(String(pageId));
        if (decoded.status !== 'Available') throw new Error('expected Available');
        const d = decoded.engagementDetails;
        expect(d.campaignId).toBe(String(details.campaignId));
        expect(d.engagementId).toBe(String(details.engagementId));
        expect(d.contextId).toBe(String(details.contextId));
        expect(d.windowId).toBe(String(details.windowId));
        expect(d.engagementRevision).toBe(details.engagementRevision);
        expect(d.validForSeconds).toBe(details.validForSeconds);
        expect(d.skillId).toBe(details.skillId === null ? undefined : String(details.skillId));
        expect(d.skillName).toBe(details.skillName === null ? undefined : details.skillName);
        expect(d.connectorId).toBe(details.connectorId === null ? undefined : String(details.connectorId));
        expect('skillId' in d).toBe(details.skillId !== null);
      }),
    );
  });
});
