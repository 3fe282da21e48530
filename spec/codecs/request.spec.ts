import fc from 'fast-check';
import { anyAttribute } from '../attributes/arbitraries';
import { REQUEST_KEYS, decodeRequest } from '../../src/codecs/request';
import { isLeft, type Either } from '../../src/internal/either';
import type { ValidationIssue } from '../../src/errors';
import type { NormalizedRequest } from '../../src/model';
import { seedRequest } from '../fixtures/seed';
import { assertTotalDecoder, expectDecoderAnswer } from '../helpers/decoder-properties';

function valueOf<A>(result: Either<ValidationIssue[], A>): A {
  if (isLeft(result)) throw new Error(`expected the value to be accepted, got ${JSON.stringify(result.left)}`);
  return result.right;
}

function issuesOf<A>(result: Either<ValidationIssue[], A>): ValidationIssue[] {
  if (!isLeft(result)) throw new Error('expected the value to be refused');
  return result.left;
}

const UNKNOWN_FIELD = 'unknown field (expected one of appType, appDetails, consumerSections, engagementAttributes, vid, sid)';
const ID_REASON = 'expected an id of 1-256 characters (no spaces, control characters or lone surrogates; not . or ..), got';

describe('decodeRequest: the seed example', () => {
  it('decodes to exactly the expected normalized request', () => {
    const expected: NormalizedRequest = {
      appType: 'EXTERNAL',
      vid: '123',
      sid: '456',
      appDetails: { os: 'MAC_OSX', osVersion: '1.2', appVersion: '1.0', deviceFamily: 'MOBILE', ipAddress: '192.168.5.2' },
      consumerSections: ['Support', 'English', 'Other'],
      engagementAttributes: [
        {
          type: 'personal',
          personal: {
            contacts: [
              { email: 'test.com', phone: '12345678' },
              { email: 'test2.co.il', phone: '98765430' },
            ],
            age: { age: 30, year: 1985, month: 7, day: 22 },
            firstname: 'test',
            lastname: 'test2',
            gender: 'FEMALE',
            company: 'liveperson',
          },
        },
      ],
    };
    expect(valueOf(decodeRequest(seedRequest))).toStrictEqual(expected);
  });

  it('decodes the seed example after a JSON round trip', () => {
    const parsed: unknown = JSON.parse(JSON.stringify(seedRequest));
    expect(valueOf(decodeRequest(parsed))).toStrictEqual(valueOf(decodeRequest(seedRequest)));
  });

  it('gives the same request when its normalized form is decoded again', () => {
    const once = valueOf(decodeRequest(seedRequest));
    expect(valueOf(decodeRequest(once))).toStrictEqual(once);
  });
});

describe('decodeRequest: empty requests', () => {
  it('treats undefined as { appType: EXTERNAL }', () => {
    expect(decodeRequest(undefined)).toStrictEqual({ _tag: 'Right', right: { appType: 'EXTERNAL' } });
  });

  it('treats {} as { appType: EXTERNAL }', () => {
    expect(decodeRequest({})).toStrictEqual({ _tag: 'Right', right: { appType: 'EXTERNAL' } });
  });

  it('drops fields explicitly set to undefined', () => {
    const request = { appType: undefined, appDetails: undefined, consumerSections: undefined, engagementAttributes: undefined, vid: undefined, sid: undefined };
    expect(decodeRequest(request)).toStrictEqual({ _tag: 'Right', right: { appType: 'EXTERNAL' } });
  });
});

describe('decodeRequest: non-object requests', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['an array', [seedRequest], 'an array'],
    ['a string', '{"appType":"EXTERNAL"}', 'a string'],
    ['a number', 123, 'a number'],
    ['a boolean', true, 'a boolean'],
    ['a function', () => seedRequest, 'a function'],
  ])('refuses %s', (_label, input, kind) => {
    expect(decodeRequest(input)).toStrictEqual({ _tag: 'Left', left: [{ path: '(value)', reason: `expected a plain request object, got ${kind}` }] });
  });
});

describe('decodeRequest: appType', () => {
  it('defaults to EXTERNAL when omitted', () => {
    expect(valueOf(decodeRequest({ vid: 'v' })).appType).toBe('EXTERNAL');
  });

  it('accepts EXTERNAL', () => {
    expect(valueOf(decodeRequest({ appType: 'EXTERNAL' }))).toStrictEqual({ appType: 'EXTERNAL' });
  });

  it.each<[unknown, string]>([
    ['MSDK', 'a string'],
    ['external', 'a string'],
    ['WEBSITE', 'a string'],
    [' EXTERNAL', 'a string'],
    ['', 'an empty string'],
    [null, 'null'],
    [1, 'a number'],
    [['EXTERNAL'], 'an array'],
  ])('refuses %j with the path appType', (appType, kind) => {
    expect(issuesOf(decodeRequest({ appType }))).toStrictEqual([{ path: 'appType', reason: `expected one of EXTERNAL, got ${kind}` }]);
  });
});

