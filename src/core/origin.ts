/**
 * Where requests go: turning a configured domain (a host, or a full origin
 * for loopback) into an origin, and building the API's URLs. Pure.
 *
 * @internal
 */
import { left, right, type Either } from '../internal/either';

const LABEL = '[a-z\\d]([a-z\\d-]{0,61}[a-z\\d])?';
/** A bare host (DNS labels, or a bracketed IPv6 address) with an optional port. */
const HOST = new RegExp(`^(${LABEL}(\\.${LABEL})*|\\[[\\da-f:.]+\\])(:\\d{1,5})?$`, 'i');

/**
 * True for `localhost`, 127.0.0.0/8 and ::1, and nothing else: a name such as
 * `a.localhost` is resolved through DNS by some resolvers, so it is not
 * trusted with plain http.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(h);
}

/**
 * Resolves a configured domain to an origin:
 * - a bare host (`va.v.liveperson.net`, optionally with a port) means https;
 * - a full `https://` origin is accepted as it is;
 * - a full `http://` origin only for loopback hosts (the emulator, a test host);
 * - anything with a path, query, credentials or another scheme is refused.
 * The Left is the reason, for a ValidationIssue.
 */
export function resolveOrigin(domain: string): Either<string, string> {
  const value = domain.trim();
  if (value === '') return left('expected a host or an origin, got an empty string');
  if (!value.includes('://')) return HOST.test(value) ? right(`https://${value.toLowerCase()}`) : left('expected a host name such as va.v.liveperson.net');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return left('expected a host name or an origin such as http://127.0.0.1:4010');
  }
  if (url.username !== '' || url.password !== '') return left('an origin must not carry credentials');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return left('expected an origin without path, query or fragment');
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHostname(url.hostname))) return right(url.origin);
  return left(
    url.protocol === 'http:' ? 'plain http is only accepted for loopback hosts (127.0.0.1, ::1, localhost); use https or a bare host' : 'expected an http(s) origin',
  );
}

const enc = encodeURIComponent;

/**
 * Create Session / Update Session URL:
 * `{origin}/api/account/{accountId}/app/engagement/visitors/{vid}?v=1.0[&sid={sid}]`,
 * with an empty vid segment when the visitor is not known yet.
 */
export const visitorUrl = (origin: string, accountId: string, vid?: string, sid?: string): string =>
  `${origin}/api/account/${enc(accountId)}/app/engagement/visitors/${vid === undefined ? '' : enc(vid)}?v=1.0${sid === undefined ? '' : `&sid=${enc(sid)}`}`;

/** The CSDS (Domain API) URL listing every service of an account. */
export const csdsUrl = (csdsOrigin: string, accountId: string): string => `${csdsOrigin}/api/account/${enc(accountId)}/service/baseURI.json?version=1.0`;
