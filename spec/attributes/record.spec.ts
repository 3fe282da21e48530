import * as t from 'io-ts';
import { hasOwn, isObjectLike, issueAt, nullable, optional, record, required, setField } from '../../src/attributes/record';
import { Count, Flag, Text } from '../../src/attributes/scalars';
import { decodeWith } from '../../src/internal/validation';
import { issuesOf, rightOf } from './helpers';

interface Sample {
  readonly id: number;
  readonly label?: string;
  readonly flag?: boolean | null;
}

const Sample = record<Sample>('a sample', { id: required(Count), label: optional(Text), flag: nullable(Flag) });

describe('record', () => {
  it('keeps unknown fields, drops undefined, treats null as absent unless nullable', () => {
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

  it('refuses what is not an object with its own name', () => {
    expect(issuesOf(decodeWith(Sample, [1]))).toEqual([{ path: '(value)', reason: 'expected a sample, got an array' }]);
  });

  it('runs its check after the fields, with errors at a sub-path', () => {
    const Even = record<{ n: number }>('an even', { n: required(Count) }, (v, c) => (v.n % 2 === 0 ? { value: v } : { errors: [issueAt(c, 'n', v.n, 'is odd')] }));
    expect(issuesOf(decodeWith(Even, { n: 3 }))).toEqual([{ path: 'n', reason: 'is odd' }]);
    expect(rightOf(decodeWith(Even, { n: 4 }))).toStrictEqual({ n: 4 });
  });

  it('encodes a fresh copy without undefined fields, and is() agrees with decode', () => {
    const value = { id: 1, label: undefined, extra: 2 } as Sample;
    const encoded = Sample.encode(value);
    expect(encoded).toStrictEqual({ id: 1, extra: 2 });
    expect(encoded).not.toBe(value);
    expect(Sample.is({ id: 1 })).toBe(true);
    expect(Sample.is({ id: -1 })).toBe(false);
    expect(Sample.encode(5 as never)).toBe(5);
  });

  it('helpers: isObjectLike, hasOwn, setField', () => {
    expect([isObjectLike({}), isObjectLike([]), isObjectLike(null), isObjectLike('x')]).toEqual([true, false, false, false]);
    expect([hasOwn({ a: 1 }, 'a'), hasOwn({}, 'toString')]).toEqual([true, false]);
    const out: Record<string, unknown> = {};
    setField(out, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
  });

  it('works inside io-ts containers with readable paths', () => {
    const List = t.readonlyArray(Sample, 'samples');
    expect(issuesOf(decodeWith(List, [{ id: 1 }, { id: 'x' }]))).toEqual([{ path: '[1].id', reason: 'expected a non-negative integer, got a string' }]);
  });
});
