/**
 * A fresh emulator for every test, on 127.0.0.1 with port 0, whose sleeps
 * (latency, slow bodies) wait on a {@link Gate} instead of real time. Closed
 * after each test.
 */
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { gate, type Gate } from './gate';

export interface GatedEmulator {
  /** The running emulator of the current test. */
  readonly emulator: RunningEmulator;
  /** Its sleeper: `waiting()` resolves while the emulator holds a request. */
  readonly sleeper: Gate;
}

/** Registers the beforeEach/afterEach pair; read `emulator` and `sleeper` inside tests. */
export function useGatedEmulator(): GatedEmulator {
  let current: { emulator: RunningEmulator; sleeper: Gate } | undefined;
  beforeEach(async () => {
    const sleeper = gate();
    current = { sleeper, emulator: await startEmulator({ sleep: sleeper.sleep }) };
  });
  afterEach(async () => {
    current?.sleeper.release();
    await current?.emulator.close();
    current = undefined;
  });
  const get = () => {
    if (current === undefined) throw new Error('useGatedEmulator: read emulator and sleeper inside a test');
    return current;
  };
  return {
    get emulator() {
      return get().emulator;
    },
    get sleeper() {
      return get().sleeper;
    },
  };
}
