/**
 * The engagement state the demo page shows, as a stream.
 *
 * INTEGRATION POINT: the library's orchestrator (`client.engagement$` /
 * `orchestrateEngagement`) is the intended source. Until it is exported,
 * this module derives the same states from `getEngagement`: a new check
 * whenever the section changes or `refresh$` emits, the check in flight
 * cancelled (switchMap), and SDEs go to `client.report`. Only this file
 * changes when the orchestrator lands: `orchestrateEngagement(client,
 * { sections$, attributes$, refresh$ })`, its states mapped to
 * {@link PageState}.
 *
 * @packageDocumentation
 */
import { combineLatest, concat, ignoreElements, map, merge, of, startWith, switchMap, tap, type Observable } from 'rxjs';
import type { AvailableEngagement, EngagementAttribute, EngagementClient } from '../../index';
import { describeError } from '../../index';

/**
 * What the page shows (the orchestrator's states, reduced to what the page
 * reads).
 *
 * @example
 * ```ts
 * const state: PageState = { status: 'Checking' };
 * ```
 * @since 0.1.0
 */
export type PageState =
  | { readonly status: 'Idle' }
  | { readonly status: 'Checking' }
  | { readonly status: 'Available'; readonly engagement: AvailableEngagement }
  | { readonly status: 'NotAvailable' }
  | { readonly status: 'Expired' }
  | { readonly status: 'Paused' }
  | { readonly status: 'Failed'; readonly message: string };

/**
 * What drives the checks (the orchestrator's `EngagementInputs`, as the
 * page has them).
 *
 * @example
 * ```ts
 * const inputs: PageInputs = { section$: of('Support'), attributes$: NEVER, refresh$: NEVER };
 * ```
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
 * The page's engagement state: `Idle` until a section is known, then
 * `Checking` and the answer of each check. SDEs go to `client.report`
 * (Update Session); a refused one is dropped (the builders already
 * validated it).
 *
 * @example
 * ```ts
 * pageEngagement$(client, inputs).subscribe((state) => render(state));
 * ```
 * @since 0.1.0
 */
export function pageEngagement$(client: EngagementClient, inputs: PageInputs): Observable<PageState> {
  const reports$ = inputs.attributes$.pipe(
    tap((attribute) => void client.report(attribute)),
    ignoreElements(),
  );
  const checks$ = combineLatest([inputs.section$, merge(of(undefined), inputs.refresh$)]).pipe(
    switchMap(([section]) =>
      concat(
        of<PageState>({ status: 'Checking' }),
        client.getEngagement({ consumerSections: [section] }).pipe(
          map((result): PageState => {
            if (result._tag === 'Left') return { status: 'Failed', message: describeError(result.left) };
            const engagement = result.right;
            return engagement.status === 'Available' ? { status: 'Available', engagement } : { status: 'NotAvailable' };
          }),
        ),
      ),
    ),
    startWith<PageState>({ status: 'Idle' }),
  );
  return merge(checks$, reports$);
}
