import * as t from 'io-ts';
import fc from 'fast-check';
import { decodeWith, kindOf, prefixIssues, toIssues } from '../../src/internal/validation';
import { isLeft, type Either } from '../../src/internal/either';
import type { ValidationIssue } from '../../src/errors';
import { expectDecoderAnswer } from '../helpers/decoder-properties';

function issuesOf<A>(result: Either<ValidationIssue[], A>): ValidationIssue[] {
  if (!isLeft(result)) throw new Error('expected the value to be refused');
  return result.left;
}

function valueOf<A>(result: Either<ValidationIssue[], A>): A {
  if (isLeft(result)) throw new Error(`expected the value to be accepted, got ${JSON.stringify(result.left)}`);
  return result.right;
}

/** A codec that always fails with its own message, at its own context. */
const Custom = new t.Type<string, string, unknown>(
  'Custom',
  (u): u is string => typeof u === 'string',
  (u, c) => t.failure(u, c, 'a custom reason'),
  t.identity,
);

describe('kindOf', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['undefined', undefined, 'nothing'],
    ['an array', [1, 2], 'an array'],
    ['an empty array', [], 'an array'],
    ['an empty string', '', 'an empty string'],
    ['a string', 'jane.doe@example.com', 'a string'],
    ['a blank string', '   ', 'a string'],
    ['a number', 42, 'a number'],
    ['zero', 0, 'a number'],
    ['NaN', Number.NaN, 'a non-finite number'],
    ['Infinity', Number.POSITIVE_INFINITY, 'a non-finite number'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'a non-finite number'],
    ['true', true, 'a boolean'],
    ['false', false, 'a boolean'],
    ['an object', { a: 1 }, 'an object'],
    ['a null-prototype object', Object.create(null), 'an object'],
    ['a function', () => 1, 'a function'],
    ['a symbol', Symbol('s'), 'a symbol'],
    ['a bigint', BigInt(1), 'a bigint'],
  ])('names %s as "%s"', (_label, value, expected) => {
    expect(kindOf(value)).toBe(expected);
  });

  it('never contains the value itself', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        const kind = kindOf(s);
        expect(['a string', 'an empty string']).toContain(kind);
      }),
    );
  });
});

describe('decodeWith: results', () => {
  it('returns Right with the decoded value', () => {
    expect(valueOf(decodeWith(t.type({ a: t.string }), { a: 'x' }))).toStrictEqual({ a: 'x' });
  });

  it('returns Left with issues for a refused value', () => {
    expect(issuesOf(decodeWith(t.string, 1))).toStrictEqual([{ path: '(value)', reason: 'expected a string, got a number' }]);
  });

  it('never throws: a codec that throws gives one issue naming the codec', () => {
    const Throwing = new t.Type<string, string, unknown>(
      'Throwing',
      (u): u is string => typeof u === 'string',
      () => {
        throw new Error('boom with jane.doe@example.com');
      },
      t.identity,
    );
    const result = decodeWith(Throwing, 'jane.doe@example.com');
    expect(issuesOf(result)).toStrictEqual([{ path: '(value)', reason: 'could not be read as Throwing' }]);
  });
});

