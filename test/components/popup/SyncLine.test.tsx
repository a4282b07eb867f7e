// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncLine } from '../../../components/popup/SyncLine';
import type { SyncState } from '../../../lib/cache/db-name';
import { useMessages } from '../../../lib/ui/i18n';
import japanese from '../../../public/_locales/ja/messages.json';

const NOW = Date.UTC(2026, 10, 17, 2, 0);
const VENDOR = 'HubSpot refused the token (401 Unauthorized: Authentication credentials not found).';
const failed = (errorCode?: string): SyncState => ({ status: 'error', sourceId: 'hubspot', lastAttemptAt: NOW, recordsSynced: 0, quarantined: 0, error: VENDOR, errorCode });

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});
function show(state: SyncState) {
  container = document.createElement('div');
  document.body.append(container);
  render(<SyncLine state={state} now={NOW} onSync={async () => undefined} />, container);
}

describe("the popup's sync line on a failure", () => {
  it("says what it means in English, the system's own words under Details", () => {
    show(failed('auth'));
    expect(container.querySelector('[role="alert"] span')!.textContent).toBe('Sync failed: The marketing system refused the connection (check the token and its permissions).');
    expect(container.querySelector('details summary')!.textContent).toBe('Details');
    expect(container.querySelector('details bdi')!.textContent).toBe(VENDOR);
  });

  it('in Japanese', () => {
    useMessages('ja', japanese);
    show(failed('network'));
    expect(container.querySelector('[role="alert"] span')!.textContent).toBe('同期に失敗しました: マーケティングシステムに接続できませんでした（ネットワークまたはアドレスを確認してください）');
    expect(container.querySelector('details summary')!.textContent).toBe('詳細');
    expect(container.querySelector('details bdi')!.textContent).toBe(VENDOR);
  });

  it('keeps a failure of no known kind in its own words, with nothing under it', () => {
    show(failed());
    expect(container.querySelector('[role="alert"] span')!.textContent).toBe(`Sync failed: ${VENDOR}`);
    expect(container.querySelector('details')).toBeNull();
  });
});
