// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../components/Popup';
import { LeadLensDb } from '../../lib/cache/db';
import { SYNC_STATE_KEY, type SyncState } from '../../lib/cache/db-name';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { makeHandoff, makeOutboxItem } from '../fixtures/factories';
import { FIRST_SCREEN } from '../../components/Popup';

let container: HTMLElement;
let db: LeadLensDb;
afterEach(async () => {
  render(null, container);
  container.remove();
  db.close();
  await Dexie.delete(db.name);
});

describe('Popup', () => {
  it('shows writes marketing refused for good, with why, instead of dropping them', async () => {
    db = new LeadLensDb(`popup-${Math.random()}`);
    await db.outbox.bulkPut([
      makeOutboxItem(1, { state: 'dead', lastError: 'The Lead Context API refused the request (422).' }),
      makeOutboxItem(2),
    ]);
    container = document.createElement('div');
    document.body.append(container);
    await act(async () =>
      render(<Popup db={db} settings={DEFAULT_SETTINGS} loadSettings={async () => DEFAULT_SETTINGS} syncNow={async () => {}} act={async () => {}} openOptions={() => {}} enableReminders={async () => true} />, container),
    );
    await vi.waitFor(() => expect(container.querySelector('.undelivered')).not.toBeNull());
    expect(container.querySelector('.undelivered')!.textContent).toBe(
      '1 of your clicks could not be delivered to marketing. They are kept here:lead1@acme.example.com: The Lead Context API refused the request (422).',
    );
    await vi.waitFor(() => expect(container.textContent).toContain('Not synced yet. Your handoffs will show here after the first sync.'));
  });

  it('says how many records the last sync set aside, and where to read why', async () => {
    db = new LeadLensDb(`popup-${Math.random()}`);
    await db.setMeta(SYNC_STATE_KEY, { status: 'idle', sourceId: 'http', lastSuccessAt: Date.now(), recordsSynced: 40, quarantined: 3 } satisfies SyncState);
    container = document.createElement('div');
    document.body.append(container);
    await act(async () =>
      render(<Popup db={db} settings={DEFAULT_SETTINGS} loadSettings={async () => DEFAULT_SETTINGS} syncNow={async () => {}} act={async () => {}} openOptions={() => {}} enableReminders={async () => true} />, container),
    );
    await vi.waitFor(() => expect(container.querySelector('.sync-line .set-aside')?.textContent).toBe(' · 3 records set aside (see the options)'));
  });

  it('offers reminders until they are on, and stops offering once the rep allowed them', async () => {
    db = new LeadLensDb(`popup-${Math.random()}`);
    let settings = DEFAULT_SETTINGS;
    let allow = false;
    const asked: boolean[] = [];
    const enableReminders = async () => {
      asked.push(allow);
      if (allow) settings = { ...settings, reminders: { ...settings.reminders, enabled: true } };
      return allow;
    };
    container = document.createElement('div');
    document.body.append(container);
    await act(async () =>
      render(<Popup db={db} settings={settings} loadSettings={async () => settings} syncNow={async () => {}} act={async () => {}} openOptions={() => {}} enableReminders={enableReminders} />, container),
    );
    const offer = () => [...container.querySelectorAll('button')].find((button) => button.textContent === 'Remind me before deadlines');
    await vi.waitFor(() => expect(offer()).toBeDefined());
    await act(async () => offer()!.click());
    expect(offer()).toBeDefined(); // the rep said no: still offered
    allow = true;
    await act(async () => offer()!.click());
    await vi.waitFor(() => expect(offer()).toBeUndefined());
    expect(asked).toEqual([false, true]);
  });

  it('opens a long queue with its top at once, then the whole of it, and says how many there are', async () => {
    db = new LeadLensDb(`popup-${Math.random()}`);
    const now = Date.now();
    await db.handoffs.bulkPut(
      Array.from({ length: 120 }, (_, n) => makeHandoff(n, { assigneeEmail: DEFAULT_SETTINGS.repEmail, firstContactDueAt: now + (n - 60) * 600_000 })),
    );
    container = document.createElement('div');
    document.body.append(container);
    const counts: number[] = [];
    const observer = new MutationObserver(() => counts.push(container.querySelectorAll('.queue li').length));
    observer.observe(container, { childList: true, subtree: true });
    await act(async () =>
      render(<Popup db={db} settings={DEFAULT_SETTINGS} loadSettings={async () => DEFAULT_SETTINGS} syncNow={async () => {}} act={async () => {}} openOptions={() => {}} enableReminders={async () => true} />, container),
    );
    await vi.waitFor(() => expect(container.querySelectorAll('.queue li')).toHaveLength(120));
    observer.disconnect();
    expect(counts.find((count) => count > 0)).toBe(FIRST_SCREEN);
    expect(container.querySelector('.queue-count')!.textContent).toBe(' 120');
    const dues = [...container.querySelectorAll('.queue li')].map((item) => Number(item.getAttribute('data-due')));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });

  it('shows the rows it was opened with in its very first render', async () => {
    db = new LeadLensDb(`popup-${Math.random()}`);
    const handoffs = Array.from({ length: 3 }, (_, n) => makeHandoff(n, { assigneeEmail: DEFAULT_SETTINGS.repEmail, firstContactDueAt: Date.now() + n * 3_600_000 }));
    await db.handoffs.bulkPut(handoffs);
    container = document.createElement('div');
    document.body.append(container);
    act(() =>
      render(
        <Popup
          db={db}
          settings={DEFAULT_SETTINGS}
          initialQueue={{ entries: handoffs.map((handoff) => ({ handoff, lead: null })), total: 3 }}
          loadSettings={async () => DEFAULT_SETTINGS}
          syncNow={async () => {}}
          act={async () => {}}
          openOptions={() => {}}
          enableReminders={async () => true}
        />,
        container,
      ),
    );
    // Synchronously, before any query has answered.
    expect(container.querySelectorAll('.queue li')).toHaveLength(3);
    expect(container.querySelector('.queue-count')!.textContent).toBe(' 3');
    await vi.waitFor(() => expect(container.querySelectorAll('.queue li')).toHaveLength(3));
  });
});
