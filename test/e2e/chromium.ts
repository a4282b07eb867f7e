// Finds the Chromium the browser tests drive: CHROME_PATH, else Debian's /usr/bin/chromium.
// Never a downloaded browser.
import { existsSync } from 'node:fs';

export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter((path): path is string => !!path);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found for the browser tests (looked at: ${candidates.join(', ')}). ` +
        'Install Debian\'s package (apt-get install -y chromium) or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}
