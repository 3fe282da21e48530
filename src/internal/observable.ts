/**
 * Tiny Observables the core builds by hand instead of importing RxJS
 * operators: every operator a bundle imports ships its own code, and the
 * check path needs only these.
 *
 * @internal
 */
import { Observable } from 'rxjs';

/** One value, then completion (RxJS's `of(value)` for a single value). */
export function just<T>(value: T): Observable<T> {
  return new Observable<T>((subscriber) => {
    subscriber.next(value);
    subscriber.complete();
  });
}

/** `source`, without a value equal (`===`) to the one before it (RxJS's `distinctUntilChanged()`). */
export function distinct<T>(source: Observable<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    let first = true;
    let last: T;
    return source.subscribe({
      next: (value) => {
        if (!first && value === last) return;
        first = false;
        last = value;
        subscriber.next(value);
      },
      error: (e: unknown) => subscriber.error(e),
      complete: () => subscriber.complete(),
    });
  });
}
