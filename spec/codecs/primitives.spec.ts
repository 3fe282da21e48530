import * as t from 'io-ts';
import fc from 'fast-check';
import { FiniteNumber, Id, IdToken, NonEmptyString, compact, oneOf, optional } from '../../src/codecs/primitives';
import { decodeWith } from '../../src/internal/validation';
import { isLeft } from '../../src/internal/either';

const ok = (right: unknown) => ({ _tag: 'Right', right });
const refused = (reason: string, path = '(value)') => ({ _tag: 'Left', left: [{ path, reason }] });

describe('Id', () => {
  it.each(['abc', '4743822558', '1', ' ', 'M2YzYjYx-ZGQt'])('keeps the string %j', (s) => {
    expect(decodeWith(Id, s)).toStrictEqual(ok(s));
  });

  it.each<[number, string]>([
    [23, '23'],
    [0, '0'],
    [3346848610, '3346848610'],
    [9007199254740991, '9007199254740991'],
  ])('normalizes the number %p to the string %j', (n, s) => {
    expect(decodeWith(Id, n)).toStrictEqual(ok(s));
  });

  it.each<[string, unknown, string]>([
    ['an empty string', '', 'an empty string'],
    ['null', null, 'null'],
    ['NaN', Number.NaN, 'a non-finite number'],
    ['Infinity', Number.POSITIVE_INFINITY, 'a non-finite number'],
    ['a boolean', true, 'a boolean'],
    ['an object', { id: 1 }, 'an object'],
    ['an array', ['1'], 'an array'],
    ['a negative number', -1, 'a number'],
    ['a fraction', 1.5, 'a number'],
    ['an unsafe integer', 2 ** 60, 'a number'],
  ])('refuses %s', (_label, value, kind) => {
    expect(decodeWith(Id, value)).toStrictEqual(refused(`expected an id (a string or a number), got ${kind}`));
  });

  it('says an absent id is missing', () => {
    expect(decodeWith(Id, undefined)).toStrictEqual(refused('is missing (expected an id (a string or a number))'));
  });

  it('normalizes every safe integer to its decimal string', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(decodeWith(Id, n)).toStrictEqual(ok(String(n)));
      }),
    );
  });
});

describe('FiniteNumber', () => {
  it.each([0, 44, 900, -1, 1.5, Number.MAX_VALUE])('keeps %p', (n) => {
    expect(decodeWith(FiniteNumber, n)).toStrictEqual(ok(n));
  });

  it.each<[string, unknown, string]>([
    ['NaN', Number.NaN, 'a non-finite number'],
    ['Infinity', Number.POSITIVE_INFINITY, 'a non-finite number'],
    ['a numeric string', '900', 'a string'],
    ['null', null, 'null'],
    ['a boolean', false, 'a boolean'],
  ])('refuses %s', (_label, value, kind) => {
    expect(decodeWith(FiniteNumber, value)).toStrictEqual(refused(`expected a finite number, got ${kind}`));
  });
});

describe('NonEmptyString', () => {
  it.each(['a', ' ', 'sy.v.liveperson.net'])('keeps %j', (s) => {
    expect(decodeWith(NonEmptyString, s)).toStrictEqual(ok(s));
  });

  it.each<[unknown, string]>([
    ['', 'an empty string'],
    [1, 'a number'],
    [null, 'null'],
  ])('refuses %j', (value, kind) => {
    expect(decodeWith(NonEmptyString, value)).toStrictEqual(refused(`expected a non-empty string, got ${kind}`));
  });
});

