import fc from 'fast-check';
import { isIP } from 'node:net';
import { IpAddress, isIPv4, isIPv6, isIpAddress } from '../../src/codecs/ip-address';
import { decodeWith } from '../../src/internal/validation';
import { isLeft, isRight } from '../../src/internal/either';

const IPV4_ACCEPTED = ['192.168.5.2', '0.0.0.0', '255.255.255.255', '127.0.0.1', '10.0.0.1', '192.0.2.1', '1.2.3.4', '100.64.0.0'];

const IPV4_REFUSED = [
  '256.1.1.1',
  '1.256.1.1',
  '1.1.1.256',
  '999.1.1.1',
  '1.2.3',
  '1.2.3.4.5',
  '1.2.3.',
  '.1.2.3',
  '1..2.3',
  '01.2.3.4',
  '1.02.3.4',
  '1.2.3.00',
  '00.0.0.0',
  '-1.2.3.4',
  '+1.2.3.4',
  '1.2.3.4 ',
  ' 1.2.3.4',
  '1.2.3.4\n',
  '0x7f.0.0.1',
  '1e2.0.0.1',
  '1.2.3.a',
  '１.２.３.４',
  '',
  'localhost',
];

const IPV6_ACCEPTED = [
  '::',
  '::1',
  '1::',
  '2001:db8::1',
  '2001:db8::',
  'fe80::1',
  '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
  '2001:db8:85a3:0:0:8a2e:370:7334',
  'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  'FFFF:ABCD:0:0:0:0:0:1',
  '0:0:0:0:0:0:0:0',
  '1:2:3:4:5:6:7::',
  '::2:3:4:5:6:7:8',
  '1:2:3::6:7:8',
  '::ffff:192.0.2.1',
  '::ffff:0:192.0.2.1',
  '0:0:0:0:0:ffff:192.0.2.1',
  '64:ff9b::192.0.2.33',
  '1:2:3:4:5:6:255.255.255.255',
  '::192.0.2.1',
  'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255',
];

const IPV6_REFUSED = [
  '1:2:3:4:5:6:7:8:9',
  '1:2:3:4:5:6:7',
  '1::2::3',
  '::1::',
  '1:::2',
  ':::',
  ':',
  ':1:2:3:4:5:6:7',
  '1:2:3:4:5:6:7:',
  '1:2:3:4:5:6:7:8::',
  '::1:2:3:4:5:6:7:8',
  'fe80::1%eth0',
  'fe80::1%1',
  '::1%lo',
  '12345::1',
  '2001:db8::g',
  '2001:db8::1 ',
  '[::1]',
  '::ffff:256.0.2.1',
  '::ffff:192.0.2',
  '::ffff:01.0.2.1',
  '192.0.2.1::',
  '1:2:3:4:5:6:7:192.0.2.1',
  '::192.0.2.1:1',
  'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255:',
];

const GARBAGE = ['', ' ', 'garbage', 'not an ip', 'jane.doe@example.com', 'http://1.2.3.4/', '1.2.3.4/24', '::/0', 'a.b.c.d', '....', '::::'];

describe('isIPv4', () => {
  it.each(IPV4_ACCEPTED)('accepts %s', (s) => {
    expect(isIPv4(s)).toBe(true);
  });
  it.each(IPV4_REFUSED)('refuses %j', (s) => {
    expect(isIPv4(s)).toBe(false);
  });
  it('refuses IPv6 addresses', () => {
    expect(isIPv4('::1')).toBe(false);
  });
});

describe('isIPv6', () => {
  it.each(IPV6_ACCEPTED)('accepts %s', (s) => {
    expect(isIPv6(s)).toBe(true);
  });
  it.each(IPV6_REFUSED)('refuses %j', (s) => {
    expect(isIPv6(s)).toBe(false);
  });
  it('refuses a plain IPv4 address', () => {
    expect(isIPv6('192.0.2.1')).toBe(false);
  });
});

describe('isIpAddress', () => {
  it.each([...IPV4_ACCEPTED, ...IPV6_ACCEPTED])('accepts %s', (s) => {
    expect(isIpAddress(s)).toBe(true);
  });
  it.each([...IPV4_REFUSED, ...IPV6_REFUSED, ...GARBAGE])('refuses %j', (s) => {
    expect(isIpAddress(s)).toBe(false);
  });
});

