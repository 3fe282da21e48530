import { AppDetailsCodec } from '../../src/codecs/app-details';
import { DEVICE_FAMILIES, OPERATING_SYSTEMS } from '../../src/codecs/enums';
import { decodeRequest } from '../../src/codecs/request';
import { decodeWith } from '../../src/internal/validation';
import { isLeft, type Either } from '../../src/internal/either';
import type { ValidationIssue } from '../../src/errors';

function valueOf<A>(result: Either<ValidationIssue[], A>): A {
  if (isLeft(result)) throw new Error(`expected the value to be accepted, got ${JSON.stringify(result.left)}`);
  return result.right;
}

function issuesOf<A>(result: Either<ValidationIssue[], A>): ValidationIssue[] {
  if (!isLeft(result)) throw new Error('expected the value to be refused');
  return result.left;
}

const decode = (u: unknown) => decodeWith(AppDetailsCodec, u);
const inRequest = (appDetails: unknown) => decodeRequest({ appDetails });

const SEED_DETAILS = { os: 'MAC_OSX', osVersion: '1.2', appVersion: '1.0', deviceFamily: 'MOBILE', ipAddress: '192.168.5.2' };

describe('enumerations', () => {
  it('lists the device families of the seed page', () => {
    expect(DEVICE_FAMILIES).toStrictEqual(['DESKTOP', 'TABLET', 'MOBILE']);
  });

  it('lists the operating systems of the seed page', () => {
    expect(OPERATING_SYSTEMS).toStrictEqual(['WINDOWS', 'MAC_OSX', 'LINUX', 'IOS', 'ANDROID']);
  });
});

describe('AppDetailsCodec: accepted values', () => {
  it('keeps the seed appDetails exactly', () => {
    expect(valueOf(decode(SEED_DETAILS))).toStrictEqual(SEED_DETAILS);
  });

  it('accepts an empty object (every field is optional)', () => {
    expect(valueOf(decode({}))).toStrictEqual({});
  });

  it.each(['DESKTOP', 'TABLET', 'MOBILE'])('accepts deviceFamily %s', (deviceFamily) => {
    expect(valueOf(decode({ deviceFamily }))).toStrictEqual({ deviceFamily });
  });

  it.each(['WINDOWS', 'MAC_OSX', 'LINUX', 'IOS', 'ANDROID'])('accepts os %s', (os) => {
    expect(valueOf(decode({ os }))).toStrictEqual({ os });
  });

  it.each(['1.0', '2.3.1-beta', ''])('accepts appVersion %j', (appVersion) => {
    expect(valueOf(decode({ appVersion }))).toStrictEqual({ appVersion });
  });

  it.each(['2.4', '14', '10.15.7'])('accepts osVersion %j', (osVersion) => {
    expect(valueOf(decode({ osVersion }))).toStrictEqual({ osVersion });
  });

  it.each(['192.168.5.2', '2001:db8::1', '::1', '::', '::ffff:192.0.2.1', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'])(
    'accepts ipAddress %s',
    (ipAddress) => {
      expect(valueOf(decode({ ipAddress }))).toStrictEqual({ ipAddress });
    },
  );

  it('keeps fields it does not know, untouched', () => {
    const details = { ...SEED_DETAILS, sdkName: 'engagement-rx', build: 42, nested: { a: [1, 2] } };
    expect(valueOf(decode(details))).toStrictEqual(details);
  });

  it('accepts fields explicitly set to undefined', () => {
    expect(valueOf(decode({ os: undefined }))).toStrictEqual({ os: undefined });
  });
});

describe('AppDetailsCodec: refused values', () => {
  it.each<[string, unknown, string]>([
    ['deviceFamily', 'PHONE', 'expected one of DESKTOP, TABLET, MOBILE, got a string'],
    ['deviceFamily', 'mobile', 'expected one of DESKTOP, TABLET, MOBILE, got a string'],
    ['deviceFamily', 'personal_computer', 'expected one of DESKTOP, TABLET, MOBILE, got a string'],
    ['deviceFamily', '', 'expected one of DESKTOP, TABLET, MOBILE, got an empty string'],
    ['deviceFamily', 1, 'expected one of DESKTOP, TABLET, MOBILE, got a number'],
    ['os', 'MACOS', 'expected one of WINDOWS, MAC_OSX, LINUX, IOS, ANDROID, got a string'],
    ['os', 'ios', 'expected one of WINDOWS, MAC_OSX, LINUX, IOS, ANDROID, got a string'],
    ['os', 'iOS', 'expected one of WINDOWS, MAC_OSX, LINUX, IOS, ANDROID, got a string'],
    ['os', null, 'expected one of WINDOWS, MAC_OSX, LINUX, IOS, ANDROID, got null'],
    ['appVersion', 1, 'expected a string, got a number'],
    ['appVersion', null, 'expected a string, got null'],
    ['osVersion', 2.4, 'expected a string, got a number'],
    ['osVersion', ['2.4'], 'expected a string, got an array'],
    ['ipAddress', '256.1.1.1', 'expected an IPv4 or IPv6 address, got a string'],
    ['ipAddress', '1.2.3', 'expected an IPv4 or IPv6 address, got a string'],
    ['ipAddress', '01.2.3.4', 'expected an IPv4 or IPv6 address, got a string'],
    ['ipAddress', '1:2:3:4:5:6:7:8:9', 'expected an IPv4 or IPv6 address, got a string'],
    ['ipAddress', '1::2::3', 'expected an IPv4 or IPv6 address, got a string'],
    ['ipAddress', 'fe80::1%eth0', 'expected an IPv4 or IPv6 address, got a string'],
    ['ipAddress', 'garbage', 'expected an IPv4 or IPv6 address, got a string'],
    ['ipAddress', '', 'expected an IPv4 or IPv6 address, got an empty string'],
    ['ipAddress', 3232236802, 'expected an IPv4 or IPv6 address, got a number'],
  ])('refuses %s = %j', (field, value, reason) => {
    expect(issuesOf(decode({ [field]: value }))).toStrictEqual([{ path: field, reason }]);
    expect(issuesOf(inRequest({ [field]: value }))).toStrictEqual([{ path: `appDetails.${field}`, reason }]);
  });

  it('reports every refused field at once', () => {
    const paths = issuesOf(inRequest({ os: 'x', deviceFamily: 'y', ipAddress: 'z', appVersion: 1, osVersion: 2 })).map((i) => i.path);
    expect(paths.sort()).toStrictEqual(
      ['appDetails.appVersion', 'appDetails.deviceFamily', 'appDetails.ipAddress', 'appDetails.os', 'appDetails.osVersion'].sort(),
    );
  });

  it.each<[string, unknown, string]>([
    ['a string', '{"os":"IOS"}', 'a string'],
    ['null', null, 'null'],
    ['an array', [], 'an array'],
    ['a number', 1, 'a number'],
  ])('refuses %s as appDetails', (_label, value, kind) => {
    expect(issuesOf(inRequest(value))).toStrictEqual([{ path: 'appDetails', reason: `expected an appDetails object, got ${kind}` }]);
  });
});

describe('appDetails in a request', () => {
  it('is forwarded with its unknown fields', () => {
    const appDetails = { os: 'ANDROID', osVersion: '14', channel: 'beta' };
    expect(valueOf(inRequest(appDetails)).appDetails).toStrictEqual(appDetails);
  });

  it('is absent from the normalized request when undefined', () => {
    expect('appDetails' in valueOf(inRequest(undefined))).toBe(false);
  });
});
