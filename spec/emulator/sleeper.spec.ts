import { createSleeper } from '../../src/emulator/sleeper';
import { manualSleeper } from '../../src/emulator/manual-sleeper';

const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  return done;
};

describe('createSleeper (built-in timers)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits for the timer', async () => {
    const s = createSleeper();
    const p = s.sleep(1000);
    jest.advanceTimersByTime(999);
    expect(await settled(p)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(p)).toBe(true);
  });

  it('cancelAll ends every wait at once and clears its timers', async () => {
    const s = createSleeper();
    const p = s.sleep(60_000);
    expect(jest.getTimerCount()).toBe(1);
    s.cancelAll();
    expect(jest.getTimerCount()).toBe(0);
    expect(await settled(p)).toBe(true);
    expect(await settled(s.sleep(60_000))).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('does not wait for zero or negative delays', async () => {
    const s = createSleeper();
    expect(await settled(s.sleep(0))).toBe(true);
    expect(await settled(s.sleep(-5))).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('createSleeper (injected)', () => {
  it('delegates to the injected sleep, and cancelAll unblocks it', async () => {
    const manual = manualSleeper();
    const s = createSleeper(manual.sleep);
    const p = s.sleep(250);
    expect(manual.calls).toEqual([250]);
    expect(await settled(p)).toBe(false);
    s.cancelAll();
    expect(await settled(p)).toBe(true);
  });

  it('never rejects, even when the injected sleep throws or rejects', async () => {
    await expect(createSleeper(() => Promise.reject(new Error('x'))).sleep(1)).resolves.toBeUndefined();
    await expect(
      createSleeper(() => {
        throw new Error('y');
      }).sleep(1),
    ).resolves.toBeUndefined();
  });
});
