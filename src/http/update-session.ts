/**
 * Update Session, the call that reports engagement attributes (SDEs) and
 * impression events on an existing session:
 * `PUT {origin}/api/account/{accountId}/app/engagement/visitors/{vid}?v=1.0&sid={sid}`
 * with `{ pageId, engagementAttributes?, impAttributes? }`, or the same as
 * `POST` with `X-HTTP-Method-Override: PUT` (for browsers and proxies that
 * refuse PUT). The answer is empty on success.
 *
 * @internal
 */
import { of, type Observable } from 'rxjs';
import { validationError, type EngagementError, type ValidationIssue } from '../errors';
import { encodeAttributes, encodeImpressions, type EngagementAttribute } from '../attributes/attribute';
import type { ImpressionEvent } from '../attributes/impressions';
import { visitorUrl } from '../core/origin';
import { left, right, isLeft, type Either } from '../internal/either';
import { kindOf } from '../internal/validation';
import { httpRequest$, type HttpEnv, type HttpReply } from './request';
import { successful } from './reply';
import { JSON_HEADERS } from './headers';

/** How the call goes on the wire: `PUT`, or `POST` with `X-HTTP-Method-Override: PUT`. */
export type UpdateSessionWireMethod = 'PUT' | 'POST_OVERRIDE';

/** What one Update Session call reports. Empty arrays are left out of the body. */
export interface UpdateSessionPayload {
  readonly pageId: string;
  readonly engagementAttributes?: ReadonlyArray<EngagementAttribute>;
  readonly impAttributes?: ReadonlyArray<ImpressionEvent>;
}

/** Where the call goes: vid in the path, sid in the query (both required). */
export interface UpdateSessionTarget {
  readonly origin: string;
  readonly accountId: string;
  readonly vid: string;
  readonly sid: string;
}

/** The JSON body: `pageId`, then the attributes and impressions in wire form; empty arrays are omitted. */
export function updateSessionBody(payload: UpdateSessionPayload): string {
  const body: Record<string, unknown> = { pageId: payload.pageId };
  if (payload.engagementAttributes !== undefined && payload.engagementAttributes.length > 0) {
    body['engagementAttributes'] = encodeAttributes(payload.engagementAttributes);
  }
  if (payload.impAttributes !== undefined && payload.impAttributes.length > 0) {
    body['impAttributes'] = encodeImpressions(payload.impAttributes);
  }
  return JSON.stringify(body);
}

/** Headers of the call: the JSON headers, plus the override for `POST_OVERRIDE`. */
export function updateSessionHeaders(method: UpdateSessionWireMethod): Record<string, string> {
  return method === 'PUT' ? { ...JSON_HEADERS } : { ...JSON_HEADERS, 'X-HTTP-Method-Override': 'PUT' };
}

function checkTarget(target: UpdateSessionTarget, method: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of ['origin', 'accountId', 'vid', 'sid'] as const) {
    const value: unknown = target[key];
    if (typeof value !== 'string' || value.length === 0) issues.push({ path: key, reason: `expected a non-empty string, got ${kindOf(value)}` });
  }
  if (method !== 'PUT' && method !== 'POST_OVERRIDE') issues.push({ path: 'method', reason: `expected PUT or POST_OVERRIDE, got ${kindOf(method)}` });
  return issues;
}

/**
 * One Update Session call per subscription: one `Either` (Right on any 2xx,
 * whatever the body), then completion. Non-2xx answers, network failures
 * and timeouts are Lefts (`operation: 'updateSession'`); a missing vid or
 * sid is a `validation` Left and sends nothing. Unsubscribing aborts the
 * request in flight.
 */
export function updateSession$(
  env: HttpEnv,
  target: UpdateSessionTarget,
  body: string,
  method: UpdateSessionWireMethod = 'PUT',
): Observable<Either<EngagementError, void>> {
  const issues = checkTarget(target, method);
  if (issues.length > 0) return of(left<EngagementError, void>(validationError(issues)));
  return httpRequest$(
    env,
    {
      operation: 'updateSession',
      method: method === 'PUT' ? 'PUT' : 'POST',
      url: visitorUrl(target.origin, target.accountId, target.vid, target.sid),
      headers: updateSessionHeaders(method),
      body,
    },
    readUpdated,
  );
}

/** An Update Session reply: any 2xx is a success, whatever the body. */
function readUpdated(reply: HttpReply): Either<EngagementError, void> {
  const ok = successful('updateSession', reply);
  return isLeft(ok) ? ok : right(undefined);
}
