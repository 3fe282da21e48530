/**
 * `npm run demo`: starts the emulator and the demo page server, prints the
 * page's URL, and runs until Ctrl-C. `--port N` picks the page's port
 * (default 4321; a free one when it is taken).
 *
 * @packageDocumentation
 */
import { startDemo, type RunningDemo } from './server';

const DEFAULT_PORT = 4321;

function portArgument(argv: ReadonlyArray<string>): number | undefined {
  const i = argv.indexOf('--port');
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port expects a port number from 0 to 65535');
  return n;
}

async function start(): Promise<RunningDemo> {
  const port = portArgument(process.argv.slice(2));
  if (port !== undefined) return startDemo({ port });
  try {
    return await startDemo({ port: DEFAULT_PORT });
  } catch {
    return startDemo({ port: 0 });
  }
}

start().then(
  (demo) => {
    const { url, accountId } = demo.emulator;
    console.log('engagement-rx demo');
    console.log(`  page:        ${demo.url}`);
    console.log(`  legacy page: ${demo.origin}/demo/legacy.html`);
    console.log(`  emulator:    ${url} (account ${accountId})`);
    console.log('Ctrl-C stops it.');
    const stop = (): void => {
      void demo.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
