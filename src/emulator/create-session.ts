/**
 * Create Session (= getEngagement):
 * `POST /api/account/{acc}/app/engagement/visitors/{vid}?v=1.0[&sid={sid}]`.
 *
 * @internal
 */
import type { RequestBody } from './body';
import type { HandlerContext } from './context';
import { checkEngagementPath } from './engagement-path';
import { findSkill, type ResolvedEngagement } from './options';
import { InternalCode, VISITOR_OR_SESSION_ID_PATTERN, loadingAccountMessage } from './protocol';
import { errorReply, jsonReply, type Reply } from './reply';
import { decideAvailability } from './rules';
import { nextContextId, recordCreate, sessionForCreate, visitorForCreate, type SessionRecord } from './state';
import { checkedRequest } from './request-body';
import { checkCreateBody } from './validate';

/** The 500 "Loading account" answer naming `visitorId`. */
export function loadingAccountReply(ctx: HandlerContext, accountId: string, visitorId: string | undefined): Reply {
  return errorReply(500, ctx.options.now(), loadingAccountMessage(accountId, visitorId), InternalCode.loadingAccount);
}

function engagementDetails(ctx: HandlerContext, engagement: ResolvedEngagement, session: SessionRecord): Record<string, unknown> {
  const skill = findSkill(ctx.state.skills, engagement.skillKey);
  const id = (value: string): string | number => (ctx.options.numericEngagementIds ? Number(value) : value);
  return {
    campaignId: id(engagement.campaignId),
    engagementId: id(engagement.engagementId),
    contextId: nextContextId(session),
    windowId: id(engagement.windowId),
    language: engagement.language,
    engagementRevision: engagement.engagementRevision,
    validForSeconds: ctx.options.validForSeconds,
    ...(skill === undefined ? {} : { skillId: skill.id, skillName: skill.name }),
    ...(engagement.connectorId === undefined ? {} : { connectorId: engagement.connectorId }),
  };
}

/** Answers a Create Session call. */
export function handleCreateSession(
  ctx: HandlerContext,
  accountId: string,
  rawVisitorId: string | null,
  query: URLSearchParams,
  body: RequestBody,
): Reply {
  const checked = checkEngagementPath(ctx, accountId, rawVisitorId, query);
  if (!checked.ok) return checked.reply;
  const { account, visitorId, sessionId } = checked.target;
  const request = checkedRequest(ctx, body, checkCreateBody);
  if (!request.ok) return request.reply;
  const now = ctx.options.now();

  const visitor = visitorForCreate(ctx.state, account, visitorId, ctx.ids, now);
  if (account.createSessionCalls <= ctx.options.loadingAccountCalls) return loadingAccountReply(ctx, account.accountId, visitor.visitorId);

  const session = sessionForCreate(ctx.state, visitor, sessionId, ctx.ids, now);
  const pageId = ctx.ids.pageId();
  const r = request.value;
  const decision = decideAvailability({
    sections: r.consumerSections,
    engagements: ctx.options.engagements,
    defaultEngagement: ctx.options.defaultEngagement,
    skillOnline: (key) => ctx.state.skillOnline.get(key) === true,
  });
  recordCreate(ctx.state, session, {
    pageId,
    appType: r.appType,
    ...(r.appDetails === undefined ? {} : { appDetails: r.appDetails }),
    ...(r.consumerSections === undefined ? {} : { consumerSections: r.consumerSections }),
    ...(r.engagementAttributes === undefined ? {} : { engagementAttributes: r.engagementAttributes }),
    status: decision.status,
    ...(decision.matchedSection === undefined ? {} : { matchedSection: decision.matchedSection }),
    at: now,
  });
  const ids = { sessionId: session.sessionId, visitorId: visitor.visitorId, pageId };
  if (decision.status === 'NotAvailable') return jsonReply(200, { status: 'NotAvailable', ...ids });
  return jsonReply(200, { status: 'Available', ...ids, engagementDetails: engagementDetails(ctx, decision.engagement, session) });
}

/**
 * The "Loading account" fault on a Create Session call: like the real
 * server, it first creates (no vid, or a malformed one) or adopts the
 * visitor, so the message names a real vid. Unknown account: no visitor.
 */
export function createSessionLoadingFault(ctx: HandlerContext, accountId: string, rawVisitorId: string | null): Reply {
  const account = ctx.state.accounts.get(accountId);
  if (account === undefined) return loadingAccountReply(ctx, accountId, undefined);
  const named = rawVisitorId !== null && VISITOR_OR_SESSION_ID_PATTERN.test(rawVisitorId) ? rawVisitorId : undefined;
  const visitor = visitorForCreate(ctx.state, account, named, ctx.ids, ctx.options.now());
  return loadingAccountReply(ctx, accountId, visitor.visitorId);
}
