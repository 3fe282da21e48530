/**
 * Orchestrators at scale: a Node service orchestrating many visitors at
 * once, each with its own client, against the emulator (in a child process,
 * so its memory is not counted here).
 *
 * Measured, with `global.gc()` before every `heapUsed` reading:
 * - the retained heap of a client after one check (the baseline);
 * - the retained heap of an idle orchestrator on top of its client (Available,
 *   its renewal timer pending), and of both together;
 * - the heap after the orchestrators' first N checks and after N × rounds
 *   checks (each round: every orchestrator gets a `refresh$`), to show that
 *   checks leave nothing behind.
 */
import { BehaviorSubject, Subject, lastValueFrom, type Observable, type Subscription } from 'rxjs';
import type { createEngagementClient as CreateClient } from '../src/index';
import type { watchEngagement as Watch } from '../src/orchestrator/engagement-stream';
import type { EngagementState } from '../src/orchestrator/state';
import type { ChildEmulator } from './emulator-process';

/** What the benchmark needs from the library (the built package by default). */
export interface ScaleLibrary {
  readonly createEngagementClient: typeof CreateClient;
  readonly watchEngagement: typeof Watch;
}

export interface OrchestratorScaleOptions {
  /** Concurrent orchestrators (one visitor and one client each). */
  readonly orchestrators: number;
  /** Checks per orchestrator in total (the first one included). */
  readonly rounds: number;
  /** Checks in flight at once. */
  readonly concurrency: number;
}

export interface OrchestratorScaleResult {
  readonly orchestrators: number;
  /** Retained bytes per client after one check. */
  readonly clientBytes: number;
  /**
   * Retained bytes per idle orchestrator on top of its client: the engine,
   * its state (with the engagement), its renewal timer, its subscriptions to
   * the inputs and the application's one subscription to it (the input
   * subjects themselves are the application's and are made beforehand).
   */
  readonly orchestratorBytes: number;
  /** Client and orchestrator together. */
  readonly visitorBytes: number;
  /** heapUsed after the orchestrators' first `orchestrators` checks. */
  readonly heapAfterFirst: number;
  /** heapUsed after `orchestrators × rounds` checks. */
  readonly heapAfterAll: number;
  readonly checks: number;
  /** (heapAfterAll − heapAfterFirst) / heapAfterFirst. */
  readonly growth: number;
  /** Checks per second over the refresh rounds. */
  readonly checksPerSecond: number;
}

function loadBuiltLibrary(): ScaleLibrary {
  // The benchmark measures the built package, as users run it (`npm run bench` builds first).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require('../dist/index.js') as Partial<ScaleLibrary>;
  if (typeof lib.watchEngagement !== 'function' || typeof lib.createEngagementClient !== 'function') {
    throw new Error('dist/index.js does not export watchEngagement: export it from src/index.ts and build');
  }
  return lib as ScaleLibrary;
}

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` at once. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

const SETTLED = new Set(['Available', 'NotAvailable', 'Failed', 'Expired']);

/** One visitor: its inputs, its subscription, and a way to wait for its next answer. */
interface Visitor {
  readonly sections$: BehaviorSubject<ReadonlyArray<string>>;
  readonly refresh$: Subject<void>;
  subscription?: Subscription;
  waiter?: (state: EngagementState) => void;
}

function settledOnce(v: Visitor, trigger: () => void): Promise<EngagementState> {
  return new Promise((resolve) => {
    v.waiter = resolve;
    trigger();
  });
}

export async function runOrchestratorScale(emulator: ChildEmulator, options: OrchestratorScaleOptions, lib: ScaleLibrary = loadBuiltLibrary()): Promise<OrchestratorScaleResult> {
  const { orchestrators: n, rounds, concurrency } = options;
  const failures: string[] = [];
  const tally = (state: EngagementState) => {
    if (state.status !== 'Available') failures.push(state.status === 'Failed' ? state.error.message : state.status);
  };

  // The application's side, made before the first reading: one visitor's input streams.
  const visitors: Visitor[] = Array.from({ length: n }, () => ({ sections$: new BehaviorSubject<ReadonlyArray<string>>(['Support']), refresh$: new Subject<void>() }));
  const h0 = heap();
  const clients = Array.from({ length: n }, () => lib.createEngagementClient({ accountId: emulator.accountId, domain: emulator.url }));
  await pool(n, concurrency, async (i) => {
    const r = await lastValueFrom((clients[i] as ReturnType<typeof CreateClient>).getEngagement({ consumerSections: ['Support'] }));
    if (r._tag === 'Left') failures.push(r.left.message);
  });
  const h1 = heap();

  const states: Array<Observable<EngagementState>> = clients.map((client, i) => {
    const v = visitors[i] as Visitor;
    return lib.watchEngagement(client, { sections$: v.sections$, refresh$: v.refresh$ });
  });
  await pool(n, concurrency, async (i) => {
    const v = visitors[i] as Visitor;
    const state = await settledOnce(v, () => {
      v.subscription = (states[i] as Observable<EngagementState>).subscribe((s) => {
        if (SETTLED.has(s.status) && v.waiter !== undefined) {
          const w = v.waiter;
          v.waiter = undefined;
          w(s);
        }
      });
    });
    tally(state);
  });
  const h2 = heap();

  const started = process.hrtime.bigint();
  for (let round = 1; round < rounds; round++) {
    await pool(n, concurrency, async (i) => {
      const v = visitors[i] as Visitor;
      tally(await settledOnce(v, () => v.refresh$.next()));
    });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const h3 = heap();

  for (const v of visitors) v.subscription?.unsubscribe();
  if (failures.length > 0) throw new Error(`${failures.length} checks did not answer Available, e.g. ${failures[0]}`);
  // Keep everything reachable until the last reading.
  if (states.length !== n || clients.length !== n) throw new Error('unreachable');
  return {
    orchestrators: n,
    clientBytes: (h1 - h0) / n,
    orchestratorBytes: (h2 - h1) / n,
    visitorBytes: (h2 - h0) / n,
    heapAfterFirst: h2,
    heapAfterAll: h3,
    checks: n * rounds,
    growth: (h3 - h2) / h2,
    checksPerSecond: (n * (rounds - 1)) / seconds,
  };
}

/** The figures as `npm run bench` prints them. */
export function formatOrchestratorScale(r: OrchestratorScaleResult): string {
  const row = (label: string, value: string, note = '') => `${label.padEnd(44)}${value.padStart(20)}${note === '' ? '' : `   ${note}`}`;
  const bytes = (b: number) => `${b.toFixed(0)} B (${(b / 1024).toFixed(2)} KB)`;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  return [
    row('client, after one check', bytes(r.clientBytes)),
    row('idle orchestrator, on top of its client', bytes(r.orchestratorBytes), `target <= 3 KB: ${r.orchestratorBytes <= 3 * 1024 ? 'met' : 'MISSED'}`),
    row('visitor (client + idle orchestrator)', bytes(r.visitorBytes)),
    row(`heap after the first ${r.orchestrators} checks`, mb(r.heapAfterFirst)),
    row(`heap after ${r.checks} checks`, mb(r.heapAfterAll), `${r.growth >= 0 ? '+' : ''}${(r.growth * 100).toFixed(2)} %, target within 5 %: ${Math.abs(r.growth) <= 0.05 ? 'met' : 'MISSED'}`),
    row('checks per second (refresh rounds)', r.checksPerSecond.toFixed(0)),
  ].join('\n');
}
