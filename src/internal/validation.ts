/**
 * The one bridge between io-ts and the rest of the library. Codecs are built
 * with io-ts (see `src/codecs/`), but callers only ever see
 * `Either<ValidationIssue[], A>` from {@link decodeWith}, with our own
 * messages, which name fields and kinds of values and never echo a value.
 *
 * @internal
 */
import * as t from 'io-ts';
import type { ValidationIssue } from '../errors';
import { left, right, isLeft, type Either } from './either';

/** The kind of a value, for messages: never the value itself. */
export function kindOf(u: unknown): string {
  if (u === null) return 'null';
  if (u === undefined) return 'nothing';
  if (Array.isArray(u)) return 'an array';
  switch (typeof u) {
    case 'string':
      return u.length === 0 ? 'an empty string' : 'a string';
    case 'number':
      return Number.isFinite(u) ? 'a number' : 'a non-finite number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof u}`;
  }
}

const PLAIN_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  UnknownRecord: 'an object',
  UnknownArray: 'an array',
};

function readableName(name: string | undefined): string {
  if (name === undefined) return 'a valid value';
  return PLAIN_NAMES[name] ?? name;
}

function isUnionLike(type: t.Decoder<unknown, unknown>): boolean {
  return type instanceof t.UnionType;
}

function isIndexed(type: t.Decoder<unknown, unknown>): boolean {
  return type instanceof t.ArrayType || type instanceof t.ReadonlyArrayType || type instanceof t.TupleType;
}

function isTransparent(type: t.Decoder<unknown, unknown>): boolean {
  return type instanceof t.IntersectionType;
}

function formatPath(context: t.Context, upTo: number): string {
  let path = '';
  for (let i = 1; i <= upTo; i++) {
    const entry = context[i];
    const parent = context[i - 1];
    if (entry === undefined || parent === undefined || entry.key === '' || isTransparent(parent.type)) continue;
    if (isIndexed(parent.type)) path += `[${entry.key}]`;
    else path += path === '' ? entry.key : `.${entry.key}`;
  }
  return path === '' ? '(value)' : path;
}

/**
 * Turns io-ts errors into issues. The report stops at the outermost union on
 * the path (the details of each failed branch are noise to a caller) and names
 * the union instead; otherwise it names the innermost codec. A codec that fails
 * with its own message (`t.failure(u, c, message)`) gives that message.
 */
export function toIssues(errors: t.Errors): ValidationIssue[] {
  const seen = new Map<string, ValidationIssue>();
  for (const error of errors) {
    const ctx = error.context;
    let stop = ctx.length - 1;
    for (let i = 0; i < ctx.length; i++) {
      const entry = ctx[i];
      if (entry !== undefined && isUnionLike(entry.type)) {
        stop = i;
        break;
      }
    }
    const at = ctx[stop];
    const path = formatPath(ctx, stop);
    const custom = stop === ctx.length - 1 ? error.message : undefined;
    const reason =
      custom !== undefined
        ? custom
        : at?.actual === undefined
          ? `is missing (expected ${readableName(at?.type.name)})`
          : `expected ${readableName(at?.type.name)}, got ${kindOf(at.actual)}`;
    if (!seen.has(path)) seen.set(path, { path, reason });
  }
  return [...seen.values()];
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

function hasProtoKey(u: unknown, depth: number): boolean {
  if (typeof u !== 'object' || u === null || depth > 64) return false;
  if (Array.isArray(u)) return u.some((v) => hasProtoKey(v, depth + 1));
  if (Object.prototype.hasOwnProperty.call(u, '__proto__')) return true;
  for (const k in u) if (hasProtoKey((u as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

function withoutProtoKeys(u: unknown): unknown {
  if (typeof u !== 'object' || u === null) return u;
  if (Array.isArray(u)) return u.map(withoutProtoKeys);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(u)) if (k !== '__proto__') out[k] = withoutProtoKeys(v);
  return out;
}

/**
 * Decodes `input` with `codec`; failures become {@link ValidationIssue}s.
 * Never throws, whatever the input. An own `__proto__` key (JSON.parse makes
 * one from `"__proto__": …`) is dropped before decoding: copied by an
 * assignment it would otherwise become the prototype of the decoded value.
 */
export function decodeWith<A>(codec: t.Decoder<unknown, A>, input: unknown): Either<ValidationIssue[], A> {
  let result: t.Validation<A>;
  try {
    result = codec.decode(hasProtoKey(input, 0) ? withoutProtoKeys(input) : input);
  } catch {
    return left([{ path: '(value)', reason: `could not be read as ${codec.name}` }]);
  }
  return isLeft(result) ? left(toIssues(result.left)) : right(result.right);
}

/** Prefixes every issue's path, e.g. with the name of a config key. */
export function prefixIssues(prefix: string, issues: ReadonlyArray<ValidationIssue>): ValidationIssue[] {
  return issues.map((i) => ({
    path: i.path === '(value)' ? prefix : i.path.startsWith('[') ? `${prefix}${i.path}` : `${prefix}.${i.path}`,
    reason: i.reason,
  }));
}
