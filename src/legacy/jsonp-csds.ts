/**
 * The domain lookup of a page, over JSONP as lpChat.min.js made it: a
 * `<script>` on the CSDS endpoint with a `cb` parameter naming a global
 * callback, so the lookup needs no CORS headers from CSDS.
 *
 * @internal
 */
import { Observable } from 'rxjs';
import { csdsUrl } from '../core/origin';
import type { EngagementError, ValidationError } from '../errors';
import { csdsDomainOver, type CsdsOptions, type DomainLookup } from '../http/csds-domain';
import { originFromCsds, type CsdsTarget } from '../http/csds-lookup';
import { timeoutError } from '../http/failures';
import type { HttpEnv } from '../http/request';
import { left, type Either } from '../internal/either';

/** What the lookup uses of a page's `document`. */
export interface JsonpDocument {
  createElement(tag: 'script'): JsonpScript;
  readonly head: { appendChild(node: JsonpScript): unknown; removeChild(node: JsonpScript): unknown };
}

/** What the lookup uses of a `<script>` element. */
export interface JsonpScript {
  src: string;
  async: boolean;
  onerror: ((this: unknown, event: unknown) => unknown) | null;
}

/** The page's document when it can load a script (a browser), else `undefined`. */
export function jsonpDocument(root: unknown = globalThis): JsonpDocument | undefined {
  try {
    const doc = (root as { document?: Partial<JsonpDocument> } | undefined)?.document;
    const head = doc?.head;
    return typeof doc?.createElement == 'function' && typeof head?.appendChild == 'function' && typeof head.removeChild == 'function' ? (doc as JsonpDocument) : undefined;
  } catch {
    return undefined;
  }
}

/** Callback names are unique in a page: `engagementRxCsds1`, `engagementRxCsds2`, ... */
let calls = 0;

/**
 * One JSONP lookup per subscription: the script's callback answers with the
 * origin of the first service listed; a script that fails to load is a
 * `network` Left, one that does not call back within `timeoutMs` a
 * `timeout` Left. Unsubscribing removes the script; a late callback then
 * does nothing.
 */
export const jsonpLookup$ =
  (doc: JsonpDocument, root: Record<string, unknown>) =>
  (env: HttpEnv, target: CsdsTarget): Observable<Either<EngagementError, string>> =>
    new Observable((subscriber) => {
      const name = `engagementRxCsds${++calls}`;
      const script = doc.createElement('script');
      let finished = false;
      const finish = (result: Either<EngagementError, string> | undefined): void => {
        if (finished) return;
        finished = true;
        timer.unsubscribe();
        root[name] = () => undefined; // a script that answers late finds a callback that does nothing
        script.onerror = null;
        try {
          doc.head.removeChild(script);
        } catch {
          // already removed by the page
        }
        if (result === undefined) return;
        subscriber.next(result);
        subscriber.complete();
      };
      root[name] = (data: unknown) => finish(originFromCsds(data, target.services, 200));
      script.onerror = () => finish(left({ kind: 'network', operation: 'csds', cause: 'ScriptError', message: 'the domain lookup script could not be loaded' }));
      script.async = true;
      script.src = `${csdsUrl(target.csdsOrigin, target.accountId)}&cb=${name}`;
      const timer = env.scheduler.schedule(() => finish(left(timeoutError('csds', env.timeoutMs))), env.timeoutMs);
      doc.head.appendChild(script);
      return () => finish(undefined);
    });

/**
 * A CSDS domain lookup over JSONP in `doc` (the same options, checks and
 * caching as `csdsDomain`).
 */
export function jsonpCsdsDomain(doc: JsonpDocument, options?: CsdsOptions, root: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): Either<ValidationError, DomainLookup> {
  return csdsDomainOver(jsonpLookup$(doc, root), options);
}
