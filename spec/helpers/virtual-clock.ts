/**
 * Driving a client's waits on a VirtualTimeScheduler while its requests go
 * over real loopback HTTP: virtual time only moves when the test says so.
 */
import { VirtualTimeScheduler } from 'rxjs';

/** Runs every action due up to `frame` (and nothing later), then leaves the clock at `frame`. */
export function advanceTo(scheduler: VirtualTimeScheduler, frame: number): void {
  scheduler.maxFrames = frame;
  scheduler.flush();
  scheduler.frame = Math.max(scheduler.frame, frame);
  scheduler.maxFrames = Number.POSITIVE_INFINITY;
}

/** Advances by `ms` from now. */
export function advanceBy(scheduler: VirtualTimeScheduler, ms: number): void {
  advanceTo(scheduler, scheduler.now() + ms);
}

/** Lets pending I/O callbacks and promise jobs run. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
