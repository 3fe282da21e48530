/**
 * The input of `engagement-rx check`, read and checked before anything is
 * started or sent: the `--attributes` file (JSON, an array, every SDE valid
 * field by field), the sections, the account and the domain. Every problem
 * is a usage error (exit status 2) naming the option and the reason, never
 * the values (an SDE may hold personal data).
 *
 * @internal
 */
import { readFile } from 'node:fs/promises';
import { decodeAttributes } from '../attributes/attribute';
import { resolveConfig } from '../client/config';
import type { ValidationIssue } from '../errors';
import { left, right, type Either } from '../internal/either';
import type { EngagementRequest } from '../model';
import { validateEngagementRequest } from '../validate';
import { EMULATOR_ACCOUNT } from './account';
import type { CheckCommand } from './args';
import { ExitCode, type CommandFailure } from './exit-codes';

/** The option a field of the library's input comes from. */
const FLAGS: ReadonlyArray<readonly [string, string]> = [
  ['accountId', '--account'],
  ['domain', '--domain'],
  ['timeoutMs', '--timeout'],
  ['consumerSections', '--section'],
  ['engagementAttributes', '--attributes'],
];

/** At most this many issues are listed in the one line of a usage error. */
const SHOWN = 3;

/** Issues as one line: `path: reason; ...`, at most {@link SHOWN} of them. */
function issueLine(issues: ReadonlyArray<ValidationIssue>): string {
  const shown = issues.slice(0, SHOWN).map((i) => (i.path === '' ? i.reason : `${i.path}: ${i.reason}`));
  return `${shown.join('; ')}${issues.length > SHOWN ? `; and ${issues.length - SHOWN} more` : ''}`;
}

/** Issues of the library's input as a usage error naming the first issue's option. @internal */
export function usageOfIssues(issues: ReadonlyArray<ValidationIssue>): CommandFailure {
  const first = issues[0]?.path ?? '';
  const flag = FLAGS.find(([field]) => first === field || first.startsWith(`${field}[`) || first.startsWith(`${field}.`))?.[1];
  return { exitCode: ExitCode.usage, message: `${flag === undefined ? 'invalid input' : `invalid ${flag}`}: ${issueLine(issues)}` };
}

const usage = (message: string): CommandFailure => ({ exitCode: ExitCode.usage, message });

/** The SDEs of an `--attributes` file, checked field by field and in their wire form. */
async function readAttributes(file: string): Promise<Either<CommandFailure, EngagementRequest['engagementAttributes']>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return left(usage(`cannot read --attributes file ${file} (${(e as { code?: string }).code ?? 'unreadable'})`));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return left(usage(`--attributes file ${file} is not valid JSON`));
  }
  if (!Array.isArray(parsed)) return left(usage(`--attributes file ${file} must hold a JSON array of engagement attributes`));
  const decoded = decodeAttributes(parsed);
  return decoded._tag === 'Left' ? left(usage(`invalid SDE in --attributes file ${file}: ${issueLine(decoded.left.issues)}`)) : right(decoded.right);
}

/**
 * The request of a check, with its options checked.
 *
 * @internal
 */
export async function checkInput(cmd: CheckCommand): Promise<Either<CommandFailure, EngagementRequest>> {
  const attributes = cmd.attributesFile === undefined ? right(undefined) : await readAttributes(cmd.attributesFile);
  if (attributes._tag === 'Left') return attributes;
  const request: EngagementRequest = {
    ...(cmd.sections.length === 0 ? {} : { consumerSections: cmd.sections }),
    ...(attributes.right === undefined ? {} : { engagementAttributes: attributes.right }),
  };
  const valid = validateEngagementRequest(request);
  if (valid._tag === 'Left') return left(usageOfIssues(valid.left.issues));
  // The embedded emulator listens on loopback: its origin is checked as one.
  const config = resolveConfig({
    accountId: cmd.account ?? EMULATOR_ACCOUNT,
    domain: cmd.domain ?? 'http://127.0.0.1',
    ...(cmd.timeoutMs === undefined ? {} : { timeoutMs: cmd.timeoutMs }),
  });
  return config._tag === 'Left' ? left(usageOfIssues(config.left.issues)) : right(request);
}
