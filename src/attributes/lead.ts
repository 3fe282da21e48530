/**
 * `lead` — a lead the visitor generated (topic, value, id). Fields sit
 * under `lead`; every lead is appended.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { member } from './dispatch';
import { record } from './record';
import { FiniteDouble, Text } from './scalars';
import { builder } from './shapes';

/**
 * The fields of a lead attribute (under `lead`), all optional.
 *
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
 * @since 0.1.0
 * @internal
 */
export const LeadInfoCodec = /* @__PURE__ */ record<LeadInfo>({ topic: Text, value: FiniteDouble, currency: Text, leadId: Text });

/**
 * Reads a `lead` attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const LeadCodec = /* @__PURE__ */ member<LeadAttribute>('lead', { lead: LeadInfoCodec });

/**
 * Builds a `lead` attribute; the `lead` wrapper is added for you. Never throws.
 *
 * @example
 * ```ts
 * leadAttribute({ topic: 'luxury car test drive 2015', value: 22.22, currency: 'USD', leadId: 'xyz123' });
 * // => right({ type: 'lead', lead: { topic: 'luxury car test drive 2015', value: 22.22, currency: 'USD', leadId: 'xyz123' } })
 * ```
 * @since 0.1.0
 * @function
 * @category Engagement attributes
 */
export const leadAttribute: (fields: LeadInfo) => Either<ValidationError, LeadAttribute> = /* @__PURE__ */ builder(LeadCodec, 'lead');
