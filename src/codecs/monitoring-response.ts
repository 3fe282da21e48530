/**
 * The Monitoring API's engagement response, and how it becomes an
 * {@link Engagement}:
 * `{ sessionId, visitorId, pageId, engagementDetails?: [detail, ...] }`,
 * each detail `status: 'expose'` (an offer) or `'conversation'` (an active
 * conversation to resume; one of LivePerson's tables calls it
 * `interaction`, read the same way). Details of another status are
 * skipped. Ids are normalized to strings; unknown fields are kept.
 *
 * @internal
 */
import * as t from 'io-ts';
import type { ValidationIssue } from '../errors';
import { left, right, type Either } from '../internal/either';
import { decodeWith } from '../internal/validation';
import type { ConversationDetails, Engagement, EngagementDetails } from '../model';
import { FiniteNumber, Id, ServerIdToken, compact, list } from './primitives';

/**
 * An object codec of required and optional fields, whose failures name each
 * field at the object's own path (io-ts's intersection would add an index).
 */
function fields<R extends t.Props, O extends t.Props>(name: string, required: R, optional: O): t.Type<t.TypeOfProps<R> & t.TypeOfPartialProps<O>, unknown, unknown> {
  const all = t.intersection([t.type(required), t.partial(optional)]);
  const parts = [t.type(required), t.partial(optional)] as const;
  return new t.Type(
    name,
    all.is,
    (u, c) => {
      const errors: t.Errors = [];
      let out = u as Record<string, unknown>;
      for (const part of parts) {
        const r = part.validate(out, c);
        if (r._tag === 'Left') errors.push(...r.left);
        else out = r.right as Record<string, unknown>;
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as t.TypeOfProps<R> & t.TypeOfPartialProps<O>);
    },
    t.identity,
  );
}

/** A detail offering an engagement. */
export const ExposeDetailCodec = fields(
  'an expose detail',
  { status: t.literal('expose'), campaignId: Id, engagementId: Id, engagementRevision: FiniteNumber, contextId: Id },
  { windowId: Id, language: t.string, connectorId: Id },
);

/** A detail naming the consumer's active conversation. */
export const ConversationDetailCodec = fields(
  'a conversation detail',
  { status: t.union([t.literal('conversation'), t.literal('interaction')]), campaignId: Id, engagementId: Id, conversationId: Id },
  { engagementRevision: FiniteNumber, connectorId: Id },
);

/** A detail as it travels (derived from the codecs). */
export type MonitoringDetail = t.TypeOf<typeof ExposeDetailCodec> | t.TypeOf<typeof ConversationDetailCodec> | { readonly status: 'other' };

/** Dispatches on the detail's `status`, so a failure names the exact field. */
const DetailCodec = new t.Type<MonitoringDetail, MonitoringDetail, unknown>(
  'an engagement detail',
  (u): u is MonitoringDetail => ExposeDetailCodec.is(u) || ConversationDetailCodec.is(u),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, 'expected a detail object');
    const status = (u as { status?: unknown }).status;
    if (status === 'expose') return ExposeDetailCodec.validate(u, c);
    if (status === 'conversation' || status === 'interaction') return ConversationDetailCodec.validate(u, c);
    return typeof status === 'string' ? t.success({ status: 'other' }) : t.failure(status, t.appendContext(c, 'status', t.string, status), 'expected a status string');
  },
  t.identity,
);

/** The response body (every id optional here: which ones are needed depends on 200 or 201). */
export const MonitoringResponseCodec = fields('a Monitoring engagement answer', { pageId: Id }, { sessionId: ServerIdToken, visitorId: ServerIdToken, engagementDetails: list(DetailCodec, 'an array of details') });

/** The response body as it travels (derived from its codec). */
export type MonitoringResponse = t.TypeOf<typeof MonitoringResponseCodec>;

/** The ids a call sent. */
export interface SentIds {
  readonly vid?: string;
  readonly sid?: string;
}

/**
 * An engagement from a decoded answer: on 201 the answer's new ids, on 200
 * the ids sent (the pair was valid), the answer's when none were sent.
 * A conversation wins over offers; several offers are all kept.
 */
export function engagementFromMonitoring(body: MonitoringResponse, status: number, sent: SentIds): Either<ValidationIssue[], Engagement> {
  const visitorId = status === 201 ? body.visitorId : (sent.vid ?? body.visitorId);
  const sessionId = status === 201 ? body.sessionId : (sent.sid ?? body.sessionId);
  const issues: ValidationIssue[] = [];
  if (visitorId === undefined) issues.push({ path: 'visitorId', reason: `required in a ${status} answer without a vid sent` });
  if (sessionId === undefined) issues.push({ path: 'sessionId', reason: `required in a ${status} answer without a sid sent` });
  if (visitorId === undefined || sessionId === undefined) return left(issues);
  const ids = { sessionId, visitorId, pageId: body.pageId };
  const details = body.engagementDetails ?? [];
  const conversation = details.find((d): d is t.TypeOf<typeof ConversationDetailCodec> => d.status === 'conversation' || d.status === 'interaction');
  if (conversation !== undefined) {
    const { campaignId, engagementId, conversationId, engagementRevision, connectorId } = conversation;
    return right({ status: 'Conversation', ...ids, conversation: compact<ConversationDetails>({ conversationId, campaignId, engagementId, engagementRevision, connectorId }) });
  }
  const offers = details.flatMap((d): EngagementDetails[] => {
    if (d.status !== 'expose') return [];
    const { campaignId, engagementId, engagementRevision, contextId, windowId, language, connectorId } = d;
    return [compact<EngagementDetails>({ campaignId, engagementId, engagementRevision, contextId, windowId, language, connectorId })];
  });
  const first = offers[0];
  return right(first === undefined ? { status: 'NotAvailable', ...ids } : { status: 'Available', ...ids, engagementDetails: first, offers });
}

/** Decodes a parsed body. Never throws. */
export function decodeMonitoringResponse(body: unknown): Either<ValidationIssue[], MonitoringResponse> {
  return decodeWith(MonitoringResponseCodec, body);
}
