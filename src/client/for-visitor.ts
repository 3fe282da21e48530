/**
 * Many visitors per service: a client for each visitor key, from one
 * client. A piece, like the live state and reporting: an application that
 * checks for one visitor (a page) never ships it.
 *
 * @packageDocumentation
 */
import { validationError } from '../errors';
import { kindOf } from '../internal/validation';
import { visitorKeyIssue } from '../session/visitor-key';
import { keyedView } from './async-session-store';
import { refusedClient, type EngagementClient } from './client';
import { internalsOf } from './internals';

/**
 * A client for one visitor of a service, keyed by the application's own
 * visitor key (1-256 characters, no control characters: a user id, a
 * cookie value). Cheap: it shares `client`'s configuration, transport and
 * retry policy, and keeps its session in the same store under (account id,
 * visitor key). It works with `watchEngagement` and `createReporter` like
 * any client. A bad key, or a `client` that is not one, gives a client whose
 * every check answers a `validation` Left naming `visitorKey` (or `client`).
 *
 * @example
 * ```ts
 * import { createEngagementClient } from 'engagement-rx';
 * import { forVisitor } from 'engagement-rx/node';
 *
 * const engagement = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net' });
 * // in a request handler: the visitor's own key, e.g. from a signed cookie
 * forVisitor(engagement, 'customer-42').getEngagement({ consumerSections: ['Support'] }).subscribe(console.log);
 * ```
 * @since 0.2.0
 * @category Sessions
 */
export function forVisitor(client: EngagementClient, visitorKey: string): EngagementClient {
  const core = internalsOf(client);
  const accountId = core?.ok ? core.config.accountId : '';
  if (core === undefined) return refusedClient(validationError([{ path: 'client', reason: `expected a client of createEngagementClient, got ${kindOf(client)}` }]), accountId);
  if (!core.ok) return refusedClient(core.error, accountId);
  const reason = visitorKeyIssue(visitorKey);
  if (reason !== undefined) return refusedClient(validationError([{ path: 'visitorKey', reason }]), accountId);
  return Object.assign(core.derive(keyedView(core.config.session, visitorKey)) as EngagementClient, { visitorKey });
}
