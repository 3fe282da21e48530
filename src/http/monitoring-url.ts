/**
 * The Monitoring API's URLs:
 * `{origin}/api/account/{accountId}/app/{appInstallationId}/{engagement|report}?v=1.0[&vid=][&sid=][&obh=]`
 * (vid and sid in the query, unlike App Engagement). Pure.
 *
 * @internal
 */

/** Where a Monitoring call goes and what its query carries. */
export interface MonitoringUrlParts {
  readonly origin: string;
  readonly accountId: string;
  readonly appInstallationId: string;
  readonly version: string;
  readonly vid?: string;
  readonly sid?: string;
  readonly obh?: boolean;
}

export function monitoringUrl(method: 'engagement' | 'report', p: MonitoringUrlParts): string {
  const query = new URLSearchParams({ v: p.version });
  if (p.vid !== undefined) query.set('vid', p.vid);
  if (p.sid !== undefined) query.set('sid', p.sid);
  if (p.obh !== undefined) query.set('obh', String(p.obh));
  return `${p.origin}/api/account/${encodeURIComponent(p.accountId)}/app/${encodeURIComponent(p.appInstallationId)}/${method}?${query.toString()}`;
}
