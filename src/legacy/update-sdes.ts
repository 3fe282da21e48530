/**
 * `updateSdes`: lpChat.min.js's way to report SDEs and impression events on
 * the visitor's session, over the client's Update Session call.
 *
 * @packageDocumentation
 */
import { internalsOf } from '../client/internals';
import { IdToken } from '../codecs/primitives';
import { describeError, type EngagementError, type HttpError } from '../errors';
import { updateSession$ } from '../http/update-session';
import { isLeft, type Either } from '../internal/either';
import type { EngagementAttributeInput } from '../model';
import { isPlain } from './bindings';
import type { LegacyCall, LegacyCore } from './legacy-core';
import type { LegacyCallFailure } from './legacy-payloads';

/**
 * What `updateSdes` callbacks get, as lpChat.min.js gave it: the HTTP
 * status and the answer's body (empty on success; LivePerson's error body
 * `{ time, message, internalCode }` on a refusal). A call that got no
 * answer (network, timeout) or was never sent has no `responseCode` and
 * says why in `error` (never personal data).
 *
 * @example
 * ```ts
 * const done = (result: LegacyUpdateSdesResult) => console.log(result.responseCode ?? result.error);
 * ```
 * @since 0.2.0
 * @category Legacy adapters
 */
export interface LegacyUpdateSdesResult {
  readonly responseCode?: number;
  readonly body?: unknown;
  readonly error?: string;
}

/**
 * The argument of `updateSdes`, in lpChat.min.js's shape: the body under
 * `data` (`pageId` of the last getEngagement answer, SDEs, impression
 * events), the visitor (`vid`, `sid`; by default those of the last answer,
 * or of the entry a reload continued), and the per-call `success`, `error`
 * and `context`.
 *
 * @example
 * ```ts
 * const request: LegacyUpdateSdesRequest = {
 *   data: { pageId: '4743822558', engagementAttributes: [{ type: 'cart', total: 11.7 }] },
 *   success: (result) => console.log('reported', result.responseCode),
 *   error: (result) => console.warn('not reported', result.responseCode, result.error),
 * };
 * ```
 * @since 0.2.0
 * @category Legacy adapters
 */
export interface LegacyUpdateSdesRequest {
  readonly data: {
    readonly pageId: string;
    readonly engagementAttributes?: ReadonlyArray<EngagementAttributeInput>;
    readonly impAttributes?: ReadonlyArray<Readonly<Record<string, unknown>>>;
  };
  readonly vid?: string;
  readonly sid?: string;
  /** Called with `{ responseCode, body }`; `this` = `context` or the request. */
  readonly success?: (this: unknown, result: LegacyUpdateSdesResult) => void;
  /** Called with `{ responseCode?, body?, error? }`; `this` = `context` or the request. */
  readonly error?: (this: unknown, result: LegacyUpdateSdesResult) => void;
  readonly context?: unknown;
}

type Callback = (this: unknown, result: LegacyUpdateSdesResult) => void;

const PREFIX = 'updateSdes - ';

/** A refusal: `{ error }` now, logged, and the `error` callback on the next turn. */
function refuse(core: LegacyCore, message: string, error: Callback | undefined, thisArg: unknown): LegacyCallFailure {
  const text = PREFIX + message;
  core.log('ERROR', 'invalidRequest', text);
  if (error !== undefined) core.scheduler.schedule(() => core.disposed || guarded(core, 'error', error, thisArg, { error: text }));
  return { error: text };
}

function guarded(core: LegacyCore, which: 'success' | 'error', callback: Callback, thisArg: unknown, result: LegacyUpdateSdesResult): void {
  try {
    callback.call(thisArg, result);
  } catch (e) {
    core.failed(`updateSdes.${which}`, e);
  }
}

/** The server's error body of a refused call, with only the fields it had. */
function errorBody(e: HttpError): Record<string, unknown> | undefined {
  const body: Record<string, unknown> = {};
  if (e.serverTime !== undefined) body['time'] = e.serverTime;
  if (e.rawServerMessage !== undefined) body['message'] = e.rawServerMessage;
  if (e.internalCode !== undefined) body['internalCode'] = e.internalCode;
  return Object.keys(body).length > 0 ? body : undefined;
}

