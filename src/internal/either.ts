/**
 * The one place that imports fp-ts at run time. Everything else in `src/` takes
 * `Either`, `left`, `right` and friends from here, so a change of functional
 * library stays inside this file (and `validation.ts`).
 *
 * The specifier carries its `.js`: fp-ts ships no `exports` map, so in Node's
 * ES module loader, and for TypeScript consumers under `moduleResolution`
 * `node16`/`nodenext`, only the full file name resolves. The emitted code and
 * every declaration file (`.d.ts` and `.d.mts`) keep it as written
 * (spec/package/consumers.spec.ts type-checks the packed package that way).
 *
 * @internal
 */
export type { Either, Left, Right } from 'fp-ts/lib/Either.js';
export type { TaskEither } from 'fp-ts/lib/TaskEither.js';
export { left, right, isLeft, isRight } from 'fp-ts/lib/Either.js';
