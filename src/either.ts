/**
 * The result type of every check and validation.
 *
 * @packageDocumentation
 */
import type { Either as FpEither } from './internal/either';

/**
 * fp-ts's `Either`: `{ _tag: 'Left', left: E }` for an expected failure, or
 * `{ _tag: 'Right', right: A }` for a value. It is the very type fp-ts
 * exports, so `fp-ts/Either` functions (`match`, `map`, `getOrElse`…) apply.
 *
 * @example
 * ```ts
 * import { match } from 'fp-ts/Either';
 * client.getEngagement().subscribe(
 *   match(
 *     (error) => console.warn(describeError(error)),
 *     (engagement) => console.log(engagement.status),
 *   ),
 * );
 * ```
 * @since 0.1.0
 * @category Errors
 */
export type Either<E, A> = FpEither<E, A>;
