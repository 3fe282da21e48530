import fc from 'fast-check';
import { parseHttpDate, parseRetryAfter } from '../../src/retry/retry-after';

const NOV_6_1994 = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate', () => {
  it('reads the three formats RFC 9110 asks recipients to accept', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', 0)).toBe(NOV_6_1994);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(2024, 0, 1))).toBe(NOV_6_1994);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', 0)).toBe(NOV_6_1994);
    expect(parseHttpDate('Sun Nov 16 08:49:37 1994', 0)).toBe(Date.UTC(1994, 10, 16, 8, 49, 37));
  });

  it('reads a two-digit year as the latest year not more than 50 years ahead', () => {
    const in2030 = Date.UTC(2030, 0, 1);
    expect(parseHttpDate('Monday, 01-Jan-35 00:00:00 GMT', in2030)).toBe(Date.UTC(2035, 0, 1));
    expect(parseHttpDate('Monday, 01-Jan-99 00:00:00 GMT', in2030)).toBe(Date.UTC(1999, 0, 1));
  });

  it.each(['', 'soon', '06 Nov 1994', 'Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Foo 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 25:00:00 GMT', '2024-01-01T00:00:00Z'])(
    'refuses %j',
    (text) => {
      expect(parseHttpDate(text, 0)).toBeUndefined();
    },
  );
});

describe('parseRetryAfter', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('0', 123)).toBe(0);
    expect(parseRetryAfter('2', 123)).toBe(2000);
    expect(parseRetryAfter(' 120 ', 0)).toBe(120_000);
    expect(parseRetryAfter('1.5', 0)).toBe(1500);
  });

  it('reads an HTTP date relative to now, a past date giving 0', () => {
    const now = NOV_6_1994 - 3000;
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOV_6_1994 + 10_000)).toBe(0);
  });

  it('does not read a lone number as a year', () => {
    // Date.parse('5') is a date in 2001 on V8: the seconds form must win
    expect(parseRetryAfter('5', Date.UTC(2024, 0, 1))).toBe(5000);
  });

  it.each([undefined, '', 'later', '-1', '1e3', '0x10', 'Infinity'])('gives undefined for %j', (value) => {
    expect(parseRetryAfter(value, 0)).toBeUndefined();
  });

  it('property: never throws and never gives a negative or non-finite delay', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.integer(), fc.double()), (value, now) => {
        const ms = parseRetryAfter(value, now);
        if (ms !== undefined) {
          expect(Number.isFinite(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('property: any whole number of seconds is read exactly', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (s) => {
        expect(parseRetryAfter(String(s), 0)).toBe(s * 1000);
      }),
    );
  });
});

describe('parseRetryAfter: limits', () => {
  it('gives undefined for a number of seconds too large to be a delay', () => {
    expect(parseRetryAfter('9'.repeat(400), 0)).toBeUndefined();
  });
});
