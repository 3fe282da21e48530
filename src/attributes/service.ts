/**
 * `service` — "Service activity": ordering a checkbook, an application, a
 * mortgage request... Fields sit under `service`; every activity is appended
 * (a session may hold several).
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { ServiceStatusCodec, type ServiceStatusCode } from './enums';
import { optional, record } from './record';
import { Text } from './scalars';
import { buildWrapped, wrappedAttribute } from './shapes';

/**
 * The fields of a service-activity attribute (under `service`), all optional.
 *
 * @example
 * ```ts
 * const service: ServiceActivity = { topic: 'order checkbook', status: ServiceStatus.Complete, category: 'finance', serviceId: 'service12' };
 * ```
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
 * @example
 * ```ts
 * const attribute: ServiceActivityAttribute = { type: 'service', service: { topic: 'order checkbook', status: 0 } };
 * ```
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
 * @example
 * ```ts
 * ServiceActivityCodec.decode({ topic: 'order checkbook', status: 1 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const ServiceActivityCodec = record<ServiceActivity>('a service activity object', {
  topic: optional(Text),
  status: optional(ServiceStatusCodec),
  category: optional(Text),
  serviceId: optional(Text),
});

/**
 * Reads a `service` attribute.
 *
 * @example
 * ```ts
 * ServiceActivityAttributeCodec.decode({ type: 'service', service: { status: 13 } });
 * ```
 * @since 0.1.0
 * @internal
 */
export const ServiceActivityAttributeCodec = wrappedAttribute<ServiceActivityAttribute, ServiceActivity>(
  { type: 'service', wrapper: 'service', name: 'a service attribute', flatFields: [] },
  ServiceActivityCodec,
);

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
 * @category Engagement attributes
 */
export function serviceActivityAttribute(fields: ServiceActivity): Either<ValidationError, ServiceActivityAttribute> {
  return buildWrapped<ServiceActivityAttribute>('service', 'service', ServiceActivityCodec, fields);
}
