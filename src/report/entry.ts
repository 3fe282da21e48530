/**
 * What the outbox holds: one reported item with the session it goes to.
 * Types only.
 *
 * @internal
 */
import type { QueuedItem } from './report-items';

/**
 * The session a report is delivered to: the visitor and session ids and the
 * page id of the getEngagement answer that was current when the report was
 * made (or, for a report made before any session, when it was sent).
 *
 * @since 0.1.0
 */
export interface ReportTarget {
  readonly visitorId: string;
  readonly sessionId: string;
  readonly pageId: string;
}

/**
 * One reported item waiting in the outbox; stored as it is. `target` is
 * absent until a session exists.
 *
 * @internal
 */
export type OutboxEntry = {
  /** Order of arrival (unique in an outbox, increasing). */
  readonly seq: number;
  /** The scheduler's clock when the item was reported. */
  readonly queuedAt: number;
  readonly target?: ReportTarget;
} & QueuedItem;
