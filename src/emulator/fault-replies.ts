/**
 * The answers of the faults that replace a normal answer (`status`,
 * `malformed`, `loadingAccount`). `reset`, `latency` and `slowBody` change
 * how an answer is delivered and are played by the server.
 *
 * @internal
 */
import type { HandlerContext } from './context';
import { createSessionLoadingFault, loadingAccountReply } from './create-session';
import { InternalCode, VISITOR_OR_SESSION_ID_PATTERN } from './protocol';
import { errorReply, jsonReply, type Reply } from './reply';
import type { Route } from './router';
import type { Fault } from './types';

/** The body a `malformed` fault sends: a JSON answer cut short. */
export const MALFORMED_BODY = '{"status":"Available","sessionId":"S1abc","visitorId":';

const NO_BODY = new Set([204, 205, 304]);

/** The answer of a `status` fault. */
export function statusFaultReply(ctx: HandlerContext, fault: Extract<Fault, { kind: 'status' }>): Reply {
  const headers = fault.headers ?? {};
  if (NO_BODY.has(fault.status)) return { status: fault.status, headers, body: '' };
  if (fault.body === undefined) return errorReply(fault.status, ctx.options.now(), `Emulated fault: HTTP ${fault.status}`, InternalCode.none, headers);
  if (typeof fault.body === 'string') return { status: fault.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body: fault.body };
  return jsonReply(fault.status, fault.body, headers);
}

/** The answer of a replacing fault on `route`. */
export function faultReply(ctx: HandlerContext, fault: Extract<Fault, { kind: 'status' | 'malformed' | 'loadingAccount' }>, route: Route): Reply {
  switch (fault.kind) {
    case 'status':
      return statusFaultReply(ctx, fault);
    case 'malformed':
      return { status: 200, headers: { 'Content-Type': 'application/json' }, body: MALFORMED_BODY };
    case 'loadingAccount':
      if (route.kind === 'createSession') return createSessionLoadingFault(ctx, route.accountId, route.visitorId);
      if (route.kind === 'updateSession') {
        const vid = route.visitorId !== null && VISITOR_OR_SESSION_ID_PATTERN.test(route.visitorId) ? route.visitorId : undefined;
        return loadingAccountReply(ctx, route.accountId, vid);
      }
      if (route.kind === 'monitorEngagement' || route.kind === 'monitorReport') {
        const vid = route.query.get('vid');
        return loadingAccountReply(ctx, route.accountId, vid !== null && VISITOR_OR_SESSION_ID_PATTERN.test(vid) ? vid : undefined);
      }
      return loadingAccountReply(ctx, route.kind === 'csds' ? route.accountId : '', undefined);
  }
}
