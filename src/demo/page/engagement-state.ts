/**
 * The engagement state the demo page shows, as a stream.
 *
 * The library's live state (`watchEngagement`) drives it; this module
 * only maps its states to what the page shows ({@link toPageState}).
 *
 * @packageDocumentation
 */
import { defer, distinctUntilChanged, map, tap, type Observable } from 'rxjs';
import type { AvailableEngagement, EngagementAttribute, EngagementClient, EngagementError, Reporter } from '../../index';
import { describeError, watchEngagement } from '../../index';

/**
 * What the page shows (the orchestrator's states, reduced to what the page
 * reads). `section` is the consumer section of the check that is running
 * or that answered.
 * @since 0.1.0
 */
export type PageState =
  | { readonly status: 'Idle' }
  | { readonly status: 'Checking'; readonly section: string }
  | { readonly status: 'Available'; readonly engagement: AvailableEngagement }
  | { readonly status: 'NotAvailable'; readonly section: string }
  | { readonly status: 'Conversation' }
  | { readonly status: 'Expired' }
  | { readonly status: 'Paused' }
  | { readonly status: 'Failed'; readonly message: string };

/**
 * The part of an orchestrator state the page reads (structural, so the
 * page does not depend on the orchestrator's full types).
 * @since 0.1.0
 */
export interface OrchestratorLikeState {
  readonly status: PageState['status'];
  readonly engagement?: { readonly status: 'Available' | 'NotAvailable' | 'Conversation' };
  readonly error?: EngagementError;
}

/**
 * Maps an orchestrator state to what the page shows; `section` is the
 * consumer section the live state checks.
 *
 * @example
 * ```ts
 * watchEngagement(client, inputs).pipe(map((s) => toPageState(s, 'Support'))).subscribe(render);
 * ```
 * @since 0.1.0
 */
export function toPageState(state: OrchestratorLikeState, section: string): PageState {
  switch (state.status) {
    case 'Available':
      return state.engagement?.status === 'Available' ? { status: 'Available', engagement: state.engagement as AvailableEngagement } : { status: 'Checking', section };
    case 'Failed':
      return { status: 'Failed', message: state.error === undefined ? 'the check failed' : describeError(state.error) };
    case 'Checking':
    case 'NotAvailable':
      return { status: state.status, section };
    default:
      return { status: state.status };
  }
}

/** The section a page state names, if any. */
const sectionOf = (s: PageState): string | undefined => (s.status === 'Checking' || s.status === 'NotAvailable' ? s.section : undefined);

/**
 * What drives the checks (the orchestrator's `EngagementInputs`, as the
 * page has them).
 * @since 0.1.0
 */
export interface PageInputs {
  /** The consumer section the visitor is in. */
  readonly section$: Observable<string>;
  /** SDEs as they happen. */
  readonly attributes$: Observable<EngagementAttribute>;
  /** "Check again". */
  readonly refresh$: Observable<unknown>;
}

/**
 * The page's engagement state, from the library's live state
 * (`watchEngagement`): `Idle` until a section is known, then a check per
 * section change, eligibility-changing SDE or refresh, renewed before the
 * engagement's validity runs out. SDEs go to `reporter` (Update Session)
 * when one is given, else in the next check.
 *
 * @example
 * ```ts
 * pageEngagement$(client, inputs, createReporter(client)).subscribe((state) => render(state));
 * ```
 * @since 0.1.0
 */
export function pageEngagement$(client: EngagementClient, inputs: PageInputs, reporter?: Reporter): Observable<PageState> {
  return defer(() => {
    // The section last given to the live state: the one its checks ask about.
    let section = '';
    return watchEngagement(
      client,
      {
        sections$: inputs.section$.pipe(
          tap((s) => (section = s)),
          map((s) => [s]),
        ),
        attributes$: inputs.attributes$,
        refresh$: inputs.refresh$,
      },
      reporter === undefined ? {} : { reporter },
    ).pipe(
      map((state) => toPageState(state, section)),
      // several orchestrator states (attempt 1, 2…) of one section show as one page state
      distinctUntilChanged((a, b) => a.status === b.status && sectionOf(a) === sectionOf(b) && a.status !== 'Available' && a.status !== 'Failed'),
    );
  });
}
