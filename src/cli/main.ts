/**
 * `engagement-rx` on the command line: `check` and `emulator`.
 *
 * @internal
 */
import { readFileSync } from 'node:fs';
import { lastValueFrom } from 'rxjs';
import { createEngagementClient } from '../client/client';
import type { EngagementAttributeInput } from '../model';
import { startEmulator } from '../emulator/index';
import { HELP, parseArgs, type CheckCommand, type EmulatorCommand } from './args';
import { formatOutcome, outcomeJson } from './format';
import { createProgress, type ProgressSink } from './progress';
import { defaultRetryPolicy, retryPolicy } from '../retry/policy';

interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Where progress goes (stderr); TTY mode rewrites one line. */
  progress?: ProgressSink;
}

const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true },
};

function readAttributes(file: string): { ok: true; value: ReadonlyArray<EngagementAttributeInput> } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'unreadable';
    return { ok: false, message: `cannot read --attributes file ${file} (${code})` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: `--attributes file ${file} is not valid JSON` };
  }
  if (!Array.isArray(parsed)) return { ok: false, message: `--attributes file ${file} must hold a JSON array of attributes` };
  return { ok: true, value: parsed as EngagementAttributeInput[] };
}

export async function runCheck(cmd: CheckCommand, io: Io = stdio): Promise<number> {
  let attributes: ReadonlyArray<EngagementAttributeInput> | undefined;
  if (cmd.attributesFile !== undefined) {
    const r = readAttributes(cmd.attributesFile);
    if (!r.ok) {
      io.err(r.message);
      return 2;
    }
    attributes = r.value;
  }
  const emulator = cmd.domain === undefined ? await startEmulator(cmd.account === undefined ? {} : { accountId: cmd.account }) : undefined;
  try {
    const accountId = cmd.account ?? emulator?.accountId ?? '';
    const domain = cmd.domain ?? (emulator as { url: string }).url;
    if (!cmd.json) io.err(`engagement-rx check: account ${accountId} on ${emulator === undefined ? domain : `the embedded emulator at ${domain}`}`);
    const maxAttempts = cmd.maxAttempts ?? defaultRetryPolicy.maxAttempts;
    const client = createEngagementClient({
      accountId,
      domain,
      retry: retryPolicy({ maxAttempts }),
      ...(cmd.timeoutMs === undefined ? {} : { timeoutMs: cmd.timeoutMs }),
    });
    const renderer = cmd.json ? undefined : createProgress(io.progress ?? { write: (t) => io.err(t.replace(/\n$/, '')), isTTY: false }, maxAttempts);
    const progress = renderer === undefined ? undefined : client.events$.subscribe(renderer.onEvent);
    const result = await lastValueFrom(
      client.getEngagement({
        ...(cmd.sections.length === 0 ? {} : { consumerSections: cmd.sections }),
        ...(attributes === undefined ? {} : { engagementAttributes: attributes }),
      }),
    );
    progress?.unsubscribe();
    renderer?.done();
    io.out(cmd.json ? outcomeJson(result) : formatOutcome(result, Date.now()));
    return result._tag === 'Right' ? 0 : 1;
  } finally {
    await emulator?.close();
  }
}

export async function runEmulator(cmd: EmulatorCommand, io: Io = stdio): Promise<void> {
  const emulator = await startEmulator({
    port: cmd.port,
    ...(cmd.host === undefined ? {} : { host: cmd.host }),
    ...(cmd.account === undefined ? {} : { accountId: cmd.account }),
  });
  io.out(`engagement-rx emulator listening on ${emulator.url} (account ${emulator.accountId}); Ctrl-C stops it`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await emulator.close();
}

export async function main(argv: ReadonlyArray<string>, io: Io = stdio): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed._tag === 'Left') {
    io.err(`${parsed.left}\n\n${HELP}`);
    return 2;
  }
  const cmd = parsed.right;
  switch (cmd.command) {
    case 'help':
      io.out(HELP);
      return 0;
    case 'check':
      return runCheck(cmd, io);
    case 'emulator':
      await runEmulator(cmd, io);
      return 0;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`engagement-rx: unexpected failure (${(e as { name?: string }).name ?? 'Error'}: ${(e as { message?: string }).message ?? ''})\n`);
      process.exitCode = 1;
    },
  );
}
