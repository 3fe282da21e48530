/**
 * The property every decoder of the library has: whatever it is given, it
 * never throws and answers with an Either; a Left names at least one issue,
 * each with a path and a reason.
 */
import fc from 'fast-check';
import type { ValidationIssue } from '../../src/errors';
import { isLeft, isRight, type Either } from '../../src/internal/either';

export function assertTotalDecoder(decode: (u: unknown) => Either<ValidationIssue[], unknown>): void {
  fc.assert(
    fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withDate: true, withNullPrototype: true, withSparseArray: true, withBigInt: true }), (u) => {
      const result = decode(u);
      expect(isLeft(result) || isRight(result)).toBe(true);
      if (isLeft(result)) {
        expect(result.left.length).toBeGreaterThan(0);
        for (const issue of result.left) {
          expect(typeof issue.path).toBe('string');
          expect(typeof issue.reason).toBe('string');
        }
      }
    }),
  );
}
