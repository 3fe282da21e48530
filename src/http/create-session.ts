/**
 * Create Session, the HTTP call behind getEngagement:
 * `POST {origin}/api/account/{accountId}/app/engagement/visitors/{vid}?v=1.0[&sid={sid}]`
 * with `{ appType, appDetails, consumerSections, engagementAttributes }`.
 *
 * @internal
 */
import { map, type Observable } from 'rxjs';
import type { EngagementError } from '../errors';
import type { Engagement, NormalizedRequest } from '../model';
import { decodeEngagement } from '../codecs/response';
import { visitorUrl } from '../core/origin';
import { compact } from '../codecs/primitives';
import { isLeft, left, type Either } from '../internal/either';
import { httpRequest$, type HttpEnv } from './request';
import { httpError } from './failures';
import { JSON_HEADERS } from './headers';
import { parseJson } from './parse-json';

/** The JSON body of a Create Session request (vid and sid travel in the URL). */
export function createSessionBody(request: NormalizedRequest): string {
  return JSON.stringify(
    compact({
      appType: request.appType,
      appDetails: request.appDetails,
      consumerSections: request.consumerSections,
      engagementAttributes: request.engagementAttributes,
    }),
  );
}

export interface CreateSessionTarget {
  readonly origin: string;
  readonly accountId: string;
  readonly vid?: string;
  readonly sid?: string;
}

export function createSession$(env: HttpEnv, target: CreateSessionTarget, body: string): Observable<Either<EngagementError, Engagement>> {
  return httpRequest$(env, {
    operation: 'createSession',
    method: 'POST',
    url: visitorUrl(target.origin, target.accountId, target.vid, target.sid),
    headers: { ...JSON_HEADERS },
    body,
  }).pipe(
    map((result): Either<EngagementError, Engagement> => {
      if (isLeft(result)) return result;
      const reply = result.right;
      if (reply.status < 200 || reply.status > 299) {
        return left(httpError('createSession', reply.status, reply.text, reply.header('retry-after')));
      }
      const json = parseJson('createSession', reply.status, reply.text);
      if (isLeft(json)) return json;
      const decoded = decodeEngagement(json.right);
      if (isLeft(decoded)) {
        return left({
          kind: 'decode',
          operation: 'createSession',
          status: reply.status,
          issues: decoded.left,
          message: `createSession answered ${reply.status} with an unexpected body`,
        });
      }
      return decoded;
    }),
  );
}
