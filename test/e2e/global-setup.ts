// Before any browser test: make sure there are the browsers, then build the extension they load.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium, findFirefox } from './browsers';

export default function setup() {
  findChromium();
  findFirefox();
  if (process.env.LEADLENS_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const build = (env: Record<string, string>, ...args: string[]) =>
    execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build', ...args], {
      cwd: root,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would build Preact's development JSX: test what ships.
      env: { ...process.env, NODE_ENV: 'production', ...env },
    });
  build({});
  // The same extension with the optional sites' hosts granted up front (see wxt.config.ts).
  build({ LEADLENS_GRANT_SITES: '1' });
  build({}, '-b', 'firefox', '--mv3');
  build({ LEADLENS_GRANT_SITES: '1' }, '-b', 'firefox', '--mv3');
}
