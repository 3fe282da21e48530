/**
 * What the live state needs of a client: its checks, each telling its
 * progress through `onProgress`.
 *
 * @packageDocumentation
 */
import type { Observable } from 'rxjs';
import type { CheckOptions } from '../client/client';
import type { EngagementError } from '../errors';
import type { Either } from '../internal/either';
import type { Engagement, EngagementRequest } from '../model';

/**
 * The part of an `EngagementClient` the live state needs: its checks. A real
 * client fits it; tests pass a fake. Each check is subscribed with an
 * `onProgress` that follows its attempts (attempt started, attempt failed,
 * retry scheduled); only its first answer counts, and unsubscribing it must
 * abort it (the request in flight or the retry wait).
 * @since 0.2.0
 */
export interface CheckingClient {
  getEngagement(request?: EngagementRequest, options?: CheckOptions): Observable<Either<EngagementError, Engagement>>;
}