describe('decodeRequest: vid and sid', () => {
  it.each(['123', '456', 'a', 'M2YzYjYxZGQtYjU0ZC00', 'abc-DEF_123.xyz', 'x'.repeat(256)])('accepts %j as vid and sid', (token) => {
    expect(valueOf(decodeRequest({ vid: token, sid: token }))).toStrictEqual({ appType: 'EXTERNAL', vid: token, sid: token });
  });

  it('accepts vid without sid and sid without vid', () => {
    expect(valueOf(decodeRequest({ vid: 'v1' }))).toStrictEqual({ appType: 'EXTERNAL', vid: 'v1' });
    expect(valueOf(decodeRequest({ sid: 's1' }))).toStrictEqual({ appType: 'EXTERNAL', sid: 's1' });
  });

  it.each<[string, unknown, string]>([
    ['an empty string', '', 'an empty string'],
    ['a space', ' ', 'a string'],
    ['an inner space', 'ab c', 'a string'],
    ['a trailing newline', 'abc\n', 'a string'],
    ['a tab', 'a\tb', 'a string'],
    ['257 characters', 'x'.repeat(257), 'a string'],
    ['a lone surrogate', '\ud800', 'a string'],
    ['.', '.', 'a string'],
    ['..', '..', 'a string'],
    ['a number', 123, 'a number'],
    ['null', null, 'null'],
    ['an object', { id: 'x' }, 'an object'],
  ])('refuses %s', (_label, token, kind) => {
    expect(issuesOf(decodeRequest({ vid: token }))).toStrictEqual([{ path: 'vid', reason: `${ID_REASON} ${kind}` }]);
    expect(issuesOf(decodeRequest({ sid: token }))).toStrictEqual([{ path: 'sid', reason: `${ID_REASON} ${kind}` }]);
  });
});

describe('decodeRequest: unknown top-level keys', () => {
  it('lists the six known keys', () => {
    expect([...REQUEST_KEYS].sort()).toStrictEqual(['appDetails', 'appType', 'consumerSections', 'engagementAttributes', 'sid', 'vid']);
  });

  it.each(['appdetails', 'visitorId', 'sessionId', 'success', 'error', 'context', 'consumerSection', 'engagementAttribute'])(
    'refuses %s with its own path',
    (key) => {
      expect(issuesOf(decodeRequest({ ...seedRequest, [key]: 'x' }))).toStrictEqual([{ path: key, reason: UNKNOWN_FIELD }]);
    },
  );

  it('refuses an unknown key even when its value is undefined', () => {
    expect(issuesOf(decodeRequest({ vid: 'v', typo: undefined }))).toStrictEqual([{ path: 'typo', reason: UNKNOWN_FIELD }]);
  });

  it('reports every unknown key after the field issues', () => {
    expect(issuesOf(decodeRequest({ appType: 'MSDK', foo: 1, bar: 2 }))).toStrictEqual([
      { path: 'appType', reason: 'expected one of EXTERNAL, got a string' },
      { path: 'foo', reason: UNKNOWN_FIELD },
      { path: 'bar', reason: UNKNOWN_FIELD },
    ]);
  });

  it('refuses a "__proto__" key parsed from JSON', () => {
    const parsed: unknown = JSON.parse('{"vid":"v","__proto__":{"sid":"s"}}');
    expect(issuesOf(decodeRequest(parsed))).toStrictEqual([{ path: '__proto__', reason: UNKNOWN_FIELD }]);
  });
});

describe('decodeRequest: every issue at once', () => {
  it('reports one issue per refused field with exact paths', () => {
    const issues = issuesOf(
      decodeRequest({
        appType: 'MSDK',
        appDetails: { os: 'BeOS', ipAddress: '1.2.3' },
        consumerSections: 7,
        engagementAttributes: [{ type: 'cart', total: 1, numItems: 1 }, { type: 'impAccept' }, 'x'],
        vid: 'a b',
        sid: '',
        extra: true,
      }),
    );
    expect(issues.map((i) => i.path)).toStrictEqual([
      'appType',
      'appDetails.ipAddress',
      'appDetails.os',
      'consumerSections',
      'engagementAttributes[1].type',
      'engagementAttributes[2]',
      'vid',
      'sid',
      'extra',
    ]);
  });
});

