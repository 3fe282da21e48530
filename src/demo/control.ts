/**
 * The demo's control commands (`POST /demo/control`), parsed from JSON.
 * Pure; never throws. Node-only demo code (src/demo/ is not part of the
 * library's entries).
 *
 * @packageDocumentation
 */
import { kindOf } from '../internal/validation';
import { left, right, type Either } from '../internal/either';

/**
 * How the emulator fails while a failure is on:
 * - `unavailable`: 503 Service Unavailable;
 * - `loadingAccount`: LivePerson's 500 "Loading account" (internalCode 20);
 * - `reset`: the connection is dropped without an answer (a network error).
 * @since 0.1.0
 */
export type DemoFault = 'unavailable' | 'loadingAccount' | 'reset';

/**
 * Every fault the demo offers, in the order the page lists them.
 *
 * @example
 * ```ts
 * DEMO_FAULTS.includes('reset'); // true
 * ```
 * @since 0.1.0
 */
export const DEMO_FAULTS: ReadonlyArray<DemoFault> = Object.freeze(['unavailable', 'loadingAccount', 'reset']);

/**
 * The longest failure window the control accepts, in seconds.
 *
 * @example
 * ```ts
 * parseDemoCommand({ fail: MAX_FAIL_SECONDS + 1 })._tag; // 'Left'
 * ```
 * @since 0.1.0
 */
export const MAX_FAIL_SECONDS = 600;

/**
 * The most calls `failNext` accepts.
 *
 * @example
 * ```ts
 * parseDemoCommand({ failNext: MAX_FAIL_CALLS })._tag; // 'Right'
 * ```
 * @since 0.1.0
 */
export const MAX_FAIL_CALLS = 100;

/**
 * A command of the demo's control API:
 * - `{ fail: seconds, fault? }`: Create Session calls fail for that long (`0` stops a failure);
 * - `{ failNext: calls, fault? }`: the next `calls` Create Session calls fail (no clock involved);
 * - `{ skill, online }`: turns an emulated skill on or off.
 * @since 0.1.0
 */
export type DemoCommand =
  | { readonly kind: 'failFor'; readonly seconds: number; readonly fault: DemoFault }
  | { readonly kind: 'failNext'; readonly calls: number; readonly fault: DemoFault }
  | { readonly kind: 'skill'; readonly skill: string | number; readonly online: boolean };

function isObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

function parseFault(value: unknown, problems: string[]): DemoFault {
  if (value === undefined) return 'unavailable';
  if (typeof value === 'string' && (DEMO_FAULTS as ReadonlyArray<string>).includes(value)) return value as DemoFault;
  problems.push(`fault: expected one of ${DEMO_FAULTS.join(', ')}, got ${kindOf(value)}`);
  return 'unavailable';
}

function only(body: Record<string, unknown>, allowed: ReadonlyArray<string>, problems: string[]): void {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) problems.push(`${key}: unknown field (expected ${allowed.join(', ')})`);
}

/**
 * Parses a control request body. Answers every problem found, naming
 * fields and kinds of values (never echoing a value).
 *
 * @example
 * ```ts
 * parseDemoCommand({ fail: 8 });                    // Right { kind: 'failFor', seconds: 8, fault: 'unavailable' }
 * parseDemoCommand({ failNext: 2, fault: 'reset' }); // Right { kind: 'failNext', calls: 2, fault: 'reset' }
 * parseDemoCommand({ skill: 'Billing', online: true });
 * parseDemoCommand({ fail: -1 });                   // Left ['fail: expected …']
 * ```
 * @since 0.1.0
 */
export function parseDemoCommand(body: unknown): Either<ReadonlyArray<string>, DemoCommand> {
  if (!isObject(body)) return left([`expected a JSON object, got ${kindOf(body)}`]);
  const problems: string[] = [];

  if ('fail' in body) {
    only(body, ['fail', 'fault'], problems);
    const seconds = body['fail'];
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_FAIL_SECONDS) {
      problems.push(`fail: expected a number of seconds from 0 to ${MAX_FAIL_SECONDS}, got ${kindOf(seconds)}`);
    }
    const fault = parseFault(body['fault'], problems);
    return problems.length > 0 ? left(problems) : right({ kind: 'failFor', seconds: seconds as number, fault });
  }

  if ('failNext' in body) {
    only(body, ['failNext', 'fault'], problems);
    const calls = body['failNext'];
    if (typeof calls !== 'number' || !Number.isInteger(calls) || calls < 1 || calls > MAX_FAIL_CALLS) {
      problems.push(`failNext: expected a whole number of calls from 1 to ${MAX_FAIL_CALLS}, got ${kindOf(calls)}`);
    }
    const fault = parseFault(body['fault'], problems);
    return problems.length > 0 ? left(problems) : right({ kind: 'failNext', calls: calls as number, fault });
  }

  if ('skill' in body) {
    only(body, ['skill', 'online'], problems);
    const skill = body['skill'];
    if (!((typeof skill === 'string' && skill.length > 0) || (typeof skill === 'number' && Number.isFinite(skill)))) {
      problems.push(`skill: expected a skill name or id, got ${kindOf(skill)}`);
    }
    const online = body['online'];
    if (typeof online !== 'boolean') problems.push(`online: expected a boolean, got ${kindOf(online)}`);
    return problems.length > 0 ? left(problems) : right({ kind: 'skill', skill: skill as string | number, online: online as boolean });
  }

  return left(['expected one of { fail: seconds }, { failNext: calls }, { skill, online }']);
}
