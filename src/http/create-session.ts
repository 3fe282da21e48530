/**
 * Create Session, the HTTP call behind getEngagement:
 * `POST {origin}/api/account/{accountId}/app/engagement/visitors/{vid}?v=1.0[&sid={sid}]`
 * with `{ appType, appDetails, consumerSections, engagementAttributes }`.
 *
 * @internal
 */
import type { Observable } from 'rxjs';
import type { EngagementError } from '../errors';
import type { Engagement, NormalizedRequest } from '../model';
import { decodeEngagement } from '../codecs/response';
import { visitorUrl } from '../core/origin';
import type { Either } from '../internal/either';
import { httpRequest$, type HttpEnv, type HttpReply } from './request';
import { JSON_HEADERS } from './headers';
import { decodedBody } from './reply';

/** The JSON body of a Create Session request (vid and sid travel in the URL). */
export function createSessionBody(request: NormalizedRequest): string {
  // JSON.stringify leaves out the fields that are undefined.
  return JSON.stringify({
    appType: request.appType,
    appDetails: request.appDetails,
    consumerSections: request.consumerSections,
    engagementAttributes: request.engagementAttributes,
  });
}

export interface CreateSessionTarget {
  readonly origin: string;
  readonly accountId: string;
  readonly vid?: string;
  readonly sid?: string;
}

/** A Create Session reply: the decoded engagement, or the failure. */
const readEngagement = (reply: HttpReply): Either<EngagementError, Engagement> => decodedBody('createSession', reply, decodeEngagement);

export function createSession$(env: HttpEnv, target: CreateSessionTarget, body: string): Observable<Either<EngagementError, Engagement>> {
  return httpRequest$(
    env,
    {
      operation: 'createSession',
      method: 'POST',
      url: visitorUrl(target.origin, target.accountId, target.vid, target.sid),
      headers: { ...JSON_HEADERS }, // a copy: an injected fetch may add headers to what it is given
      body,
    },
    readEngagement,
  );
}
