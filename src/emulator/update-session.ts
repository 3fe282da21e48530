/**
 * Update Session: `PUT /api/account/{acc}/app/engagement/visitors/{vid}?v=1.0&sid={sid}`
 * (or `POST` with `X-HTTP-Method-Override: PUT`), body `{ pageId, engagementAttributes?, impAttributes? }`.
 *
 * @internal
 */
import type { RequestBody } from './body';
import type { HandlerContext } from './context';
import { checkedRequest } from './request-body';
import { checkEngagementPath } from './engagement-path';
import { unitInterval } from './ids';
import { InternalCode } from './protocol';
import { emptyReply, errorReply, type Reply } from './reply';
import { recordUpdate } from './state';
import { checkUpdateBody } from './validate';

/** Answers an Update Session call. */
export function handleUpdateSession(
  ctx: HandlerContext,
  accountId: string,
  rawVisitorId: string | null,
  query: URLSearchParams,
  body: RequestBody,
): Reply {
  const checked = checkEngagementPath(ctx, accountId, rawVisitorId, query);
  if (!checked.ok) return checked.reply;
  const { account, visitorId, sessionId } = checked.target;
  const now = ctx.options.now();
  if (visitorId === undefined) return errorReply(400, now, 'visitorId is required in the path', InternalCode.invalidData);
  if (sessionId === undefined) return errorReply(400, now, 'sid is required in the query', InternalCode.invalidData);
  const rate = ctx.options.updateSessionFailureRate;
  if (rate > 0 && unitInterval(ctx.options.random()) < rate) {
    return errorReply(503, now, 'Service temporarily unavailable', InternalCode.none);
  }
  const update = checkedRequest(ctx, body, checkUpdateBody);
  if (!update.ok) return update.reply;

  const visitor = account.visitors.get(visitorId);
  if (visitor === undefined) return errorReply(404, now, 'Visitor not found', InternalCode.invalidVisitor);
  const session = visitor.sessions.get(sessionId);
  if (session === undefined) return errorReply(404, now, 'Session not found', InternalCode.invalidSession);
  const u = update.value;
  recordUpdate(ctx.state, visitor, session, {
    sessionId,
    pageId: u.pageId,
    pageKnown: session.pageIds.includes(u.pageId),
    engagementAttributes: u.engagementAttributes,
    impAttributes: u.impAttributes,
    at: now,
  });
  return emptyReply(200);
}
