import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoPage, type BuiltDemoPage } from '../../src/demo/build';

let out: string;
let built: BuiltDemoPage;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'engagement-rx-demo-build-'));
  built = await buildDemoPage(out);
}, 30_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('buildDemoPage', () => {
  it('writes the page, its script and its styles', () => {
    for (const f of ['index.html', 'legacy.html', 'styles.css', 'app.js']) expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, 'app.js')).length).toBe(built.bytes);
  });

  it('bundles the page as a browser application: the page\'s fetch, RxJS ES2015, fp-ts ES modules', () => {
    const inputs = built.inputs.join('\n');
    expect(inputs).toContain('src/browser/default-fetch.ts');
    expect(inputs).not.toContain('src/http/default-fetch.ts');
    expect(inputs).not.toMatch(/cross-fetch|node-fetch|whatwg-fetch/);
    expect(inputs).toContain('node_modules/rxjs/dist/esm/');
    expect(inputs).not.toContain('node_modules/rxjs/dist/esm5/');
    expect(inputs).toContain('node_modules/fp-ts/es6/Either.js');
    expect(inputs).not.toContain('node_modules/fp-ts/lib/');
    expect(inputs).not.toMatch(/src\/(emulator|cli|node)\//);
  });
});
