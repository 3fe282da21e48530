import { NEVER, Observable, Subject, Subscription, VirtualTimeScheduler, type SchedulerLike } from 'rxjs';
import { Steps } from '../../src/retry/steps';

/** A subscriber to observe, from a plain Observable whose subscribe function hands it out. */
function harness(scheduler: SchedulerLike = new VirtualTimeScheduler()) {
  const seen: string[] = [];
  let steps!: Steps<string>;
  const subscription = new Observable<string>((subscriber) => {
    steps = new Steps(subscriber, scheduler);
    return () => steps.stop();
  }).subscribe({
    next: (v) => seen.push(`next ${v}`),
    error: (e: unknown) => seen.push(`error ${(e as Error).message}`),
    complete: () => seen.push('complete'),
  });
  return { seen, steps, subscription };
}

const empty = () => new Error('nothing came');

describe('Steps.first', () => {
  it('hands over the first value only, and unsubscribes the source at once', () => {
    const { steps } = harness();
    const source = new Subject<string>();
    const values: string[] = [];
    steps.first(() => source, empty, (v) => values.push(v));
    source.next('a');
    source.next('b');
    expect(values).toEqual(['a']);
    expect(source.observed).toBe(false);
  });

  it('handles a source that answers synchronously', () => {
    const { steps } = harness();
    const values: string[] = [];
    let subscribed = true;
    const sync = new Observable<string>((s) => {
      s.next('now');
      s.next('later');
      return () => {
        subscribed = false;
      };
    });
    steps.first(() => sync, empty, (v) => values.push(v));
    expect(values).toEqual(['now']);
    expect(subscribed).toBe(false);
  });

  it('turns a throwing factory, an error, or completion without a value into an error notification', () => {
    const a = harness();
    a.steps.first(() => {
      throw new Error('factory bug');
    }, empty, () => undefined);
    expect(a.seen).toEqual(['error factory bug']);

    const b = harness();
    b.steps.first(() => new Observable<string>((s) => s.error(new Error('source failed'))), empty, () => undefined);
    expect(b.seen).toEqual(['error source failed']);

    const c = harness();
    c.steps.first(() => new Observable<string>((s) => s.complete()), empty, () => undefined);
    expect(c.seen).toEqual(['error nothing came']);
  });

  it('ignores an error or completion after the first value', () => {
    const { steps, seen } = harness();
    const source = new Subject<string>();
    steps.first(() => source, empty, () => undefined);
    source.next('a');
    source.error(new Error('late'));
    expect(seen).toEqual([]);
  });
});

describe('Steps.wait and stop', () => {
  it('waits on the scheduler', () => {
    const scheduler = new VirtualTimeScheduler();
    const { steps } = harness(scheduler);
    const at: number[] = [];
    steps.wait(5000, () => at.push(scheduler.now()));
    expect(at).toEqual([]);
    scheduler.flush();
    expect(at).toEqual([5000]);
  });

  it('stop cancels the pending wait and the source in flight', () => {
    const scheduler = new VirtualTimeScheduler();
    const waiting = harness(scheduler);
    let ran = false;
    waiting.steps.wait(5000, () => {
      ran = true;
    });
    waiting.subscription.unsubscribe();
    scheduler.flush();
    expect(ran).toBe(false);

    const inFlight = harness(scheduler);
    const source = new Subject<string>();
    inFlight.steps.first(() => source, empty, () => undefined);
    expect(source.observed).toBe(true);
    inFlight.subscription.unsubscribe();
    expect(source.observed).toBe(false);
  });

  it('keeps the newest step as the one to stop, even when a wait runs synchronously', () => {
    const synchronous: SchedulerLike = {
      now: () => 0,
      schedule: (work) => {
        (work as () => void)();
        return new Subscription();
      },
    };
    const { steps, subscription } = harness(synchronous);
    const later = new Subject<string>();
    steps.wait(0, () => steps.first(() => later, empty, () => undefined)); // the wait starts the next step at once
    expect(later.observed).toBe(true);
    subscription.unsubscribe();
    expect(later.observed).toBe(false); // the source, not the finished wait, was stopped
  });

  it('starts nothing once the subscriber is closed', () => {
    const { steps, subscription } = harness();
    subscription.unsubscribe();
    let made = false;
    steps.first(() => {
      made = true;
      return NEVER;
    }, empty, () => undefined);
    expect(made).toBe(false);
  });
});
