/**
 * The retry effect: one RxJS pipeline that runs attempts, waits on the
 * injected scheduler between them and emits one final `Either`. All the
 * decisions come from the pure {@link decideRetry}.
 *
 * @packageDocumentation
 */
import { Observable, type SchedulerLike } from 'rxjs';
import { Steps } from './steps';
import type { EngagementError } from '../errors';
import { isRight, type Either } from '../internal/either';
import { decideRetry } from './decision';
import type { RetryPolicy } from './policy';

/**
 * What the attempt factory learns about the attempt it runs.
 * @since 0.1.0
 */
export interface AttemptContext {
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** The failure of the previous attempt (absent on the first), e.g. to reuse the visitor id a "Loading account" answer names. */
  readonly lastError?: EngagementError;
}

/**
 * Telemetry callbacks, all optional, called synchronously. An exception
 * thrown by a hook is swallowed: telemetry never changes the outcome.
 * @typeParam A - the type of a successful value (what `succeeded` receives)
 * @since 0.1.0
 */
export interface RetryHooks<A = unknown> {
  attemptStarted?(attempt: number): void;
  attemptFailed?(attempt: number, error: EngagementError): void;
  retryScheduled?(attempt: number, delayMs: number, reason: string, error: EngagementError): void;
  gaveUp?(attempts: number, error: EngagementError, reason: string): void;
  /** Called with the successful value before it is emitted. */
  succeeded?(attempts: number, value: A): void;
}

/**
 * The effects {@link withRetry} needs: the clock and timers (`scheduler`,
 * `asyncScheduler` in production, a `TestScheduler` in tests), the jitter
 * source and the telemetry hooks.
 * @typeParam A - the type of a successful value (see {@link RetryHooks})
 * @since 0.1.0
 */
export interface RetryEnv<A = unknown> {
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly hooks?: RetryHooks<A>;
}

/** Runs a telemetry hook; an exception it throws must never change the outcome of a check. */
function safely(hook: () => void): void {
  try {
    hook();
  } catch {
    // swallowed on purpose, see RetryHooks
  }
}

/**
 * Runs `attempt` until it succeeds or {@link decideRetry} gives up, waiting
 * on `env.scheduler` between attempts. Emits exactly one final `Either` (the
 * success, or the last failure) and completes; expected failures never
 * become error notifications. Each subscription to the result starts a new
 * sequence (`maxElapsedMs` counts from that subscription).
 *
 * `attempt` is called once per attempt and must return an Observable that
 * emits one `Either` (only the first value is used). Unsubscribing stops
 * everything at once: the attempt in flight is unsubscribed, a pending wait
 * is cancelled and no further attempt starts. An attempt that completes
 * without a value, or throws, is a programming error and is reported as an
 * error notification.
 *
 * Marble diagram (the 5/10/15 s schedule without jitter, each attempt
 * answering after 10 ms; not to scale):
 *
 * ```text
 * attempt 1   ^-E!                                         0: subscribe, 10: E = Left(http 503)
 *                \__ wait 5000 ms __
 * attempt 2                     ^-E!                       5010: subscribe, 5020: E
 *                                  \__ wait 10000 ms __
 * attempt 3                                       ^-R!     15020: subscribe, 15030: R = Right
 * result      --------------------------------------R|     15030: R, then complete (times in ms)
 * ```
 * @since 0.1.0
 */
export function withRetry<A>(
  attempt: (ctx: AttemptContext) => Observable<Either<EngagementError, A>>,
  policy: RetryPolicy,
  env: RetryEnv<A>,
): Observable<Either<EngagementError, A>> {
  const { scheduler, random, hooks } = env;
  // One hand-written Observable, not an operator chain: this runs once per check, and a chain of
  // defer/take/mergeMap/timer cost a dozen subscribers per attempt (see docs/performance.md).
  return new Observable<Either<EngagementError, A>>((subscriber) => {
    const startedAt = scheduler.now();
    const steps = new Steps(subscriber, scheduler);

    const settle = (n: number, result: Either<EngagementError, A>, previousDelayMs: number | undefined): void => {
      if (isRight(result)) {
        safely(() => hooks?.succeeded?.(n, result.right));
        subscriber.next(result);
        subscriber.complete();
        return;
      }
      const error = result.left;
      safely(() => hooks?.attemptFailed?.(n, error));
      const state = previousDelayMs === undefined ? { attempt: n, startedAt } : { attempt: n, startedAt, previousDelayMs };
      const decision = decideRetry(policy, state, error, scheduler.now(), random);
      if (!decision.retry) {
        safely(() => hooks?.gaveUp?.(n, error, decision.reason));
        subscriber.next(result);
        subscriber.complete();
        return;
      }
      safely(() => hooks?.retryScheduled?.(n, decision.delayMs, decision.reason, error));
      steps.wait(decision.delayMs, () => run(n + 1, error, decision.delayMs));
    };

    const run = (n: number, lastError: EngagementError | undefined, previousDelayMs: number | undefined): void => {
      if (subscriber.closed) return;
      safely(() => hooks?.attemptStarted?.(n));
      steps.first(
        () => attempt(lastError === undefined ? { attempt: n } : { attempt: n, lastError }),
        () => new Error(`withRetry: attempt ${n} completed without a result`),
        (result) => settle(n, result, previousDelayMs),
      );
    };

    run(1, undefined, undefined);
    return () => steps.stop();
  });
}
