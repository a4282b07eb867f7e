// Before any browser test: make sure there is a Chromium, then build the extension they load.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium';

export default function setup() {
  findChromium();
  if (process.env.LEADLENS_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const build = (env: Record<string, string>) =>
    execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build'], {
      cwd: root,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would build Preact's development JSX: test what ships.
      env: { ...process.env, NODE_ENV: 'production', ...env },
    });
  build({});
  // The same extension with the optional sites' hosts granted up front (see wxt.config.ts).
  build({ LEADLENS_GRANT_SITES: '1' });
}
