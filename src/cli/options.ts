/**
 * The options of each `engagement-rx` command, in one table per command:
 * `node:util`'s `parseArgs` reads them and the help text lists them, so a
 * flag cannot be accepted without being documented (or the reverse).
 *
 * @internal
 */

/** One option: what `parseArgs` needs, plus its help. @internal */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The placeholder of its value in the help (string options). */
  readonly value?: string;
  /** Its help, one entry a line. */
  readonly help: ReadonlyArray<string>;
}

const help: OptionSpec = { type: 'boolean', short: 'h', help: ['show this help'] };

/** Options of `engagement-rx` itself (no command). @internal */
export const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h', help: ['show this help (or a command\'s: engagement-rx check --help)'] },
  version: { type: 'boolean', short: 'v', help: ['print the version of engagement-rx'] },
} as const satisfies Record<string, OptionSpec>;

/** Options of `engagement-rx check`. @internal */
export const CHECK_OPTIONS = {
  account: {
    type: 'string',
    short: 'a',
    value: 'ID',
    help: ['LivePerson account id. Default: the emulator\'s (12345678) when no', '--domain is given or --domain is an emulator on loopback'],
  },
  domain: {
    type: 'string',
    short: 'd',
    value: 'HOST',
    help: ['engagement host (https) or a loopback origin such as', 'http://127.0.0.1:4010. Without it, an embedded emulator is', 'started and checked'],
  },
  section: { type: 'string', short: 's', multiple: true, value: 'NAME', help: ['a consumer section; repeat for more (or NAME1,NAME2)'] },
  attributes: { type: 'string', short: 'f', value: 'FILE', help: ['a JSON file holding an array of engagement attributes (SDEs)'] },
  timeout: { type: 'string', short: 't', value: 'MS', help: ['budget of one attempt in milliseconds (default 10000)'] },
  'max-attempts': {
    type: 'string',
    short: 'm',
    value: 'N',
    help: ['attempts in all, the first included, 1 to 20 (default 4: retries', 'on 5xx, 429, network errors and timeouts around 5, 10, 15 s)'],
  },
  api: {
    type: 'string',
    value: 'NAME',
    help: ['the API that checks: app-engagement (default, Create Session) or', 'monitoring (the Monitoring API; retries on 5xx, network errors and', 'timeouts around 10, 30, 90 s)'],
  },
  'app-installation-id': {
    type: 'string',
    value: 'ID',
    help: ['the app installation id the Monitoring API checks with (with', '--api monitoring). Default: the embedded emulator\'s; needed', 'with --domain'],
  },
  json: { type: 'boolean', short: 'j', help: ['print one JSON object instead of text (no progress lines)'] },
  help,
} as const satisfies Record<string, OptionSpec>;

/** Options of `engagement-rx emulator`. @internal */
export const EMULATOR_OPTIONS = {
  port: { type: 'string', short: 'p', value: 'N', help: ['port to listen on (default 4010; 0 picks a free port)'] },
  host: { type: 'string', short: 'H', value: 'ADDR', help: ['loopback address to bind (default 127.0.0.1)'] },
  account: { type: 'string', short: 'a', value: 'ID', help: ['account id it serves (default 12345678)'] },
  help,
} as const satisfies Record<string, OptionSpec>;

/** The table of any command. @internal */
export type OptionTable = Readonly<Record<string, OptionSpec>>;
