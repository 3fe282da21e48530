/**
 * A Lua script run through a {@link RedisPort}: `EVALSHA` first, `EVAL`
 * when the server does not know the script yet, and a time limit so a
 * client that queues commands while Redis is away cannot hold a check.
 *
 * @internal
 */
import { createHash } from 'node:crypto';
import type { RedisPort } from './port';

/** A script and its SHA-1 (the name `EVALSHA` knows it by). */
export interface LuaScript {
  readonly source: string;
  readonly sha1: string;
}

export const luaScript = (source: string): LuaScript => ({ source, sha1: createHash('sha1').update(source).digest('hex') });

/** The error a Redis call that did not answer within its time limit rejects with. */
export class RedisTimeoutError extends Error {
  override readonly name = 'RedisTimeout';
  readonly code = 'RedisTimeout';
}

const noScript = (e: unknown): boolean => {
  try {
    return String((e as { message?: unknown } | null)?.message ?? '').startsWith('NOSCRIPT');
  } catch {
    return false;
  }
};

/** Calls `f`, turning a throw into a rejected Promise. */
const called = (f: () => Promise<unknown>): Promise<unknown> => {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e);
  }
};

/** Runs `script` (EVALSHA, then EVAL on NOSCRIPT); rejects with a {@link RedisTimeoutError} after `timeoutMs`. */
export function runScript(port: RedisPort, script: LuaScript, keys: ReadonlyArray<string>, args: ReadonlyArray<string>, timeoutMs: number): Promise<unknown> {
  const run = called(() => port.evalSha(script.sha1, keys, args)).catch((e: unknown) => (noScript(e) ? called(() => port.eval(script.source, keys, args)) : Promise.reject(e)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(`no answer from Redis within ${timeoutMs} ms`)), timeoutMs);
    timer.unref?.();
  });
  return Promise.race([run, late]).finally(() => clearTimeout(timer));
}
