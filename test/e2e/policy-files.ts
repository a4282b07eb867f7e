// Enterprise policy for the browser tests, as IT would push it to a Linux machine: a JSON file in
// Chromium's managed policy folder, naming LeadLens by its id under "3rdparty". Writing there needs
// root (CI runs as root); the file is removed after the tests, and at exit should a run be cut short.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's Chromium reads mandatory policies (Google Chrome's is /etc/opt/chrome/policies/managed). */
export const MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(MANAGED_POLICY_DIR, 'leadlens-e2e.json');

export const canWritePolicies = () => process.getuid?.() === 0;

/** An extension's id from its manifest key, as Chromium works it out: SHA-256 of the key, 32 hex digits written a-p. */
export function extensionIdOf(extensionDir: string): string {
  const { key } = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { key?: string };
  if (!key) throw new Error(`${extensionDir}/manifest.json has no key: build it with LEADLENS_GRANT_SITES=1.`);
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

let exitHookSet = false;

/** Puts `policy` in force for the extension with this id, from the next browser start (or within seconds, for a running one). */
export function writePolicy(extensionId: string, policy: object): void {
  mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2));
  if (!exitHookSet) {
    process.once('exit', removePolicy);
    exitHookSet = true;
  }
}

export function removePolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}
