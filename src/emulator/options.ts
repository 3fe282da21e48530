/**
 * The emulator's defaults and the validation of {@link EmulatorOptions}.
 * Pure: no server, no I/O.
 *
 * @packageDocumentation
 */
import { isIP } from 'node:net';
import { ACCOUNT_ID_PATTERN, DEFAULT_CSDS_SERVICES, VISITOR_OR_SESSION_ID_PATTERN, isPlainObject } from './protocol';
import type { EmulatorAvailability, EmulatorEngagement, EmulatorOptions } from './types';

/**
 * The availability the emulator starts with when `availability` is not given:
 *
 * | section | engagement | skill |
 * |---|---|---|
 * | `Support` | 3562981110 (the seed page's) | 23 `TestSkill`, online |
 * | `Sales` | 3562981120 | 23 `TestSkill`, online |
 * | `Billing` | 3562981130 | 42 `Billing`, **offline** |
 * | any other / none | 3562981100 (default engagement) | 23 `TestSkill`, online |
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({
 *   availability: { ...defaultAvailability, defaultEngagement: null }, // unknown sections: NotAvailable
 * });
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export const defaultAvailability: EmulatorAvailability = Object.freeze({
  skills: Object.freeze([
    Object.freeze({ id: 23, name: 'TestSkill', online: true }),
    Object.freeze({ id: 42, name: 'Billing', online: false }),
  ]),
  engagements: Object.freeze({
    Support: Object.freeze({ skill: 23, engagementId: '3562981110' }),
    Sales: Object.freeze({ skill: 23, engagementId: '3562981120' }),
    Billing: Object.freeze({ skill: 42, campaignId: '3346848620', engagementId: '3562981130', windowId: '3346847920' }),
  }),
  defaultEngagement: Object.freeze({ skill: 23, engagementId: '3562981100' }),
});

/** The seed page's example values, used for every engagement field not given. @internal */
export const ENGAGEMENT_DEFAULTS = {
  campaignId: '3346848610',
  engagementId: '3562981110',
  windowId: '3346847910',
  language: 'en-US',
  engagementRevision: 44,
} as const;

/** An engagement with every field filled in and its skill resolved. @internal */
export interface ResolvedEngagement {
  readonly skillKey: string;
  readonly campaignId: string;
  readonly engagementId: string;
  readonly windowId: string;
  readonly language: string;
  readonly engagementRevision: number;
  readonly connectorId?: string;
}

/** A skill with its id as the key the emulator uses (`String(id)`). @internal */
export interface ResolvedSkill {
  readonly key: string;
  readonly id: number | string;
  readonly name: string;
  readonly online: boolean;
}

/** Options after defaults and validation. @internal */
export interface ResolvedOptions {
  readonly host: string;
  readonly port: number;
  readonly accountId: string;
  /** Every account, the default first, no duplicates. */
  readonly accounts: ReadonlyArray<string>;
  /** The Monitoring API app installation id accepted. */
  readonly appInstallationId: string;
  readonly skills: ReadonlyArray<ResolvedSkill>;
  readonly engagements: ReadonlyMap<string, ResolvedEngagement>;
  readonly defaultEngagement: ResolvedEngagement | undefined;
  readonly validForSeconds: number;
  readonly loadingAccountCalls: number;
  readonly latencyMs: number;
  readonly updateSessionFailureRate: number;
  readonly maxBodyBytes: number;
  readonly corsOrigins: 'loopback' | 'any' | ReadonlyArray<string>;
  readonly csdsServices: ReadonlyArray<string>;
  readonly numericEngagementIds: boolean;
  readonly random: () => number;
  /** `undefined`: use the built-in sleeper that `close()` cancels. */
  readonly sleep: ((ms: number) => Promise<void>) | undefined;
  readonly now: () => number;
}

/** Either resolved options or every problem found. @internal */
export type OptionsResult = { readonly ok: true; readonly value: ResolvedOptions } | { readonly ok: false; readonly problems: ReadonlyArray<string> };

