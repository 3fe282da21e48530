/**
 * Command-line parsing for `engagement-rx` on `node:util`'s `parseArgs`
 * (`--name value`, `--name=value`, short flags such as `-s Support`). Pure:
 * argv in, a command or a one-line usage error out; never throws.
 *
 * @internal
 */
import { parseArgs as readArgv } from 'node:util';
import { isLoopbackHost } from '../emulator/index';
import { ACCOUNT_ID_PATTERN } from '../emulator/protocol';
import { left, right, type Either } from '../internal/either';
import type { CommandName } from './help';
import { CHECK_OPTIONS, EMULATOR_OPTIONS, GLOBAL_OPTIONS, type OptionTable } from './options';

/** `engagement-rx check`. @internal */
export interface CheckCommand {
  readonly command: 'check';
  readonly account?: string;
  readonly domain?: string;
  readonly sections: ReadonlyArray<string>;
  readonly attributesFile?: string;
  readonly json: boolean;
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  /** The API that checks; App Engagement when absent. */
  readonly api?: 'monitoring';
  /** With `api: 'monitoring'`: the app installation id (the embedded emulator's when absent). */
  readonly appInstallationId?: string;
}

/** `engagement-rx emulator`. @internal */
export interface EmulatorCommand {
  readonly command: 'emulator';
  readonly port: number;
  readonly host?: string;
  readonly account?: string;
}

/** `engagement-rx --help`, `help [command]` or `<command> --help`. @internal */
export interface HelpCommand {
  readonly command: 'help';
  readonly topic?: CommandName;
}

/** `engagement-rx --version`. @internal */
export interface VersionCommand {
  readonly command: 'version';
}

/** What the command line asks for. @internal */
export type Command = CheckCommand | EmulatorCommand | HelpCommand | VersionCommand;

/** Bad usage: one line, and the command whose help to point to. @internal */
export interface UsageError {
  readonly command?: CommandName;
  readonly message: string;
}

const isCommandName = (s: string): s is CommandName => s === 'check' || s === 'emulator';

/** The long name of the option a `parseArgs` message quotes (`-a, --account <value>`, `-a` or `--account`). */
function longName(quoted: string, table: OptionTable): string {
  const long = /--([\w-]+)/.exec(quoted)?.[1];
  if (long !== undefined) return long;
  const short = quoted.replace(/^-/, '');
  return Object.entries(table).find(([, o]) => o.short === short)?.[0] ?? quoted;
}

