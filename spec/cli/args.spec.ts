import { parseArgs } from '../../src/cli/args';

const right = (argv: string[]) => {
  const r = parseArgs(argv);
  if (r._tag === 'Left') throw new Error(`expected a command, got: ${r.left.message}`);
  return r.right;
};

describe('parseArgs', () => {
  it('reads check with every long flag, spaced', () => {
    expect(right(['check', '--account', 'A1', '--domain', 'http://127.0.0.1:9', '--section', 'Support', '--section', 'Sales,English', '--attributes', 'a.json', '--json', '--timeout', '2500', '--max-attempts', '2'])).toEqual({
      command: 'check',
      account: 'A1',
      domain: 'http://127.0.0.1:9',
      sections: ['Support', 'Sales', 'English'],
      attributesFile: 'a.json',
      json: true,
      timeoutMs: 2500,
      maxAttempts: 2,
    });
  });

  it('reads --name=value and the short flags', () => {
    expect(right(['check', '--section=Support', '--domain=http://127.0.0.1:4010', '--timeout=900'])).toEqual({ command: 'check', sections: ['Support'], domain: 'http://127.0.0.1:4010', json: false, timeoutMs: 900 });
    expect(right(['check', '-a', 'A1', '-d', 'va.v.liveperson.net', '-s', 'Sales', '-sBilling', '-f', 'x.json', '-t', '50', '-m', '1', '-j'])).toEqual({
      command: 'check',
      account: 'A1',
      domain: 'va.v.liveperson.net',
      sections: ['Sales', 'Billing'],
      attributesFile: 'x.json',
      json: true,
      timeoutMs: 50,
      maxAttempts: 1,
    });
    expect(right(['emulator', '-p', '0', '-H', '::1', '-a', 'acc_2'])).toEqual({ command: 'emulator', port: 0, host: '::1', account: 'acc_2' });
    expect(right(['emulator', '--port=5000'])).toEqual({ command: 'emulator', port: 5000 });
  });

  it('defaults the emulator to port 4010', () => {
    expect(right(['emulator'])).toEqual({ command: 'emulator', port: 4010 });
  });

  it('gives the help of a command for <command> --help and help <command>, the global help otherwise', () => {
    expect(right(['check', '--help'])).toEqual({ command: 'help', topic: 'check' });
    expect(right(['check', '-s', 'Support', '-h'])).toEqual({ command: 'help', topic: 'check' });
    expect(right(['emulator', '-h'])).toEqual({ command: 'help', topic: 'emulator' });
    expect(right(['help', 'emulator'])).toEqual({ command: 'help', topic: 'emulator' });
    for (const argv of [[], ['help'], ['--help'], ['-h']]) expect(right(argv)).toEqual({ command: 'help' });
  });

  it('reads --version and -v', () => {
    expect(right(['--version'])).toEqual({ command: 'version' });
    expect(right(['-v'])).toEqual({ command: 'version' });
  });

  it.each([
    [['nope'], undefined, 'unknown command nope (the commands are check, emulator and help)'],
    [['help', 'nope'], undefined, 'no help on nope (the commands are check and emulator)'],
    [['--domain', 'x'], undefined, 'unknown option --domain'],
    [['check', '--bogus'], 'check', 'unknown option --bogus'],
    [['check', '-x'], 'check', 'unknown option -x'],
    [['check', 'Support'], 'check', 'unexpected argument Support'],
    [['check', '--account'], 'check', '--account needs a value'],
    [['check', '-a', '--json'], 'check', '--account needs a value'],
    [['check', '--json=yes'], 'check', '--json takes no value'],
    [['check', '--timeout', 'soon'], 'check', '--timeout expects a positive whole number of milliseconds, got "soon"'],
    [['check', '--timeout=0'], 'check', '--timeout expects a positive whole number of milliseconds, got "0"'],
    [['check', '-m', '21'], 'check', '--max-attempts expects a whole number from 1 to 20, got "21"'],
    [['emulator', '--port', '70000'], 'emulator', '--port expects a whole number from 0 to 65535, got "70000"'],
    [['emulator', '--port', '--host'], 'emulator', '--port needs a value'],
    [['emulator', '--account', 'not an account'], 'emulator', '--account expects 1-20 letters, digits or _'],
    [['emulator', '--host', '0.0.0.0'], 'emulator', '--host must be a loopback address such as 127.0.0.1, ::1 or localhost (the emulator never listens beyond this machine)'],
  ])('refuses %j in one line naming the option', (argv, command, message) => {
    expect(parseArgs(argv)).toEqual({ _tag: 'Left', left: { ...(command === undefined ? {} : { command }), message } });
  });
});
