/**
 * Driving a reporting client against the emulator on a VirtualTimeScheduler
 * with no real sleeps: virtual time only moves while no HTTP request is in
 * flight (so a request's timeout never fires while the emulator answers),
 * and then only to the next scheduled action (a batching window, a retry
 * wait, a redelivery wait, a scheduled report).
 */
import type { VirtualTimeScheduler } from 'rxjs';
import type { FetchInit, FetchLike } from '../../src/http/fetch-like';
import { defaultFetch } from '../../src/http/default-fetch';
import { advanceTo, tick } from '../helpers/virtual-clock';

export interface SentRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface CountingFetch {
  readonly fetch: FetchLike;
  /** Requests sent but not answered yet (body included). */
  active(): number;
  readonly sent: SentRequest[];
}

/** A fetch that counts requests in flight and records what was sent. */
export function countingFetch(base: FetchLike = defaultFetch()): CountingFetch {
  let active = 0;
  const sent: SentRequest[] = [];
  const fetch: FetchLike = async (url: string, init: FetchInit) => {
    active++;
    sent.push({ url, method: init.method, headers: { ...init.headers }, ...(init.body === undefined ? {} : { body: init.body }) });
    try {
      const res = await base(url, init);
      const text = await res.text();
      return { status: res.status, headers: res.headers, text: async () => text };
    } finally {
      active--;
    }
  };
  return { fetch, active: () => active, sent };
}

/**
 * Lets I/O run and moves virtual time until `done()` holds. Throws when
 * nothing is in flight, nothing is scheduled and `done()` still fails for
 * `idleTicks` rounds (the test would otherwise hang), or after `maxSteps`.
 */
export async function settle(
  scheduler: VirtualTimeScheduler,
  http: CountingFetch,
  done: () => boolean,
  { maxSteps = 200_000, idleTicks = 50, untilFrame = Number.POSITIVE_INFINITY }: { maxSteps?: number; idleTicks?: number; untilFrame?: number } = {},
): Promise<void> {
  let idle = 0;
  for (let i = 0; i < maxSteps; i++) {
    await tick();
    if (done()) return;
    if (http.active() > 0) {
      idle = 0;
      continue;
    }
    const next = scheduler.actions.find((a) => !a.closed);
    if (next === undefined || next.delay > untilFrame) {
      if (++idle >= idleTicks) throw new Error(`settle: nothing in flight, nothing scheduled${next === undefined ? '' : ` before frame ${untilFrame}`}, and still not done`);
      continue;
    }
    idle = 0;
    advanceTo(scheduler, next.delay);
  }
  throw new Error('settle: too many steps');
}

/** A seeded PRNG (mulberry32) in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
