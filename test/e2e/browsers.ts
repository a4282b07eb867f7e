// Finds the browsers the browser tests drive: Debian's Chromium and Firefox ESR, or the binaries the
// environment names. Never a downloaded browser.
import { existsSync } from 'node:fs';

interface Wanted {
  name: string;
  /** The environment variable that may name the binary. */
  env: string;
  /** Where Debian installs it. */
  paths: string[];
  debianPackage: string;
  /** What the environment variable may name instead. */
  binary: string;
}

function findBrowser({ name, env, paths, debianPackage, binary }: Wanted): string {
  const candidates = [process.env[env], ...paths].filter((path): path is string => !!path);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No ${name} found for the browser tests (looked at: ${candidates.join(', ')}). ` +
        `Install Debian's package (apt-get install -y ${debianPackage}) or set ${env} to a ${binary} binary.`,
    );
  }
  return found;
}

export const findChromium = () =>
  findBrowser({ name: 'Chromium', env: 'CHROME_PATH', paths: ['/usr/bin/chromium'], debianPackage: 'chromium', binary: 'Chromium or Chrome' });

export const findFirefox = () =>
  findBrowser({ name: 'Firefox', env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], debianPackage: 'firefox-esr', binary: 'Firefox' });
