/**
 * App Engagement's Create Session as a backend: the client's default. It is
 * today's calls, unchanged (`http/create-session.ts`, and Update Session for
 * reports): vid in the path, sid in the query, the session kept under the
 * account id.
 *
 * @internal
 */
import { createSession$, createSessionBody } from '../http/create-session';
import { updateSession$ } from '../http/update-session';
import { defaultRetryPolicy } from '../retry/policy';
import type { BackendPort } from './backend';

/** The App Engagement port. */
export const appEngagementPort: BackendPort = Object.freeze({
  name: 'appEngagement',
  body: createSessionBody,
  attempt: (http, target, body) => createSession$(http, target, body),
  // Update Session: SDEs and impressions in fields of their own; a field without items is left out.
  reportBody: (pageId, attributes, impressions) => JSON.stringify({ pageId, engagementAttributes: attributes[0] && attributes, impAttributes: impressions[0] && impressions }),
  report: (http, target, body, method) => updateSession$(http, target, body, method),
  retry: defaultRetryPolicy,
  csdsService: 'msdkgw',
  // Today's key: sessions stored by earlier versions still load.
  sessionKey: (accountId: string) => accountId,
} satisfies BackendPort);
