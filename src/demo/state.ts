/**
 * What the demo page is told about the emulator (`GET /demo/state`): where
 * it is, which sections route to which skill, which skills are online, and
 * the failure in progress. Pure.
 *
 * @packageDocumentation
 */
import type { EmulatorAvailability } from '../emulator/types';
import { DEMO_FAULTS, type DemoFault } from './control';
import type { FailureStatus } from './failure-switch';

/**
 * A skill as the demo shows it.
 * @since 0.1.0
 */
export interface DemoSkill {
  readonly id: number | string;
  readonly name: string;
  readonly online: boolean;
}

/**
 * A consumer section and the skill it routes to.
 * @since 0.1.0
 */
export interface DemoSection {
  readonly name: string;
  readonly skill: string;
  readonly online: boolean;
}

/**
 * The body of `GET /demo/state` (and of every `POST /demo/control` answer).
 *
 * @example
 * ```ts
 * const state: DemoState = {
 *   emulator: { url: 'http://127.0.0.1:40123', accountId: '12345678' },
 *   sections: [{ name: 'Support', skill: 'TestSkill', online: true }],
 *   skills: [{ id: 23, name: 'TestSkill', online: true }],
 *   failure: { active: false },
 *   faults: ['unavailable', 'loadingAccount', 'reset'],
 * };
 * ```
 * @since 0.1.0
 */
export interface DemoState {
  /** Where the emulator is: its URL, its account and (for the Monitoring API) its app installation id. */
  readonly emulator: { readonly url: string; readonly accountId: string; readonly appInstallationId?: string };
  readonly sections: ReadonlyArray<DemoSection>;
  readonly skills: ReadonlyArray<DemoSkill>;
  readonly failure: FailureStatus;
  readonly faults: ReadonlyArray<DemoFault>;
}

/**
 * Finds a skill by id, by the string form of its id, or by name (as the
 * emulator's `setSkillOnline` does).
 *
 * @example
 * ```ts
 * findDemoSkill([{ id: 42, name: 'Billing', online: false }], '42')?.name; // 'Billing'
 * ```
 * @since 0.1.0
 */
export function findDemoSkill(skills: ReadonlyArray<DemoSkill>, key: string | number): DemoSkill | undefined {
  return skills.find((s) => s.id === key || String(s.id) === String(key) || s.name === key);
}

/**
 * The sections of an availability, each with the skill it routes to, in
 * the order the availability lists them.
 *
 * @example
 * ```ts
 * demoSections(defaultAvailability, defaultAvailability.skills).map((s) => s.name); // ['Support', 'Sales', 'Billing']
 * ```
 * @since 0.1.0
 */
export function demoSections(availability: EmulatorAvailability, skills: ReadonlyArray<DemoSkill>): DemoSection[] {
  const out: DemoSection[] = [];
  for (const [name, engagement] of Object.entries(availability.engagements)) {
    const skill = findDemoSkill(skills, engagement.skill);
    if (skill !== undefined) out.push({ name, skill: skill.name, online: skill.online });
  }
  return out;
}

/**
 * Assembles the state.
 *
 * @example
 * ```ts
 * demoState({ url, accountId }, defaultAvailability, skills, failures.status());
 * ```
 * @since 0.1.0
 */
export function demoState(
  emulator: { readonly url: string; readonly accountId: string; readonly appInstallationId?: string },
  availability: EmulatorAvailability,
  skills: ReadonlyArray<DemoSkill>,
  failure: FailureStatus,
): DemoState {
  return {
    emulator: { url: emulator.url, accountId: emulator.accountId, ...(emulator.appInstallationId === undefined ? {} : { appInstallationId: emulator.appInstallationId }) },
    sections: demoSections(availability, skills),
    skills: skills.map((s) => ({ id: s.id, name: s.name, online: s.online })),
    failure,
    faults: DEMO_FAULTS,
  };
}
