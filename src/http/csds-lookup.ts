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
      if (isLeft(decoded)) return decoded;
      const entry = pickService(decoded.right.baseURIs, target.services);
      if (entry === undefined) {
        return left({ kind: 'discovery', services: target.services, message: `the domain lookup listed none of ${target.services.join(', ')}` });
      }
      const origin = resolveOrigin(entry.baseURI);
      if (isLeft(origin)) {
        return left({
          kind: 'decode',
          operation: 'csds',
          status: reply.status,
          issues: [{ path: `baseURIs[service=${entry.service}].baseURI`, reason: origin.left }],
          message: 'the domain lookup answered with an unusable baseURI',
        });
      }
      return right(origin.right);
    },
  );
}
