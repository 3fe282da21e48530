/**
 * The demo's failure switch: makes the emulator's Create Session fail for a
 * while (or for a number of calls) through its fault queue, then recover.
 * Time comes from injected timers, so tests drive it by hand.
 *
 * @packageDocumentation
 */
import type { Fault, RunningEmulator } from '../emulator/types';
import type { DemoFault } from './control';

/**
 * The timers the switch uses: `globalThis`'s by default.
 * @since 0.1.0
 */
export interface DemoTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/**
 * The real timers (the timer does not keep the process alive).
 *
 * @example
 * ```ts
 * createFailureSwitch(emulator, realTimers);
 * ```
 * @since 0.1.0
 */
export const realTimers: DemoTimers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
  now: () => Date.now(),
};

/**
 * What the switch is doing. `remainingMs` is set for a timed failure,
 * `remainingCalls` for a counted one.
 * @since 0.1.0
 */
export interface FailureStatus {
  readonly active: boolean;
  readonly fault?: DemoFault;
  readonly remainingMs?: number;
  readonly remainingCalls?: number;
}

/**
 * The switch. Each command replaces the failure in progress.
 *
 * @example
 * ```ts
 * const failures = createFailureSwitch(emulator);
 * failures.failFor(8, 'unavailable'); // 503 for 8 s
 * failures.status();                  // { active: true, fault: 'unavailable', remainingMs: 8000 }
 * ```
 * @since 0.1.0
 */
export interface FailureSwitch {
  /** The engagement calls (Create Session and the Monitoring API's) answer with `fault` for `seconds` (`0` stops any failure). */
  failFor(seconds: number, fault: DemoFault): void;
  /** The next `calls` engagement calls of the API the page uses answer with `fault`. */
  failNext(calls: number, fault: DemoFault): void;
  /** Ends any failure now. */
  stop(): void;
  status(): FailureStatus;
}

/**
 * The emulator fault that plays a demo fault.
 *
 * @example
 * ```ts
 * emulatorFault('unavailable'); // { kind: 'status', status: 503 }
 * ```
 * @since 0.1.0
 */
export function emulatorFault(fault: DemoFault): Fault {
  switch (fault) {
    case 'unavailable':
      return { kind: 'status', status: 503 };
    case 'loadingAccount':
      return { kind: 'loadingAccount' };
    case 'reset':
      return { kind: 'reset' };
  }
}

/** The calls a failure plays on: the check of either API (a page uses one of them). */
const CHECKS = ['createSession', 'monitorEngagement'] as const;

type Current =
  | { readonly kind: 'none' }
  | { readonly kind: 'timed'; readonly fault: DemoFault; readonly until: number; readonly timer: unknown }
  | { readonly kind: 'counted'; readonly fault: DemoFault; readonly calls: number; readonly servedBefore: number };

/**
 * Creates the failure switch of one emulator. The switch owns the
 * emulator's fault queues of the engagement calls (Create Session and the
 * Monitoring API's): each command clears them first.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();
 * const failures = createFailureSwitch(emulator);
 * failures.failNext(2, 'loadingAccount');
 * ```
 * @since 0.1.0
 */
export function createFailureSwitch(emulator: Pick<RunningEmulator, 'inject' | 'clearFaults' | 'stats'>, timers: DemoTimers = realTimers): FailureSwitch {
  let current: Current = { kind: 'none' };

  const stop = (): void => {
    if (current.kind === 'timed') timers.clearTimeout(current.timer);
    current = { kind: 'none' };
    emulator.clearFaults();
  };

  return {
    failFor(seconds, fault) {
      stop();
      if (seconds <= 0) return;
      const ms = Math.round(seconds * 1000);
      for (const operation of CHECKS) emulator.inject(emulatorFault(fault), { times: Infinity, operation });
      const timer = timers.setTimeout(() => {
        if (current.kind === 'timed' && current.timer === timer) stop();
      }, ms);
      current = { kind: 'timed', fault, until: timers.now() + ms, timer };
    },
    failNext(calls, fault) {
      stop();
      for (const operation of CHECKS) emulator.inject(emulatorFault(fault), { times: calls, operation });
      current = { kind: 'counted', fault, calls, servedBefore: emulator.stats().faultsServed };
    },
    stop,
    status() {
      if (current.kind === 'timed') return { active: true, fault: current.fault, remainingMs: Math.max(0, current.until - timers.now()) };
      if (current.kind === 'counted') {
        const remainingCalls = Math.max(0, current.calls - (emulator.stats().faultsServed - current.servedBefore));
        if (remainingCalls === 0) {
          current = { kind: 'none' };
          return { active: false };
        }
        return { active: true, fault: current.fault, remainingCalls };
      }
      return { active: false };
    },
  };
}
