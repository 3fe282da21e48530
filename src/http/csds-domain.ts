/**
 * The engagement host from LivePerson's Domain API (CSDS), as a piece a
 * client takes instead of a fixed domain: `domain: csdsDomain()`. A client
 * given a host carries none of this.
 *
 * @packageDocumentation
 */
import { Observable, type Subscriber, type Subscription } from 'rxjs';
import { validationError, type EngagementError, type ValidationError, type ValidationIssue } from '../errors';
import { resolveOrigin } from '../core/origin';
import { isLeft, left, right, type Either } from '../internal/either';
import { isRecord, kindOf, unknownKeys } from '../internal/validation';
import { lookupOrigin$, type CsdsTarget } from './csds-lookup';
import type { HttpEnv } from './request';

/**
 * Options of {@link csdsDomain}; every field is optional.
 * @since 0.2.0
 * @category Check core
 */
export interface CsdsOptions {
  /** The CSDS host or origin. Default `https://api.liveperson.net`. */
  readonly origin?: string;
  /** Services tried in order. Default `['msdkgw', 'smt']`. */
  readonly services?: ReadonlyArray<string>;
}

const LOOKUP = Symbol.for('engagement-rx.domainLookup');

/**
 * A way to find the engagement host, made by {@link csdsDomain}: give it to
 * a client as its `domain`.
 *
 * @since 0.2.0
 * @category Check core
 */
export interface DomainLookup {
  /** @internal */
  readonly [LOOKUP]: (http: HttpEnv, accountId: string, service?: string) => Observable<Either<EngagementError, string>>;
}

/** The lookup function of a {@link DomainLookup}, or `undefined` for anything else. @internal */
export const lookupOf = (u: unknown): DomainLookup[typeof LOOKUP] | undefined => (isRecord(u) && typeof u[LOOKUP as never] === 'function' ? (u[LOOKUP as never] as DomainLookup[typeof LOOKUP]) : undefined);

type Found = Either<EngagementError, string>;

/** The answer for one account: cached once found; one lookup in flight shared by its waiting checks. */
function sharedLookup(start: (http: HttpEnv) => Observable<Found>): (http: HttpEnv) => Observable<Found> {
  let cached: string | undefined;
  let waiting: Array<Subscriber<Found>> | undefined;
  let lookup: Subscription | undefined;
  return (http) =>
    new Observable<Found>((subscriber) => {
      if (cached !== undefined) {
        subscriber.next(right(cached));
        return subscriber.complete();
      }
      const list = (waiting ??= []);
      list.push(subscriber);
      if (list.length === 1) {
        const found = start(http).subscribe((r) => {
          if (!isLeft(r)) cached = r.right;
          if (waiting === list) waiting = lookup = undefined;
          for (const s of [...list]) {
            s.next(r);
            s.complete();
          }
        });
        if (waiting === list) lookup = found;
      }
      return () => {
        list.splice(list.indexOf(subscriber) >>> 0, 1);
        if (list.length === 0 && waiting === list) {
          waiting = undefined;
          lookup?.unsubscribe();
        }
      };
    });
}

/**
 * The engagement host of each account from LivePerson's Domain API (CSDS):
 * `GET {origin}/api/account/{accountId}/service/baseURI.json?version=1.0`,
 * then the first of `services` it lists (`msdkgw`, then `smt`, the service
 * the legacy SDK used; a client whose backend is the Monitoring API tries
 * `smt` first, unless `services` is given). A host found is cached for as long as the lookup
 * lives (share one lookup between clients to share the cache); checks that
 * wait for it share one request in flight; a failed lookup is not cached, and
 * its failure is the check's `Left` (`operation: 'csds'`, or `discovery` when
 * no service is listed). Options it refuses give a `validation` Left.
 *
 * @example
 * ```ts
 * import { createEngagementClient, csdsDomain } from 'engagement-rx';
 *
 * const client = createEngagementClient({ accountId: '12345678', domain: csdsDomain() });
 * ```
 * @since 0.2.0
 * @category Check core
 */
export function csdsDomain(options?: CsdsOptions): Either<ValidationError, DomainLookup> {
  return csdsDomainOver(lookupOrigin$, options);
}

/**
 * {@link csdsDomain} over another way to ask CSDS (the legacy adapter's
 * JSONP in a page): the same options, checks, sharing and caching.
 *
 * @internal
 */
export function csdsDomainOver(lookup$: (env: HttpEnv, target: CsdsTarget) => Observable<Found>, options?: CsdsOptions): Either<ValidationError, DomainLookup> {
  const issues: ValidationIssue[] = [];
  const o: Record<string, unknown> = options === undefined ? {} : isRecord(options) ? options : (issues.push({ path: '(value)', reason: `expected an options object, got ${kindOf(options)}` }), {});
  const { origin = 'https://api.liveperson.net', services = ['msdkgw', 'smt'] } = o;
  const resolved = typeof origin === 'string' ? resolveOrigin(origin) : left(`expected a host or an origin, got ${kindOf(origin)}`);
  if (isLeft(resolved)) issues.push({ path: 'origin', reason: resolved.left });
  if (!Array.isArray(services) || services.length === 0) issues.push({ path: 'services', reason: `expected a non-empty array of service names, got ${kindOf(services)}` });
  else services.forEach((s: unknown, i) => (typeof s === 'string' && s !== '' ? 0 : issues.push({ path: `services[${i}]`, reason: `expected a service name, got ${kindOf(s)}` })));
  unknownKeys(o, ['origin', 'services'], '', issues);
  if (issues.length > 0 || isLeft(resolved)) return left(validationError(issues));
  const accounts = new Map<string, (http: HttpEnv) => Observable<Found>>();
  // A client's backend names the service of its API (`smt` for the Monitoring API): it is tried
  // first unless the options list the services themselves.
  const listed = o['services'] !== undefined;
  const lookup = (http: HttpEnv, accountId: string, service?: string): Observable<Found> => {
    const order = listed || service === undefined ? (services as string[]) : [service, ...(services as string[]).filter((s) => s !== service)];
    const key = `${accountId} ${order.join(',')}`;
    let forAccount = accounts.get(key);
    if (forAccount === undefined) {
      forAccount = sharedLookup((env) => lookup$(env, { csdsOrigin: resolved.right, accountId, services: order }));
      accounts.set(key, forAccount);
    }
    return forAccount(http);
  };
  return right({ [LOOKUP]: lookup });
}
