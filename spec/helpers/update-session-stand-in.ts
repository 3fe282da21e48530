/**
 * A loopback stand-in of LivePerson's Update Session (127.0.0.1, port 0)
 * for the outbox's crash specs: it answers 503 to a share of the calls
 * (from a seeded random source), 200 otherwise, and records the order ids
 * of the `purchase` attributes each visitor received, duplicates included.
 * `hold` keeps the answers waiting until the test releases them.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface UpdateSessionStandIn {
  readonly origin: string;
  /** Order ids received, by visitor id, in arrival order (a batch sent twice shows twice). */
  readonly received: Map<string, string[]>;
  readonly calls: () => number;
  /** Holds every answer from now on; resolves `requested` at the first held call. */
  hold(): { readonly requested: Promise<void>; release(): void };
  close(): Promise<void>;
}

export async function startUpdateSessionStandIn(options: { readonly failRate: number; readonly seed: number }): Promise<UpdateSessionStandIn> {
  let seed = options.seed;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const received = new Map<string, string[]>();
  let calls = 0;
  let held: { waiting: Array<() => void>; first: (() => void) | undefined } | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls++;
      const vid = decodeURIComponent(/\/visitors\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '');
      const answer = (): void => {
        if (random() < options.failRate) {
          res.writeHead(503, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ time: Date.now(), message: 'Service Unavailable', internalCode: 1 }));
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { engagementAttributes?: Array<{ orderId?: string }> };
        const ids = (body.engagementAttributes ?? []).map((a) => String(a.orderId));
        received.set(vid, [...(received.get(vid) ?? []), ...ids]);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end();
      };
      if (held === undefined) return answer();
      held.first?.();
      held.first = undefined;
      held.waiting.push(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    calls: () => calls,
    hold: () => {
      let first: () => void = () => undefined;
      const requested = new Promise<void>((resolve) => (first = resolve));
      const h = { waiting: [] as Array<() => void>, first };
      held = h;
      return {
        requested,
        release: () => {
          held = undefined;
          for (const answer of h.waiting.splice(0)) answer();
        },
      };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
