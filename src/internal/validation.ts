/**
 * The one bridge between io-ts and the rest of the library. Codecs are built
 * with io-ts (see `src/codecs/`), but callers only ever see
 * `Either<ValidationIssue[], A>` from {@link decodeWith}, with our own
 * messages, which name fields and kinds of values and never echo a value.
 *
 * @internal
 */
import type * as t from 'io-ts';
import type { ValidationIssue } from '../errors';
import { left, right, type Either } from './either';

/** The kind of a value, for messages: never the value itself. */
export function kindOf(u: unknown): string {
  if (u === null) return 'null';
  if (u === undefined) return 'nothing';
  if (Array.isArray(u)) return 'an array';
  const type = typeof u;
  if (type === 'string') return u === '' ? 'an empty string' : 'a string';
  if (type === 'number') return Number.isFinite(u) ? 'a number' : 'a non-finite number';
  return type === 'object' ? 'an object' : `a ${type}`;
}

const PLAIN: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'a boolean', UnknownRecord: 'an object', UnknownArray: 'an array' };

const tagOf = (entry: t.ContextEntry | undefined): string | undefined => (entry?.type as { _tag?: string } | undefined)?._tag;

/**
 * Turns io-ts errors into issues, one per path. The report stops at the
 * outermost union on the path (the details of each failed branch are noise to
 * a caller) and names the union; otherwise it names the innermost codec. A
 * codec that fails with its own message (`t.failure(u, c, message)`) gives
 * that message. Intersections add nothing to a path; array items read `[i]`.
 */
export function toIssues(errors: t.Errors): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const { context, message } of errors) {
    let stop = context.findIndex((entry) => tagOf(entry) === 'UnionType');
    if (stop < 0) stop = context.length - 1;
    let path = '';
    for (let i = 1; i <= stop; i++) {
      const key = (context[i] as t.ContextEntry).key;
      const parent = tagOf(context[i - 1]);
      if (key === '' || parent === 'IntersectionType') continue;
      path += /^\d+$/.test(key) ? `[${key}]` : path === '' ? key : `.${key}`;
    }
    const at = context[stop];
    const name = at?.type.name;
    const expected = name === undefined ? 'a valid value' : (PLAIN[name] ?? name);
    const issue = {
      path: path || '(value)',
      reason:
        (stop === context.length - 1 ? message : undefined) ??
        (at?.actual === undefined ? `is missing (expected ${expected})` : `expected ${expected}, got ${kindOf(at.actual)}`),
    };
    if (!out.some((i) => i.path === issue.path)) out.push(issue);
  }
  return out;
}

/** True for any non-null object that is not an array (a record of fields to read). */
export function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

/** True for `{}`-like objects (prototype `Object.prototype` or `null`): not arrays, Maps, Dates or class instances. */
export function isPlainObject(u: unknown): u is Record<string, unknown> {
  if (typeof u !== 'object' || u === null) return false;
  const proto: unknown = Object.getPrototypeOf(u);
  return proto === Object.prototype || proto === null;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** How deep a value given to a decoder may be nested (a cycle counts as too deep). */
export const MAX_DEPTH = 64;

const PROTO = 1;
const TOO_DEEP = 2;

/**
 * One walk over `u` (it runs on every check, and allocates nothing): 0 when
 * all is well, `PROTO` when some object has an own `__proto__` key,
 * `TOO_DEEP` when objects nest deeper than {@link MAX_DEPTH} (a cycle does).
 */
function scan(u: unknown, depth: number): number {
  if (typeof u !== 'object' || u === null) return 0;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  let found = Array.isArray(u) || !hasOwn(u, '__proto__') ? 0 : PROTO;
  if (Array.isArray(u)) {
    for (const v of u) if ((found |= scan(v, depth + 1)) & TOO_DEEP) return TOO_DEEP;
  } else {
    for (const k in u) if ((found |= scan((u as Record<string, unknown>)[k], depth + 1)) & TOO_DEEP) return TOO_DEEP;
  }
  return found;
}

/** {@link scan}, or 0 when reading `u` threw (a getter, a proxy): the codec then names the field it could not read. */
function scanned(u: unknown): number {
  try {
    return scan(u, 0);
  } catch {
    return 0;
  }
}

/** The issue for a value nested too deep, at the first top-level field holding the depth. */
function tooDeep(u: object): ValidationIssue {
  const key = Array.isArray(u) ? undefined : Object.keys(u).find((k) => scan((u as Record<string, unknown>)[k], 1) & TOO_DEEP);
  return { path: key === undefined || !/^[A-Za-z_$][\w$]{0,39}$/.test(key) ? '(value)' : key, reason: `is nested deeper than ${MAX_DEPTH} levels, or holds a cycle` };
}

/** A copy of `u` without own `__proto__` keys. */
function withoutProtoKeys(u: unknown): unknown {
  if (typeof u !== 'object' || u === null) return u;
  if (Array.isArray(u)) return u.map(withoutProtoKeys);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(u)) if (k !== '__proto__') out[k] = withoutProtoKeys((u as Record<string, unknown>)[k]);
  return out;
}

/**
 * Decodes `input` with `codec`; failures become {@link ValidationIssue}s.
 * Never throws, whatever the input: a value nested deeper than
 * {@link MAX_DEPTH} levels (or holding a cycle) is refused before decoding. An own `__proto__` key (JSON.parse makes
 * one from `"__proto__": …`) is dropped before decoding: copied by an
 * assignment it would otherwise become the prototype of the decoded value.
 */
export function decodeWith<A>(codec: t.Decoder<unknown, A>, input: unknown): Either<ValidationIssue[], A> {
  try {
    const found = scanned(input);
    if (found & TOO_DEEP) return left([tooDeep(input as object)]);
    const result = codec.decode(found & PROTO ? withoutProtoKeys(input) : input);
    return result._tag === 'Left' ? left(toIssues(result.left)) : right(result.right);
  } catch {
    return left([{ path: '(value)', reason: `could not be read as ${codec.name}` }]);
  }
}

/** Prefixes every issue's path, e.g. with the name of a config key. */
export function prefixIssues(prefix: string, issues: ReadonlyArray<ValidationIssue>): ValidationIssue[] {
  return issues.map((i) => ({
    path: i.path === '(value)' ? prefix : i.path.startsWith('[') ? `${prefix}${i.path}` : `${prefix}.${i.path}`,
    reason: i.reason,
  }));
}

/**
 * An issue for every own key of `o` not in `known`, at `prefix` + the key. A
 * key is named only when it looks like a field name (never an echoed value).
 */
export function unknownKeys(o: object, known: ReadonlyArray<string>, prefix: string, issues: ValidationIssue[], what = 'option'): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) issues.push({ path: prefix + (/^[A-Za-z_$][\w$]{0,39}$/.test(k) ? k : '(an unknown key)'), reason: `unknown ${what} (expected one of ${known.join(', ')})` });
  }
}
