/**
 * The CSDS (Domain API) lookup: every service of an account, or one.
 * Each listed service's baseURI is the emulator's own origin.
 *
 * @internal
 */
import { lookupAccount, type HandlerContext } from './context';
import { InternalCode } from './protocol';
import { errorReply, jsonReply, type Reply } from './reply';

/** Answers `GET /api/account/{acc}/service[/{service}]/baseURI.json?version=1.0`. */
export function handleCsds(ctx: HandlerContext, accountId: string, service: string | undefined, query: URLSearchParams): Reply {
  const found = lookupAccount(ctx, accountId);
  if (!found.ok) return found.reply;
  const now = ctx.options.now();
  if (query.get('version') !== '1.0') return errorReply(400, now, 'Illegal Version: version must be 1.0', InternalCode.illegalVersion);
  const entry = (name: string) => ({ service: name, account: accountId, baseURI: ctx.origin });
  if (service === undefined) return jsonReply(200, { baseURIs: ctx.options.csdsServices.map(entry) });
  if (!ctx.options.csdsServices.includes(service)) return errorReply(404, now, 'Service not found', InternalCode.none);
  return jsonReply(200, entry(service));
}
