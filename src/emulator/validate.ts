/**
 * Validation of Create Session and Update Session bodies, as the emulated
 * server does it. Pure. Messages name fields and kinds of values, never the
 * values themselves (except attribute type names the protocol defines).
 *
 * @internal
 */
import { isIP } from 'node:net';
import type { Attribute } from './attributes';
import { APP_TYPES, IMPRESSION_TYPES, SDE_TYPES, isPlainObject } from './protocol';

/** A valid result or the reasons it was refused. */
export type Checked<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly problems: ReadonlyArray<string> };

/** A Create Session body the emulator accepted. */
export interface CreateBody {
  readonly appType: string;
  readonly appDetails?: Readonly<Record<string, unknown>>;
  readonly consumerSections?: ReadonlyArray<string>;
  readonly engagementAttributes?: ReadonlyArray<Attribute>;
}

/** An Update Session body the emulator accepted. */
export interface UpdateBody {
  readonly pageId: string;
  readonly engagementAttributes: ReadonlyArray<Attribute>;
  readonly impAttributes: ReadonlyArray<Attribute>;
}

const SDES = new Set(SDE_TYPES);
const IMPRESSIONS = new Set(IMPRESSION_TYPES);
const DEVICE_FAMILIES = ['DESKTOP', 'TABLET', 'MOBILE'];
const OPERATING_SYSTEMS = ['WINDOWS', 'MAC_OSX', 'LINUX', 'IOS', 'ANDROID'];

/** Names the kind of a JSON value for a message (never the value). */
export function kindOf(u: unknown): string {
  if (u === null) return 'null';
  if (Array.isArray(u)) return 'an array';
  return typeof u === 'object' ? 'an object' : `a ${typeof u}`;
}

/** How deep a request body may nest (LivePerson's bodies nest 5 levels; deeper ones are refused with a 400). */
export const MAX_BODY_DEPTH = 64;

/** Whether `u` nests deeper than `max` levels: an iterative walk, so no depth can overflow the stack. */
function deeperThan(u: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[u, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) return true;
    for (const v of Object.values(value)) stack.push([v, depth + 1]);
  }
  return false;
}

/** Parses a request body as JSON, nested at most {@link MAX_BODY_DEPTH} levels. */
export function parseJson(text: string): Checked<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, problems: [text.trim().length === 0 ? 'the body is empty; expected a JSON object' : 'the body is not valid JSON'] };
  }
  return deeperThan(value, MAX_BODY_DEPTH) ? { ok: false, problems: [`the body is nested deeper than ${MAX_BODY_DEPTH} levels`] } : { ok: true, value };
}

/**
 * Checks an array of attributes: `sde` accepts engagement attributes only,
 * `impression` impression events only, `any` both (a Monitoring API report).
 */
export function checkAttributes(u: unknown, field: string, allowed: 'sde' | 'impression' | 'any', problems: string[]): Attribute[] | undefined {
  if (u === undefined || u === null) return undefined;
  if (!Array.isArray(u)) {
    problems.push(`${field}: expected an array of attribute objects, got ${kindOf(u)}`);
    return undefined;
  }
  u.forEach((item: unknown, i) => {
    const where = `${field}[${i}]`;
    if (!isPlainObject(item)) {
      problems.push(`${where}: expected an attribute object, got ${kindOf(item)}`);
      return;
    }
    const type = item['type'];
    if (typeof type !== 'string') problems.push(`${where}.type: expected a string, got ${kindOf(type)}`);
    else if (allowed === 'any') {
      if (!SDES.has(type) && !IMPRESSIONS.has(type)) problems.push(`${where}.type: unknown engagement attribute or impression event type`);
    } else if (allowed === 'sde' && IMPRESSIONS.has(type)) {
      problems.push(`${where}.type: impression event ${type} is not allowed in ${field}; send it in impAttributes of Update Session`);
    } else if (allowed === 'impression' && SDES.has(type)) {
      problems.push(`${where}.type: ${type} is not an impression event; send it in engagementAttributes`);
    } else if (!(allowed === 'sde' ? SDES : IMPRESSIONS).has(type)) {
      problems.push(`${where}.type: unknown ${allowed === 'sde' ? 'engagement attribute' : 'impression event'} type`);
    }
  });
  return u as Attribute[];
}

