/**
 * The one place that imports fp-ts at run time. Everything else in `src/` takes
 * `Either`, `left`, `right` and friends from here, so a change of functional
 * library stays inside this file (and `validation.ts`).
 *
 * @internal
 */
export type { Either, Left, Right } from 'fp-ts/lib/Either';
export type { TaskEither } from 'fp-ts/lib/TaskEither';
export { left, right, isLeft, isRight } from 'fp-ts/lib/Either';
