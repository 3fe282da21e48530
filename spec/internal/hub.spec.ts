import { take, toArray } from 'rxjs';
import { hub } from '../../src/internal/hub';

describe('hub', () => {
  it('without an initial value, multicasts what comes after a subscription (a Subject)', () => {
    const h = hub<number>();
    const a: number[] = [];
    const b: number[] = [];
    h.next(1);
    const sa = h.subscribe((v) => a.push(v));
    h.next(2);
    h.subscribe((v) => b.push(v));
    h.next(3);
    sa.unsubscribe();
    h.next(4);
    expect([a, b]).toEqual([
      [2, 3],
      [3, 4],
    ]);
  });

  it('with an initial value, replays the current value to each subscriber (a BehaviorSubject)', () => {
    const h = hub<string | undefined>(undefined);
    const seen: Array<string | undefined> = [];
    expect(h.value).toBeUndefined();
    h.next('a');
    h.subscribe((v) => seen.push(v));
    h.next('b');
    expect(seen).toEqual(['a', 'b']);
    expect(h.value).toBe('b');
  });

  it('knows whether it is observed, and lets a subscriber leave while a value is delivered', () => {
    const h = hub<number>();
    expect(h.observed).toBe(false);
    const got: number[] = [];
    h.pipe(take(1), toArray()).subscribe((v) => got.push(...v));
    const other = h.subscribe((v) => got.push(v * 10));
    expect(h.observed).toBe(true);
    h.next(1);
    h.next(2);
    other.unsubscribe();
    expect(h.observed).toBe(false);
    expect(got).toEqual([1, 10, 20]);
  });
});
