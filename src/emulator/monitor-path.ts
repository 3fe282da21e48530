/**
 * The checks both Monitoring API calls share on the path and query: known
 * account, known app installation id, `v=1.0`, well-formed `vid`, `sid` and
 * `obh`. Every refusal is an error body naming the field.
 *
 * @internal
 */
import { lookupAccount, type HandlerContext } from './context';
import { InternalCode, VISITOR_OR_SESSION_ID_PATTERN } from './protocol';
import { errorReply, type Reply } from './reply';
import type { EngagementTarget } from './engagement-path';


function optionalId(query: URLSearchParams, name: 'vid' | 'sid'): { readonly ok: true; readonly id: string | undefined } | { readonly ok: false } {
  const raw = query.get(name);
  if (raw === null || raw === '') return { ok: true, id: undefined };
  return VISITOR_OR_SESSION_ID_PATTERN.test(raw) ? { ok: true, id: raw } : { ok: false };
}

/** Checks the path and query of a Monitoring call; a well-formed target or the answer that refuses it. */
export function checkMonitorPath(
  ctx: HandlerContext,
  accountId: string,
  appInstallationId: string | null,
  query: URLSearchParams,
): { readonly ok: true; readonly target: EngagementTarget } | { readonly ok: false; readonly reply: Reply } {
  const found = lookupAccount(ctx, accountId);
  if (!found.ok) return found;
  const now = ctx.options.now();
  const refuse = (status: number, message: string, code: number): { readonly ok: false; readonly reply: Reply } => ({
    ok: false,
    reply: errorReply(status, now, message, code),
  });
  if (appInstallationId !== ctx.options.appInstallationId) return refuse(404, 'App installation id not found', InternalCode.internal);
  if (query.get('v') !== '1.0') return refuse(400, 'Unsupported API version: v must be 1.0', InternalCode.illegalVersion);
  const vid = optionalId(query, 'vid');
  if (!vid.ok) return refuse(400, `vid: expected an id matching ${VISITOR_OR_SESSION_ID_PATTERN.source}`, InternalCode.invalidData);
  const sid = optionalId(query, 'sid');
  if (!sid.ok) return refuse(400, `sid: expected an id matching ${VISITOR_OR_SESSION_ID_PATTERN.source}`, InternalCode.invalidData);
  const obh = query.get('obh');
  if (obh !== null && obh !== 'true' && obh !== 'false') return refuse(400, 'obh: expected true or false', InternalCode.invalidData);
  return { ok: true, target: { account: found.account, visitorId: vid.id, sessionId: sid.id } };
}
