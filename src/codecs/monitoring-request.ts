/**
 * The Monitoring API's engagement request body, and the builder that writes
 * it from a validated getEngagement request:
 * `{ identities?, clientProperties?, entryPoints?, engagementAttributes? }`.
 *
 * - `entryPoints` are the request's `consumerSections`, each as
 *   `sec://{section}` (the form of LivePerson's example; the pages do not
 *   define it further);
 * - `clientProperties` is the request's `appDetails`, field for field;
 * - `identities` come from the backend's options.
 *
 * @internal
 */
import * as t from 'io-ts';
import type { ValidationIssue } from '../errors';
import type { Either } from '../internal/either';
import type { NormalizedRequest } from '../model';
import { AppDetailsCodec } from './app-details';
import { EngagementAttributesCodec } from './engagement-attributes';
import { NonEmptyString, list } from './primitives';
import { jsonBody } from './json-body';

/** One identity of the consumer: `{ iss, acr: 'loa1', sub }`. */
export const MonitoringIdentityCodec = t.type({ iss: NonEmptyString, acr: t.literal('loa1'), sub: NonEmptyString }, 'an identity { iss, acr: "loa1", sub }');

/**
 * One identity of the consumer, as the Monitoring API takes it (the type is
 * derived from its io-ts codec): `iss` the identity provider, `acr` always
 * `'loa1'`, `sub` the consumer's id there.
 *
 * @example
 * ```ts
 * const identity: MonitoringIdentity = { iss: 'https://idp.example.com', acr: 'loa1', sub: 'consumer-42' };
 * ```
 * @since 0.2.0
 * @category Backends
 */
export type MonitoringIdentity = t.TypeOf<typeof MonitoringIdentityCodec>;

/** The identities of the backend's options. */
export const MonitoringIdentitiesCodec = list(MonitoringIdentityCodec, 'an array of identities');

/** The engagement request body, every field optional. */
export const MonitoringEngagementBodyCodec = t.partial(
  {
    identities: MonitoringIdentitiesCodec,
    clientProperties: AppDetailsCodec,
    entryPoints: list(t.string, 'an array of entry points'),
    engagementAttributes: EngagementAttributesCodec,
  },
  'a Monitoring engagement body',
);

/** The engagement request body as it travels (derived from its codec). */
export type MonitoringEngagementBody = t.TypeOf<typeof MonitoringEngagementBodyCodec>;

/** The prefix that makes a consumer section an entry point. */
export const SECTION_PREFIX = 'sec://';

/** The body of one Monitoring engagement call, or the issues naming the fields JSON cannot carry. */
export function monitoringEngagementBody(request: NormalizedRequest, identities: ReadonlyArray<MonitoringIdentity> | undefined): Either<ValidationIssue[], string> {
  const body: MonitoringEngagementBody = {
    identities,
    clientProperties: request.appDetails,
    entryPoints: request.consumerSections?.map((section) => SECTION_PREFIX + section),
    engagementAttributes: request.engagementAttributes,
  };
  return jsonBody(body);
}
