// @vitest-environment happy-dom
// The options page under policies: what the organisation or the agreement with marketing sets is
// shown read-only with where it comes from, policy sites stay on (with access to allow), a locked
// connection shows its kind and address only, what could not be applied is listed, a save names
// what it could not change, and the page follows storage when a policy or the settings change.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../../components/options/OptionsPage';
import type { LoadedSettingsWithOrigins } from '../../../lib/cache/settings';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import type { Policy } from '../../../lib/domain/policy-schema';
import type { Settings } from '../../../lib/domain/settings-schema';
import { OPTIONAL_SITES } from '../../../lib/pages/sites';
import { loaded } from './loaded';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

const TEAM_RULES: Settings['slaPolicy'] = { rules: [{ id: 'all', name: 'Every handoff: 2 business hours', match: {}, firstContactHours: 2, followUpHours: [8] }], dueSoonMinutes: 60 };
const MARKETING_REASONS: Settings['feedbackReasons'] = [{ code: 'student', verdict: 'not_a_fit', label: 'Student or job seeker' }];
const FETCHED_AT = Date.UTC(2026, 10, 20, 1, 30);

interface Harness {
  access: string[][];
  saved: Settings[];
  granted: boolean;
  current: LoadedSettingsWithOrigins;
  changed?: () => void;
}

async function mount(current: LoadedSettingsWithOrigins, ignored: (keyof Settings)[] = []) {
  const harness: Harness = { access: [], saved: [], granted: false, current };
  container = document.createElement('div');
  document.body.append(container);
  await act(async () =>
    render(
      <OptionsPage
        load={async () => harness.current}
        save={async (settings) => (harness.saved.push(settings), { ignored })}
        watch={(changed) => ((harness.changed = changed), () => undefined)}
        connection={{
          onSave: async () => ({ tokenSaved: true }),
          onTest: async () => ({ ok: true, message: 'Connected.' }),
          listHubSpotProperties: async () => ({ ok: false, message: 'no token' }),
          requestAccess: async (origins) => (harness.access.push(origins), (harness.granted = true)),
          hasAccess: async () => harness.granted,
        }}
        requestNotifications={async () => true}
        report={{ now: () => 0, load: async (period) => ({ period, handoffs: [], met: 0, missed: 0, open: 0, medianBusinessMsToContact: null, verdicts: [], byCampaign: [], byReason: [], byAccount: [], mostRejected: [] }) }}
        syncStatus={{ load: async () => ({ state: null, setAside: [], setAsideTotal: 0 }), clear: async () => undefined, now: () => 0 }}
      />,
      container,
    ),
  );
  await vi.waitFor(() => expect(container.querySelector('form:not(.connection)')).not.toBeNull());
  return harness;
}

