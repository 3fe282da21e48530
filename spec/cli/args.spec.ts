import { parseArgs } from '../../src/cli/args';

describe('parseArgs', () => {
  it('reads check with every flag', () => {
    expect(parseArgs(['check', '--account', 'A1', '--domain', 'http://127.0.0.1:9', '--section', 'Support', '--section', 'Sales,English', '--attributes', 'a.json', '--json', '--timeout', '2500'])).toEqual({
      _tag: 'Right',
      right: { command: 'check', account: 'A1', domain: 'http://127.0.0.1:9', sections: ['Support', 'Sales', 'English'], attributesFile: 'a.json', json: true, timeoutMs: 2500 },
    });
  });
  it('reads emulator with a port', () => {
    expect(parseArgs(['emulator', '--port', '0'])).toEqual({ _tag: 'Right', right: { command: 'emulator', port: 0 } });
    expect(parseArgs(['emulator'])).toEqual({ _tag: 'Right', right: { command: 'emulator', port: 4010 } });
  });
  it('gives help for no command, help and --help', () => {
    for (const argv of [[], ['help'], ['--help'], ['check', '--help']]) expect(parseArgs(argv)._tag).toBe('Right');
  });
  it.each([
    [['nope'], 'unknown command nope'],
    [['check', '--bogus'], 'unknown option --bogus'],
    [['check', '--account'], '--account needs a value'],
    [['check', '--timeout', 'soon'], '--timeout expects'],
    [['emulator', '--port', '70000'], '--port expects'],
    [['emulator', '--port', '--host'], '--port needs a value'],
  ])('refuses %j clearly', (argv, message) => {
    const r = parseArgs(argv);
    expect(r._tag === 'Left' && r.left).toContain(message);
  });
});
