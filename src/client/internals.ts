/**
 * What the pieces built on a client (reporting, the live state) read from it:
 * the check core's configuration, its visitor session and its way to the
 * engagement origin. Kept off the public type, under a registered symbol, so
 * a piece from another copy of the library (the CommonJS and the ES module
 * build in one process) still finds it.
 *
 * @internal
 */
import type { Observable } from 'rxjs';
import type { EngagementError, ValidationError } from '../errors';
import type { HttpEnv } from '../http/request';
import type { Either } from '../internal/either';
import type { Hub } from '../internal/hub';
import type { NormalizedRequest } from '../model';
import type { SessionStore } from '../session/session-store';
import type { VisitorSession } from '../session/visitor-session';
import type { ResolvedConfig } from './config';

/** The key of a client's internals. */
export const INTERNALS: unique symbol = Symbol.for('engagement-rx.client') as never;

/** Adds what a piece wants carried in a Create Session of `visitorId` to a validated request. */
export type Carry = (request: NormalizedRequest, visitorId: string | undefined) => NormalizedRequest;

/** A client created with a refused configuration: every piece answers with its error. */
export interface RefusedInternals {
  readonly ok: false;
  readonly error: ValidationError;
}

/** A working client. */
export interface WorkingInternals {
  readonly ok: true;
  readonly config: ResolvedConfig;
  readonly http: HttpEnv;
  /** The visitor session: its current value, then every change. */
  readonly session: Hub<VisitorSession | undefined>;
  /** Runs `send` at the engagement origin (at once when it is known), or answers with the lookup's failure. */
  atOrigin<A>(send: (origin: string) => Observable<Either<EngagementError, A>>): Observable<Either<EngagementError, A>>;
  /** Set by a reporter: what later checks carry. */
  carry: Carry | undefined;
  /** Counts `resetSession` calls, so a piece can tell that its view of the visitor is stale. */
  resets: number;
  /** A client (an `EngagementClient`) of the same configuration and transport keeping its session in `store` (`forVisitor`). */
  derive(store: SessionStore): object;
}

export type ClientInternals = RefusedInternals | WorkingInternals;

/** The internals of a client made by `createEngagementClient`; `undefined` for anything else. */
export function internalsOf(client: unknown): ClientInternals | undefined {
  if ((typeof client !== 'object' && typeof client !== 'function') || client === null) return undefined;
  try {
    const found = (client as { [INTERNALS]?: unknown })[INTERNALS];
    return typeof found === 'object' && found !== null ? (found as ClientInternals) : undefined;
  } catch {
    return undefined; // a Proxy that throws is not a client
  }
}
