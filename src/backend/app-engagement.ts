/**
 * App Engagement's Create Session as a backend: the client's default. It is
 * today's call, unchanged (`http/create-session.ts`): vid in the path, sid in
 * the query, the session kept under the account id.
 *
 * @internal
 */
import { createSession$, createSessionBody } from '../http/create-session';
import { defaultRetryPolicy } from '../retry/policy';
import type { BackendPort } from './backend';

/** The App Engagement port. */
export const appEngagementPort: BackendPort = Object.freeze({
  name: 'appEngagement',
  body: createSessionBody,
  attempt: (http, target, body) => createSession$(http, target, body),
  retry: defaultRetryPolicy,
  csdsService: 'msdkgw',
  // Today's key: sessions stored by earlier versions still load.
  sessionKey: (accountId: string) => accountId,
} satisfies BackendPort);
