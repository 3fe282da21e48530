/**
 * The body of a call as its checked request, or the 400 that refuses it:
 * the one rule every route of the emulator applies to what it was sent.
 *
 * @internal
 */
import type { RequestBody } from './body';
import type { HandlerContext } from './context';
import { InternalCode } from './protocol';
import { errorReply, type Reply } from './reply';
import { parseJsonWith, type Checked } from './validate';

/** The answer to a body over `maxBodyBytes`. */
export function tooLargeReply(ctx: HandlerContext): Reply {
  return errorReply(400, ctx.options.now(), `The body is larger than ${ctx.options.maxBodyBytes} bytes`, InternalCode.invalidData);
}

/**
 * The request `body` holds, checked by `check`; or 400/5: a body over
 * `maxBodyBytes`, or one `check` refuses (its problems joined). `empty`
 * stands in for a blank body where the route allows one.
 */
export function checkedRequest<A>(ctx: HandlerContext, body: RequestBody, check: (u: unknown) => Checked<A>, empty?: string): { readonly ok: true; readonly value: A } | { readonly ok: false; readonly reply: Reply } {
  if (body.kind === 'tooLarge') return { ok: false, reply: tooLargeReply(ctx) };
  const checked = parseJsonWith(empty !== undefined && body.text.trim() === '' ? empty : body.text, check);
  return checked.ok ? checked : { ok: false, reply: errorReply(400, ctx.options.now(), checked.problems.join('; '), InternalCode.invalidData) };
}