/** Checks the device description (`appDetails`; `clientProperties` in the Monitoring API). */
export function checkAppDetails(u: unknown, problems: string[], field = 'appDetails'): Record<string, unknown> | undefined {
  if (u === undefined || u === null) return undefined;
  if (!isPlainObject(u)) {
    problems.push(`${field}: expected an object, got ${kindOf(u)}`);
    return undefined;
  }
  for (const key of ['appVersion', 'osVersion'] as const) {
    if (u[key] !== undefined && u[key] !== null && typeof u[key] !== 'string') problems.push(`${field}.${key}: expected a string, got ${kindOf(u[key])}`);
  }
  const enumField = (key: string, values: ReadonlyArray<string>): void => {
    const v = u[key];
    if (v !== undefined && v !== null && (typeof v !== 'string' || !values.includes(v))) {
      problems.push(`${field}.${key}: expected one of ${values.join(', ')}`);
    }
  };
  enumField('deviceFamily', DEVICE_FAMILIES);
  enumField('os', OPERATING_SYSTEMS);
  const ip = u['ipAddress'];
  if (ip !== undefined && ip !== null && (typeof ip !== 'string' || isIP(ip) === 0)) {
    problems.push(`${field}.ipAddress: expected an IPv4 or IPv6 address`);
  }
  return u;
}

/** A body parsed as JSON and then checked by `check`: the first step's problems, or the second's. */
export function parseJsonWith<A>(text: string, check: (body: unknown) => Checked<A>): Checked<A> {
  const parsed = parseJson(text);
  return parsed.ok ? check(parsed.value) : parsed;
}

/** Checks an optional array of strings. */
export function checkStrings(u: unknown, field: string, problems: string[]): string[] | undefined {
  if (u === undefined || u === null) return undefined;
  if (!Array.isArray(u)) {
    problems.push(`${field}: expected an array of strings, got ${kindOf(u)}`);
    return undefined;
  }
  u.forEach((s: unknown, i) => {
    if (typeof s !== 'string') problems.push(`${field}[${i}]: expected a string, got ${kindOf(s)}`);
  });
  return u as string[];
}

/** Validates a parsed Create Session body. */
export function checkCreateBody(body: unknown): Checked<CreateBody> {
  if (!isPlainObject(body)) return { ok: false, problems: [`expected a JSON object, got ${kindOf(body)}`] };
  const problems: string[] = [];
  const appType = body['appType'];
  if (appType === undefined || appType === null) problems.push(`appType: required, one of ${APP_TYPES.join(', ')}`);
  else if (typeof appType !== 'string' || !APP_TYPES.includes(appType)) problems.push(`appType: expected one of ${APP_TYPES.join(', ')}`);
  const appDetails = checkAppDetails(body['appDetails'], problems);
  const consumerSections = checkStrings(body['consumerSections'], 'consumerSections', problems);
  const engagementAttributes = checkAttributes(body['engagementAttributes'], 'engagementAttributes', 'sde', problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      appType: appType as string,
      ...(appDetails === undefined ? {} : { appDetails }),
      ...(consumerSections === undefined ? {} : { consumerSections }),
      ...(engagementAttributes === undefined ? {} : { engagementAttributes }),
    },
  };
}

/** Validates a parsed Update Session body. */
export function checkUpdateBody(body: unknown): Checked<UpdateBody> {
  if (!isPlainObject(body)) return { ok: false, problems: [`expected a JSON object, got ${kindOf(body)}`] };
  const problems: string[] = [];
  const pageId = body['pageId'];
  if (pageId === undefined || pageId === null) problems.push('pageId: required');
  else if (typeof pageId !== 'string' || pageId.length === 0) problems.push(`pageId: expected a non-empty string, got ${kindOf(pageId)}`);
  const engagementAttributes = checkAttributes(body['engagementAttributes'], 'engagementAttributes', 'sde', problems);
  const impAttributes = checkAttributes(body['impAttributes'], 'impAttributes', 'impression', problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { pageId: pageId as string, engagementAttributes: engagementAttributes ?? [], impAttributes: impAttributes ?? [] } };
}
