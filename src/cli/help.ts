/**
 * The help of `engagement-rx` and of each command, built from the option
 * tables (src/cli/options.ts). Pure.
 *
 * @internal
 */
import { CHECK_OPTIONS, EMULATOR_OPTIONS, GLOBAL_OPTIONS, type OptionTable } from './options';

/** The commands that have options and a help of their own. @internal */
export type CommandName = 'check' | 'emulator';

const EXIT_STATUS = 'Exit status: 0 Available or NotAvailable, 1 the check failed, 2 bad usage.';

/** The option rows of a table: `  -a, --account ID   help`, continuation lines aligned. */
export function optionRows(table: OptionTable): string {
  const heads = Object.entries(table).map(([name, o]) => `  ${o.short === undefined ? '    ' : `-${o.short}, `}--${name}${o.value === undefined ? '' : ` ${o.value}`}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  return Object.values(table)
    .flatMap((o, i) => o.help.map((line, j) => `${j === 0 ? (heads[i] ?? '').padEnd(width) : ' '.repeat(width)}${line}`))
    .join('\n');
}

const CHECK_HELP = `Usage: engagement-rx check [options]

Runs one engagement check and prints the outcome: readable text on stdout,
progress on stderr. Values go after a space or an = (--section=Support, -s Support).

Options:
${optionRows(CHECK_OPTIONS)}

${EXIT_STATUS}

Examples:
  engagement-rx check -s Support                      an embedded emulator, checked
  engagement-rx check -d http://127.0.0.1:4010 -s Sales --json
  engagement-rx check -a 12345678 -d va.v.liveperson.net -s Support -f sdes.json`;

const EMULATOR_HELP = `Usage: engagement-rx emulator [options]

Serves the LivePerson endpoints (CSDS, Create Session, Update Session) on
loopback until Ctrl-C. Exit status 1 when it cannot listen (port in use).

Options:
${optionRows(EMULATOR_OPTIONS)}

Then, in another terminal: engagement-rx check --domain http://127.0.0.1:4010`;

const GLOBAL_HELP = `engagement-rx: LivePerson getEngagement checks from the terminal

Usage:
  engagement-rx check [options]      run one engagement check and print the outcome
  engagement-rx emulator [options]   serve the LivePerson endpoints on loopback
  engagement-rx help [command]       this help, or a command's

Options:
${optionRows(GLOBAL_OPTIONS)}

${EXIT_STATUS}
See engagement-rx check --help and engagement-rx emulator --help for their options.`;

/** The help of a command, or of `engagement-rx` itself. @internal */
export function helpText(command?: CommandName): string {
  if (command === 'check') return CHECK_HELP;
  if (command === 'emulator') return EMULATOR_HELP;
  return GLOBAL_HELP;
}
