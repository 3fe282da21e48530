/**
 * Monitoring API report: `PUT /api/account/{acc}/app/{appInstallationId}/report?v=1.0&vid=&sid=`
 * (or `POST` with `X-HTTP-Method-Override: PUT`), body
 * `{ identities?, pageId?, entryPoints?, engagementAttributes }`.
 *
 * Both ids are required (400/5 when missing). An unknown `vid` answers
 * 404/37 and an unknown `sid` of a known visitor 404/39: a report cannot
 * create a session, so these are the cases where the reference's "not
 * found" codes apply.
 *
 * @internal
 */
import type { RequestBody } from './body';
import type { HandlerContext } from './context';
import { checkedRequest } from './request-body';
import { checkMonitorPath } from './monitor-path';
import { recordMonitorReport } from './monitor-state';
import { checkMonitorReportBody } from './monitor-validate';
import { InternalCode } from './protocol';
import { errorReply, jsonReply, type Reply } from './reply';

/** Answers a Monitoring report call. */
export function handleMonitorReport(
  ctx: HandlerContext,
  accountId: string,
  appInstallationId: string | null,
  query: URLSearchParams,
  body: RequestBody,
): Reply {
  const checked = checkMonitorPath(ctx, accountId, appInstallationId, query);
  if (!checked.ok) return checked.reply;
  const { account, visitorId, sessionId } = checked.target;
  const now = ctx.options.now();
  if (visitorId === undefined) return errorReply(400, now, 'vid is required in the query', InternalCode.invalidData);
  if (sessionId === undefined) return errorReply(400, now, 'sid is required in the query', InternalCode.invalidData);
  const report = checkedRequest(ctx, body, checkMonitorReportBody);
  if (!report.ok) return report.reply;

  const visitor = account.monitorVisitors.get(visitorId);
  if (visitor === undefined) return errorReply(404, now, 'Visitor id not found', InternalCode.invalidVisitor);
  const session = visitor.sessions.get(sessionId);
  if (session === undefined) return errorReply(404, now, 'Session id not found', InternalCode.invalidSession);
  const r = report.value;
  const pageId = r.pageId ?? ctx.ids.pageId();
  recordMonitorReport(ctx.state, session, {
    pageId,
    pageIdGenerated: r.pageId === undefined,
    ...(r.entryPoints === undefined ? {} : { entryPoints: r.entryPoints }),
    engagementAttributes: r.engagementAttributes,
    at: now,
  });
  return jsonReply(200, { sessionId, visitorId, pageId });
}