/** The callback's argument for an answer. */
function resultOf(outcome: Either<EngagementError, unknown>): LegacyUpdateSdesResult {
  if (!isLeft(outcome)) {
    const reply = outcome.right as { status: number; text: string };
    let body: unknown = reply.text;
    try {
      body = reply.text === '' ? undefined : (JSON.parse(reply.text) as unknown);
    } catch {
      // not JSON: the text as it came
    }
    return { responseCode: reply.status, ...(body !== undefined && { body }) };
  }
  const e = outcome.left;
  if (e.kind == 'http') return { responseCode: e.status, ...(errorBody(e) && { body: errorBody(e) }) };
  return { error: `${PREFIX}${describeError(e)}` };
}

/**
 * One `updateSdes` call: Update Session (`PUT .../visitors/{vid}?v=1.0&sid={sid}`)
 * with `{ pageId, engagementAttributes, impAttributes }`, one attempt, as
 * lpChat.min.js made it. Answers a handle, or `{ error }` (logged, and the
 * `error` callback told) when nothing could be sent.
 *
 * @internal
 */
export function updateSdes(core: LegacyCore, input: unknown): LegacyCall | LegacyCallFailure {
  if (core.disposed) return { error: `${PREFIX}the chat API was disposed` };
  if (!isPlain(input)) return refuse(core, 'invalid request: expected a request object', undefined, undefined);
  const { data, vid, sid, success, error, context } = input;
  const thisArg = context ?? input;
  const onError = typeof error == 'function' ? (error as Callback) : undefined;
  if (core.configError !== undefined) return refuse(core, core.configError, onError, thisArg);
  const problems: string[] = [];
  if (success !== undefined && typeof success != 'function') problems.push('success: expected a function');
  if (error !== undefined && onError === undefined) problems.push('error: expected a function');
  if (!isPlain(data)) problems.push('data: expected an object');
  else {
    if (typeof data['pageId'] != 'string' || data['pageId'] === '') problems.push('data.pageId: expected the pageId of a getEngagement answer');
    for (const k of ['engagementAttributes', 'impAttributes']) if (data[k] !== undefined && !Array.isArray(data[k])) problems.push(`data.${k}: expected an array`);
  }
  for (const [k, v] of [['vid', vid], ['sid', sid]] as const) if (v != null && v !== '' && !IdToken.is(v)) problems.push(`${k}: expected an id (letters, digits, - and _)`);
  if (problems.length > 0) return refuse(core, `invalid request: ${problems.join('; ')}`, onError, thisArg);
  const current = core.client.currentSession();
  const visitor = (vid as string | undefined) || current?.visitorId;
  const session = (sid as string | undefined) || (visitor === current?.visitorId ? current?.sessionId : undefined);
  const internals = internalsOf(core.client);
  if (visitor === undefined || session === undefined || !internals?.ok) return refuse(core, 'no visitor session yet: call getEngagement first, or pass vid and sid', onError, thisArg);
  const { pageId, engagementAttributes, impAttributes } = data as LegacyUpdateSdesRequest['data'];
  let body: string;
  try {
    body = JSON.stringify({ pageId, engagementAttributes, impAttributes });
  } catch {
    return refuse(core, 'invalid request: data could not be written as JSON', onError, thisArg);
  }
  const { accountId } = internals.config;
  const call$ = internals.atOrigin((origin) => updateSession$(internals.http, { origin, accountId, vid: visitor, sid: session }, body));
  return core.run(undefined, call$, (outcome) => {
    const which = isLeft(outcome) ? 'error' : 'success';
    if (isLeft(outcome)) core.log('ERROR', 'updateFailed', `updateSdes - not reported: ${outcome.left.kind}`);
    const callback = (which == 'error' ? onError : success) as Callback | undefined;
    if (callback !== undefined) guarded(core, which, callback, thisArg, resultOf(outcome));
  });
}
