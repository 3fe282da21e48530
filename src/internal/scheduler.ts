/**
 * The default clock and timers of a client: `Date.now` and `setTimeout`, as
 * an RxJS `SchedulerLike` (what `asyncScheduler` does for the core's single
 * waits, without shipping its action classes in every bundle). An action may
 * schedule itself again (`this.schedule(state, delay)`), as RxJS operators
 * expect of a scheduler. Tests inject a `TestScheduler` or a
 * `VirtualTimeScheduler` instead.
 *
 * @internal
 */
import type { SchedulerAction, SchedulerLike, Subscription } from 'rxjs';

/** One pending piece of work: a class, not closures, as a Node service may hold many idle timers. */
class TimeoutAction<T> {
  closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(private readonly work: (this: SchedulerAction<T>, state?: T) => void) {}

  schedule(state?: T, delay = 0): this {
    clearTimeout(this.timer);
    if (!this.closed) this.timer = setTimeout(this.run, delay, this, state);
    return this;
  }

  /** Runs `action`'s work (a static function, so a timer holds no closure). */
  private run(this: void, action: TimeoutAction<T>, state?: T): void {
    action.work.call(action as unknown as SchedulerAction<T>, state);
  }

  unsubscribe(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }
}

export const timeoutScheduler: SchedulerLike = {
  now: () => Date.now(),
  schedule: <T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription =>
    new TimeoutAction(work).schedule(state, delay) as unknown as Subscription,
};
