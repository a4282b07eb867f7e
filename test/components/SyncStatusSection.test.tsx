// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncStatusSection } from '../../components/options/SyncStatusSection';
import { LeadLensDb } from '../../lib/cache/db';
import { SYNC_STATE_KEY, type SyncState } from '../../lib/cache/db-name';
import { useMessages } from '../../lib/ui/i18n';
import japanese from '../../public/_locales/ja/messages.json';
import { clearSetAside, QUARANTINE_SHOWN, readSyncStatus } from '../../lib/cache/sync-status';

let container: HTMLElement;
let db: LeadLensDb;
afterEach(async () => {
  render(null, container);
  container.remove();
  db.close();
  await Dexie.delete(db.name);
});

const NOW = Date.UTC(2026, 10, 17, 2, 0);

async function show() {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () =>
    render(<SyncStatusSection load={() => readSyncStatus(db)} clear={() => clearSetAside(db)} now={() => NOW} />, container),
  );
}

describe('the sync in the options', () => {
  it('shows the last sync error without a Test connection', async () => {
    db = new LeadLensDb(`sync-status-${Math.random()}`);
    const failed: SyncState = { status: 'error', sourceId: 'http', lastAttemptAt: NOW, recordsSynced: 0, quarantined: 0, error: 'The Lead Context API refused the API token (401).' };
    await db.setMeta(SYNC_STATE_KEY, failed);
    await show();
    await vi.waitFor(() => expect(container.querySelector('[role="alert"]')?.textContent).toBe('Sync failed: The Lead Context API refused the API token (401).'));
  });

  it("words a failure by its kind in the rep's language, the system's own text under Details", async () => {
    db = new LeadLensDb(`sync-status-${Math.random()}`);
    const detail = 'HubSpot refused the token (401 Unauthorized: Authentication credentials not found).';
    await db.setMeta(SYNC_STATE_KEY, { status: 'error', sourceId: 'hubspot', lastAttemptAt: NOW, recordsSynced: 0, quarantined: 0, error: detail, errorCode: 'auth' } satisfies SyncState);
    await show();
    await vi.waitFor(() => expect(container.querySelector('[role="alert"] p')?.textContent).toBe('Sync failed: The marketing system refused the connection (check the token and its permissions).'));
    expect(container.querySelector('[role="alert"] details bdi')!.textContent).toBe(detail);

    render(null, container);
    useMessages('ja', japanese);
    await show();
    await vi.waitFor(() => expect(container.querySelector('[role="alert"] p')?.textContent).toBe('同期に失敗しました: マーケティングシステムが接続を拒否しました（トークンと権限を確認してください）'));
    expect(container.querySelector('[role="alert"] details summary')!.textContent).toBe('詳細');
    expect(container.querySelector('[role="alert"] details bdi')!.textContent).toBe(detail);
  });

  it('lists each set-aside record with its reason, and clears them', async () => {
    db = new LeadLensDb(`sync-status-${Math.random()}`);
    await db.setMeta(SYNC_STATE_KEY, { status: 'idle', sourceId: 'http', lastSuccessAt: NOW - 60_000, recordsSynced: 10, quarantined: 2 } satisfies SyncState);
    await db.quarantine.bulkAdd([
      { kind: 'lead', reason: 'email: Invalid email address', raw: { email: 'not-an-address', name: 'X' }, at: NOW - 2_000 },
      { kind: 'touch', reason: 'type: Invalid option', raw: { id: 't1', type: 'fax' }, at: NOW - 1_000 },
    ]);
    await show();
    await vi.waitFor(() => expect(container.querySelectorAll('.set-aside li')).toHaveLength(2));
    const items = [...container.querySelectorAll('.set-aside li')].map((item) => item.textContent);
    expect(items[0]).toContain('touch: type: Invalid option');
    expect(items[1]).toContain('lead: email: Invalid email address');
    expect(items[1]).toContain('"not-an-address"');
    expect(container.textContent).toContain('2 records from the marketing system could not be read');

    const clear = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Clear the set-aside records')!;
    await act(async () => clear.click());
    await vi.waitFor(() => expect(container.querySelectorAll('.set-aside li')).toHaveLength(0));
    expect(await db.quarantine.count()).toBe(0);
    expect((await db.getMeta<SyncState>(SYNC_STATE_KEY))?.quarantined).toBe(0);
  });

  it('reads at most a page of set-aside records but counts them all', async () => {
    db = new LeadLensDb(`sync-status-${Math.random()}`);
    await db.quarantine.bulkAdd(Array.from({ length: QUARANTINE_SHOWN + 7 }, (_, index) => ({ kind: 'lead' as const, reason: `bad ${index}`, raw: index, at: index })));
    const status = await readSyncStatus(db);
    expect(status.setAsideTotal).toBe(QUARANTINE_SHOWN + 7);
    expect(status.setAside).toHaveLength(QUARANTINE_SHOWN);
    expect(status.setAside[0]!.reason).toBe(`bad ${QUARANTINE_SHOWN + 6}`);
  });
});
