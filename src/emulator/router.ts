/**
 * Maps a request line (method, target, method-override header) to a route.
 * Pure; never throws, whatever the input.
 *
 * Paths served:
 * - `GET /api/account/{acc}/service/baseURI.json` (CSDS, every service);
 * - `GET /api/account/{acc}/service/{service}/baseURI.json` (CSDS, one service);
 * - `POST /api/account/{acc}/app/engagement/visitors/{vid}` (Create Session; `{vid}` may be empty);
 * - `PUT` on the same path, or `POST` with `X-HTTP-Method-Override: PUT` (Update Session);
 * - `POST /api/account/{acc}/app/{appInstallationId}/engagement` (Monitoring API engagement check);
 * - `PUT /api/account/{acc}/app/{appInstallationId}/report`, or `POST` with the PUT override (Monitoring API report).
 *
 * @internal
 */
import type { EmulatorOperation } from './types';

/** Where a request goes. */
export type Route =
  | { readonly kind: 'preflight' }
  | { readonly kind: 'csds'; readonly accountId: string; readonly service: string | undefined; readonly query: URLSearchParams }
  | {
      readonly kind: 'createSession' | 'updateSession';
      readonly accountId: string;
      /** `''` when the segment is empty; `null` when it cannot be percent-decoded. */
      readonly visitorId: string | null;
      readonly query: URLSearchParams;
    }
  | {
      readonly kind: 'monitorEngagement' | 'monitorReport';
      readonly accountId: string;
      /** `null` when the segment cannot be percent-decoded. */
      readonly appInstallationId: string | null;
      readonly query: URLSearchParams;
    }
  | { readonly kind: 'methodNotAllowed'; readonly allow: string }
  | { readonly kind: 'notFound' };

/** The operation a route is a call of, if any. */
export function operationOf(route: Route): EmulatorOperation | undefined {
  switch (route.kind) {
    case 'csds':
    case 'createSession':
    case 'updateSession':
    case 'monitorEngagement':
    case 'monitorReport':
      return route.kind;
    default:
      return undefined;
  }
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Splits a request target into a path and a query; absolute-form targets keep only their path and query. */
export function splitTarget(target: string): { readonly path: string; readonly query: URLSearchParams } | undefined {
  let t = target;
  if (!t.startsWith('/')) {
    if (!/^https?:\/\//i.test(t)) return undefined;
    try {
      const u = new URL(t);
      t = `${u.pathname}${u.search}`;
    } catch {
      return undefined;
    }
  }
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  const q = t.indexOf('?');
  return { path: q >= 0 ? t.slice(0, q) : t, query: new URLSearchParams(q >= 0 ? t.slice(q + 1) : '') };
}

const ENGAGEMENT_ALLOW = 'POST, PUT, OPTIONS';
const CSDS_ALLOW = 'GET, OPTIONS';
const MONITOR_ENGAGEMENT_ALLOW = 'POST, OPTIONS';
const MONITOR_REPORT_ALLOW = 'PUT, POST, OPTIONS';

/** The method a POST asks for with `X-HTTP-Method-Override` (`POST` when none). */
function overridden(m: string, methodOverride: string | undefined): string {
  if (m !== 'POST') return m;
  const override = (methodOverride ?? '').trim().toUpperCase();
  return override === '' ? 'POST' : override;
}

/** Finds the route of a request. */
export function matchRoute(method: string | undefined, target: string | undefined, methodOverride: string | undefined): Route {
  const m = (method ?? '').toUpperCase();
  if (m === 'OPTIONS') return { kind: 'preflight' };
  const split = splitTarget(target ?? '');
  if (split === undefined) return { kind: 'notFound' };
  const segments = split.path.split('/');
  // ['', 'api', 'account', acc, ...rest]
  if (segments.length < 5 || segments[0] !== '' || segments[1] !== 'api' || segments[2] !== 'account') return { kind: 'notFound' };
  const rawAccount = segments[3] ?? '';
  const accountId = decode(rawAccount) ?? rawAccount;
  const rest = segments.slice(4);

  if (rest[0] === 'service') {
    const isAll = rest.length === 2 && rest[1] === 'baseURI.json';
    const isOne = rest.length === 3 && rest[2] === 'baseURI.json' && (rest[1] ?? '') !== '';
    if (!isAll && !isOne) return { kind: 'notFound' };
    if (m !== 'GET') return { kind: 'methodNotAllowed', allow: CSDS_ALLOW };
    return { kind: 'csds', accountId, service: isOne ? (decode(rest[1] ?? '') ?? '') : undefined, query: split.query };
  }

  if (rest[0] === 'app' && rest[1] === 'engagement' && rest[2] === 'visitors' && rest.length <= 4) {
    const visitorId = rest.length === 4 ? decode(rest[3] ?? '') : '';
    const wanted = overridden(m, methodOverride);
    const kind = wanted === 'PUT' ? 'updateSession' : wanted === 'POST' ? 'createSession' : undefined;
    if (kind === undefined) return { kind: 'methodNotAllowed', allow: ENGAGEMENT_ALLOW };
    return { kind, accountId, visitorId, query: split.query };
  }

  if (rest[0] === 'app' && rest.length === 3 && (rest[2] === 'engagement' || rest[2] === 'report') && (rest[1] ?? '') !== '') {
    const appInstallationId = decode(rest[1] ?? '');
    const wanted = overridden(m, methodOverride);
    if (rest[2] === 'engagement') {
      if (m !== 'POST' || wanted !== 'POST') return { kind: 'methodNotAllowed', allow: MONITOR_ENGAGEMENT_ALLOW };
      return { kind: 'monitorEngagement', accountId, appInstallationId, query: split.query };
    }
    if (wanted !== 'PUT') return { kind: 'methodNotAllowed', allow: MONITOR_REPORT_ALLOW };
    return { kind: 'monitorReport', accountId, appInstallationId, query: split.query };
  }
  return { kind: 'notFound' };
}
