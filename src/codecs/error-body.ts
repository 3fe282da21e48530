/**
 * LivePerson's error body `{ time, message, internalCode }`, read leniently:
 * whatever of it is there and well-typed is kept.
 *
 * @internal
 */
import type { ServerErrorBody } from '../model';
import { compact } from './primitives';

/** Reads an error body; `undefined` when the value is not an object. */
export function readServerError(body: unknown): ServerErrorBody | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  const time = typeof b['time'] === 'number' && Number.isFinite(b['time']) ? b['time'] : undefined;
  const message = typeof b['message'] === 'string' ? b['message'] : undefined;
  const internalCode = typeof b['internalCode'] === 'number' && Number.isInteger(b['internalCode']) ? b['internalCode'] : undefined;
  if (time === undefined && message === undefined && internalCode === undefined) return undefined;
  return compact<ServerErrorBody>({ time, message, internalCode });
}

/** internalCode of the 500 "Loading account" answer. */
export const LOADING_ACCOUNT_CODE = 20;

const VID_IN_MESSAGE = /\bvid:\s*([^\s,;]+)/i;

/**
 * The visitor id a "Loading account: {account}, vid: {vid}" message names,
 * so a retry can reuse it instead of creating another visitor.
 */
export function visitorIdFromMessage(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const m = VID_IN_MESSAGE.exec(message);
  const vid = m?.[1]?.replace(/[.)\]]+$/, '');
  return vid === undefined || vid === '' || vid === 'null' || vid === 'undefined' ? undefined : vid;
}
