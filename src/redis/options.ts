/**
 * Checks of the options objects of the Redis stores: a bad option is a
 * programming error, thrown as a TypeError naming the option when the
 * store is made.
 *
 * @internal
 */
import { isRecord, kindOf } from '../internal/validation';

/** One option: its default, and what makes a value good. */
export interface OptionRule<A> {
  readonly fallback: A;
  readonly expected: string;
  readonly ok: (u: unknown) => boolean;
}

/** A whole number of milliseconds within `[min, max]`. */
export const msRule = (fallback: number, min: number, max: number): OptionRule<number> => ({ fallback, expected: `a whole number of milliseconds from ${min} to ${max}`, ok: (u) => Number.isSafeInteger(u) && (u as number) >= min && (u as number) <= max });

/** A yes or no, `false` unless given. */
export const booleanRule: OptionRule<boolean> = { fallback: false, expected: 'true or false', ok: (u) => typeof u === 'boolean' };

/** A key prefix: 1-100 characters. */
export const prefixRule: OptionRule<string> = { fallback: 'engagement-rx:', expected: 'a string of 1-100 characters', ok: (u) => typeof u === 'string' && u.length >= 1 && u.length <= 100 };

/** The options with their defaults filled in; throws a TypeError naming the first bad or unknown option. */
export function readOptions<R extends Record<string, OptionRule<unknown>>>(owner: string, options: unknown, rules: R): { [K in keyof R]: R[K]['fallback'] } {
  if (options !== undefined && !isRecord(options)) throw new TypeError(`${owner}: expected an options object, got ${kindOf(options)}`);
  const given = (options ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) if (!(key in rules)) throw new TypeError(`${owner}: unknown option ${key}`);
  for (const [key, rule] of Object.entries(rules)) {
    const value = given[key];
    if (value !== undefined && !rule.ok(value)) throw new TypeError(`${owner}: ${key}: expected ${rule.expected}, got ${kindOf(value)}`);
    out[key] = value ?? rule.fallback;
  }
  return out as { [K in keyof R]: R[K]['fallback'] };
}
