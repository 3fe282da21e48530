/**
 * The visitor session a client carries from one check to the next. Pure.
 *
 * @packageDocumentation
 */
import type { ValidationIssue } from '../errors';
import type { Engagement, NormalizedRequest } from '../model';
import { decodeWith } from '../internal/validation';
import type { Either } from '../internal/either';
import { FiniteNumber, IdToken, NonEmptyString, struct } from '../codecs/primitives';

/**
 * Who the visitor is to LivePerson: the ids the last successful check
 * returned, and when (ms since the epoch, from the client's scheduler) they
 * were last confirmed by the server.
 *
 * @example
 * ```ts
 * client.session$.subscribe((s: VisitorSession | undefined) => console.log(s?.visitorId));
 * ```
 * @since 0.1.0
 * @category Sessions
 */
export interface VisitorSession {
  readonly visitorId: string;
  readonly sessionId: string;
  readonly pageId: string;
  readonly confirmedAt: number;
}

const VisitorSessionCodec = struct<VisitorSession>('VisitorSession', { visitorId: IdToken, sessionId: IdToken, pageId: NonEmptyString, confirmedAt: FiniteNumber }, {});

/** Reads a stored session; anything else is refused (a store holding garbage, or ids no URL can carry, is ignored). */
export function decodeVisitorSession(u: unknown): Either<ValidationIssue[], VisitorSession> {
  return decodeWith(VisitorSessionCodec, u);
}

/** The stored form of a session: its own four fields, nothing else (no extra keys a caller may have added). */
export function sessionIdsOnly(session: VisitorSession): VisitorSession {
  return { visitorId: session.visitorId, sessionId: session.sessionId, pageId: session.pageId, confirmedAt: session.confirmedAt };
}

/** The session an answer confirms. */
export function sessionFromEngagement(engagement: Engagement, now: number): VisitorSession {
  return { visitorId: engagement.visitorId, sessionId: engagement.sessionId, pageId: engagement.pageId, confirmedAt: now };
}

/**
 * Which ids a check sends. Explicit ids in the request win. Otherwise the
 * remembered session's ids are sent (the seed: required on a second request).
 * A remembered sid is only sent with its own visitor. `fallbackVisitorId` is a
 * visitor the server named in a failed attempt ("Loading account: …, vid: X"),
 * used when nothing else names one, so a retry never creates another visitor.
 */
export function idsForRequest(
  request: NormalizedRequest,
  session: VisitorSession | undefined,
  fallbackVisitorId?: string,
): { readonly vid?: string; readonly sid?: string } {
  const vid = request.vid ?? session?.visitorId ?? fallbackVisitorId;
  const sid = request.sid ?? (session !== undefined && vid === session.visitorId ? session.sessionId : undefined);
  const ids: { vid?: string; sid?: string } = {};
  if (vid !== undefined) ids.vid = vid;
  if (sid !== undefined) ids.sid = sid;
  return ids;
}
