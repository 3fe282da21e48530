/**
 * The Create Session (getEngagement) response: `Available` with
 * `engagementDetails`, or `NotAvailable`. Ids are normalized to strings;
 * unknown extra fields are tolerated (and kept).
 *
 * @internal
 */
import * as t from 'io-ts';
import type { AvailableEngagement, Engagement, EngagementDetails, NotAvailableEngagement } from '../model';

import { decodeWith } from '../internal/validation';
import { FiniteNumber, Id, compact, optional, oneOf } from './primitives';

const DetailsFields = t.type({
  campaignId: Id,
  engagementId: Id,
  contextId: Id,
  windowId: Id,
  language: t.string,
  engagementRevision: FiniteNumber,
  validForSeconds: FiniteNumber,
  skillId: optional(Id),
  skillName: optional(t.string),
  connectorId: optional(Id),
});

/** The guard: `t.type`'s own `is` would require the optional keys to be present. */
function isDetails(u: unknown): u is EngagementDetails {
  if (typeof u !== 'object' || u === null) return false;
  const r = u as Record<string, unknown>;
  return Object.entries(DetailsFields.props).every(([k, codec]) => codec.is(r[k]));
}

/** One `t.type` (an intersection of required and optional parts measured twice as slow on every check). */
export const EngagementDetailsCodec = new t.Type<EngagementDetails, EngagementDetails, unknown>(
  'EngagementDetails',
  (u): u is EngagementDetails => isDetails(u),
  (u, c) => {
    const decoded = DetailsFields.validate(u, c);
    // An optional id sent as null decodes to undefined: such keys are left out.
    return decoded._tag === 'Left' ? decoded : t.success(compact(decoded.right as unknown as EngagementDetails));
  },
  t.identity,
);

const sessionFields = { sessionId: Id, visitorId: Id, pageId: Id };
const AvailableCodec = t.type({ ...sessionFields, status: t.literal('Available'), engagementDetails: EngagementDetailsCodec });
const NotAvailableCodec = t.type({ ...sessionFields, status: t.literal('NotAvailable') });
const AvailableGuard = t.type({ ...sessionFields, status: t.literal('Available') });

const Status = oneOf(['Available', 'NotAvailable'] as const);

/** Dispatches on `status`, so a failure names the exact field (no union noise). */
export const EngagementCodec = new t.Type<Engagement, Engagement, unknown>(
  'Engagement',
  (u): u is Engagement => (AvailableGuard.is(u) && EngagementDetailsCodec.is((u as { engagementDetails?: unknown }).engagementDetails)) || NotAvailableCodec.is(u),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, 'expected a response object');
    const status = (u as Record<string, unknown>)['status'];
    if (status === 'Available') return AvailableCodec.validate(u, t.appendContext(c, '', AvailableCodec, u)) as t.Validation<AvailableEngagement>;
    if (status === 'NotAvailable') return NotAvailableCodec.validate(u, t.appendContext(c, '', NotAvailableCodec, u)) as t.Validation<NotAvailableEngagement>;
    return t.failure(status, t.appendContext(c, 'status', Status, status));
  },
  t.identity,
);

/** Decodes a parsed response body. Never throws. */
export function decodeEngagement(body: unknown) {
  return decodeWith(EngagementCodec, body);
}

