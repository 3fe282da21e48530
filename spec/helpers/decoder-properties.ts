/**
 * The property every decoder of the library has: whatever it is given, it
 * never throws and answers with an Either; a Left names at least one issue,
 * each with a path and a reason.
 */
import fc from 'fast-check';
import type { ValidationIssue } from '../../src/errors';
import type { Either } from '../../src/internal/either';

/**
 * Asserts that `result` is a well-formed decoder answer: exactly `{ _tag:
 * 'Right', right }` with a value, or exactly `{ _tag: 'Left', left }` with
 * at least one issue, each a non-empty path and reason (strings only).
 */
export function expectDecoderAnswer(result: Either<ReadonlyArray<ValidationIssue>, unknown>): void {
  if (result._tag === 'Right') {
    expect(Object.keys(result).sort()).toEqual(['_tag', 'right']);
    expect(result.right).not.toBeUndefined();
    return;
  }
  expect(Object.keys(result).sort()).toEqual(['_tag', 'left']);
  expect(result._tag).toBe('Left');
  expect(result.left.length).toBeGreaterThan(0);
  for (const issue of result.left) {
    expect(Object.keys(issue).sort()).toEqual(['path', 'reason']);
    expect(issue.path).toEqual(expect.stringMatching(/./));
    expect(issue.reason).toEqual(expect.stringMatching(/./));
  }
}

export function assertTotalDecoder(decode: (u: unknown) => Either<ValidationIssue[], unknown>): void {
  fc.assert(
    fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withDate: true, withNullPrototype: true, withSparseArray: true, withBigInt: true }), (u) => {
      expectDecoderAnswer(decode(u));
    }),
  );
}
