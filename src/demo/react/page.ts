/**
 * The React example of docs/react.md: the live engagement state shown by a
 * component through `useObservable`, mounted in `<StrictMode>`. The page is
 * `index.html` and this file bundled as `app.js`; it checks the emulator
 * named by `?domain=` (and `?account=`). It counts the subscriptions to the
 * live state and shows them with a button that hides the component, so a
 * test can see that unmounting leaves none.
 *
 * Written with `createElement` so it builds without a JSX step; the guide
 * shows the same component in JSX.
 *
 * @packageDocumentation
 */
import { StrictMode, createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BehaviorSubject, defer, finalize } from 'rxjs';
import { createEngagementClient, watchEngagement, type EngagementState } from '../../index';
import { useObservable } from './use-observable';

const params = new URLSearchParams(location.search);
const client = createEngagementClient({ accountId: params.get('account') ?? '12345678', domain: params.get('domain') ?? 'http://127.0.0.1:4010' });
const sections$ = new BehaviorSubject<string[]>(['Support']);

/** How many subscriptions the live state has now. */
let subscriptions = 0;
const live$ = watchEngagement(client, { sections$ });
const engagement$ = defer(() => {
  subscriptions++;
  return live$.pipe(finalize(() => subscriptions--));
});

const IDLE: EngagementState = { status: 'Idle' };

function EngagementStatus(): ReturnType<typeof h> {
  const state = useObservable(engagement$, IDLE);
  const text = state.status === 'Available' ? `Available: chat with ${state.engagement.engagementDetails.skillName ?? 'an agent'}` : state.status;
  return h('p', { id: 'engagement', role: 'status', 'data-status': state.status }, text);
}

function App(): ReturnType<typeof h> {
  const [shown, setShown] = useState(true);
  return h(
    'main',
    null,
    h('h1', null, 'engagement-rx with React'),
    shown ? h(EngagementStatus) : h('p', { id: 'engagement', 'data-status': 'hidden' }, 'Hidden'),
    h('button', { id: 'toggle', type: 'button', onClick: () => setShown((s) => !s) }, shown ? 'Hide the engagement' : 'Show the engagement'),
  );
}

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(h(StrictMode, null, h(App)));

/** What a test reads: the live state's subscriptions, and a way to unmount everything. */
(window as unknown as { engagementExample: unknown }).engagementExample = {
  subscriptions: (): number => subscriptions,
  unmount: (): void => root.unmount(),
};