describe('IpAddress codec', () => {
  it('decodes a valid address unchanged', () => {
    expect(decodeWith(IpAddress, '2001:db8::1')).toStrictEqual({ _tag: 'Right', right: '2001:db8::1' });
    expect(decodeWith(IpAddress, '192.168.5.2')).toStrictEqual({ _tag: 'Right', right: '192.168.5.2' });
  });

  it.each<[string, unknown, string]>([
    ['a number', 3232236802, 'a number'],
    ['null', null, 'null'],
    ['an empty string', '', 'an empty string'],
    ['an array', ['1.2.3.4'], 'an array'],
  ])('refuses %s, naming its kind', (_label, value, kind) => {
    expect(decodeWith(IpAddress, value)).toStrictEqual({
      _tag: 'Left',
      left: [{ path: '(value)', reason: `expected an IPv4 or IPv6 address, got ${kind}` }],
    });
  });

  it('refuses a malformed address without echoing it', () => {
    const result = decodeWith(IpAddress, 'jane.doe@example.com');
    expect(isLeft(result)).toBe(true);
    expect(JSON.stringify(result)).not.toContain('jane.doe');
  });

  it('has a type guard that agrees with decoding', () => {
    for (const s of [...IPV4_ACCEPTED, ...IPV6_ACCEPTED]) expect(IpAddress.is(s)).toBe(true);
    for (const s of [...IPV4_REFUSED, ...IPV6_REFUSED, ...GARBAGE]) expect(IpAddress.is(s)).toBe(false);
    expect(IpAddress.is(1)).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const octet = fc.integer({ min: 0, max: 255 });
const hexDigit = fc.constantFrom(...'0123456789abcdefABCDEF'.split(''));
const hexGroup = fc.string({ unit: hexDigit, minLength: 1, maxLength: 4 });
const zeroGroup = fc.constantFrom('0', '00', '000', '0000');

/** 8 groups with a run of zero groups at [start, start + length), and that run. */
const groupsWithZeroRun = fc
  .tuple(fc.array(hexGroup, { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 8 }), zeroGroup)
  .map(([groups, start, length, zero]) => {
    const end = Math.min(8, start + length);
    const full = groups.map((g, i) => (i >= start && i < end ? zero : g));
    return { full, start, end };
  });

describe('IP address properties', () => {
  it('accepts any IPv4 built from 4 octets', () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (octets) => {
        const s = octets.join('.');
        expect(isIPv4(s)).toBe(true);
        expect(isIpAddress(s)).toBe(true);
        expect(isRight(decodeWith(IpAddress, s))).toBe(true);
      }),
    );
  });

  it('refuses an IPv4 with an octet above 255', () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet), fc.integer({ min: 256, max: 99999 }), fc.integer({ min: 0, max: 3 }), (rest, big, at) => {
        const parts: number[] = [...rest];
        parts.splice(at, 0, big);
        expect(isIpAddress(parts.join('.'))).toBe(false);
      }),
    );
  });

  it('refuses an IPv4 with a leading zero', () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), fc.integer({ min: 0, max: 3 }), (octets, at) => {
        const parts = octets.map(String);
        parts[at] = `0${parts[at] ?? ''}`;
        expect(isIpAddress(parts.join('.'))).toBe(false);
      }),
    );
  });

  it('accepts any IPv6 of 8 hex groups, in full', () => {
    fc.assert(
      fc.property(fc.array(hexGroup, { minLength: 8, maxLength: 8 }), (groups) => {
        const s = groups.join(':');
        expect(isIPv6(s)).toBe(true);
        expect(isIpAddress(s)).toBe(true);
      }),
    );
  });

  it('accepts an IPv6 in full and with a run of zero groups compressed to ::', () => {
    fc.assert(
      fc.property(groupsWithZeroRun, ({ full, start, end }) => {
        const compressed = `${full.slice(0, start).join(':')}::${full.slice(end).join(':')}`;
        expect(isIPv6(full.join(':'))).toBe(true);
        expect(isIPv6(compressed)).toBe(true);
        expect(isIpAddress(compressed)).toBe(true);
        // Node's own parser agrees that both spellings are addresses.
        expect(isIP(full.join(':'))).toBe(6);
        expect(isIP(compressed)).toBe(6);
      }),
    );
  });

  it('accepts an IPv6 with an embedded IPv4 in place of the last two groups', () => {
    fc.assert(
      fc.property(fc.array(hexGroup, { minLength: 6, maxLength: 6 }), fc.tuple(octet, octet, octet, octet), (groups, octets) => {
        expect(isIPv6(`${groups.join(':')}:${octets.join('.')}`)).toBe(true);
        expect(isIPv6(`::ffff:${octets.join('.')}`)).toBe(true);
      }),
    );
  });

  it('refuses more than 8 groups, and a second ::', () => {
    fc.assert(
      fc.property(fc.array(hexGroup, { minLength: 9, maxLength: 12 }), fc.array(hexGroup, { minLength: 1, maxLength: 2 }), (groups, extra) => {
        expect(isIPv6(groups.join(':'))).toBe(false);
        expect(isIPv6(`${extra.join(':')}::${extra.join(':')}::${extra.join(':')}`)).toBe(false);
      }),
    );
  });

  it('refuses any zone id', () => {
    fc.assert(
      fc.property(groupsWithZeroRun, fc.stringMatching(/^[a-z0-9]{1,8}$/), ({ full }, zone) => {
        expect(isIpAddress(`${full.join(':')}%${zone}`)).toBe(false);
      }),
    );
  });

  it('accepts whatever fast-check generates as IPv4 and IPv6', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (s) => {
        expect(isIpAddress(s)).toBe(true);
      }),
    );
  });

  it('agrees with Node (node:net isIP) on strings built from address characters, zone ids aside', () => {
    const unit = fc.constantFrom(...'0123456789abcdefABCDEF:.:.g'.split(''));
    const candidates = fc.oneof(
      fc.string({ unit, maxLength: 45 }),
      fc.ipV4Extended(),
      fc.ipV6(),
      // a valid address with one character changed, inserted or removed
      fc
        .tuple(fc.oneof(fc.ipV4(), fc.ipV6()), fc.nat(), unit, fc.constantFrom('replace', 'insert', 'delete'))
        .map(([s, at, ch, op]) => {
          const i = at % (s.length + 1);
          if (op === 'insert') return s.slice(0, i) + ch + s.slice(i);
          if (op === 'delete') return s.slice(0, i) + s.slice(i + 1);
          return s.slice(0, i) + ch + s.slice(i + 1);
        }),
    );
    fc.assert(
      fc.property(candidates, (s) => {
        expect(isIpAddress(s)).toBe(isIP(s) !== 0);
      }),
      { numRuns: 5000 },
    );
  });
});