describe('decodeRequest: personal data is never echoed', () => {
  const EMAIL = 'jane.doe@example.com';
  const PHONE = '+1 555 0100 9876';
  const NAME = 'Jane Q. Doe';
  const SECRETS = [EMAIL, PHONE, NAME];

  const misplaced: ReadonlyArray<[string, unknown]> = [
    ['appType', { appType: EMAIL }],
    ['vid (an email with a trailing space)', { vid: `${EMAIL} ` }],
    ['vid (a name with spaces)', { vid: NAME }],
    ['sid (a phone number)', { sid: PHONE }],
    ['appDetails.ipAddress', { appDetails: { ipAddress: EMAIL } }],
    ['appDetails.os', { appDetails: { os: NAME } }],
    ['appDetails.deviceFamily', { appDetails: { deviceFamily: PHONE } }],
    ['appDetails.appVersion', { appDetails: { appVersion: { email: EMAIL } } }],
    ['appDetails itself', { appDetails: `${NAME} <${EMAIL}>` }],
    ['consumerSections', { consumerSections: { name: NAME, phone: PHONE } }],
    ['a consumerSections item', { consumerSections: ['Support', { email: EMAIL }] }],
    ['an engagementAttributes item', { engagementAttributes: [EMAIL, PHONE, NAME] }],
    ['an attribute type', { engagementAttributes: [{ type: { email: EMAIL } }] }],
    ['engagementAttributes itself', { engagementAttributes: { firstname: NAME, phone: PHONE } }],
    ['an unknown key', { contact: { email: EMAIL, phone: PHONE, name: NAME } }],
    ['the whole request', `${NAME}, ${EMAIL}, ${PHONE}`],
  ];

  it.each(misplaced)('in %s', (_label, request) => {
    const issues = issuesOf(decodeRequest(request));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      for (const secret of SECRETS) {
        expect(issue.reason).not.toContain(secret);
        expect(issue.path).not.toContain(secret);
      }
    }
  });

  it('for any email or phone number in any checked field', () => {
    const phone = fc.stringMatching(/^\+[1-9][0-9 ]{7,14}[0-9]$/);
    const where = fc.constantFrom(
      (v: string) => ({ appType: v }),
      (v: string) => ({ vid: `${v} x` }),
      (v: string) => ({ sid: `${v}\n` }),
      (v: string) => ({ appDetails: { ipAddress: v } }),
      (v: string) => ({ appDetails: { os: v } }),
      (v: string) => ({ appDetails: { deviceFamily: v } }),
      (v: string) => ({ appDetails: v }),
      (v: string) => ({ consumerSections: [v, ' '] }),
      (v: string) => ({ engagementAttributes: [v] }),
      (v: string) => ({ engagementAttributes: v }),
      (v: string) => v,
    );
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), phone), where, (secret, place) => {
        const issues = issuesOf(decodeRequest(place(secret)));
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(issue.reason).not.toContain(secret);
          expect(issue.path).not.toContain(secret);
        }
      }),
    );
  });
});

describe('decodeRequest: properties', () => {
  it('never throws on JSON values and always returns an Either', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (u) => {
        const result = decodeRequest(u);
        expectDecoderAnswer(result);
        if (isLeft(result)) expect(result.left.length).toBeGreaterThan(0);
        else expect(result.right.appType).toBe('EXTERNAL');
      }),
    );
  });

  it('never throws on anything and always returns an Either', () => {
    assertTotalDecoder(decodeRequest);
  });

  it('never throws on objects made of the request keys with arbitrary values', () => {
    const request = fc.record(
      {
        appType: fc.oneof(fc.constant('EXTERNAL'), fc.jsonValue()),
        appDetails: fc.oneof(fc.jsonValue(), fc.record({ os: fc.jsonValue(), ipAddress: fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()) }, { requiredKeys: [] })),
        consumerSections: fc.oneof(fc.string(), fc.array(fc.jsonValue())),
        engagementAttributes: fc.array(fc.oneof(fc.jsonValue(), fc.record({ type: fc.oneof(fc.string(), fc.constantFrom('impDisplay', 'cart')) }))),
        vid: fc.oneof(fc.string(), fc.jsonValue()),
        sid: fc.oneof(fc.string(), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(request, (u) => {
        const result = decodeRequest(u);
        expectDecoderAnswer(result);
      }),
    );
  });

  it('accepts any well-formed request and normalizes it', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/).filter((t) => t !== "." && t !== "..");
    const section = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,15}$/).map((s) => s.trim());
    const request = fc.record(
      {
        appType: fc.constant('EXTERNAL' as const),
        appDetails: fc.record(
          {
            appVersion: fc.string(),
            osVersion: fc.string(),
            deviceFamily: fc.constantFrom('DESKTOP' as const, 'TABLET' as const, 'MOBILE' as const),
            os: fc.constantFrom('WINDOWS' as const, 'MAC_OSX' as const, 'LINUX' as const, 'IOS' as const, 'ANDROID' as const),
            ipAddress: fc.oneof(fc.ipV4(), fc.ipV6()),
          },
          { requiredKeys: [] },
        ),
        consumerSections: fc.array(section),
        engagementAttributes: fc.array(anyAttribute),
        vid: token,
        sid: token,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(request, (r) => {
        const normalized = valueOf(decodeRequest(r));
        expect(normalized).toStrictEqual({ appType: 'EXTERNAL', ...r });
      }),
    );
  });
});
