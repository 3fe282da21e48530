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
import { FiniteNumber, Id, ServerIdToken, oneOf, refine, struct } from './primitives';

/** App Engagement always sends these three fields (the Monitoring API may not). */
type CreateSessionDetails = EngagementDetails & Required<Pick<EngagementDetails, 'windowId' | 'language' | 'validForSeconds'>>;

/** The details of an Available answer; optional ids sent as `null` are left out. */
export const EngagementDetailsCodec = struct<CreateSessionDetails>(
  'EngagementDetails',
  { campaignId: Id, engagementId: Id, contextId: Id, windowId: Id, language: t.string, engagementRevision: FiniteNumber, validForSeconds: FiniteNumber },
  { skillId: Id, skillName: t.string, connectorId: Id },
  true,
);

const literal = <L extends string>(value: L) => refine<L>(`'${value}'`, (u) => u === value);
// The visitor and session ids go into later URLs: they are held to the rules of an id a client sends.
const sessionFields = { sessionId: ServerIdToken, visitorId: ServerIdToken, pageId: Id };
const AvailableCodec = struct<Omit<AvailableEngagement, 'offers'>>('an Available answer', { ...sessionFields, status: literal('Available'), engagementDetails: EngagementDetailsCodec }, {});
const NotAvailableCodec = struct<NotAvailableEngagement>('a NotAvailable answer', { ...sessionFields, status: literal('NotAvailable') }, {});
const Status = oneOf(['Available', 'NotAvailable'] as const);

/** Dispatches on `status`, so a failure names the exact field (no union noise). */
export const EngagementCodec = new t.Type<Engagement, Engagement, unknown>(
  'Engagement',
  (u): u is Engagement => AvailableCodec.is(u) || NotAvailableCodec.is(u),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, 'expected a response object');
    const status = (u as { status?: unknown }).status;
    const codec = status === 'Available' ? AvailableCodec : status === 'NotAvailable' ? NotAvailableCodec : undefined;
    if (codec === undefined) return t.failure(status, t.appendContext(c, 'status', Status, status));
    const r = codec.validate(u, c) as t.Validation<Engagement>;
    // A NotAvailable answer carries no engagement: details a server sent anyway are not passed on.
    if (r._tag === 'Right' && codec === NotAvailableCodec && 'engagementDetails' in r.right) {
      const { engagementDetails: _ignored, ...rest } = r.right as unknown as NotAvailableEngagement & { engagementDetails?: unknown };
      return t.success(rest);
    }
    return r;
  },
  t.identity,
);

/** Decodes a parsed response body. Never throws. */
export function decodeEngagement(body: unknown) {
  return decodeWith(EngagementCodec, body);
}
