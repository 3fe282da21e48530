import { useMemo, useSyncExternalStore } from 'react';
import type { Observable } from 'rxjs';

/**
 * The latest value of `source$` (`initial` until it emits). React subscribes
 * while the component is mounted and unsubscribes when it unmounts. Keep
 * `source$` stable: create it outside the component, or with `useMemo`.
 */
export function useObservable<T>(source$: Observable<T>, initial: T): T {
  const store = useMemo(() => {
    let snapshot = initial; // cached: the same value until source$ emits another
    return {
      subscribe(onChange: () => void): () => void {
        const subscription = source$.subscribe((value) => {
          snapshot = value;
          onChange();
        });
        return () => subscription.unsubscribe();
      },
      getSnapshot: (): T => snapshot,
    };
  }, [source$]); // `initial` is only the first snapshot: a new one does not resubscribe
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
