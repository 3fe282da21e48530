/**
 * `lead` — a lead the visitor generated (topic, value, id). Fields sit
 * under `lead`; every lead is appended.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { optional, record } from './record';
import { FiniteDouble, Text } from './scalars';
import { buildWrapped, wrappedAttribute } from './shapes';

/**
 * The fields of a lead attribute (under `lead`), all optional.
 *
 * @example
 * ```ts
 * const lead: LeadInfo = { topic: 'luxury car test drive 2015', value: 22.22, currency: 'USD', leadId: 'xyz123' };
 * ```
 * @since 0.1.0
 */
export interface LeadInfo {
  /** Topic or name of the lead. */
  readonly topic?: string;
  /** Evaluated value (a `double`). */
  readonly value?: number;
  readonly currency?: string;
  /** Lead id or ticket id. */
  readonly leadId?: string;
}

/**
 * A lead attribute, as sent on the wire (fields under `lead`).
 *
 * @example
 * ```ts
 * const attribute: LeadAttribute = { type: 'lead', lead: { topic: 'luxury car test drive 2015', value: 22.22 } };
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export type LeadAttribute = {
  readonly type: 'lead';
  readonly lead?: LeadInfo;
};

/**
 * Reads the `lead` object of a lead attribute.
 *
 * @example
 * ```ts
 * LeadInfoCodec.decode({ topic: 'luxury car', value: 22.22 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const LeadInfoCodec = record<LeadInfo>('a lead object', {
  topic: optional(Text),
  value: optional(FiniteDouble),
  currency: optional(Text),
  leadId: optional(Text),
});

/**
 * Reads a `lead` attribute.
 *
 * @example
 * ```ts
 * LeadCodec.decode({ type: 'lead', lead: { leadId: 'xyz123' } });
 * ```
 * @since 0.1.0
 * @internal
 */
export const LeadCodec = wrappedAttribute<LeadAttribute, LeadInfo>(
  { type: 'lead', wrapper: 'lead', name: 'a lead attribute', flatFields: [] },
  LeadInfoCodec,
);

/**
 * Builds a `lead` attribute; the `lead` wrapper is added for you. Never throws.
 *
 * @example
 * ```ts
 * leadAttribute({ topic: 'luxury car test drive 2015', value: 22.22, currency: 'USD', leadId: 'xyz123' });
 * // => right({ type: 'lead', lead: { topic: 'luxury car test drive 2015', value: 22.22, currency: 'USD', leadId: 'xyz123' } })
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export function leadAttribute(fields: LeadInfo): Either<ValidationError, LeadAttribute> {
  return buildWrapped<LeadAttribute>('lead', 'lead', LeadInfoCodec, fields);
}
