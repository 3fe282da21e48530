import * as t from 'io-ts';
import { hasOwn, issueAt, record, refine, required, setByBuilder, withoutUndefined } from '../../src/attributes/record';
import { Count, FlagOrNull, Text } from '../../src/attributes/scalars';
import { decodeWith } from '../../src/internal/validation';
import { issuesOf, rightOf } from './helpers';

interface Sample {
  readonly id: number;
  readonly label?: string;
  readonly flag?: boolean | null;
}

const Sample = record<Sample>({ id: required(Count), label: Text, flag: FlagOrNull }, undefined, 'a sample');

describe('record', () => {
  it('keeps unknown fields, drops undefined, treats null as absent unless the field reads null', () => {
    expect(rightOf(decodeWith(Sample, { id: 1, label: null, flag: null, extra: { deep: [1] }, gone: undefined }))).toStrictEqual({
      id: 1,
      flag: null,
      extra: { deep: [1] },
    });
  });

  it('reports a missing required field, a null required field, and every bad field', () => {
    expect(issuesOf(decodeWith(Sample, {}))).toEqual([{ path: 'id', reason: 'is missing (expected a non-negative integer)' }]);
    expect(issuesOf(decodeWith(Sample, { id: null }))).toEqual([{ path: 'id', reason: 'expected a non-negative integer, got null' }]);
    expect(issuesOf(decodeWith(Sample, { id: 'x', label: 1, flag: 'y' }))).toEqual([
      { path: 'id', reason: 'expected a non-negative integer, got a string' },
      { path: 'label', reason: 'expected a string, got a number' },
      { path: 'flag', reason: 'expected a boolean or null, got a string' },
    ]);
  });

  it('refuses what is not an object with its own name, or "an object" by default', () => {
    expect(issuesOf(decodeWith(Sample, [1]))).toEqual([{ path: '(value)', reason: 'expected a sample, got an array' }]);
    expect(issuesOf(decodeWith(record<{ n?: number }>({ n: Count }), 'x'))).toEqual([{ path: '(value)', reason: 'expected an object, got a string' }]);
  });

  it('runs its check after the fields, with errors at a sub-path, and may replace the value', () => {
    const Even = record<{ n: number }>({ n: required(Count) }, (v, c) => (v.n % 2 === 0 ? t.success(v) : t.failures([issueAt(c, 'n', 'is odd')])));
    expect(issuesOf(decodeWith(Even, { n: 3 }))).toEqual([{ path: 'n', reason: 'is odd' }]);
    expect(rightOf(decodeWith(Even, { n: 4 }))).toStrictEqual({ n: 4 });
    expect(issuesOf(decodeWith(Even, { n: 'x' }))).toEqual([{ path: 'n', reason: 'expected a non-negative integer, got a string' }]);
    const Renamed = record<{ n?: number }, { n?: number; N?: number }>({ n: Count, N: Count }, ({ N, ...v }) => t.success(N === undefined ? v : { ...v, n: N }));
    expect(rightOf(decodeWith(Renamed, { N: 2 }))).toStrictEqual({ n: 2 });
  });

  it('encodes as the identity (decoded values are in wire form), and is() agrees with decode', () => {
    const value: Sample = { id: 1, label: 'x' };
    expect(Sample.encode(value)).toBe(value);
    expect(Sample.is({ id: 1 })).toBe(true);
    expect(Sample.is({ id: -1 })).toBe(false);
    expect(Sample.is('x')).toBe(false);
  });

  it('keeps a "__proto__" key as a plain field', () => {
    const decoded = Sample.decode(JSON.parse('{"id":1,"__proto__":{"polluted":true}}'));
    if (decoded._tag === 'Left') throw new Error('expected the sample to decode');
    expect(Object.getPrototypeOf(decoded.right)).toBe(Object.prototype);
    expect(Object.keys(decoded.right)).toEqual(['id', '__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('helpers: hasOwn, setByBuilder', () => {
    expect([hasOwn({ a: 1 }, 'a'), hasOwn({}, 'toString')]).toEqual([true, false]);
    expect(setByBuilder({ type: 'x', a: 1 }, ['type', 'b'], 'is set')).toEqual([{ path: 'type', reason: 'is set' }]);
  });

  it('works inside io-ts containers with readable paths', () => {
    const List = t.readonlyArray(Sample, 'samples');
    expect(issuesOf(decodeWith(List, [{ id: 1 }, { id: 'x' }]))).toEqual([{ path: '[1].id', reason: 'expected a non-negative integer, got a string' }]);
  });
});

describe('withoutUndefined', () => {
  it('copies plain objects and arrays without undefined fields, at any depth', () => {
    const value = { id: 1, label: undefined, deep: [{ a: undefined, b: 1 }], kept: [undefined] };
    const copy = withoutUndefined(value);
    expect(copy).toStrictEqual({ id: 1, deep: [{ b: 1 }], kept: [undefined] });
    expect(copy).not.toBe(value);
    expect(withoutUndefined(5)).toBe(5);
  });

  it('keeps other objects as they are, and "__proto__" keys as plain fields', () => {
    const date = new Date(0);
    expect(withoutUndefined({ at: date }).at).toBe(date);
    const copy = withoutUndefined(JSON.parse('{"__proto__":{"polluted":true},"a":{"__proto__":1}}') as Record<string, unknown>);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy['a'] as object)).toEqual(['__proto__']);
  });
});

describe('refine', () => {
  const Upper = refine('an upper-case string', (u) => (typeof u === 'string' ? u.toUpperCase() : undefined));

  it('decodes to what its parse function answers, and refuses undefined answers', () => {
    expect(rightOf(decodeWith(Upper, 'us'))).toBe('US');
    expect(issuesOf(decodeWith(Upper, 1))).toEqual([{ path: '(value)', reason: 'expected an upper-case string, got a number' }]);
  });

  it('is() holds only for values that decode to themselves', () => {
    expect([Upper.is('US'), Upper.is('us'), Upper.is(1), Upper.is(undefined)]).toEqual([true, false, false, false]);
  });
});
