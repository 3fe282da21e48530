/**
 * The Monitoring API's report call: engagement attributes, impressions
 * included, on an existing monitor session:
 * `PUT {origin}/api/account/{accountId}/app/{appInstallationId}/report?v=1.0&vid={vid}&sid={sid}[&obh=]`
 * (or `POST` with `X-HTTP-Method-Override: PUT`) with
 * `{ identities?, pageId, engagementAttributes }`. Right on any 2xx; other
 * statuses are `http` Lefts (`operation: 'monitorReport'`).
 *
 * @internal
 */
import type { Observable } from 'rxjs';
import type { EngagementError } from '../errors';
import type { Either } from '../internal/either';
import { monitoringUrl, type MonitoringUrlParts } from './monitoring-url';
import { successful } from './reply';
import { httpRequest$, type HttpEnv } from './request';
import { putOnWire, type UpdateSessionWireMethod } from './update-session';

export const monitoringReport$ = (env: HttpEnv, target: MonitoringUrlParts, body: string, method: UpdateSessionWireMethod = 'PUT'): Observable<Either<EngagementError, unknown>> =>
  httpRequest$(
    env,
    {
      operation: 'monitorReport',
      ...putOnWire(method),
      url: monitoringUrl('report', target),
      body,
    },
    (reply) => successful('monitorReport', reply),
  );
