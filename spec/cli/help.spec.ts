import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helpText, optionRows } from '../../src/cli/help';
import { CHECK_OPTIONS, EMULATOR_OPTIONS, GLOBAL_OPTIONS, type OptionTable } from '../../src/cli/options';

const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'cli.md'), 'utf8');

const TABLES: ReadonlyArray<readonly [string, OptionTable, string]> = [
  ['engagement-rx', GLOBAL_OPTIONS, helpText()],
  ['check', CHECK_OPTIONS, helpText('check')],
  ['emulator', EMULATOR_OPTIONS, helpText('emulator')],
];

describe('the help', () => {
  it.each(TABLES)('of %s lists every option it accepts, long and short, in the help and in docs/cli.md', (_, table, text) => {
    for (const [name, o] of Object.entries(table)) {
      const head = `${o.short === undefined ? '' : `-${o.short}, `}--${name}${o.value === undefined ? '' : ` ${o.value}`}`;
      expect(text).toContain(head);
      expect(docs).toContain(head);
    }
  });

  it('is a different text for each command', () => {
    expect(new Set(TABLES.map(([, , text]) => text)).size).toBe(3);
    expect(helpText('check')).toMatch(/^Usage: engagement-rx check \[options\]/);
    expect(helpText('emulator')).toMatch(/^Usage: engagement-rx emulator \[options\]/);
    expect(helpText('check')).not.toContain('--port');
  });

  it('aligns the help of every option in one column, continuation lines too', () => {
    const rows = optionRows({
      long: { type: 'string', short: 'l', value: 'V', help: ['first', 'second'] },
      b: { type: 'boolean', help: ['flag'] },
    });
    expect(rows.split('\n')).toEqual(['  -l, --long V  first', '                second', '      --b       flag']);
  });
});