describe('decodeWith: paths', () => {
  it('names the whole value "(value)"', () => {
    expect(issuesOf(decodeWith(t.number, 'x'))[0]?.path).toBe('(value)');
  });

  it('joins object keys with dots: a.b', () => {
    const codec = t.type({ a: t.type({ b: t.string }) });
    expect(issuesOf(decodeWith(codec, { a: { b: 1 } }))).toStrictEqual([{ path: 'a.b', reason: 'expected a string, got a number' }]);
  });

  it('puts array indexes in brackets: a[1].b', () => {
    const codec = t.type({ a: t.array(t.type({ b: t.string })) });
    expect(issuesOf(decodeWith(codec, { a: [{ b: 'x' }, { b: 2 }] }))).toStrictEqual([
      { path: 'a[1].b', reason: 'expected a string, got a number' },
    ]);
  });

  it('puts readonly array indexes in brackets', () => {
    const codec = t.type({ a: t.readonlyArray(t.string) });
    expect(issuesOf(decodeWith(codec, { a: ['x', 'y', 3] }))[0]?.path).toBe('a[2]');
  });

  it('starts with a bracket for an array at the root: [0].b', () => {
    const codec = t.array(t.type({ b: t.number }));
    expect(issuesOf(decodeWith(codec, [{ b: 'x' }]))[0]?.path).toBe('[0].b');
  });

  it('chains brackets for nested arrays: [0][1]', () => {
    const codec = t.array(t.array(t.number));
    expect(issuesOf(decodeWith(codec, [[1, 'x']]))[0]?.path).toBe('[0][1]');
  });

  it('puts tuple positions in brackets', () => {
    const codec = t.type({ pair: t.tuple([t.string, t.number]) });
    expect(issuesOf(decodeWith(codec, { pair: ['a', 'b'] }))[0]?.path).toBe('pair[1]');
  });

  it('joins partial keys with dots', () => {
    const codec = t.partial({ outer: t.partial({ inner: t.boolean }) });
    expect(issuesOf(decodeWith(codec, { outer: { inner: 'yes' } }))).toStrictEqual([
      { path: 'outer.inner', reason: 'expected a boolean, got a string' },
    ]);
  });

  it('uses record keys as path segments', () => {
    const codec = t.record(t.string, t.number);
    expect(issuesOf(decodeWith(codec, { ok: 1, bad: 'x' }))[0]?.path).toBe('bad');
  });

  it('makes intersections transparent (no member index in the path)', () => {
    const codec = t.intersection([t.type({ a: t.string }), t.type({ b: t.type({ c: t.number }) })]);
    const issues = issuesOf(decodeWith(codec, { a: 1, b: { c: 'x' } }));
    expect(issues.map((i) => i.path)).toStrictEqual(['a', 'b.c']);
  });

  it('skips context entries with an empty key', () => {
    const Inner = t.type({ x: t.string });
    const Wrapper = new t.Type<{ x: string }, { x: string }, unknown>(
      'Wrapper',
      Inner.is,
      (u, c) => Inner.validate(u, t.appendContext(c, '', Inner, u)),
      t.identity,
    );
    const codec = t.type({ w: Wrapper });
    expect(issuesOf(decodeWith(codec, { w: { x: 1 } }))[0]?.path).toBe('w.x');
  });
});

describe('decodeWith: reasons', () => {
  it.each<[string, t.Decoder<unknown, unknown>, unknown, string]>([
    ['string', t.string, 1, 'expected a string, got a number'],
    ['number', t.number, 'x', 'expected a number, got a string'],
    ['boolean', t.boolean, null, 'expected a boolean, got null'],
    ['UnknownRecord', t.UnknownRecord, [], 'expected an object, got an array'],
    ['UnknownArray', t.UnknownArray, {}, 'expected an array, got an object'],
    ['a codec with its own name', t.literal('x'), 'y', 'expected "x", got a string'],
  ])('names %s in plain words', (_label, codec, value, reason) => {
    expect(issuesOf(decodeWith(codec, value))).toStrictEqual([{ path: '(value)', reason }]);
  });

  it('says "is missing" for an absent field', () => {
    const codec = t.type({ name: t.string });
    expect(issuesOf(decodeWith(codec, {}))).toStrictEqual([{ path: 'name', reason: 'is missing (expected a string)' }]);
  });

  it('gives the custom message of a codec that fails with one', () => {
    expect(issuesOf(decodeWith(t.type({ f: Custom }), { f: 1 }))).toStrictEqual([{ path: 'f', reason: 'a custom reason' }]);
  });

  it('gives a custom message set on an appended context', () => {
    const WithChild = new t.Type<unknown, unknown, unknown>(
      'WithChild',
      (_u): _u is unknown => true,
      (_u, c) => t.failure(1, t.appendContext(c, 'child', t.string, 1), 'child is wrong'),
      t.identity,
    );
    expect(issuesOf(decodeWith(t.type({ p: WithChild }), { p: {} }))).toStrictEqual([{ path: 'p.child', reason: 'child is wrong' }]);
  });

  it('reports every failed field, in order', () => {
    const codec = t.type({ a: t.string, b: t.number, c: t.boolean });
    expect(issuesOf(decodeWith(codec, { a: 1, b: 2, c: 3 }))).toStrictEqual([
      { path: 'a', reason: 'expected a string, got a number' },
      { path: 'c', reason: 'expected a boolean, got a number' },
    ]);
  });

  it('never echoes the refused value', () => {
    const codec = t.type({ age: t.number, tags: t.array(t.number), nested: t.type({ phone: t.number }) });
    const secret = 'jane.doe@example.com';
    const issues = issuesOf(decodeWith(codec, { age: secret, tags: [secret], nested: { phone: secret } }));
    expect(issues).toHaveLength(3);
    expect(JSON.stringify(issues)).not.toContain(secret);
  });
});

