/**
 * The CSDS (Domain API) lookup that finds the engagement host of an account:
 * `GET {csdsOrigin}/api/account/{accountId}/service/baseURI.json?version=1.0`,
 * then the first of `services` that the answer lists (default `msdkgw`, then
 * `smt`, the service the legacy SDK used).
 *
 * @internal
 */
import type { Observable } from 'rxjs';
import type { EngagementError } from '../errors';
import { decodeCsds, pickService } from '../codecs/csds';
import { csdsUrl, resolveOrigin } from '../core/origin';
import { isLeft, left, right, type Either } from '../internal/either';
import { httpRequest$, type HttpEnv } from './request';
import { GET_HEADERS } from './headers';
import { decodedBody } from './reply';

export interface CsdsTarget {
  readonly csdsOrigin: string;
  readonly accountId: string;
  readonly services: ReadonlyArray<string>;
}

/** Looks up the engagement origin; one request per subscription. */
export function lookupOrigin$(env: HttpEnv, target: CsdsTarget): Observable<Either<EngagementError, string>> {
  return httpRequest$(
    env,
    {
      operation: 'csds',
      method: 'GET',
      url: csdsUrl(target.csdsOrigin, target.accountId),
      headers: { ...GET_HEADERS },
    },
    (reply): Either<EngagementError, string> => {
      const decoded = decodedBody('csds', reply, decodeCsds, 'the domain lookup answered with an unexpected body');
      return isLeft(decoded) ? decoded : originOfServices(decoded.right.baseURIs, target.services, reply.status);
    },
  );
}

/**
 * The engagement origin a CSDS answer (parsed JSON, however it arrived)
 * gives for the first of `services` it lists.
 */
export function originFromCsds(body: unknown, services: ReadonlyArray<string>, status: number): Either<EngagementError, string> {
  const decoded = decodeCsds(body);
  if (isLeft(decoded)) return left({ kind: 'decode', operation: 'csds', status, issues: decoded.left, message: 'the domain lookup answered with an unexpected body' });
  return originOfServices(decoded.right.baseURIs, services, status);
}

function originOfServices(baseURIs: Parameters<typeof pickService>[0], services: ReadonlyArray<string>, status: number): Either<EngagementError, string> {
  const entry = pickService(baseURIs, services);
  if (entry === undefined) {
    return left({ kind: 'discovery', services, message: `the domain lookup listed none of ${services.join(', ')}` });
  }
  const origin = resolveOrigin(entry.baseURI);
  if (isLeft(origin)) {
    return left({
      kind: 'decode',
      operation: 'csds',
      status,
      issues: [{ path: `baseURIs[service=${entry.service}].baseURI`, reason: origin.left }],
      message: 'the domain lookup answered with an unusable baseURI',
    });
  }
  return right(origin.right);
}
