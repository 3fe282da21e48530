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

const Required = t.type({
  campaignId: Id,
  engagementId: Id,
  contextId: Id,
  windowId: Id,
  language: t.string,
  engagementRevision: FiniteNumber,
  validForSeconds: FiniteNumber,
});

const Optional = t.type({ // applied to the already-normalized required fields
  skillId: optional(Id),
  skillName: optional(t.string),
  connectorId: optional(Id),
});

export const EngagementDetailsCodec = new t.Type<EngagementDetails, EngagementDetails, unknown>(
  'EngagementDetails',
  (u): u is EngagementDetails => Required.is(u),
  (u, c) => {
    const errors: t.Errors = [];
    const req = Required.validate(u, c);
    if (req._tag === 'Left') errors.push(...req.left);
    const opt = Optional.validate(req._tag === 'Right' ? req.right : u, c);
    if (opt._tag === 'Left') errors.push(...opt.left);
    if (req._tag === 'Left' || opt._tag === 'Left') return t.failures(errors);
    return t.success(compact(opt.right as unknown as EngagementDetails));
  },
  t.identity,
);

const Session = t.type({ sessionId: Id, visitorId: Id, pageId: Id });

const AvailableCodec = t.intersection([Session, t.type({ status: t.literal('Available'), engagementDetails: EngagementDetailsCodec })]);
const NotAvailableCodec = t.intersection([Session, t.type({ status: t.literal('NotAvailable') })]);

const Status = oneOf(['Available', 'NotAvailable'] as const);

/** Dispatches on `status`, so a failure names the exact field (no union noise). */
export const EngagementCodec = new t.Type<Engagement, Engagement, unknown>(
  'Engagement',
  (u): u is Engagement => AvailableCodec.is(u) || NotAvailableCodec.is(u),
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