describe('IdToken', () => {
  it.each(['123', '456', 'a', 'abc', 'M2YzYjYxZGQtYjU0ZC00', 'a-b_c.d:e', 'ünïcödé', 'x'.repeat(256)])('accepts %j', (s) => {
    expect(decodeWith(IdToken, s)).toStrictEqual(ok(s));
  });

  it.each<[string, unknown, string]>([
    ['an empty string', '', 'an empty string'],
    ['a single space', ' ', 'a string'],
    ['an inner space', 'a b', 'a string'],
    ['a leading space', ' abc', 'a string'],
    ['a trailing space', 'abc ', 'a string'],
    ['a tab', 'a\tb', 'a string'],
    ['a newline', 'abc\n', 'a string'],
    ['a no-break space', 'a\u00a0b', 'a string'],
    ['a NUL', 'a\u0000b', 'a string'],
    ['a DEL', 'a\u007fb', 'a string'],
    ['257 characters', 'x'.repeat(257), 'a string'],
    ['a lone high surrogate', '\ud800', 'a string'],
    ['a lone low surrogate inside', 'ab\udc00cd', 'a string'],
    ['two surrogates in the wrong order', '\udc00\ud800', 'a string'],
    ['.', '.', 'a string'],
    ['..', '..', 'a string'],
    ['a number', 123, 'a number'],
    ['null', null, 'null'],
  ])('refuses %s', (_label, value, kind) => {
    expect(decodeWith(IdToken, value)).toStrictEqual(refused(`expected an id of 1-256 characters (no spaces, control characters or lone surrogates; not . or ..), got ${kind}`));
  });

  it('accepts a surrogate pair, dots inside an id and exactly 256 code units', () => {
    for (const id of ['a\ud83d\ude00b', '\ud83d\ude00', '...', 'a.b', '.a', 'x'.repeat(256)]) expect(decodeWith(IdToken, id)).toStrictEqual({ _tag: 'Right', right: id });
  });

  it('accepts only ids that encodeURIComponent can carry and a URL keeps in place', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (id) => {
        if (!isLeft(decodeWith(IdToken, id))) {
          const path = `/visitors/${encodeURIComponent(id)}`;
          expect(new URL(path, 'https://h').pathname).toBe(path);
        }
      }),
    );
  });

  it('refuses any string that contains white space', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom(' ', '\t', '\n', '\r', '\u2003'), fc.string({ maxLength: 20 }), (a, space, b) => {
        expect(isLeft(decodeWith(IdToken, `${a}${space}${b}`))).toBe(true);
      }),
    );
  });

  it('has a type guard that agrees with decoding', () => {
    expect(IdToken.is('abc')).toBe(true);
    expect(IdToken.is('a b')).toBe(false);
    expect(IdToken.is('')).toBe(false);
    expect(IdToken.is(1)).toBe(false);
  });
});

describe('optional', () => {
  const OptionalNumber = optional(t.number);

  it('turns undefined and null into absent (undefined)', () => {
    expect(decodeWith(OptionalNumber, undefined)).toStrictEqual(ok(undefined));
    expect(decodeWith(OptionalNumber, null)).toStrictEqual(ok(undefined));
  });

  it('decodes a present value with the inner codec', () => {
    expect(decodeWith(OptionalNumber, 3)).toStrictEqual(ok(3));
    expect(decodeWith(optional(Id), 23)).toStrictEqual(ok('23'));
  });

  it('refuses a present value the inner codec refuses, under the inner name', () => {
    expect(decodeWith(OptionalNumber, 'x')).toStrictEqual(refused('expected a number, got a string'));
    expect(decodeWith(optional(Id), '')).toStrictEqual(refused('expected an id (a string or a number), got an empty string'));
  });

  it('keeps the inner codec name', () => {
    expect(optional(Id).name).toBe(Id.name);
  });

  it('has a type guard for undefined and inner values', () => {
    expect(OptionalNumber.is(undefined)).toBe(true);
    expect(OptionalNumber.is(1)).toBe(true);
    expect(OptionalNumber.is('1')).toBe(false);
  });
});

describe('oneOf', () => {
  const Color = oneOf(['RED', 'GREEN'] as const);

  it('is named after its values', () => {
    expect(Color.name).toBe('one of RED, GREEN');
  });

  it.each(['RED', 'GREEN'])('accepts %s', (v) => {
    expect(decodeWith(Color, v)).toStrictEqual(ok(v));
  });

  it.each<[unknown, string]>([
    ['red', 'a string'],
    ['BLUE', 'a string'],
    [' RED', 'a string'],
    ['', 'an empty string'],
    [0, 'a number'],
    [null, 'null'],
  ])('refuses %j', (value, kind) => {
    expect(decodeWith(Color, value)).toStrictEqual(refused(`expected one of RED, GREEN, got ${kind}`));
  });

  it('does not accept inherited names such as "toString"', () => {
    expect(decodeWith(Color, 'toString')).toStrictEqual(refused('expected one of RED, GREEN, got a string'));
  });
});

describe('compact', () => {
  it('drops keys whose value is undefined and keeps every other value', () => {
    const input = { a: undefined, b: null, c: 0, d: '', e: false, f: { g: undefined } };
    const out = compact(input);
    expect(out).toStrictEqual({ b: null, c: 0, d: '', e: false, f: { g: undefined } });
    expect('a' in out).toBe(false);
  });

  it('leaves its input untouched', () => {
    const input = { a: undefined, b: 1 };
    compact(input);
    expect('a' in input).toBe(true);
  });

  it('returns a new object', () => {
    const input = { b: 1 };
    expect(compact(input)).not.toBe(input);
  });

  // A `__proto__` key parsed from JSON is an ordinary own property. Copying it
  // with `out[k] = v` calls the `__proto__` setter instead, so the copy gets an
  // attacker-chosen prototype and "inherits" fields nobody validated.
  it('never turns a "__proto__" key into the prototype of its result', () => {
    const input = JSON.parse('{"a":1,"__proto__":{"injected":42}}') as Record<string, unknown>;
    const out = compact(input);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as Record<string, unknown>)['injected']).toBeUndefined();
  });
});
