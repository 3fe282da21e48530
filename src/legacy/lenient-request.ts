/**
 * The lenient reading of a legacy getEngagement request, as lpChat.min.js
 * read it: only the fields it knew are sent, `appType` is always
 * `EXTERNAL`, and what the check core would refuse is left out instead of
 * failing the whole call. Each part left out is named by its path (never
 * its value), so the adapter can report it. Pure.
 *
 * @internal
 */
import { REQUEST_KEYS } from '../codecs/request';
import { isLeft } from '../internal/either';
import { validateEngagementRequest } from '../validate';
import { cloneEventData } from './bindings';

/** A request cleaned for sending, and the paths of what was left out. */
export interface CleanedRequest {
  readonly request: Record<string, unknown>;
  readonly cleaned: ReadonlyArray<string>;
}

/** A key safe to name in a log line (an odd key is named by its kind only). */
const nameOf = (key: string): string => (/^[A-Za-z_$][\w$]{0,39}$/.test(key) ? key : '(an unknown key)');

/** `engagementAttributes[2].info.balance` → `['engagementAttributes', 2, 'info', 'balance']`. */
function segments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] === undefined ? (m[1] as string) : Number(m[2]));
  return out;
}

/** Marks removed array items, filtered out once a round is over (indexes stay valid during the round). */
const GONE = Symbol('gone');

/** Removes what `path` names, cut to `depth` segments; answers the path removed (`undefined`: nothing there). */
function remove(root: Record<string, unknown>, path: ReadonlyArray<string | number>, depth: number): string | undefined {
  const cut = path.slice(0, Math.max(1, Math.min(depth, path.length)));
  let holder: unknown = root;
  for (const key of cut.slice(0, -1)) holder = typeof holder == 'object' && holder !== null ? (holder as Record<string | number, unknown>)[key] : undefined;
  const last = cut[cut.length - 1] as string | number;
  if (typeof holder != 'object' || holder === null || !(last in holder)) return undefined;
  if (Array.isArray(holder)) holder[last as number] = GONE;
  else delete (holder as Record<string | number, unknown>)[last];
  return cut.map((s, i) => (typeof s == 'number' ? `[${s}]` : i == 0 ? nameOf(s) : `.${nameOf(s)}`)).join('');
}

/** Drops the items marked {@link GONE}, at every depth. */
function sweep(u: unknown): unknown {
  if (Array.isArray(u)) return u.filter((x) => x !== GONE).map(sweep);
  if (typeof u == 'object' && u !== null) for (const [k, v] of Object.entries(u)) (u as Record<string, unknown>)[k] = sweep(v);
  return u;
}

/**
 * Cleans a request object (without its `success`, `error`, `context`): keeps
 * the known fields, forces `appType` to `EXTERNAL`, then leaves out what the
 * check core refuses: first the field it names (`engagementAttributes[0].info.balance`),
 * then the attribute holding it (`engagementAttributes[0]`), then the whole
 * field. Answers a request the core accepts (possibly `{}`).
 */
export function cleanRequest(input: Readonly<Record<string, unknown>>): CleanedRequest {
  const cleaned: string[] = [];
  let request: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key == 'appType') {
      if (value !== undefined && value !== 'EXTERNAL') cleaned.push('appType (sent as EXTERNAL)');
    } else if (REQUEST_KEYS.includes(key)) request[key] = value;
    else cleaned.push(nameOf(key));
  }
  request = cloneEventData(request);
  for (let depth = 99; ; depth = depth > 2 ? 2 : 1) {
    const checked = validateEngagementRequest(request);
    if (!isLeft(checked)) break;
    let removed = 0;
    for (const issue of checked.left.issues) {
      const path = remove(request, segments(issue.path), depth);
      if (path !== undefined && ++removed) cleaned.push(path);
    }
    request = sweep(request) as Record<string, unknown>;
    if (removed == 0 && depth == 1) {
      // Nothing named could be removed: send none of what the core refused.
      for (const issue of checked.left.issues) delete request[String(segments(issue.path)[0])];
      if (isLeft(validateEngagementRequest(request))) request = {};
      break;
    }
  }
  // A part left out whole covers what was first left out inside it.
  const named = [...new Set(cleaned)];
  return { request, cleaned: named.filter((p) => !named.some((q) => q != p && (p.startsWith(`${q}.`) || p.startsWith(`${q}[`)))) };
}
