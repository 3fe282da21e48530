import { createFailureSwitch, emulatorFault, type DemoTimers } from '../../src/demo/failure-switch';
import type { Fault, FaultOptions } from '../../src/emulator/types';

/** Timers driven by hand. */
function manualTimers(): DemoTimers & { advance(ms: number): void; pending(): number } {
  let now = 1_000;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let next = 0;
  return {
    setTimeout(fn, ms) {
      const id = ++next;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t.id !== handle);
    },
    now: () => now,
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
    pending: () => timers.length,
  };
}

function fakeEmulator() {
  const injected: Array<{ fault: Fault; options?: FaultOptions }> = [];
  let cleared = 0;
  let faultsServed = 0;
  return {
    injected,
    cleared: () => cleared,
    serve: (n: number) => {
      faultsServed += n;
    },
    emulator: {
      inject: (fault: Fault, options?: FaultOptions) => {
        injected.push({ fault, ...(options === undefined ? {} : { options }) });
      },
      clearFaults: () => {
        cleared += 1;
      },
      stats: () => ({ faultsServed }) as ReturnType<import('../../src/emulator/types').RunningEmulator['stats']>,
    },
  };
}

describe('emulatorFault', () => {
  it('maps each demo fault to an emulator fault', () => {
    expect(emulatorFault('unavailable')).toEqual({ kind: 'status', status: 503 });
    expect(emulatorFault('loadingAccount')).toEqual({ kind: 'loadingAccount' });
    expect(emulatorFault('reset')).toEqual({ kind: 'reset' });
  });
});

describe('createFailureSwitch', () => {
  it('fails every call for the given time, then clears the faults by itself', () => {
    const timers = manualTimers();
    const fake = fakeEmulator();
    const failures = createFailureSwitch(fake.emulator, timers);

    failures.failFor(8, 'unavailable');
    expect(fake.injected).toEqual([
      { fault: { kind: 'status', status: 503 }, options: { times: Infinity, operation: 'createSession' } },
      { fault: { kind: 'status', status: 503 }, options: { times: Infinity, operation: 'monitorEngagement' } },
    ]);
    expect(failures.status()).toEqual({ active: true, fault: 'unavailable', remainingMs: 8000 });

    timers.advance(7_999);
    expect(failures.status()).toEqual({ active: true, fault: 'unavailable', remainingMs: 1 });
    const clearedBefore = fake.cleared();
    timers.advance(1);
    expect(fake.cleared()).toBe(clearedBefore + 1);
    expect(failures.status()).toEqual({ active: false });
    expect(timers.pending()).toBe(0);
  });

  it('replaces a failure in progress, cancelling its timer', () => {
    const timers = manualTimers();
    const fake = fakeEmulator();
    const failures = createFailureSwitch(fake.emulator, timers);
    failures.failFor(8, 'unavailable');
    failures.failFor(2, 'reset');
    expect(timers.pending()).toBe(1);
    expect(fake.injected.map((i) => i.fault.kind)).toEqual(['status', 'status', 'reset', 'reset']); // one for each API's engagement call
    timers.advance(2_000);
    expect(failures.status()).toEqual({ active: false });
  });

  it('stops at once with fail 0 or stop()', () => {
    const timers = manualTimers();
    const fake = fakeEmulator();
    const failures = createFailureSwitch(fake.emulator, timers);
    failures.failFor(8, 'unavailable');
    failures.failFor(0, 'unavailable');
    expect(failures.status()).toEqual({ active: false });
    expect(timers.pending()).toBe(0);
    expect(fake.injected).toHaveLength(2);

    failures.failFor(8, 'unavailable');
    failures.stop();
    expect(failures.status()).toEqual({ active: false });
    expect(timers.pending()).toBe(0);
  });

  it('counts down a counted failure from the faults the emulator served', () => {
    const fake = fakeEmulator();
    fake.serve(5); // served before: not counted
    const failures = createFailureSwitch(fake.emulator, manualTimers());
    failures.failNext(3, 'loadingAccount');
    expect(fake.injected).toEqual([
      { fault: { kind: 'loadingAccount' }, options: { times: 3, operation: 'createSession' } },
      { fault: { kind: 'loadingAccount' }, options: { times: 3, operation: 'monitorEngagement' } },
    ]);
    expect(failures.status()).toEqual({ active: true, fault: 'loadingAccount', remainingCalls: 3 });
    fake.serve(2);
    expect(failures.status()).toEqual({ active: true, fault: 'loadingAccount', remainingCalls: 1 });
    fake.serve(1);
    expect(failures.status()).toEqual({ active: false });
  });
});
