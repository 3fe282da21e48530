/**
 * The getEngagement request of the seed page, validated and normalized
 * before anything is sent.
 *
 * Choices a careful client makes where the sources are silent:
 * - `appType` defaults to `EXTERNAL` (the legacy SDK always sent it);
 * - unknown top-level keys are refused: only the four body fields and
 *   `vid`/`sid` exist, so an unknown key (often a typo) would otherwise be
 *   silently dropped;
 * - unknown keys inside `appDetails` and inside attribute objects are kept
 *   and forwarded.
 *
 * @internal
 */
import type { NormalizedRequest } from '../model';
import type { ValidationIssue } from '../errors';
import { decodeWith, isPlainObject, kindOf, unknownKeys } from '../internal/validation';
import { isLeft, left, right, type Either } from '../internal/either';
import { AppDetailsCodec } from './app-details';
import { AppTypeCodec } from './enums';
import { ConsumerSectionsCodec } from './consumer-sections';
import { EngagementAttributesCodec } from './engagement-attributes';
import { IdToken, compact, struct } from './primitives';

/** The keys a getEngagement request may have. */
export const REQUEST_KEYS: ReadonlyArray<string> = ['appType', 'appDetails', 'consumerSections', 'engagementAttributes', 'vid', 'sid'];

const Fields = struct<Partial<NormalizedRequest>>(
  'a request object',
  {},
  { appType: AppTypeCodec, appDetails: AppDetailsCodec, consumerSections: ConsumerSectionsCodec, engagementAttributes: EngagementAttributesCodec, vid: IdToken, sid: IdToken },
);

/**
 * Validates a getEngagement request. `undefined` means "no fields" (the
 * official sample calls `getEngagement()` with no arguments).
 */
export function decodeRequest(input: unknown): Either<ValidationIssue[], NormalizedRequest> {
  try {
    return decodeFields(input);
  } catch {
    return left([{ path: '(request)', reason: 'could not be read (a getter or a proxy threw)' }]);
  }
}

function decodeFields(input: unknown): Either<ValidationIssue[], NormalizedRequest> {
  if (input === undefined) return right({ appType: 'EXTERNAL' });
  if (!isPlainObject(input)) return left([{ path: '(value)', reason: `expected a plain request object, got ${kindOf(input)}` }]);
  const decoded = decodeWith(Fields, input);
  const issues = isLeft(decoded) ? decoded.left : [];
  unknownKeys(input, REQUEST_KEYS, '', issues, 'field');
  if (isLeft(decoded) || issues.length > 0) return left(issues);
  const v = decoded.right;
  // Built field by field (a fixed shape): this runs on every check.
  return right(
    compact<NormalizedRequest>({
      appType: v.appType ?? 'EXTERNAL',
      appDetails: v.appDetails,
      consumerSections: v.consumerSections,
      engagementAttributes: v.engagementAttributes,
      vid: v.vid,
      sid: v.sid,
    }),
  );
}
