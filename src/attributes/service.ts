/**
 * `service` — "Service activity": ordering a checkbook, an application, a
 * mortgage request... Fields sit under `service`; every activity is appended
 * (a session may hold several).
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { member } from './dispatch';
import { ServiceStatusCodec, type ServiceStatusCode } from './enums';
import { record } from './record';
import { Text } from './scalars';
import { builder } from './shapes';

/**
 * The fields of a service-activity attribute (under `service`), all optional.
 *
 * @since 0.1.0
 */
export interface ServiceActivity {
  /** Topic or name of the activity. */
  readonly topic?: string;
  /** 0-13, see `ServiceStatus`. */
  readonly status?: ServiceStatusCode;
  readonly category?: string;
  /** Unique id or ticket id. */
  readonly serviceId?: string;
}

/**
 * A service-activity attribute, as sent on the wire (fields under `service`).
 *
 * @since 0.1.0
 * @category Engagement attributes
 */
export type ServiceActivityAttribute = {
  readonly type: 'service';
  readonly service?: ServiceActivity;
};

/**
 * Reads the `service` object of a service-activity attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const ServiceActivityCodec = /* @__PURE__ */ record<ServiceActivity>({ topic: Text, status: ServiceStatusCodec, category: Text, serviceId: Text });

/**
 * Reads a `service` attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const ServiceActivityAttributeCodec = /* @__PURE__ */ member<ServiceActivityAttribute>('service', { service: ServiceActivityCodec });

/**
 * Builds a `service` attribute (service activity); the `service` wrapper is
 * added for you. Never throws.
 *
 * @example
 * ```ts
 * serviceActivityAttribute({ topic: 'order checkbook', status: ServiceStatus.InProgress, category: 'finance', serviceId: 'service12' });
 * // => right({ type: 'service', service: { topic: 'order checkbook', status: 1, category: 'finance', serviceId: 'service12' } })
 * ```
 * @since 0.1.0
 * @function
 * @category Engagement attributes
 */
export const serviceActivityAttribute: (fields: ServiceActivity) => Either<ValidationError, ServiceActivityAttribute> = /* @__PURE__ */ builder(ServiceActivityAttributeCodec, 'service');
