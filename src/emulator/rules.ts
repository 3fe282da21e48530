/**
 * The availability decision of a Create Session call. Pure.
 *
 * @internal
 */
import type { ResolvedEngagement } from './options';

/** What the decision needs to know. */
export interface AvailabilityInput {
  /** The call's `consumerSections`, in the order sent. */
  readonly sections: ReadonlyArray<string> | undefined;
  readonly engagements: ReadonlyMap<string, ResolvedEngagement>;
  readonly defaultEngagement: ResolvedEngagement | undefined;
  /** Whether each skill (by key) is online now. */
  readonly skillOnline: (skillKey: string) => boolean;
}

/** The answer: an engagement to offer, or why there is none. */
export type AvailabilityDecision =
  | { readonly status: 'Available'; readonly engagement: ResolvedEngagement; readonly matchedSection?: string }
  | { readonly status: 'NotAvailable'; readonly reason: 'noEngagement' | 'skillOffline'; readonly matchedSection?: string };

/**
 * The first section of the call that has an engagement decides; with none,
 * the default engagement does. The engagement's skill being online makes it
 * `Available`. An offline skill does not fall through to another section.
 */
export function decideAvailability(input: AvailabilityInput): AvailabilityDecision {
  const matchedSection = (input.sections ?? []).find((s) => input.engagements.has(s));
  const engagement = matchedSection === undefined ? input.defaultEngagement : input.engagements.get(matchedSection);
  const section = matchedSection === undefined ? {} : { matchedSection };
  if (engagement === undefined) return { status: 'NotAvailable', reason: 'noEngagement', ...section };
  if (!input.skillOnline(engagement.skillKey)) return { status: 'NotAvailable', reason: 'skillOffline', ...section };
  return { status: 'Available', engagement, ...section };
}
