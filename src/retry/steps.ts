/**
 * The serial steps behind withRetry and withPolling: one step at a time,
 * either a source of which only the first value counts, or a wait on the
 * scheduler. Unsubscribing stops the step in flight. Written by hand, not as
 * an operator chain, because it runs for every check (docs/performance.md).
 *
 * @internal
 */
import type { Observable, SchedulerLike, Subscriber, Subscription } from 'rxjs';

export class Steps<T> {
  /** The step in flight: what stopping must unsubscribe. */
  private current: Subscription | undefined = undefined;
  /** Counts steps, so a step that ended synchronously is not stored as current. */
  private count = 0;

  constructor(
    private readonly subscriber: Subscriber<T>,
    private readonly scheduler: SchedulerLike,
  ) {}

  /**
   * Subscribes to `make()` and calls `then` with its first value (the source
   * is then unsubscribed). A factory that throws, a source that errors, or one
   * that completes without a value (`empty()` names the error) is an error
   * notification of the subscriber. Does nothing once the subscriber is closed.
   */
  first<V>(make: () => Observable<V>, empty: () => Error, then: (value: V) => void): void {
    const { subscriber } = this;
    if (subscriber.closed) return;
    const mine = ++this.count;
    let source: Observable<V>;
    try {
      source = make();
    } catch (thrown) {
      subscriber.error(thrown);
      return;
    }
    let got = false;
    let inner: Subscription | undefined;
    inner = source.subscribe({
      next: (value) => {
        if (got) return;
        got = true; // only the first value counts
        inner?.unsubscribe();
        then(value);
      },
      error: (thrown: unknown) => {
        if (!got) subscriber.error(thrown);
      },
      complete: () => {
        if (!got) subscriber.error(empty());
      },
    });
    if (got) inner.unsubscribe(); // it answered synchronously
    else if (this.count === mine) this.current = inner;
  }

  /** Calls `then` after `delayMs` on the scheduler. Does nothing once the subscriber is closed. */
  wait(delayMs: number, then: () => void): void {
    if (this.subscriber.closed) return;
    const mine = ++this.count;
    const action = this.scheduler.schedule(then, delayMs);
    if (this.count === mine) this.current = action;
  }

  /** Stops the step in flight (the teardown of the subscription). */
  stop(): void {
    this.current?.unsubscribe();
  }
}
