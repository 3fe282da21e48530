/**
 * The files the demo server serves under `/demo/`: a fixed list (nothing
 * else on disk is reachable), read at each request so a rebuilt page needs
 * no restart.
 *
 * @packageDocumentation
 */
import { join } from 'node:path';

/**
 * One servable file.
 * @since 0.1.0
 */
export interface DemoAsset {
  readonly file: string;
  readonly type: string;
  /** Said in the 404 when the file is absent. */
  readonly missing: string;
}

/**
 * Where the demo's files are.
 * @since 0.1.0
 */
export interface DemoAssetDirs {
  /** The built page (`npm run build:demo`): index.html, legacy.html, styles.css, app.js. */
  readonly assetsDir: string;
  /** The legacy IIFE bundle (`npm run build`). */
  readonly legacyBundle: string;
}

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

/**
 * The servable files, by path under `/demo/`.
 *
 * @example
 * ```ts
 * demoAssets({ assetsDir: 'dist/demo', legacyBundle: 'dist/engagement-rx.legacy.js' }).get('app.js')?.type; // 'text/javascript; charset=utf-8'
 * ```
 * @since 0.1.0
 */
export function demoAssets(dirs: DemoAssetDirs): ReadonlyMap<string, DemoAsset> {
  const page = 'the demo page is not built: run `npm run build:demo` (or `npm run build`)';
  return new Map<string, DemoAsset>([
    ['', { file: join(dirs.assetsDir, 'index.html'), type: HTML, missing: page }],
    ['index.html', { file: join(dirs.assetsDir, 'index.html'), type: HTML, missing: page }],
    ['legacy.html', { file: join(dirs.assetsDir, 'legacy.html'), type: HTML, missing: page }],
    ['styles.css', { file: join(dirs.assetsDir, 'styles.css'), type: 'text/css; charset=utf-8', missing: page }],
    ['app.js', { file: join(dirs.assetsDir, 'app.js'), type: JS, missing: page }],
    ['engagement-rx.legacy.js', { file: dirs.legacyBundle, type: JS, missing: 'dist/engagement-rx.legacy.js is not built: run `npm run build`' }],
  ]);
}
