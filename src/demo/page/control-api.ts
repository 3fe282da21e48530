/**
 * The page's side of the demo server's control API (same origin as the
 * page: `state` and `control` next to it).
 *
 * @packageDocumentation
 */
import type { DemoState } from '../state';

async function answer(res: Response): Promise<DemoState> {
  const body = (await res.json()) as unknown;
  if (!res.ok) {
    const problems = (body as { problems?: unknown }).problems;
    throw new Error(Array.isArray(problems) ? problems.join('; ') : `the demo server answered ${res.status}`);
  }
  return body as DemoState;
}

/**
 * The emulator's state as the demo server sees it.
 *
 * @example
 * ```ts
 * const state = await loadDemoState();
 * console.log(state.emulator.url);
 * ```
 * @since 0.1.0
 */
export async function loadDemoState(): Promise<DemoState> {
  return answer(await fetch('state', { headers: { Accept: 'application/json' }, cache: 'no-store' }));
}

/**
 * Sends a control command; answers the new state.
 *
 * @example
 * ```ts
 * await sendDemoCommand({ fail: 8, fault: 'unavailable' });
 * await sendDemoCommand({ skill: 'Billing', online: true });
 * ```
 * @since 0.1.0
 */
export async function sendDemoCommand(command: Readonly<Record<string, unknown>>): Promise<DemoState> {
  return answer(await fetch('control', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(command) }));
}
