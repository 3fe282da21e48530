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
import type { Observable } from 'rxjs';
import type { EngagementError } from '../errors';
import { visitorUrl } from '../core/origin';
import type { Either } from '../internal/either';
import { JSON_HEADERS } from './headers';
import { successful } from './reply';
import { httpRequest$, type HttpEnv } from './request';

/** How the call goes on the wire: `PUT`, or `POST` with `X-HTTP-Method-Override: PUT`. */
export type UpdateSessionWireMethod = 'PUT' | 'POST_OVERRIDE';

/** Where the call goes: vid in the path, sid in the query. */
export interface UpdateSessionTarget {
  readonly origin: string;
  readonly accountId: string;
  readonly vid: string;
  readonly sid: string;
}

/** What one wire method sends: `PUT`, or `POST` with `X-HTTP-Method-Override: PUT`; JSON either way. */
export const putOnWire = (method: UpdateSessionWireMethod): { readonly method: 'PUT' | 'POST'; readonly headers: Readonly<Record<string, string>> } =>
  method === 'PUT' ? { method: 'PUT', headers: JSON_HEADERS } : { method: 'POST', headers: { ...JSON_HEADERS, 'X-HTTP-Method-Override': 'PUT' } };

/** The body of one Update Session batch: `{ pageId, engagementAttributes?, impAttributes? }`, empty lists left out. */
export const updateSessionBody = (pageId: string, attributes: ReadonlyArray<unknown>, impressions: ReadonlyArray<unknown>): string =>
  JSON.stringify({ pageId, engagementAttributes: attributes[0] && attributes, impAttributes: impressions[0] && impressions });

/**
 * One Update Session call per subscription, with a JSON `body`: one `Either`
 * (Right on any 2xx, whatever the body), then completion. Non-2xx answers,
 * network failures and timeouts are Lefts (`operation: 'updateSession'`).
 * Unsubscribing aborts the request in flight.
 */
export const updateSession$ = (env: HttpEnv, target: UpdateSessionTarget, body: string, method: UpdateSessionWireMethod = 'PUT'): Observable<Either<EngagementError, unknown>> =>
  httpRequest$(
    env,
    {
      operation: 'updateSession',
      ...putOnWire(method),
      url: visitorUrl(target.origin, target.accountId, target.vid, target.sid),
      body,
    },
    (reply) => successful('updateSession', reply),
  );