/** Default `appInstallationId` (Monitoring API). @internal */
export const DEFAULT_APP_INSTALLATION_ID = 'emulator-app';

/** Default `maxBodyBytes`: 64 KiB. @internal */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const OPTION_KEYS = new Set([
  'host',
  'allowExternal',
  'port',
  'accountId',
  'accounts',
  'appInstallationId',
  'availability',
  'validForSeconds',
  'loadingAccountCalls',
  'latencyMs',
  'updateSessionFailureRate',
  'maxBodyBytes',
  'corsOrigins',
  'csdsServices',
  'numericEngagementIds',
  'random',
  'sleep',
  'now',
]);

/** Whether `u` is a bare origin (`scheme://host[:port]`, nothing after it). */
function isOrigin(u: string): boolean {
  try {
    return new URL(u).origin === u;
  } catch {
    return false;
  }
}

/**
 * Whether a page of `origin` (a request's `Origin` header) gets CORS access
 * under `policy`.
 *
 * @internal
 */
export function corsAllows(policy: ResolvedOptions['corsOrigins'], origin: string): boolean {
  if (policy === 'any') return true;
  if (policy !== 'loopback') return policy.includes(origin);
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Whether `host` is a loopback name or address: `localhost`, `127.0.0.0/8`,
 * `::1` or an IPv4-mapped `::ffff:127.x.y.z`.
 *
 * @example
 * ```ts
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('0.0.0.0');   // false
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) {
    if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    return mapped?.[1] !== undefined && mapped[1].startsWith('127.');
  }
  return false;
}

function isNonNegativeInteger(u: unknown): u is number {
  return typeof u === 'number' && Number.isInteger(u) && u >= 0;
}

function isNonEmptyString(u: unknown): u is string {
  return typeof u === 'string' && u.trim().length > 0;
}

const DIGITS = /^\d{1,18}$/;

function resolveSkills(input: unknown, problems: string[]): ResolvedSkill[] {
  if (!Array.isArray(input)) {
    problems.push('availability.skills must be an array of { id, name, online }');
    return [];
  }
  const out: ResolvedSkill[] = [];
  const keys = new Set<string>();
  const names = new Set<string>();
  input.forEach((raw: unknown, i) => {
    const where = `availability.skills[${i}]`;
    if (!isPlainObject(raw)) {
      problems.push(`${where} must be an object { id, name, online }`);
      return;
    }
    const { id, name, online } = raw;
    const idOk = (typeof id === 'number' && Number.isFinite(id)) || isNonEmptyString(id);
    if (!idOk) problems.push(`${where}.id must be a finite number or a non-empty string`);
    if (!isNonEmptyString(name)) problems.push(`${where}.name must be a non-empty string`);
    if (typeof online !== 'boolean') problems.push(`${where}.online must be a boolean`);
    if (!idOk || !isNonEmptyString(name) || typeof online !== 'boolean') return;
    const key = String(id);
    if (keys.has(key)) problems.push(`${where}.id ${key} is used twice`);
    if (names.has(name)) problems.push(`${where}.name ${name} is used twice`);
    keys.add(key);
    names.add(name);
    out.push({ key, id: id as number | string, name, online });
  });
  return out;
}

/** Finds a skill by id (number or its string form) first, then by name. @internal */
export function findSkill(skills: ReadonlyArray<ResolvedSkill>, ref: number | string): ResolvedSkill | undefined {
  const key = String(ref);
  return skills.find((s) => s.key === key) ?? skills.find((s) => s.name === key);
}

function resolveEngagement(
  raw: unknown,
  where: string,
  skills: ReadonlyArray<ResolvedSkill>,
  numericIds: boolean,
  problems: string[],
): ResolvedEngagement | undefined {
  if (!isPlainObject(raw)) {
    problems.push(`${where} must be an engagement object { skill, ... }`);
    return undefined;
  }
  const before = problems.length;
  const e = raw as Partial<EmulatorEngagement> & Record<string, unknown>;
  const skillRef = e.skill;
  let skill: ResolvedSkill | undefined;
  if (typeof skillRef !== 'number' && typeof skillRef !== 'string') {
    problems.push(`${where}.skill must name a skill by id or name`);
  } else {
    skill = findSkill(skills, skillRef);
    if (skill === undefined) problems.push(`${where}.skill ${String(skillRef)} is not one of availability.skills`);
  }
  const idField = (field: 'campaignId' | 'engagementId' | 'windowId'): string => {
    const value = e[field];
    if (value === undefined) return ENGAGEMENT_DEFAULTS[field];
    if (!isNonEmptyString(value)) {
      problems.push(`${where}.${field} must be a non-empty string`);
      return '';
    }
    if (numericIds && !DIGITS.test(value)) problems.push(`${where}.${field} must be digits when numericEngagementIds is set`);
    return value;
  };
  const campaignId = idField('campaignId');
  const engagementId = idField('engagementId');
  const windowId = idField('windowId');
  const language = e.language ?? ENGAGEMENT_DEFAULTS.language;
  if (!isNonEmptyString(language)) problems.push(`${where}.language must be a non-empty string`);
  const engagementRevision = e.engagementRevision ?? ENGAGEMENT_DEFAULTS.engagementRevision;
  if (!isNonNegativeInteger(engagementRevision)) problems.push(`${where}.engagementRevision must be a non-negative integer`);
  if (e.connectorId !== undefined && !isNonEmptyString(e.connectorId)) problems.push(`${where}.connectorId must be a non-empty string`);
  if (problems.length > before || skill === undefined) return undefined;
  return {
    skillKey: skill.key,
    campaignId,
    engagementId,
    windowId,
    language: language as string,
    engagementRevision: engagementRevision as number,
    ...(e.connectorId === undefined ? {} : { connectorId: e.connectorId }),
  };
}

/**
 * Applies the defaults to `options` and checks every field. Never throws.
 * Used by `startEmulator`; not part of the package's public names.
 * @since 0.1.0
 */
export function resolveOptions(options: EmulatorOptions | undefined): OptionsResult {
  const problems: string[] = [];
  if (options !== undefined && !isPlainObject(options)) return { ok: false, problems: ['options must be an object'] };
  const o: EmulatorOptions = options ?? {};
  for (const key of Object.keys(o)) if (!OPTION_KEYS.has(key)) problems.push(`unknown option ${key}`);

  const host = o.host ?? '127.0.0.1';
  if (!isNonEmptyString(host)) problems.push('host must be a non-empty string');
  else if (o.allowExternal !== true && !isLoopbackHost(host)) {
    problems.push(`host ${host} is not a loopback address; the emulator refuses to listen on it unless allowExternal is true`);
  }
  if (o.allowExternal !== undefined && typeof o.allowExternal !== 'boolean') problems.push('allowExternal must be a boolean');

  const port = o.port ?? 0;
  if (!isNonNegativeInteger(port) || port > 65535) problems.push('port must be an integer from 0 to 65535');

  const accountId = o.accountId ?? '12345678';
  const accounts: string[] = [];
  for (const [i, acc] of [accountId, ...(Array.isArray(o.accounts) ? o.accounts : [])].entries()) {
    if (typeof acc !== 'string' || !ACCOUNT_ID_PATTERN.test(acc)) {
      problems.push(`${i === 0 ? 'accountId' : `accounts[${i - 1}]`} must match ${ACCOUNT_ID_PATTERN.source}`);
    } else if (!accounts.includes(acc)) accounts.push(acc);
  }
  if (o.accounts !== undefined && !Array.isArray(o.accounts)) problems.push('accounts must be an array of account ids');
  const appInstallationId = o.appInstallationId ?? DEFAULT_APP_INSTALLATION_ID;
  if (typeof appInstallationId !== 'string' || !VISITOR_OR_SESSION_ID_PATTERN.test(appInstallationId)) {
    problems.push(`appInstallationId must match ${VISITOR_OR_SESSION_ID_PATTERN.source}`);
  }

  const numericEngagementIds = o.numericEngagementIds ?? false;
  if (typeof numericEngagementIds !== 'boolean') problems.push('numericEngagementIds must be a boolean');

  let skills: ResolvedSkill[] = [];
  const engagements = new Map<string, ResolvedEngagement>();
  let defaultEngagement: ResolvedEngagement | undefined;
  if (o.availability !== undefined && !isPlainObject(o.availability)) {
    problems.push('availability must be an object { skills, engagements, defaultEngagement }');
  } else {
    const a = { ...defaultAvailability, ...(o.availability ?? {}) };
    skills = resolveSkills(a.skills, problems);
    if (!isPlainObject(a.engagements)) problems.push('availability.engagements must be an object keyed by consumer section');
    else {
      for (const [section, raw] of Object.entries(a.engagements)) {
        if (section.length === 0) problems.push('availability.engagements has an empty section name');
        const resolved = resolveEngagement(raw, `availability.engagements[${JSON.stringify(section)}]`, skills, numericEngagementIds === true, problems);
        if (resolved !== undefined) engagements.set(section, resolved);
      }
    }
    if (a.defaultEngagement !== null) {
      defaultEngagement = resolveEngagement(a.defaultEngagement, 'availability.defaultEngagement', skills, numericEngagementIds === true, problems);
    }
  }

  const validForSeconds = o.validForSeconds ?? 900;
  if (!isNonNegativeInteger(validForSeconds) || validForSeconds === 0) problems.push('validForSeconds must be a positive integer');
  const loadingAccountCalls = o.loadingAccountCalls ?? 0;
  if (!isNonNegativeInteger(loadingAccountCalls)) problems.push('loadingAccountCalls must be a non-negative integer');
  const latencyMs = o.latencyMs ?? 0;
  if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0) problems.push('latencyMs must be a finite number >= 0');
  const updateSessionFailureRate = o.updateSessionFailureRate ?? 0;
  if (typeof updateSessionFailureRate !== 'number' || !(updateSessionFailureRate >= 0 && updateSessionFailureRate <= 1)) {
    problems.push('updateSessionFailureRate must be a number from 0 to 1');
  }
  const maxBodyBytes = o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!isNonNegativeInteger(maxBodyBytes) || maxBodyBytes === 0) problems.push('maxBodyBytes must be a positive integer');

  const corsOrigins = o.corsOrigins ?? 'loopback';
  if (corsOrigins !== 'loopback' && corsOrigins !== 'any' && !(Array.isArray(corsOrigins) && corsOrigins.every((c) => typeof c === 'string' && isOrigin(c)))) {
    problems.push("corsOrigins must be 'loopback', 'any' or an array of origins such as https://app.example");
  }

  const csdsServices = o.csdsServices ?? DEFAULT_CSDS_SERVICES;
  if (!Array.isArray(csdsServices) || !csdsServices.every((s) => isNonEmptyString(s) && /^[A-Za-z0-9_.-]+$/.test(s))) {
    problems.push('csdsServices must be an array of service names (letters, digits, _ . -)');
  }

  for (const fn of ['random', 'sleep', 'now'] as const) {
    if (o[fn] !== undefined && typeof o[fn] !== 'function') problems.push(`${fn} must be a function`);
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      host,
      port,
      accountId,
      accounts,
      appInstallationId,
      skills,
      engagements,
      defaultEngagement,
      validForSeconds,
      loadingAccountCalls,
      latencyMs,
      updateSessionFailureRate,
      maxBodyBytes,
      corsOrigins,
      csdsServices: [...new Set(csdsServices)],
      numericEngagementIds,
      random: o.random ?? Math.random,
      sleep: o.sleep,
      now: o.now ?? Date.now,
    },
  };
}
