import { timer } from 'rxjs';
import { timeoutScheduler } from '../../src/internal/scheduler';

beforeEach(() => jest.useFakeTimers({ now: 1_000 }));
afterEach(() => jest.useRealTimers());

describe('timeoutScheduler', () => {
  it('tells the time of Date.now', () => {
    expect(timeoutScheduler.now()).toBe(1_000);
    jest.advanceTimersByTime(250);
    expect(timeoutScheduler.now()).toBe(1_250);
  });

  it('runs work after its delay with its state, once', () => {
    const seen: Array<[number, string | undefined]> = [];
    timeoutScheduler.schedule((state) => seen.push([Date.now(), state]), 100, 'x');
    jest.advanceTimersByTime(99);
    expect(seen).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(seen).toEqual([[1_100, 'x']]);
    jest.advanceTimersByTime(1_000);
    expect(seen).toHaveLength(1);
  });

  it('cancels pending work on unsubscribe', () => {
    let ran = false;
    const action = timeoutScheduler.schedule(() => (ran = true), 50);
    action.unsubscribe();
    jest.advanceTimersByTime(100);
    expect([ran, action.closed]).toEqual([false, true]);
  });

  it('lets an action schedule itself again, as RxJS operators do (timer with a period)', () => {
    const ticks: number[] = [];
    const sub = timer(10, 20, timeoutScheduler).subscribe((n) => ticks.push(n));
    jest.advanceTimersByTime(10 + 20 * 3);
    sub.unsubscribe();
    jest.advanceTimersByTime(100);
    expect(ticks).toEqual([0, 1, 2, 3]);
  });
});
