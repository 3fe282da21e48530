import { join } from 'node:path';
import { demoAssets } from '../../src/demo/assets';

describe('demoAssets', () => {
  const assets = demoAssets({ assetsDir: '/built', legacyBundle: '/dist/legacy.js' });

  it('lists the page files and the legacy bundle, each with its type', () => {
    expect([...assets.keys()].sort()).toEqual(['', 'app.js', 'engagement-rx.legacy.js', 'index.html', 'legacy.html', 'styles.css']);
    expect(assets.get('')?.file).toBe(join('/built', 'index.html'));
    expect(assets.get('styles.css')?.type).toBe('text/css; charset=utf-8');
    expect(assets.get('engagement-rx.legacy.js')).toEqual({ file: '/dist/legacy.js', type: 'text/javascript; charset=utf-8', missing: expect.stringContaining('npm run build') });
  });

  it('says how to build the page when it is missing', () => {
    expect(assets.get('app.js')?.missing).toContain('npm run build:demo');
  });
});
