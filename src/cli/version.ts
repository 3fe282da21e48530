/**
 * The version `engagement-rx --version` prints: the `version` of the
 * package's own package.json, found by walking up from this file's folder
 * (`dist/` once built and installed, `src/cli/` in the repository).
 *
 * @internal
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The name the package.json must carry to be this package's. */
const NAME = 'engagement-rx';

/** The version in the package.json of this package at or above `from`; `unknown` when none is found. @internal */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here, or not JSON: look further up
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
