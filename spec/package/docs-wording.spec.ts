/**
 * The docs and comments speak of the library and its users only: no words
 * about how the work on it was organised, and no paths of the machine a
 * file was written on. Reads README.md, CHANGELOG.md, docs/**.md (not the
 * generated docs/api) and the .ts files of src/, bench/, scripts/ and spec/;
 * a leftover fails naming file:line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * What counts as a leftover, and why. Words the product itself uses are
 * left alone: a validation "issue" (ValidationIssue), a LivePerson
 * "session", a code "helper".
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bbrief\b/i, 'a work brief ("as the brief asks"); "briefly" is fine'],
  [/\bplanners?\b/i, 'who planned the work ("the planners measured")'],
  [/\bissues? #?\d/i, 'a tracker issue by number ("issues #2-#6")'],
  [/(^|[\s(,;])#\d+\b/, 'a tracker number ("#4")'],
  [/\bas (it was |was )?asked\b/i, 'work done "as asked"'],
  [/\b(helper|planning|working|work) sessions?\b/i, 'a session of work (a LivePerson session is fine)'],
  [/\b(CEO|worktree)\b/, 'how the work was organised'],
  [/(^|[^\w.~/-])\/(work|tmp|home|root|Users|mnt|srv)\/\S/, 'a path of a build machine'],
  [/\b[A-Z]:\\(Users|work)\\/i, 'a path of a build machine'],
];

/** This file states the patterns, so it is the one file not read. */
const SELF = relative(root, __filename).split('\\').join('/');

function filesUnder(dir: string, ext: string, skip: ReadonlyArray<string> = []): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (skip.includes(path) || e.name === 'node_modules') return [];
    if (e.isDirectory()) return filesUnder(path, ext, skip);
    return e.name.endsWith(ext) ? [path] : [];
  });
}

const FILES = [
  'README.md',
  'CHANGELOG.md',
  ...filesUnder('docs', '.md', ['docs/api']),
  ...['src', 'bench', 'spec'].flatMap((d) => filesUnder(d, '.ts')),
].filter((f) => f !== SELF);

/** `file:line: why: the line` for every line a pattern finds in `text`. */
function leftovers(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => PATTERNS.filter(([re]) => re.test(line)).map(([, why]) => `${file}:${i + 1}: ${why}: ${line.trim()}`));
}

describe('the wording of docs and comments', () => {
  it('reads the docs and every source folder', () => {
    expect(FILES).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'docs/cli.md', 'src/index.ts', 'src/cli/start.ts']));
    expect(FILES.some((f) => f.startsWith('docs/api/'))).toBe(false);
  });

  it('speaks of the product only, with no path of a build machine', () => {
    expect(FILES.flatMap((f) => leftovers(f, readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });

  it.each([
    ['The retry delays follow LivePerson, as the brief asks.', 'a work brief'],
    ['The planners measured 2.3 us per request.', 'who planned the work'],
    ['Fixed in issues #2-#6.', 'a tracker issue by number'],
    ['See #12 for the history.', 'a tracker number'],
    ['Written as asked.', 'work done "as asked"'],
    ['A helper session wrote it.', 'a session of work'],
    ['Sources: /work/shared/reference/liveperson-api.md', 'a path of a build machine'],
    ['Logs in /tmp/erx-run/out.txt', 'a path of a build machine'],
  ])('finds %j', (line, why) => {
    const [first] = leftovers('x.md', `first line\n${line}`);
    expect(first).toMatch(/^x\.md:2: /);
    expect(first).toContain(why);
    expect(first?.endsWith(`: ${line}`)).toBe(true);
  });

  it.each([
    'Each issue names the field: engagementAttributes[2].info.balance.',
    'The messages are worded more briefly.',
    'The session of that visitor answers 404/39.',
    'Bundling helpers for the browser build.',
    'Colors such as #1c2430 stay in the CSS.',
    'A URL path such as /api/account/12345678/service/baseURI.json is the API.',
  ])('leaves the product words of %j alone', (line) => {
    expect(leftovers('x.md', line)).toEqual([]);
  });
});
