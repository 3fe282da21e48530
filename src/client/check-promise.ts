/**
 * One check as a Promise, or as an fp-ts `TaskEither`, cancelled by an
 * `AbortSignal`: for services and scripts that await an answer instead of
 * subscribing.
 *
 * @packageDocumentation
 */
import { firstValueFrom, fromEvent, map, race, takeLast, type Observable } from 'rxjs';
import { validationError, type AbortedError, type EngagementError, type ValidationIssue } from '../errors';
import { left, type Either, type TaskEither } from '../internal/either';
import { isRecord, kindOf } from '../internal/validation';
import type { Engagement, EngagementRequest } from '../model';
import type { CheckOptions, EngagementClient } from './client';

/**
 * The options of {@link checkEngagement}: those of a check, and the signal
 * that cancels it.
 * @since 0.2.0
 * @category Check core
 */
export interface AbortableCheckOptions extends CheckOptions {
  /**
   * Cancels the check: once it aborts, the check answers an `aborted` Left at
   * once, the request in flight is aborted and no retry stays scheduled. An
   * already aborted signal answers without sending anything.
   */
  readonly signal?: AbortSignal;
}

type Result = Either<EngagementError, Engagement>;

/**
 * One check, awaited: the check's final answer (with polling on, the last
 * one) as a Promise of an `Either`. Expected failures are a `Left`; the
 * Promise rejects only on a defect (an exception inside the library).
 *
 * `options.signal` cancels it: the answer is then an `aborted` Left, the
 * request in flight is aborted and no retry timer is left behind. Anything
 * other than an `AbortSignal` there, or a `client` that is not a client, is a
 * `validation` Left naming `options.signal` or `client`.
 *
 * `checkEngagement.task(client, request, options)` is the same check as an
 * fp-ts `TaskEither`: nothing is sent until the task runs, and each run is a
 * new check (a signal that has aborted answers every later run at once).
 *
 * @example
 * ```ts
 * import { createEngagementClient, checkEngagement, describeError } from 'engagement-rx';
 *
 * const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net' });
 * const result = await checkEngagement(client, { consumerSections: ['Support'] }, { signal: AbortSignal.timeout(3000) });
 * if (result._tag === 'Left') console.warn(describeError(result.left)); // "aborted: … (TimeoutError)" after 3 s
 * else if (result.right.status === 'Available') showChatButton(result.right);
 * ```
 * @example
 * ```ts
 * import { pipe } from 'fp-ts/function';
 * import * as TE from 'fp-ts/TaskEither';
 *
 * const status: TE.TaskEither<string, string> = pipe(
 *   checkEngagement.task(client, { consumerSections: ['Support'] }),
 *   TE.map((engagement) => engagement.status),
 *   TE.mapLeft(describeError),
 * );
 * await status();
 * ```
 * @since 0.2.0
 * @category Check core
 */
export function checkEngagement(client: EngagementClient, request?: EngagementRequest, options?: AbortableCheckOptions): Promise<Result> {
  const issues: ValidationIssue[] = [];
  let signal: AbortSignal | undefined;
  let rest: CheckOptions | undefined;
  try {
    if (!isRecord(client) || typeof client['getEngagement'] !== 'function') {
      issues.push({ path: 'client', reason: `expected a client made by createEngagementClient, got ${kindOf(client)}` });
    }
    ({ signal, rest } = splitSignal(options, issues));
  } catch {
    // A getter or a proxy trap threw while the arguments were read.
    issues.push({ path: 'options', reason: 'could not be read (a getter or a proxy threw)' });
  }
  if (issues.length > 0) return Promise.resolve(left(validationError(issues)));
  if (signal?.aborted === true) return Promise.resolve(left(abortedError(signal)));
  const check$: Observable<Result> = client.getEngagement(request, rest).pipe(takeLast(1));
  if (signal === undefined) return firstValueFrom(check$);
  // Whichever comes first wins; race unsubscribes the other: an abort tears the check down
  // (its request and retry wait), an answer removes the abort listener.
  const aborted$ = fromEvent(signal, 'abort').pipe(map((): Result => left(abortedError(signal))));
  return firstValueFrom(race(check$, aborted$));
}

/**
 * The same check as an fp-ts `TaskEither`, run once per call of the task.
 *
 * @example
 * ```ts
 * const task = checkEngagement.task(client, { consumerSections: ['Support'] });
 * const result = await task();
 * ```
 * @since 0.2.0
 */
checkEngagement.task = (client: EngagementClient, request?: EngagementRequest, options?: AbortableCheckOptions): TaskEither<EngagementError, Engagement> =>
  () => checkEngagement(client, request, options);

/** The signal of `options` (checked; an issue is added otherwise) and the options a check takes. */
function splitSignal(options: unknown, issues: ValidationIssue[]): { signal: AbortSignal | undefined; rest: CheckOptions | undefined } {
  // Options that are not an object go to the check as they are: it refuses them itself.
  if (!isRecord(options) || !('signal' in options)) return { signal: undefined, rest: options as CheckOptions | undefined };
  const { signal, ...rest } = options;
  if (signal === undefined || isAbortSignal(signal)) return { signal, rest };
  issues.push({ path: 'options.signal', reason: `expected an AbortSignal, got ${kindOf(signal)}` });
  return { signal: undefined, rest };
}

function isAbortSignal(u: unknown): u is AbortSignal {
  return isRecord(u) && typeof u['aborted'] === 'boolean' && typeof u['addEventListener'] === 'function' && typeof u['removeEventListener'] === 'function';
}

/** The `aborted` error of a signal: its reason's name when that is an error's, never the reason's text. */
function abortedError(signal: AbortSignal): AbortedError {
  const reason: unknown = signal.reason;
  const name = isRecord(reason) && typeof reason['name'] === 'string' && /^[A-Za-z]{1,40}$/.test(reason['name']) ? reason['name'] : 'AbortError';
  return { kind: 'aborted', reason: name, message: `the check was cancelled by its signal (${name})` };
}
