/**
 * Validation entry points for callers who want to check values without
 * sending anything.
 *
 * @packageDocumentation
 */
import type { ValidationError } from './errors';
import { withValidationError } from './errors';
import type { Engagement, NormalizedRequest } from './model';
import { decodeRequest } from './codecs/request';
import { decodeEngagement } from './codecs/response';
import type { Either } from './internal/either';

/**
 * Validates and normalizes a getEngagement request exactly as the client
 * does before sending it.
 *
 * @example
 * ```ts
 * const result = validateEngagementRequest({ consumerSections: 'Support, English' });
 * // Right({ appType: 'EXTERNAL', consumerSections: ['Support', 'English'] })
 * ```
 * @since 0.1.0
 * @category Check core
 */
export function validateEngagementRequest(request: unknown): Either<ValidationError, NormalizedRequest> {
  return withValidationError(decodeRequest(request));
}

/**
 * Decodes a Create Session response body (already parsed from JSON), for
 * callers who receive it another way (a server-side proxy, a cache).
 *
 * @example
 * ```ts
 * // The body as the application's own server relayed it:
 * const res = await fetch('/api/engagement?sections=Support');
 * const result = decodeEngagementResponse(await res.json());
 * if (result._tag === 'Right') console.log(result.right.status);
 * ```
 * @since 0.1.0
 * @category Check core
 */
export function decodeEngagementResponse(body: unknown): Either<ValidationError, Engagement> {
  return withValidationError(decodeEngagement(body));
}
