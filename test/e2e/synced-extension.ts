// The browser most browser-test files start from: the built extension loaded once for the file, its
// first (demo) sync done, and closed when the file is done.
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type LoadedExtension } from './extension';
import { PopupPage } from './pages/popup-page';

/** Call at a file's top level; `use` receives the extension before the file's first test. */
export function useSyncedExtension(use: (extension: LoadedExtension) => void): void {
  let launched: LoadedExtension | undefined;
  beforeAll(async () => {
    launched = await launchWithExtension();
    // The demo is synced on install; the popup shows when it is there.
    await PopupPage.waitForFirstSync(launched);
    use(launched);
  });
  afterAll(async () => {
    await launched?.close();
  });
}
