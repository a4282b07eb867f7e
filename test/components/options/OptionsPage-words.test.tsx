// @vitest-environment happy-dom
// What the options page says and how it is read: headings in order, names without codes, the
// built-in SLA rules in the UI language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../../components/options/OptionsPage';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { useMessages } from '../../../lib/ui/i18n';
import type { LoopReport } from '../../../lib/cache/report';
import { loaded } from './loaded';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

const report = (period: { from: number; to: number }): LoopReport => ({
  period, handoffs: [], met: 1, missed: 0, open: 0, medianBusinessMsToContact: null, verdicts: [], byCampaign: [],
  byReason: [{ reasonCode: 'too_small', verdict: 'not_a_fit', count: 1 }], byAccount: [], mostRejected: [],
});

async function mount() {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () =>
    render(
      <OptionsPage
        load={async () => loaded(DEFAULT_SETTINGS)}
        save={async () => undefined}
        connection={{ onSave: async () => ({ tokenSaved: false }), onTest: async () => ({ ok: true, message: '' }), requestAccess: async () => true, hasAccess: async () => true, listHubSpotProperties: async () => ({ ok: false as const, message: '' }) }}
        requestNotifications={async () => true}
        report={{ now: () => 1_000 * 86_400_000, load: async (period) => report(period) }}
        syncStatus={{ load: async () => ({ state: null, setAside: [], setAsideTotal: 0 }), clear: async () => undefined, now: () => 0 }}
      />,
      container,
    ),
  );
  await vi.waitFor(() => expect(container.querySelector('form')).not.toBeNull());
}

describe('OptionsPage words', () => {
  it('heads each section in order, one level below the page title', async () => {
    await mount();
    await vi.waitFor(() => expect(container.querySelector('#sync-status-title')).not.toBeNull());
    const headings = [...container.querySelectorAll('h1, h2, h3')].map((heading) => `${heading.tagName} ${heading.textContent}`);
    expect(headings.slice(0, 9)).toEqual([
      'H1 LeadLens options',
      'H2 Marketing system',
      'H2 Sync',
      'H2 General',
      'H2 Sites (Gmail is always on)',
      'H2 Reminders',
      'H2 Business calendar',
      'H2 Lead grading',
      'H2 SLA rules',
    ]);
  });

  it('never shows a reason code, on screen or to a screen reader', async () => {
    await mount();
    const names = [...container.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label')).join('\n');
    await vi.waitFor(() => expect(container.querySelector('.report svg')).not.toBeNull());
    for (const code of ['too_small', 'wrong_industry', 'no_budget', 'not_now', 'has_vendor', 'left_company', 'not_decision_maker']) {
      expect(container.textContent).not.toContain(code);
      expect(names).not.toContain(code);
    }
    expect(container.querySelector('.reasons section[aria-label="Not a fit"] li input')!.getAttribute('aria-label')).toBe('Wording of reason 1 for Not a fit');
  });
  it('names the built-in SLA rules in Japanese when the UI is in Japanese', async () => {
    useMessages('ja', JSON.parse(readFileSync(join(__dirname, '../../../public/_locales/ja/messages.json'), 'utf8')));
    await mount();
    expect([...container.querySelectorAll('.rule')].map((rule) => rule.getAttribute('aria-label'))).toEqual([
      'ホットリード（グレード A1・A2・B1）',
      'ホットリード（スコア80以上）',
      'MQL（マーケティング認定リード）',
      '上記以外のすべての引き渡し',
    ]);
    expect(container.querySelector<HTMLInputElement>('.rule input')!.value).toBe('ホットリード（グレード A1・A2・B1）');
  });

  it('lands on the field a link from the popup names: the address, or the connection', async () => {
    location.hash = '#rep-email';
    await mount();
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('rep-email'));
    render(null, container);
    container.remove();
    location.hash = '#connection';
    await mount();
    await vi.waitFor(() => expect(document.activeElement).toBe(container.querySelector('.connection select')));
    location.hash = '';
  });
});
