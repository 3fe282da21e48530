import { manualSleeper } from '../../src/emulator/manual-sleeper';

const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  return done;
};

describe('manualSleeper', () => {
  it('holds each sleep until released, oldest first', async () => {
    const s = manualSleeper();
    const a = s.sleep(10);
    const b = s.sleep(20);
    expect(s.calls).toEqual([10, 20]);
    expect(s.pending).toBe(2);
    expect(await settled(a)).toBe(false);
    expect(s.releaseNext()).toBe(true);
    expect(await settled(a)).toBe(true);
    expect(await settled(b)).toBe(false);
    expect(s.releaseAll()).toBe(1);
    expect(await settled(b)).toBe(true);
    expect(s.releaseNext()).toBe(false);
  });

  it('waitForSleep resolves once enough sleeps wait', async () => {
    const s = manualSleeper();
    const waiting = s.waitForSleep(2);
    void s.sleep(1);
    expect(await settled(waiting)).toBe(false);
    void s.sleep(2);
    expect(await settled(waiting)).toBe(true);
    expect(await settled(s.waitForSleep())).toBe(true);
  });

  it('gives a copy of its calls', () => {
    const s = manualSleeper();
    void s.sleep(1);
    (s.calls as number[]).push(99);
    expect(s.calls).toEqual([1]);
  });
});
