import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckCommand } from '../../src/cli/args';
import { checkInput } from '../../src/cli/input';

const dir = mkdtempSync(join(tmpdir(), 'erx-cli-input-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const check = (o: Partial<CheckCommand> = {}): CheckCommand => ({ command: 'check', sections: [], json: false, ...o });

describe('checkInput', () => {
  it('builds the request from the sections and the SDEs of the file, in their wire form', async () => {
    const attributesFile = file('good.json', JSON.stringify([{ type: 'cart', total: 10, numItems: 1 }, { type: 'personal', personal: { gender: 'FEMALE' } }]));
    const r = await checkInput(check({ sections: ['Support'], attributesFile }));
    expect(r).toEqual({
      _tag: 'Right',
      right: { consumerSections: ['Support'], engagementAttributes: [{ type: 'cart', total: 10, numItems: 1 }, { type: 'personal', personal: { gender: 'FEMALE' } }] },
    });
  });

  it('asks nothing of a check without sections or attributes', async () => {
    expect(await checkInput(check())).toEqual({ _tag: 'Right', right: {} });
  });

  it.each([
    ['missing.json', undefined, /^cannot read --attributes file .*missing\.json \(ENOENT\)$/],
    ['bad.json', '{ not json', /^--attributes file .*bad\.json is not valid JSON$/],
    ['object.json', '{"type":"cart"}', /^--attributes file .*object\.json must hold a JSON array of engagement attributes$/],
    ['sde.json', '[{"type":"cart","total":"ten","numItems":1}]', /^invalid SDE in --attributes file .*sde\.json: \[0\]\.total: expected a finite number, got a string$/],
    ['kind.json', '[{"type":"impDisplay"}]', /^invalid SDE in --attributes file .*kind\.json: \[0\]\.type: /],
  ])('refuses the attributes file %s with status 2 and a reason', async (name, text, message) => {
    const path = text === undefined ? join(dir, name) : file(name, text);
    const r = await checkInput(check({ attributesFile: path }));
    expect(r._tag === 'Left' && r.left.exitCode).toBe(2);
    expect(r._tag === 'Left' && r.left.message).toMatch(message);
  });

  it('never echoes the values of a refused SDE', async () => {
    const r = await checkInput(check({ attributesFile: file('pii.json', '[{"type":"personal","personal":{"firstname":42,"contacts":[{"email":"jane@example.com","phone":7}]}}]') }));
    expect(r._tag).toBe('Left');
    expect(JSON.stringify(r)).not.toContain('jane@example.com');
  });

  it('lists at most three issues in its one line', async () => {
    const r = await checkInput(check({ attributesFile: file('many.json', JSON.stringify([{ type: 'cart' }, { type: 'cart' }, { type: 'cart' }])) }));
    expect(r._tag === 'Left' && r.left.message).toMatch(/; and \d+ more$/);
    expect(r._tag === 'Left' && r.left.message.split('; ').length).toBe(4);
  });

  it.each([
    [{ sections: [' '] }, /^invalid --section: consumerSections\[0\]: /],
    [{ account: 'not an account!' }, /^invalid --account: accountId: expected 1-20 letters, digits or _/],
    [{ domain: 'ftp://example.com' }, /^invalid --domain: domain: /],
  ])('refuses %j naming the option', async (o, message) => {
    const r = await checkInput(check(o));
    expect(r._tag === 'Left' && r.left.exitCode).toBe(2);
    expect(r._tag === 'Left' && r.left.message).toMatch(message);
  });
});
