/**
 * The opt-in polling of a non-final answer (NotAvailable): ask again at a
 * slow interval until a final answer, a failure, the maximum count, or
 * unsubscription.
 *
 * @packageDocumentation
 */
import { Observable, type SchedulerLike } from 'rxjs';
import { Steps } from './steps';
import type { EngagementError } from '../errors';
import { isLeft, type Either } from '../internal/either';

/**
 * What the check function learns about the check it runs.
 * @since 0.1.0
 */
export interface PollContext {
  /** 1 for the first check, 2 for the first poll, and so on. */
  readonly check: number;
}

/**
 * Runs `check`, emits its answer, and while the answer is a `Right` that
 * `isFinal` rejects (NotAvailable), waits `polling.intervalMs` on
 * `scheduler` and asks again, at most `polling.maxPolls` more times. Every
 * answer is emitted, so a UI can show NotAvailable while polling goes on.
 * Completes after a final answer, after a `Left` (the check's own retries
 * have already given up), or after the last poll. With `polling: false` it
 * emits the first answer and completes. The wait runs from an answer to the
 * next question, so slow checks never overlap. Unsubscribing cancels the
 * check in flight or the pending wait.
 *
 * Marble diagram (`intervalMs: 60000`, checks answering at once):
 *
 * ```text
 * checks   N------------N------------A     N = Right(NotAvailable), A = Right(Available)
 * result   N------------N------------(A|)
 *          0            60 s         120 s
 * ```
 * @since 0.1.0
 */
export function withPolling<A>(
  check: (ctx: PollContext) => Observable<Either<EngagementError, A>>,
  isFinal: (a: A) => boolean,
  polling: { readonly intervalMs: number; readonly maxPolls: number } | false,
  scheduler: SchedulerLike,
): Observable<Either<EngagementError, A>> {
  const maxPolls = polling === false ? 0 : polling.maxPolls;
  // One hand-written Observable on the same steps as withRetry: a poll can wait for minutes, and an
  // operator chain would keep its subscribers alive all that time.
  return new Observable<Either<EngagementError, A>>((subscriber) => {
    const steps = new Steps(subscriber, scheduler);
    const run = (n: number): void =>
      steps.first(
        () => check({ check: n }),
        () => new Error(`withPolling: check ${n} completed without a result`),
        (answer) => {
          subscriber.next(answer);
          if (polling === false || isLeft(answer) || isFinal(answer.right) || n > maxPolls) subscriber.complete();
          else steps.wait(polling.intervalMs, () => run(n + 1));
        },
      );
    run(1);
    return () => steps.stop();
  });
}