describe('decodeWith: unions', () => {
  const U = t.union([t.string, t.type({ x: t.number })]);

  it('stops at the union and names it, not the failed branches', () => {
    const issues = issuesOf(decodeWith(t.type({ u: U }), { u: { x: 'no' } }));
    expect(issues).toStrictEqual([{ path: 'u', reason: `expected ${U.name}, got an object` }]);
  });

  it('stops at the outermost union on the path', () => {
    const Outer = t.union([t.type({ inner: t.union([t.string, t.number]) }), t.null]);
    const issues = issuesOf(decodeWith(Outer, { inner: true }));
    expect(issues).toStrictEqual([{ path: '(value)', reason: `expected ${Outer.name}, got an object` }]);
  });

  it('keeps the index of a union inside an array', () => {
    const issues = issuesOf(decodeWith(t.array(U), ['a', { x: 1 }, true]));
    expect(issues).toStrictEqual([{ path: '[2]', reason: `expected ${U.name}, got a boolean` }]);
  });

  it('drops a custom message raised inside a union in favour of the union name', () => {
    const V = t.union([Custom, t.number]);
    expect(issuesOf(decodeWith(V, true))).toStrictEqual([{ path: '(value)', reason: `expected ${V.name}, got a boolean` }]);
  });

  it('says "is missing" for an absent union field', () => {
    const issues = issuesOf(decodeWith(t.type({ u: U }), {}));
    expect(issues).toStrictEqual([{ path: 'u', reason: `is missing (expected ${U.name})` }]);
  });
});

describe('decodeWith: one issue per path', () => {
  it('dedupes the branch errors of a union into one issue', () => {
    const codec = t.union([t.string, t.number, t.boolean]);
    expect(issuesOf(decodeWith(codec, null))).toHaveLength(1);
  });

  it('keeps the first reason of a path', () => {
    const errors: t.Errors = [
      { value: 1, context: [{ key: '', type: t.string, actual: 1 }], message: 'first' },
      { value: 1, context: [{ key: '', type: t.string, actual: 1 }], message: 'second' },
    ];
    expect(toIssues(errors)).toStrictEqual([{ path: '(value)', reason: 'first' }]);
  });

  it('keeps distinct paths apart', () => {
    const codec = t.type({ a: t.union([t.string, t.number]), b: t.union([t.string, t.number]) });
    expect(issuesOf(decodeWith(codec, { a: null, b: null })).map((i) => i.path)).toStrictEqual(['a', 'b']);
  });

  it('gives no issue for no errors', () => {
    expect(toIssues([])).toStrictEqual([]);
  });
});

describe('prefixIssues', () => {
  it('replaces "(value)" by the prefix', () => {
    expect(prefixIssues('config', [{ path: '(value)', reason: 'r' }])).toStrictEqual([{ path: 'config', reason: 'r' }]);
  });

  it('appends an index path without a dot', () => {
    expect(prefixIssues('list', [{ path: '[2].b', reason: 'r' }])).toStrictEqual([{ path: 'list[2].b', reason: 'r' }]);
  });

  it('appends a key path with a dot', () => {
    expect(prefixIssues('request', [{ path: 'appDetails.os', reason: 'r' }])).toStrictEqual([
      { path: 'request.appDetails.os', reason: 'r' },
    ]);
  });

  it('keeps order and reasons, and leaves its input untouched', () => {
    const input: ValidationIssue[] = [
      { path: 'a', reason: 'one' },
      { path: '(value)', reason: 'two' },
    ];
    const copy = JSON.parse(JSON.stringify(input)) as ValidationIssue[];
    expect(prefixIssues('p', input)).toStrictEqual([
      { path: 'p.a', reason: 'one' },
      { path: 'p', reason: 'two' },
    ]);
    expect(input).toStrictEqual(copy);
  });

  it('gives nothing for no issues', () => {
    expect(prefixIssues('p', [])).toStrictEqual([]);
  });
});

describe('decodeWith: properties', () => {
  const codec = t.type({ a: t.string, list: t.array(t.union([t.number, t.type({ b: t.boolean })])) });

  it('never throws and always returns an Either with well-formed issues', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        const result = decodeWith(codec, u);
        expectDecoderAnswer(result);
        if (isLeft(result)) {
          expect(result.left.length).toBeGreaterThan(0);
          const paths = result.left.map((i) => i.path);
          expect(new Set(paths).size).toBe(paths.length);
          for (const issue of result.left) {
            expect(typeof issue.path).toBe('string');
            expect(issue.path.length).toBeGreaterThan(0);
            expect(typeof issue.reason).toBe('string');
          }
        }
      }),
    );
  });
});
