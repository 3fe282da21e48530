/** Small assertions shared by the attribute specs. */
import type { ValidationError, ValidationIssue } from '../../src/errors';
import type { Either } from '../../src/internal/either';
import { expectDecoderAnswer } from '../helpers/decoder-properties';

/** Public functions answer with a ValidationError, internal ones with its bare issues. */
type Refusal = ValidationIssue[] | ValidationError;

function issuesIn(left: Refusal): ValidationIssue[] {
  return Array.isArray(left) ? left : [...left.issues];
}

/** The Right value, or a failed expectation showing the issues. */
export function rightOf<A>(result: Either<Refusal, A>): A {
  if (result._tag === 'Left') throw new Error(`expected a Right, got issues ${JSON.stringify(result.left)}`);
  return result.right;
}

/** The issues of a Left, or a failed expectation. */
export function issuesOf<A>(result: Either<Refusal, A>): ValidationIssue[] {
  if (result._tag === 'Right') throw new Error(`expected a Left, got ${JSON.stringify(result.right)}`);
  return issuesIn(result.left);
}

/** The paths of a Left's issues. */
export function pathsOf<A>(result: Either<Refusal, A>): string[] {
  return issuesOf(result).map((i) => i.path);
}

/** The reason of the issue at `path` (failing when there is none). */
export function reasonAt<A>(result: Either<Refusal, A>, path: string): string {
  const issue = issuesOf(result).find((i) => i.path === path);
  if (issue === undefined) throw new Error(`no issue at ${path}: ${JSON.stringify(issuesOf(result))}`);
  return issue.reason;
}

/** Asserts a builder's answer is well formed: a Right holding an item with a `type`, or a validation Left with issues. */
export function expectBuilderAnswer(r: Either<ValidationError, { readonly type: string }>): void {
  if (r._tag === 'Right') {
    expect(Object.keys(r).sort()).toEqual(['_tag', 'right']);
    expect(r.right.type).toEqual(expect.stringMatching(/^\w+$/));
    return;
  }
  expect(r).toEqual({ _tag: 'Left', left: { kind: 'validation', issues: expect.any(Array), message: expect.any(String) } });
  expectDecoderAnswer({ _tag: 'Left', left: r.left.issues });
}
