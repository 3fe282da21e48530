/**
 * Runs the built emulator in a child process, so the server does not share
 * the benchmark's event loop (on a 2-core machine, each gets a core).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ChildEmulator {
  readonly url: string;
  readonly accountId: string;
  stop(): Promise<void>;
}

export function startChildEmulator(): Promise<ChildEmulator> {
  const entry = join(__dirname, '..', 'dist', 'emulator.js');
  const script = `require(${JSON.stringify(entry)}).startEmulator({ port: 0 }).then((e) => {
    process.stdout.write(JSON.stringify({ url: e.url, accountId: e.accountId }) + '\\n');
    process.on('message', async () => { await e.close(); process.exit(0); });
  });`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const nl = buffer.indexOf('\n');
      if (nl < 0) return;
      const info = JSON.parse(buffer.slice(0, nl)) as { url: string; accountId: string };
      resolve({
        ...info,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.send('stop');
          }),
      });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator process exited early (${code ?? 'signal'})`)));
  });
}
