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

/**
 * Decodes `input` with `codec`; failures become {@link ValidationIssue}s.
 * Never throws, whatever the input.
 */
export function decodeWith<A>(codec: t.Decoder<unknown, A>, input: unknown): Either<ValidationIssue[], A> {
  let result: t.Validation<A>;
  try {
    result = codec.decode(input);
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
