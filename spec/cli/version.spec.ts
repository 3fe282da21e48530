import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from '../../src/cli/version';

describe('packageVersion', () => {
  it('reads the version of the package.json of engagement-rx', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(packageVersion()).toBe(pkg.version);
  });

  it('walks past the package.json of other packages, and says unknown when there is none', () => {
    const root = mkdtempSync(join(tmpdir(), 'erx-version-'));
    const inner = join(root, 'node_modules', 'engagement-rx', 'dist');
    mkdirSync(inner, { recursive: true });
    writeFileSync(join(root, 'node_modules', 'engagement-rx', 'package.json'), JSON.stringify({ name: 'engagement-rx', version: '9.8.7' }));
    writeFileSync(join(inner, 'package.json'), JSON.stringify({ name: 'other', version: '1.0.0' }));
    expect(packageVersion(inner)).toBe('9.8.7');
    expect(packageVersion(join(root, 'node_modules'))).toBe('unknown');
  });
});
