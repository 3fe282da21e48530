/**
 * `npm run bench`: every benchmark of engagement-rx in one run, with the
 * machine it ran on. Figures are recorded in docs/performance.md.
 */
import { machine } from './machine';
import { startChildEmulator, type ChildEmulator } from './emulator-process';
import { runThroughput } from './throughput';
import { formatHerdResult, runHerdSimulation } from './herd';
import { formatOrchestratorScale, runOrchestratorScale } from './orchestrators';
import { formatRedisSessions, runRedisSessions } from './redis-sessions';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  console.log(`engagement-rx benchmarks — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log('');

  const emulator = await startChildEmulator();
  try {
    const options = quick ? { requests: 2000, concurrency: 50, rounds: 1 } : { requests: 10_000, concurrency: 50, rounds: 3 };
    console.log(`## Throughput: ${options.requests} checks x ${options.rounds} rounds, concurrency ${options.concurrency}, emulator in a child process`);
    const results = await runThroughput(emulator, options);
    const baseline = results[0]?.checksPerSecond ?? 1;
    const keepAlive = results[1]?.checksPerSecond ?? 1;
    for (const r of results) {
      console.log(
        `${r.contender.padEnd(72)} ${r.checksPerSecond.toFixed(0).padStart(7)} checks/s   ${(r.checksPerSecond / baseline).toFixed(2)}x plain   ${(r.checksPerSecond / keepAlive).toFixed(2)}x keep-alive`,
      );
    }
    const byHand = results[2]?.checksPerSecond ?? 1;
    const client = results[3]?.checksPerSecond ?? 0;
    const verdict = (ratio: number, target: number): string => `${ratio.toFixed(2)} (target >= ${target.toFixed(2)}: ${ratio >= target ? 'met' : 'NOT MET'})`;
    console.log(`ratio client (default fetch) / keep-alive cross-fetch loop: ${verdict(client / keepAlive, 0.78)}`);
    console.log(`ratio client / cross-fetch by hand with the same transport features: ${(client / byHand).toFixed(2)}`);
    const nodeByHand = results[4]?.checksPerSecond ?? 1;
    const nodeClient = results[5]?.checksPerSecond ?? 0;
    console.log(`ratio client with nodeHttpFetch / keep-alive cross-fetch loop: ${verdict(nodeClient / keepAlive, 1)}`);
    console.log(`ratio client with nodeHttpFetch / nodeHttpFetch by hand: ${(nodeClient / nodeByHand).toFixed(2)} (what the client's pipeline costs on the same transport)`);
  } finally {
    await emulator.stop();
  }

  console.log('');
  const scale = quick ? { orchestrators: 1000, rounds: 10, concurrency: 256 } : { orchestrators: 10_000, rounds: 10, concurrency: 256 };
  console.log(
    `## Orchestrators at scale: ${scale.orchestrators} concurrent orchestrators (one client each), ${scale.orchestrators * scale.rounds} checks, concurrency ${scale.concurrency}, emulator in a child process`,
  );
  await withChildEmulator(async (emulator) => formatOrchestratorScale(await runOrchestratorScale(emulator, scale)));

  console.log('');
  const sessions = quick ? { visitors: 100, rounds: 3 } : { visitors: 300, rounds: 10 };
  console.log(`## Redis session store: ${sessions.visitors} known visitors x ${sessions.rounds} interleaved rounds per store, one check at a time, emulator in a child process, private redis-server on a unix socket`);
  await withChildEmulator(async (emulator) => formatRedisSessions(await runRedisSessions(emulator, sessions)));

  console.log('');
  console.log('## Herd: 1,000 clients through a 30 s outage, on a virtual clock (seed 1)');
  console.log(formatHerdResult(runHerdSimulation()));
}

/** Prints what `section` makes with an emulator in a child process; a failure is reported and fails the run, but the other sections still run. */
async function withChildEmulator(section: (emulator: ChildEmulator) => Promise<string>): Promise<void> {
  const emulator = await startChildEmulator();
  try {
    console.log(await section(emulator));
  } catch (e: unknown) {
    console.log(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await emulator.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
