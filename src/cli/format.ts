/**
 * Readable and JSON renderings of a check's outcome. Pure.
 *
 * @internal
 */
import type { EngagementError } from '../errors';
import { describeError } from '../errors';
import type { Engagement } from '../model';
import type { Either } from '../internal/either';

export function formatOutcome(result: Either<EngagementError, Engagement>, now: number): string {
  if (result._tag === 'Left') return `Failed: ${describeError(result.left)}`;
  const e = result.right;
  const ids = `visitor ${e.visitorId}, session ${e.sessionId}, page ${e.pageId}`;
  if (e.status === 'NotAvailable') return `NotAvailable: no engagement right now\n  ${ids}`;
  if (e.status === 'Conversation') {
    const c = e.conversation;
    return [`Conversation: an active conversation to resume (${c.conversationId})`, `  campaign ${c.campaignId}, engagement ${c.engagementId}`, `  ${ids}`].join('\n');
  }
  const d = e.engagementDetails;
  const skill = d.skillName === undefined ? (d.skillId === undefined ? 'no skill named' : `skill ${d.skillId}`) : `skill ${d.skillName}${d.skillId === undefined ? '' : ` (${d.skillId})`}`;
  const more = e.offers !== undefined && e.offers.length > 1 ? ` (and ${e.offers.length - 1} more offer${e.offers.length > 2 ? 's' : ''})` : '';
  return [
    `Available: ${skill}${more}`,
    `  campaign ${d.campaignId}, engagement ${d.engagementId} (revision ${d.engagementRevision}), window ${d.windowId ?? 'not named'}, language ${d.language ?? 'not named'}`,
    d.validForSeconds === undefined ? '  no validity given: check again later' : `  valid for ${d.validForSeconds} s (until ${new Date(now + d.validForSeconds * 1000).toISOString()})`,
    `  ${ids}`,
  ].join('\n');
}

export function outcomeJson(result: Either<EngagementError, Engagement>): string {
  return JSON.stringify(result._tag === 'Left' ? { ok: false, error: result.left } : { ok: true, engagement: result.right });
}
