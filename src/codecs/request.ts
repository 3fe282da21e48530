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
import * as t from 'io-ts';
import type { NormalizedRequest } from '../model';
import type { ValidationIssue } from '../errors';
import { decodeWith, isPlainObject, kindOf } from '../internal/validation';
import { left, right, isLeft, type Either } from '../internal/either';
import { AppDetailsCodec } from './app-details';
import { AppTypeCodec } from './enums';
import { ConsumerSectionsCodec } from './consumer-sections';
import { EngagementAttributesCodec } from './engagement-attributes';
import { IdToken, compact } from './primitives';

/** The keys a getEngagement request may have. */
export const REQUEST_KEYS: ReadonlyArray<string> = ['appType', 'appDetails', 'consumerSections', 'engagementAttributes', 'vid', 'sid'];

/** Unknown keys are named in messages only when they look like field names (never an echoed value). */
const FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,39}$/;

const Fields = t.partial({
  appType: AppTypeCodec,
  appDetails: AppDetailsCodec,
  consumerSections: ConsumerSectionsCodec,
  engagementAttributes: EngagementAttributesCodec,
  vid: IdToken,
  sid: IdToken,
});

/**
 * Validates a getEngagement request. `undefined` means "no fields" (the
 * official sample calls `getEngagement()` with no arguments).
 */
export function decodeRequest(input: unknown): Either<ValidationIssue[], NormalizedRequest> {
  if (input === undefined) return right({ appType: 'EXTERNAL' });
  if (!isPlainObject(input)) {
    return left([{ path: '(value)', reason: `expected a plain request object, got ${kindOf(input)}` }]);
  }
  const decoded = decodeWith(Fields, input);
  // Built only when something is wrong: this runs on every check.
  let unknownKeys: string[] | undefined;
  for (const k in input) {
    if (Object.prototype.hasOwnProperty.call(input, k) && !REQUEST_KEYS.includes(k)) (unknownKeys ??= []).push(FIELD_NAME.test(k) ? k : '(an unknown key)');
  }
  if (isLeft(decoded) || unknownKeys !== undefined) {
    return left([
      ...(isLeft(decoded) ? decoded.left : []),
      ...(unknownKeys ?? []).map((k) => ({ path: k, reason: `unknown field (expected one of ${REQUEST_KEYS.join(', ')})` })),
    ]);
  }
  const v = decoded.right;
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