const section = (name: string) => [...container.querySelectorAll('fieldset')].find((set) => set.querySelector('legend')?.textContent === name)!;
const button = (name: string) => [...container.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!;

describe('OptionsPage under policies', () => {
  it("shows what the organisation and marketing set read-only, with where it comes from, and the rest editable", async () => {
    const managed: Policy = { slaPolicy: TEAM_RULES };
    const marketing: Policy = { feedbackReasons: MARKETING_REASONS };
    await mount(loaded(DEFAULT_SETTINGS, { layers: { managed, marketing }, marketingFetchedAt: FETCHED_AT }));
    const rules = section('SLA rules');
    expect(rules.disabled).toBe(true);
    expect(rules.querySelector('.lock-note')!.textContent).toBe('Set by your organisation: it cannot be changed here.');
    expect(rules.querySelector<HTMLInputElement>('.rule input')!.value).toBe('Every handoff: 2 business hours');
    const reasons = section('Feedback reasons');
    expect(reasons.disabled).toBe(true);
    expect(reasons.querySelector('.lock-note')!.textContent).toMatch(/^Agreed with marketing \(fetched .*2026.*\): it cannot be changed here\.$/);
    for (const name of ['Business calendar', 'Lead grading']) {
      expect(section(name).disabled).toBe(false);
      expect(section(name).querySelector('.lock-note')).toBeNull();
    }
  });

  it('keeps the sites a policy turns on ticked and disabled, and asks for access to them on request', async () => {
    const harness = await mount(loaded(DEFAULT_SETTINGS, { layers: { managed: { sites: ['salesforce'] }, marketing: {} } }));
    const sites = section('Sites (Gmail is always on)');
    const salesforce = [...sites.querySelectorAll('label')].find((label) => label.textContent?.includes('Salesforce'))!;
    expect(salesforce.textContent).toContain('(turned on by your organisation)');
    expect(salesforce.querySelector('input')!).toMatchObject({ checked: true, disabled: true });
    await vi.waitFor(() => expect(sites.querySelector('button')).not.toBeNull());
    const allow = sites.querySelector('button')!;
    expect(allow.textContent).toBe('Allow access');
    expect(allow.getAttribute('aria-label')).toBe('Allow access to Salesforce (Lightning)');
    await act(async () => allow.click());
    expect(harness.access).toEqual([OPTIONAL_SITES.find((site) => site.id === 'salesforce')!.origins]);
    await vi.waitFor(() => expect(sites.querySelector('button')).toBeNull());
  });

  it("shows a connection the organisation sets by its kind and address, with no token field when it gives the token", async () => {
    const source = { kind: 'http' as const, baseUrl: 'https://leadlens-mw.example.co.jp/leadlens', token: 'team-token' };
    await mount(loaded(DEFAULT_SETTINGS, { layers: { managed: { source }, marketing: {} } }));
    const connection = container.querySelector('.connection')!;
    expect(connection.querySelector('.lock-note')!.textContent).toBe('Set by your organisation: it cannot be changed here.');
    expect(connection.querySelector('select')).toBeNull();
    expect([...connection.querySelectorAll<HTMLInputElement>('input[readonly]')].map((input) => input.value)).toEqual(['Lead Context API', source.baseUrl]);
    expect(connection.querySelector('input[type="password"]')).toBeNull();
    expect(connection.textContent).toContain('The token is provided by your organisation.');
  });

  it('lists what a policy held that could not be applied', async () => {
    const problems = ['Your organisation\'s policy, grading: fit: the three minimums must go from highest to lowest. The rest of the policy applies; grading stays as it was.'];
    await mount(loaded(DEFAULT_SETTINGS, { problems }));
    const notice = container.querySelector('.policy-notice')!;
    expect(notice.querySelector('p')!.textContent).toBe('Part of a policy could not be applied; the rest applies:');
    expect([...notice.querySelectorAll('li')].map((item) => item.textContent)).toEqual(problems);
  });

  it('names the sections a save could not change', async () => {
    const harness = await mount(loaded(DEFAULT_SETTINGS), ['slaPolicy', 'grading']);
    await act(async () => button('Save settings').click());
    await vi.waitFor(() => expect(harness.saved).toHaveLength(1));
    expect(container.querySelector('.save-bar [role="status"]')!.textContent).toBe('Settings saved. These stay as the policy sets them: SLA rules, Lead grading.');
  });

  it('follows storage: a policy arriving locks its section, and an unsaved edit elsewhere stays', async () => {
    const harness = await mount(loaded(DEFAULT_SETTINGS));
    const email = container.querySelector<HTMLInputElement>('#rep-email')!;
    act(() => {
      email.value = 'me@example.co.jp';
      email.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(section('SLA rules').disabled).toBe(false);
    harness.current = loaded(DEFAULT_SETTINGS, { layers: { managed: { slaPolicy: TEAM_RULES }, marketing: {} } });
    await act(async () => harness.changed!());
    await vi.waitFor(() => expect(section('SLA rules').disabled).toBe(true));
    expect([...container.querySelectorAll('.rule')].map((rule) => rule.getAttribute('aria-label'))).toEqual(['Every handoff: 2 business hours']);
    expect(container.querySelector<HTMLInputElement>('#rep-email')!.value).toBe('me@example.co.jp');
    expect(container.querySelector('#definitions .sla-definitions')!.textContent).toContain('Every handoff: 2 business hours');
  });
});
