/**
 * The CSDS (Domain API) lookup: every service of an account, or one.
 * Each listed service's baseURI is the emulator's own origin.
 *
 * @internal
 */
import { lookupAccount, type HandlerContext } from './context';
import { InternalCode } from './protocol';
import { errorReply, jsonReply, type Reply } from './reply';

/** A JSONP callback name a page may give: a JavaScript identifier, with dots for a member (`lpTag.cb1`), 1-100 characters. */
const CALLBACK = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * Answers `GET /api/account/{acc}/service[/{service}]/baseURI.json?version=1.0`.
 * With `cb` (JSONP, as pages load it with a `<script>`), the same answer,
 * status included, is a script calling `cb` with the JSON body.
 */
export function handleCsds(ctx: HandlerContext, accountId: string, service: string | undefined, query: URLSearchParams): Reply {
  const callback = query.get('cb');
  if (callback === null) return csdsReply(ctx, accountId, service, query);
  if (callback.length > 100 || !CALLBACK.test(callback)) return errorReply(400, ctx.options.now(), 'cb must be a JavaScript identifier (letters, digits, _ and $, dots between names), at most 100 characters', InternalCode.none);
  const reply = csdsReply(ctx, accountId, service, query);
  return { status: reply.status, headers: { ...reply.headers, 'Content-Type': 'application/javascript; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: `${callback}(${reply.body});` };
}

function csdsReply(ctx: HandlerContext, accountId: string, service: string | undefined, query: URLSearchParams): Reply {
  const found = lookupAccount(ctx, accountId);
  if (!found.ok) return found.reply;
  const now = ctx.options.now();
  if (query.get('version') !== '1.0') return errorReply(400, now, 'Illegal Version: version must be 1.0', InternalCode.illegalVersion);
  const entry = (name: string) => ({ service: name, account: accountId, baseURI: ctx.origin });
  if (service === undefined) return jsonReply(200, { baseURIs: ctx.options.csdsServices.map(entry) });
  if (!ctx.options.csdsServices.includes(service)) return errorReply(404, now, 'Service not found', InternalCode.none);
  return jsonReply(200, entry(service));
}
