/**
 * App Engagement's Create Session as a backend: the client's default. It is
 * today's call, unchanged (`http/create-session.ts`; reports go through the
 * reporter's Update Session): vid in the path, sid in the query, the session
 * kept under the account id.
 *
 * @internal
 */
import { createSession$, createSessionBody } from '../http/create-session';
import { defaultRetryPolicy } from '../retry/policy';
import type { BackendPort } from './backend';

/** The App Engagement port. */
export const appEngagementPort: BackendPort = Object.freeze({
  body: createSessionBody,
  attempt: createSession$,
  // No report or reportBody: the reporter's own Update Session, so an app that only checks never carries it.
  retry: defaultRetryPolicy,
  // No sessionKey: today's key (the account id), so sessions stored by earlier versions still load.
} satisfies BackendPort);
