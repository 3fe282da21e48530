/**
 * IPv4 and IPv6 address validation, pure and browser-safe (no `node:net`).
 *
 * @internal
 */
import * as t from 'io-ts';

const IPV4_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** A dotted-quad IPv4 address: four decimal octets 0-255, no leading zeros. */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => IPV4_OCTET.test(p) && Number(p) <= 255);
}

function groupsValid(groups: ReadonlyArray<string>, allowTrailingV4: boolean): number | undefined {
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as string;
    if (allowTrailingV4 && i === groups.length - 1 && g.includes('.')) {
      if (!isIPv4(g)) return undefined;
      count += 2;
    } else if (IPV6_GROUP.test(g)) {
      count += 1;
    } else {
      return undefined;
    }
  }
  return count;
}

/**
 * An IPv6 address in full, compressed (`::`) or IPv4-embedded form
 * (`::ffff:192.0.2.1`). Zone ids (`%eth0`) are refused: they only mean
 * something on the machine that wrote them.
 */
export function isIPv6(s: string): boolean {
  if (s.length < 2 || s.length > 45) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) {
    return groupsValid(s.split(':'), true) === 8;
  }
  const [head = '', tail = ''] = halves;
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const headCount = groupsValid(headGroups, false);
  const tailCount = groupsValid(tailGroups, true);
  if (headCount === undefined || tailCount === undefined) return false;
  return headCount + tailCount <= 7;
}

/** True for a real IPv4 or IPv6 address. */
export function isIpAddress(s: string): boolean {
  return s.includes(':') ? isIPv6(s) : isIPv4(s);
}

/** io-ts codec of an IP address string. */
export const IpAddress = new t.Type<string, string, unknown>(
  'an IPv4 or IPv6 address',
  (u): u is string => typeof u === 'string' && isIpAddress(u),
  (u, c) => (typeof u === 'string' && isIpAddress(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);
