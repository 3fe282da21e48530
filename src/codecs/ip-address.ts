/**
 * IPv4 and IPv6 address validation, pure and browser-safe (no `node:net`).
 *
 * @internal
 */
import { refine } from './primitives';

const V4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.|$)){4}$/;

/** A dotted-quad IPv4 address: four decimal octets 0-255, no leading zeros. */
export const isIPv4 = (s: string): boolean => V4.test(s) && !s.endsWith('.');

/**
 * An IPv6 address in full, compressed (`::`) or IPv4-embedded form
 * (`::ffff:192.0.2.1`), as the URL standard's IPv6 parser reads it. Zone ids
 * (`%eth0`) are refused: they only mean something on the machine that wrote
 * them.
 */
export function isIPv6(s: string): boolean {
  if (!s.includes(':') || /[[\]/%@?#\s]/.test(s)) return false;
  try {
    return new URL(`http://[${s}]`).hostname !== '';
  } catch {
    return false;
  }
}

/** True for a real IPv4 or IPv6 address. */
export const isIpAddress = (s: string): boolean => (s.includes(':') ? isIPv6(s) : isIPv4(s));

/** io-ts codec of an IP address string. */
export const IpAddress = refine<string>('an IPv4 or IPv6 address', (u) => typeof u === 'string' && isIpAddress(u));
