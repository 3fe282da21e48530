/**
 * Command-line parsing for `engagement-rx`. Pure: argv in, a command or a
 * clear error out.
 *
 * @internal
 */
import { left, right, type Either } from '../internal/either';

export interface CheckCommand {
  readonly command: 'check';
  readonly account?: string;
  readonly domain?: string;
  readonly sections: ReadonlyArray<string>;
  readonly attributesFile?: string;
  readonly json: boolean;
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
}

export interface EmulatorCommand {
  readonly command: 'emulator';
  readonly port: number;
  readonly host?: string;
  readonly account?: string;
}

export interface HelpCommand {
  readonly command: 'help';
  readonly topic?: string;
}

export type Command = CheckCommand | EmulatorCommand | HelpCommand;

export const HELP = `engagement-rx: LivePerson getEngagement checks from the terminal

Usage:
  engagement-rx check [--account A] [--domain D] [--section S]... [--attributes FILE] [--json]
                      [--timeout MS] [--max-attempts N]
  engagement-rx emulator [--port N] [--host H] [--account A]
  engagement-rx help

check       runs one engagement check and prints the outcome; exit status 0 on
            Available or NotAvailable, 1 on a failure, 2 on bad usage.
  --account A      LivePerson account id (default: the emulator's, 12345678)
  --domain D       engagement host (https) or a loopback origin such as
                   http://127.0.0.1:4010. Without it, an embedded emulator is
                   started and checked.
  --section S      a consumer section; repeat for more (or S1,S2)
  --attributes F   a JSON file holding an array of engagement attributes (SDEs)
  --timeout MS     budget of one attempt in ms (default 10000)
  --max-attempts N attempts in all, the first included (default 4: retries on
                   5xx, 429, network errors and timeouts around 5, 10, 15 s)
  --json           print one JSON object instead of text

emulator    serves the LivePerson endpoints on loopback until interrupted.
  --port N         port to listen on (default 4010; 0 picks a free port)
  --host H         address to bind (default 127.0.0.1, loopback only)
  --account A      account id it serves (default 12345678)
`;

function takeValue(argv: ReadonlyArray<string>, i: number, flag: string): Either<string, string> {
  const v = argv[i + 1];
  return v === undefined || v.startsWith('--') ? left(`${flag} needs a value`) : right(v);
}

export function parseArgs(argv: ReadonlyArray<string>): Either<string, Command> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return right({ command: 'help' });
  if (command === 'check') {
    let account: string | undefined;
    let domain: string | undefined;
    let attributesFile: string | undefined;
    let timeoutMs: number | undefined;
    let maxAttempts: number | undefined;
    let json = false;
    const sections: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const flag = rest[i] as string;
      if (flag === '--help' || flag === '-h') return right({ command: 'help', topic: 'check' });
      if (flag === '--json') {
        json = true;
        continue;
      }
      if (!['--account', '--domain', '--section', '--attributes', '--timeout', '--max-attempts'].includes(flag)) return left(`unknown option ${flag} for check`);
      const value = takeValue(rest, i, flag);
      if (value._tag === 'Left') return value;
      i++;
      if (flag === '--account') account = value.right;
      else if (flag === '--domain') domain = value.right;
      else if (flag === '--attributes') attributesFile = value.right;
      else if (flag === '--timeout') {
        const n = Number(value.right);
        if (!Number.isInteger(n) || n <= 0) return left('--timeout expects a positive whole number of milliseconds');
        timeoutMs = n;
      } else if (flag === '--max-attempts') {
        const n = Number(value.right);
        if (!Number.isInteger(n) || n < 1 || n > 20) return left('--max-attempts expects a whole number from 1 to 20');
        maxAttempts = n;
      } else sections.push(...value.right.split(',').map((s) => s.trim()).filter((s) => s.length > 0));
    }
    return right({
      command: 'check',
      sections,
      json,
      ...(account === undefined ? {} : { account }),
      ...(domain === undefined ? {} : { domain }),
      ...(attributesFile === undefined ? {} : { attributesFile }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
    });
  }
  if (command === 'emulator') {
    let port = 4010;
    let host: string | undefined;
    let account: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const flag = rest[i] as string;
      if (flag === '--help' || flag === '-h') return right({ command: 'help', topic: 'emulator' });
      if (!['--port', '--host', '--account'].includes(flag)) return left(`unknown option ${flag} for emulator`);
      const value = takeValue(rest, i, flag);
      if (value._tag === 'Left') return value;
      i++;
      if (flag === '--port') {
        const n = Number(value.right);
        if (!Number.isInteger(n) || n < 0 || n > 65535) return left('--port expects a whole number from 0 to 65535');
        port = n;
      } else if (flag === '--host') host = value.right;
      else account = value.right;
    }
    return right({ command: 'emulator', port, ...(host === undefined ? {} : { host }), ...(account === undefined ? {} : { account }) });
  }
  return left(`unknown command ${command} (expected check, emulator or help)`);
}
