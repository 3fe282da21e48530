/**
 * A small multicasting Observable: what the check core needs of RxJS's
 * `Subject` and `BehaviorSubject` (`next`, `value`, `observed`), without
 * shipping their code in every bundle.
 *
 * @internal
 */
import { Observable, type Subscriber } from 'rxjs';

export interface Hub<T> extends Observable<T> {
  /** The last value given to `next` (the initial one before). */
  readonly value: T;
  /** True while someone is subscribed. */
  readonly observed: boolean;
  next(value: T): void;
}

/** A hub; given an initial value, every subscriber gets the current value first (a `BehaviorSubject`), else only later ones (a `Subject`). */
export function hub<T>(...initial: [] | [T]): Hub<T> {
  const replay = initial.length > 0;
  let subscribers: Array<Subscriber<T>> = [];
  let value = initial[0] as T;
  const observable = new Observable<T>((subscriber) => {
    if (replay) subscriber.next(value);
    subscribers = [...subscribers, subscriber];
    return () => {
      subscribers = subscribers.filter((s) => s !== subscriber);
    };
  });
  return Object.defineProperties(observable, {
    value: { get: () => value },
    observed: { get: () => subscribers.length > 0 },
    next: {
      value: (next: T) => {
        value = next;
        for (const s of subscribers) s.next(next);
      },
    },
  }) as Hub<T>;
}
