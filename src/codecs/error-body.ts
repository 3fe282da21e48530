/**
 * LivePerson's error body `{ time, message, internalCode }`, read leniently:
 * whatever of it is there and well-typed is kept.
 *
 * @internal
 */
import type { ServerErrorBody } from '../model';
import { isRecord } from '../internal/validation';
import { compact, isIdToken } from './primitives';

/** Reads an error body; `undefined` when the value is not an object or holds none of the three fields. */
export function readServerError(body: unknown): ServerErrorBody | undefined {
  if (!isRecord(body)) return undefined;
  const { time, message, internalCode } = body;
  const read = compact<ServerErrorBody>({
    time: Number.isFinite(time) ? (time as number) : undefined,
    message: typeof message === 'string' ? message : undefined,
    internalCode: Number.isInteger(internalCode) ? (internalCode as number) : undefined,
  });
  return Object.keys(read).length > 0 ? read : undefined;
}

/** internalCode of the 500 "Loading account" answer. */
export const LOADING_ACCOUNT_CODE = 20;

/**
 * The visitor id a "Loading account: {account}, vid: {vid}" message names,
 * so a retry can reuse it instead of creating another visitor.
 */
export function visitorIdFromMessage(message: string | undefined): string | undefined {
  const vid = /\bvid:\s*([^\s,;]+)/i.exec(message ?? '')?.[1]?.replace(/[.)\]]+$/, '');
  return vid === undefined || vid === 'null' || vid === 'undefined' || !isIdToken(vid) ? undefined : vid;
}
