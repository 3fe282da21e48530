/**
 * The Monitoring API's engagement call, one check attempt:
 * `POST {origin}/api/account/{accountId}/app/{appInstallationId}/engagement?v=1.0[&vid=][&sid=][&obh=]`
 * with the body of `codecs/monitoring-request.ts`. A 200 keeps the ids sent,
 * a 201 hands out new ones; other statuses are `http` Lefts
 * (`operation: 'monitorEngagement'`).
 *
 * @internal
 */
import type { Observable } from 'rxjs';
import type { EngagementError } from '../errors';
import { decodeMonitoringResponse, engagementFromMonitoring } from '../codecs/monitoring-response';
import { isLeft, left, type Either } from '../internal/either';
import type { Engagement } from '../model';
import { JSON_HEADERS } from './headers';
import { monitoringUrl, type MonitoringUrlParts } from './monitoring-url';
import { decodedBody } from './reply';
import { httpRequest$, type HttpEnv, type HttpReply } from './request';

const OPERATION = 'monitorEngagement';

/** A reply read: the decoded engagement, with the ids a 200 or a 201 calls for. */
const reader =
  (target: MonitoringUrlParts) =>
  (reply: HttpReply): Either<EngagementError, Engagement> => {
    const body = decodedBody(OPERATION, reply, decodeMonitoringResponse);
    if (isLeft(body)) return body;
    const engagement = engagementFromMonitoring(body.right, reply.status, target);
    return isLeft(engagement)
      ? left({ kind: 'decode', operation: OPERATION, status: reply.status, issues: engagement.left, message: `${OPERATION} answered ${reply.status} without the ids it must carry` })
      : engagement;
  };

export function monitoringEngagement$(env: HttpEnv, target: MonitoringUrlParts, body: string): Observable<Either<EngagementError, Engagement>> {
  return httpRequest$(env, { operation: OPERATION, method: 'POST', url: monitoringUrl('engagement', target), headers: { ...JSON_HEADERS }, body }, reader(target));
}