/** A `parseArgs` exception as one short line naming the option. */
function usageMessage(e: unknown, table: OptionTable): string {
  const message = String((e as { message?: unknown }).message ?? e);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch ((e as { code?: unknown }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument') ? `--${longName(quoted, table)} takes no value` : `--${longName(quoted, table)} needs a value`;
    default:
      return message.split('\n')[0] ?? message;
  }
}

/** Runs `read` (a `parseArgs` call), turning its exception into a usage error. */
function attempt<V>(command: CommandName | undefined, table: OptionTable, read: () => V): Either<UsageError, V> {
  try {
    return right(read());
  } catch (e) {
    return left({ ...(command === undefined ? {} : { command }), message: usageMessage(e, table) });
  }
}

/** A whole number within [min, max], or a usage error naming the option. */
function wholeNumber(command: CommandName, flag: string, text: string, min: number, max: number, what: string): Either<UsageError, number> {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? right(n) : left({ command, message: `--${flag} expects ${what}, got ${JSON.stringify(text)}` });
}

function parseCheck(args: string[]): Either<UsageError, Command> {
  const read = attempt('check', CHECK_OPTIONS, () => readArgv({ args, options: CHECK_OPTIONS, strict: true, allowPositionals: false }).values);
  if (read._tag === 'Left') return read;
  const v = read.right;
  if (v.help === true) return right({ command: 'help', topic: 'check' });
  const timeout = v.timeout === undefined ? undefined : wholeNumber('check', 'timeout', v.timeout, 1, 2_147_483_647, 'a positive whole number of milliseconds');
  if (timeout?._tag === 'Left') return timeout;
  const attempts = v['max-attempts'] === undefined ? undefined : wholeNumber('check', 'max-attempts', v['max-attempts'], 1, 20, 'a whole number from 1 to 20');
  if (attempts?._tag === 'Left') return attempts;
  const sections = (v.section ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
  const api = v.api;
  const appInstallationId = v['app-installation-id'];
  if (api !== undefined && api !== 'app-engagement' && api !== 'monitoring') return left({ command: 'check', message: `--api expects app-engagement or monitoring, got ${JSON.stringify(api)}` });
  if (appInstallationId !== undefined && api !== 'monitoring') return left({ command: 'check', message: '--app-installation-id goes with --api monitoring' });
  if (api === 'monitoring' && appInstallationId === undefined && v.domain !== undefined) return left({ command: 'check', message: '--app-installation-id is needed with --api monitoring and --domain' });
  return right({
    command: 'check',
    sections,
    json: v.json === true,
    ...(v.account === undefined ? {} : { account: v.account }),
    ...(v.domain === undefined ? {} : { domain: v.domain }),
    ...(v.attributes === undefined ? {} : { attributesFile: v.attributes }),
    ...(timeout === undefined ? {} : { timeoutMs: timeout.right }),
    ...(attempts === undefined ? {} : { maxAttempts: attempts.right }),
    ...(api === 'monitoring' ? { api } : {}),
    ...(appInstallationId === undefined ? {} : { appInstallationId }),
  });
}

function parseEmulator(args: string[]): Either<UsageError, Command> {
  const read = attempt('emulator', EMULATOR_OPTIONS, () => readArgv({ args, options: EMULATOR_OPTIONS, strict: true, allowPositionals: false }).values);
  if (read._tag === 'Left') return read;
  const v = read.right;
  if (v.help === true) return right({ command: 'help', topic: 'emulator' });
  const port = v.port === undefined ? right(4010) : wholeNumber('emulator', 'port', v.port, 0, 65535, 'a whole number from 0 to 65535');
  if (port._tag === 'Left') return port;
  if (v.host !== undefined && !isLoopbackHost(v.host)) {
    return left({ command: 'emulator', message: `--host must be a loopback address such as 127.0.0.1, ::1 or localhost (the emulator never listens beyond this machine)` });
  }
  if (v.account !== undefined && !ACCOUNT_ID_PATTERN.test(v.account)) return left({ command: 'emulator', message: '--account expects 1-20 letters, digits or _' });
  return right({ command: 'emulator', port: port.right, ...(v.host === undefined ? {} : { host: v.host }), ...(v.account === undefined ? {} : { account: v.account }) });
}

function parseGlobal(args: string[]): Either<UsageError, Command> {
  const read = attempt(undefined, GLOBAL_OPTIONS, () => readArgv({ args, options: GLOBAL_OPTIONS, strict: true, allowPositionals: false }).values);
  if (read._tag === 'Left') return read;
  return right(read.right.version === true && read.right.help !== true ? { command: 'version' } : { command: 'help' });
}

function parseHelp(args: ReadonlyArray<string>): Either<UsageError, Command> {
  const [topic, extra] = args;
  if (topic === undefined) return right({ command: 'help' });
  if (!isCommandName(topic)) return left({ message: `no help on ${topic} (the commands are check and emulator)` });
  if (extra !== undefined) return left({ message: `unexpected argument ${extra}` });
  return right({ command: 'help', topic });
}

/**
 * Reads the arguments after `engagement-rx`.
 *
 * @internal
 */
export function parseArgs(argv: ReadonlyArray<string>): Either<UsageError, Command> {
  const [first, ...rest] = argv;
  if (first === undefined) return right({ command: 'help' });
  if (first === 'help') return parseHelp(rest);
  if (first === 'check') return parseCheck(rest);
  if (first === 'emulator') return parseEmulator(rest);
  if (first.startsWith('-')) return parseGlobal([...argv]);
  return left({ message: `unknown command ${first} (the commands are check, emulator and help)` });
}
