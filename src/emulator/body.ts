/**
 * Reads a request body with a size limit. Past the limit nothing more is
 * kept in memory: the rest is drained (so the client can finish sending and
 * read the 400) up to a hard cap, beyond which the connection is dropped.
 *
 * @internal
 */
import type { IncomingMessage } from 'node:http';

/** A request body as the handlers see it. */
export type RequestBody =
  | { readonly kind: 'text'; readonly text: string }
  /** Larger than `maxBodyBytes`. `drop`: so large that the connection must be closed after the 400. */
  | { readonly kind: 'tooLarge'; readonly drop: boolean };

/** What reading produced: a body, or nothing because the client went away. */
export type ReadResult = RequestBody | { readonly kind: 'aborted' };

/** The most bytes drained after the limit is passed: 16 times the limit, at least 1 MiB. */
export function drainCap(maxBodyBytes: number): number {
  return Math.max(maxBodyBytes * 16, 1024 * 1024);
}

/** Reads `req` to its end, keeping at most `maxBodyBytes`. Never rejects. */
export function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<ReadResult> {
  return new Promise((resolve) => {
    const cap = drainCap(maxBodyBytes);
    let settled = false;
    const settle = (result: ReadResult): void => {
      if (settled) return;
      settled = true;
      req.removeListener('data', onData);
      resolve(result);
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) {
      req.pause();
      settle({ kind: 'tooLarge', drop: true });
      return;
    }
    const chunks: Buffer[] = [];
    let kept = 0;
    let seen = 0;
    let over = Number.isFinite(declared) && declared > maxBodyBytes;
    function onData(chunk: Buffer): void {
      seen += chunk.length;
      if (seen > cap) {
        req.pause();
        settle({ kind: 'tooLarge', drop: true });
        return;
      }
      if (over) return;
      if (kept + chunk.length > maxBodyBytes) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
      kept += chunk.length;
    }
    req.on('data', onData);
    req.on('end', () => settle(over ? { kind: 'tooLarge', drop: false } : { kind: 'text', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}
