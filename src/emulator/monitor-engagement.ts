/**
 * Monitoring API engagement check:
 * `POST /api/account/{acc}/app/{appInstallationId}/engagement?v=1.0[&vid=][&sid=][&obh=]`.
 *
 * 201 with new ids when `vid` or `sid` is missing or unknown (an unknown
 * `vid` gets a new visitor, an unknown `sid` of a known visitor a new
 * session), 200 when both name a known pair. So this call never answers
 * 404/37 or 404/39: the reference gives the 201 rule for "missing or
 * invalid" ids, and the emulator infers that an unknown id is one of those.
 *
 * @internal
 */
import type { RequestBody } from './body';
import type { HandlerContext } from './context';
import { loadingAccountReply } from './create-session';
import { checkedRequest } from './request-body';
import { checkMonitorPath } from './monitor-path';
import type { MonitorSessionRecord, MonitorVisitorRecord } from './monitor-records';
import { monitorTargetFor, recordMonitorCheck } from './monitor-state';
import { checkMonitorEngagementBody } from './monitor-validate';
import type { ResolvedEngagement } from './options';
import { jsonReply, type Reply } from './reply';
import { decideAvailability } from './rules';
import { nextContextId } from './state';

/** The entry-point prefix naming a section (`sec://Sport`). */
export const SECTION_ENTRY_POINT = 'sec://';

/** The sections named by `sec://` entry points, in order. */
export function sectionsOf(entryPoints: ReadonlyArray<string> | undefined): string[] {
  return (entryPoints ?? []).filter((e) => e.startsWith(SECTION_ENTRY_POINT)).map((e) => e.slice(SECTION_ENTRY_POINT.length));
}

function detail(
  ctx: HandlerContext,
  engagement: ResolvedEngagement,
  visitor: MonitorVisitorRecord,
  session: MonitorSessionRecord,
): Record<string, unknown> {
  const id = (value: string): string | number => (ctx.options.numericEngagementIds ? Number(value) : value);
  const base = {
    campaignId: id(engagement.campaignId),
    engagementId: id(engagement.engagementId),
    engagementRevision: engagement.engagementRevision,
    ...(engagement.connectorId === undefined ? {} : { connectorId: engagement.connectorId }),
  };
  if (visitor.conversation) return { ...base, conversationId: `conv-${visitor.visitorId}`, status: 'conversation' };
  return {
    ...base,
    contextId: nextContextId(session),
    windowId: id(engagement.windowId),
    language: engagement.language,
    status: 'expose',
  };
}

/** Answers a Monitoring engagement call. */
export function handleMonitorEngagement(
  ctx: HandlerContext,
  accountId: string,
  appInstallationId: string | null,
  query: URLSearchParams,
  body: RequestBody,
): Reply {
  const checked = checkMonitorPath(ctx, accountId, appInstallationId, query);
  if (!checked.ok) return checked.reply;
  const { account, visitorId, sessionId } = checked.target;
  // Every field of the body is optional: a blank body is an empty request.
  const request = checkedRequest(ctx, body, checkMonitorEngagementBody, '{}');
  if (!request.ok) return request.reply;
  const now = ctx.options.now();

  account.monitorEngagementCalls += 1;
  if (account.monitorEngagementCalls <= ctx.options.loadingAccountCalls) return loadingAccountReply(ctx, account.accountId, visitorId);

  const { visitor, session, created } = monitorTargetFor(ctx.state, account, visitorId, sessionId, ctx.ids, now);
  const pageId = ctx.ids.pageId();
  recordMonitorCheck(ctx.state, session, pageId);
  const decision = decideAvailability({
    sections: sectionsOf(request.value.entryPoints),
    engagements: ctx.options.engagements,
    defaultEngagement: ctx.options.defaultEngagement,
    skillOnline: (key) => ctx.state.skillOnline.get(key) === true,
  });
  // An active conversation is resumed whatever the skill's state; an offer needs an online skill.
  let engagement: ResolvedEngagement | undefined;
  if (decision.status === 'Available') engagement = decision.engagement;
  else if (visitor.conversation) {
    engagement = decision.matchedSection === undefined ? ctx.options.defaultEngagement : ctx.options.engagements.get(decision.matchedSection);
  }
  const ids = { sessionId: session.sessionId, visitorId: visitor.visitorId, pageId };
  const status = created ? 201 : 200;
  if (engagement === undefined) return jsonReply(status, ids);
  return jsonReply(status, { ...ids, engagementDetails: [detail(ctx, engagement, visitor, session)] });
}
