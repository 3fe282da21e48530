/**
 * The checks Create Session and Update Session share on the path and query:
 * known account, `v=1.0`, well-formed `vid` and `sid`.
 *
 * @internal
 */
import { lookupAccount, type HandlerContext } from './context';
import { InternalCode, VISITOR_OR_SESSION_ID_PATTERN } from './protocol';
import { errorReply, type Reply } from './reply';
import type { AccountRecord } from './state';

/** The account and ids of a call (App Engagement or the Monitoring API); `undefined` ids were not sent. */
export interface EngagementTarget {
  readonly account: AccountRecord;
  readonly visitorId: string | undefined;
  readonly sessionId: string | undefined;
}

/** Checks the path and query; a well-formed target or the answer that refuses it. */
export function checkEngagementPath(
  ctx: HandlerContext,
  accountId: string,
  rawVisitorId: string | null,
  query: URLSearchParams,
): { readonly ok: true; readonly target: EngagementTarget } | { readonly ok: false; readonly reply: Reply } {
  const found = lookupAccount(ctx, accountId);
  if (!found.ok) return found;
  const now = ctx.options.now();
  if (query.get('v') !== '1.0') return { ok: false, reply: errorReply(400, now, 'Illegal Version', InternalCode.illegalVersion) };
  if (rawVisitorId === null || (rawVisitorId !== '' && !VISITOR_OR_SESSION_ID_PATTERN.test(rawVisitorId))) {
    return { ok: false, reply: errorReply(401, now, 'Invalid visitorId', InternalCode.invalidVisitor) };
  }
  const rawSid = query.get('sid');
  if (rawSid !== null && rawSid !== '' && !VISITOR_OR_SESSION_ID_PATTERN.test(rawSid)) {
    return { ok: false, reply: errorReply(401, now, 'Invalid sessionId', InternalCode.invalidSession) };
  }
  return {
    ok: true,
    target: {
      account: found.account,
      visitorId: rawVisitorId === '' ? undefined : rawVisitorId,
      sessionId: rawSid === null || rawSid === '' ? undefined : rawSid,
    },
  };
}
