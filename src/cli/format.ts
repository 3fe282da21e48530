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
  const d = e.engagementDetails;
  const skill = d.skillName === undefined ? (d.skillId === undefined ? 'no skill named' : `skill ${d.skillId}`) : `skill ${d.skillName}${d.skillId === undefined ? '' : ` (${d.skillId})`}`;
  const until = new Date(now + d.validForSeconds * 1000).toISOString();
  return [
    `Available: ${skill}`,
    `  campaign ${d.campaignId}, engagement ${d.engagementId} (revision ${d.engagementRevision}), window ${d.windowId}, language ${d.language}`,
    `  valid for ${d.validForSeconds} s (until ${until})`,
    `  ${ids}`,
  ].join('\n');
}

export function outcomeJson(result: Either<EngagementError, Engagement>): string {
  return JSON.stringify(result._tag === 'Left' ? { ok: false, error: result.left } : { ok: true, engagement: result.right });
}
