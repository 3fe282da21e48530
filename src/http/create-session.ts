/**
 * Create Session, the HTTP call behind getEngagement:
 * `POST {origin}/api/account/{accountId}/app/engagement/visitors/{vid}?v=1.0[&sid={sid}]`
 * with `{ appType, appDetails, consumerSections, engagementAttributes }`.
 *
 * @internal
 */
import type { Observable } from 'rxjs';
import type { EngagementError, ValidationIssue } from '../errors';
import type { Engagement, NormalizedRequest } from '../model';
import { decodeEngagement } from '../codecs/response';
import { visitorUrl } from '../core/origin';
import type { Either } from '../internal/either';
import { jsonBody } from '../codecs/json-body';
import { httpRequest$, type HttpEnv, type HttpReply } from './request';
import { JSON_HEADERS } from './headers';
import { decodedBody } from './reply';

/**
 * The JSON body of a Create Session request (vid and sid travel in the URL),
 * or a validation issue naming the field JSON cannot carry.
 */
export function createSessionBody(request: NormalizedRequest): Either<ValidationIssue[], string> {
  const { appType, appDetails, consumerSections, engagementAttributes } = request;
  return jsonBody({ appType, appDetails, consumerSections, engagementAttributes });
}

export interface CreateSessionTarget {
  readonly origin: string;
  readonly accountId: string;
  readonly vid?: string;
  readonly sid?: string;
}

/** The parsed body each decoded engagement came from, for the legacy adapters (which hand pages the server's JSON as it came). */
const RAW_BODIES = new WeakMap<Engagement, unknown>();

/** The parsed JSON body a decoded engagement came from (`undefined` for one this module did not decode). */
export const rawEngagementBody = (engagement: Engagement): unknown => RAW_BODIES.get(engagement);

/** Whether answers are remembered: only once a legacy adapter asked, so other clients keep no second copy of each answer. */
let remembering = false;

/** From now on, Create Session answers remember their parsed body for {@link rawEngagementBody} (the legacy adapters call it). */
export function rememberRawBodies(): void {
  remembering = true;
}

/** Decodes a parsed body, remembering it for {@link rawEngagementBody} when asked to. */
function decodeRemembered(body: unknown): ReturnType<typeof decodeEngagement> {
  const decoded = decodeEngagement(body);
  if (remembering && decoded._tag === 'Right') RAW_BODIES.set(decoded.right, body);
  return decoded;
}

/** A Create Session reply: the decoded engagement, or the failure. */
const readEngagement = (reply: HttpReply): Either<EngagementError, Engagement> => decodedBody('createSession', reply, decodeRemembered);

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
