/**
 * What every route handler gets: the state, the options, the id source and
 * the emulator's own origin.
 *
 * @internal
 */
import type { IdSource } from './ids';
import type { ResolvedOptions } from './options';
import type { AccountRecord, EmulatorState } from './state';
import { InternalCode } from './protocol';
import { errorReply, type Reply } from './reply';

/** The handlers' view of the emulator. */
export interface HandlerContext {
  readonly state: EmulatorState;
  readonly options: ResolvedOptions;
  readonly ids: IdSource;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
}

/** The account, or the 404 answer for an unknown one. */
export function lookupAccount(
  ctx: HandlerContext,
  accountId: string,
): { readonly ok: true; readonly account: AccountRecord } | { readonly ok: false; readonly reply: Reply } {
  const account = ctx.state.accounts.get(accountId);
  if (account !== undefined) return { ok: true, account };
  return { ok: false, reply: errorReply(404, ctx.options.now(), 'Account not found', InternalCode.internal) };
}
