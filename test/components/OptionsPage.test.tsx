// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../components/options/OptionsPage';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import type { Settings } from '../../lib/domain/settings-schema';
import type { LoopReport } from '../../lib/cache/report';
import { OPTIONAL_SITES } from '../../lib/pages/sites';
import { loaded } from './options/loaded';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

const calls: { kind: string; args: unknown }[] = [];
let accessGranted = true;
let notificationsGranted = true;
const emptyReport = (period: { from: number; to: number }): LoopReport => ({
  period, handoffs: [], met: 3, missed: 1, open: 2, medianBusinessMsToContact: 90 * 60_000, verdicts: [],
  byCampaign: [{ campaign: 'Webinar', counts: { good_lead: 2, not_a_fit: 1, bad_timing: 0, wrong_contact: 0 } }],
  byReason: [{ reasonCode: 'too_small', verdict: 'not_a_fit', count: 1 }], byAccount: [], mostRejected: [],
});
const periods: number[] = [];
const connection = {
  onSave: async (args: unknown) => (calls.push({ kind: 'save', args }), { tokenSaved: true }),
  onTest: async (args: unknown) => (calls.push({ kind: 'test', args }), { ok: false, message: 'The Lead Context API refused the API token (401).' }),
  requestAccess: async (origins: string[]) => (calls.push({ kind: 'access', args: origins }), accessGranted),
  hasAccess: async () => true,
  listHubSpotProperties: async () => ({ ok: false as const, message: 'Set the access token of your HubSpot service key or private app in LeadLens options.' }),
};

async function mount(problem?: string, settings: Settings = DEFAULT_SETTINGS) {
  calls.length = 0;
  periods.length = 0;
  accessGranted = true;
  notificationsGranted = true;
  const saved: Settings[] = [];
  container = document.createElement('div');
  document.body.append(container);
  await act(async () =>
    render(
      <OptionsPage
        load={async () => loaded(settings, { problem })}
        save={async (settings) => void saved.push(settings)}
        connection={connection}
        requestNotifications={async () => (calls.push({ kind: 'notifications', args: null }), notificationsGranted)}
        report={{ now: () => 1_000 * 86_400_000, load: async (period) => (periods.push(period.to - period.from), emptyReport(period)) }}
        syncStatus={{ load: async () => ({ state: null, setAside: [], setAsideTotal: 0 }), clear: async () => undefined, now: () => 0 }}
      />,
      container,
    ),
  );
  await vi.waitFor(() => expect(container.querySelector('form')).not.toBeNull());
  return saved;
}

const field = <T extends Element>(selector: string) => container.querySelector<T>(selector)!;
function type(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string, event = 'input') {
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event(event, { bubbles: true }));
  });
}
const button = (name: string) => [...container.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!;
const submit = () => act(async () => button('Save settings').click());

describe('OptionsPage', () => {
  it('edits the business calendar and saves it', async () => {
    const saved = await mount();
    type(field('form:not(.connection) select'), 'ja', 'change');
    const calendar = [...container.querySelectorAll('fieldset')].find((set) => set.querySelector('legend')?.textContent === 'Business calendar')!;
    type(calendar.querySelector('select')!, 'America/New_York', 'change');
    type(calendar.querySelector<HTMLSelectElement>('label:nth-of-type(2) select')!, 'US', 'change');
    const saturday = container.querySelectorAll<HTMLInputElement>('.week input[type="checkbox"]')[5]!;
    act(() => saturday.click());
    type(field('input[aria-label="Monday: opens"]'), '８：３０'); // as a Japanese keyboard may type it
    type(field('input[aria-label="Friday: closes"]'), '1930');
    type(calendar.querySelector('textarea')!, '2026-12-29\n2026-12-30', 'change');
    type(field('input[placeholder^="12-29"]'), '12-31、01-02', 'change');
    await submit();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.language).toBe('ja');
    expect(saved[0]!.calendar).toMatchObject({
      timeZone: 'America/New_York',
      holidayCountry: 'US',
      closedDates: ['2026-12-29', '2026-12-30'],
      yearlyClosures: ['12-31', '01-02'],
    });
    expect(saved[0]!.calendar.week[0]).toEqual({ start: '08:30', end: '18:00' });
    expect(saved[0]!.calendar.week[4]).toEqual({ start: '09:00', end: '19:30' });
    expect(saved[0]!.calendar.week[5]).toEqual({ start: '09:00', end: '18:00' });
    expect(field('[role="status"]').textContent).toBe('Settings saved.');
  });

  it('stores nothing and names the field when the input is wrong', async () => {
    const saved = await mount();
    const closes = field<HTMLInputElement>('input[aria-label="Tuesday: closes"]');
    type(closes, '7 pm');
    expect(closes.getAttribute('aria-invalid')).toBe('true');
    expect(field(`#${closes.getAttribute('aria-describedby')!.split(' ')[1]}`).textContent).toBe('Enter a time from 00:00 to 23:59');
    await submit();
    expect(field('[role="alert"]').textContent).toMatch(/calendar\.week\.1\.end: time must be HH:MM, 24-hour/);
    type(closes, '07:00');
    expect(closes.getAttribute('aria-invalid')).toBe('false');
    await submit();
    const alert = field('[role="alert"]').textContent!;
    expect(alert).toMatch(/^Not saved: Settings: /);
    expect(alert).toMatch(/calendar\.week\.1: working hours must end after they start/);
    expect(saved).toEqual([]);
  });

  it('connects a Lead Context API: asks for access to its site, tests, saves, and never shows the token again', async () => {
    await mount();
    type(field('.connection select'), 'http', 'change');
    type(field('.connection input[type="url"]'), 'http://127.0.0.1:8787/api');
    type(field('.connection input[type="password"]'), 'secret');
    await act(async () => button('Test connection').click());
    await vi.waitFor(() => expect(field('.connection [role="alert"]').textContent).toBe('The Lead Context API refused the API token (401).'));
    expect(calls.slice(0, 2)).toEqual([
      { kind: 'access', args: ['http://127.0.0.1:8787/*'] },
      { kind: 'test', args: { kind: 'http', baseUrl: 'http://127.0.0.1:8787/api', clientId: undefined, token: 'secret' } },
    ]);
    await act(async () => button('Save').click());
    await vi.waitFor(() => expect(field('.connection [role="status"]').textContent).toBe('Connection saved. Syncing…'));
    expect(calls.at(-1)).toEqual({ kind: 'save', args: { kind: 'http', baseUrl: 'http://127.0.0.1:8787/api', clientId: undefined, token: 'secret' } });
    expect(field<HTMLInputElement>('.connection input[type="password"]').value).toBe('');
    expect(container.textContent).toContain('A token is saved. Leave this empty to keep it.');
  });

  it('connects HubSpot with only a private-app token, asking for access to its API host', async () => {
    await mount();
    type(field('.connection select'), 'hubspot', 'change');
    expect(container.querySelector('.connection .hint')!.textContent).toContain('crm.objects.owners.read');
    type(field('.connection input[type="password"]'), 'pat-na1-secret');
    await act(async () => button('Save').click());
    await vi.waitFor(() => expect(calls.at(-1)?.kind).toBe('save'));
    expect(calls).toEqual([
      { kind: 'access', args: ['https://api.hubapi.com/*'] },
      { kind: 'save', args: { kind: 'hubspot', baseUrl: undefined, clientId: undefined, token: 'pat-na1-secret' } },
    ]);
  });

  it('connects Marketo with its REST endpoint, client ID and client secret', async () => {
    await mount();
    type(field('.connection select'), 'marketo', 'change');
    const labels = [...container.querySelectorAll('.connection fieldset > label')].map((label) => label.firstChild?.textContent);
    expect(labels).toEqual(['Source', 'API base URL', 'Client ID', 'Client secret', 'Recent activity window (days)']);
    type(field('.connection input[type="url"]'), 'https://123-ABC-456.mktorest.com');
    type(field('.connection label:nth-of-type(3) input'), 'client-id-1');
    type(field('.connection input[type="password"]'), 'client-secret-1');
    await act(async () => button('Test connection').click());
    await vi.waitFor(() => expect(calls.at(-1)?.kind).toBe('test'));
    expect(calls).toEqual([
      { kind: 'access', args: ['https://123-abc-456.mktorest.com/*'] },
      { kind: 'test', args: { kind: 'marketo', baseUrl: 'https://123-ABC-456.mktorest.com', clientId: 'client-id-1', token: 'client-secret-1' } },
    ]);
  });

  describe('Marketo field names', () => {
    const fieldNames = () => field<HTMLDetailsElement>('.connection details');
    const nameInput = (label: string) =>
      [...fieldNames().querySelectorAll('label')].find((candidate) => candidate.firstChild?.textContent === label)!.querySelector('input')!;
    const connectMarketo = () => {
      type(field('.connection input[type="url"]'), 'https://123-ABC-456.mktorest.com');
      type(field('.connection label:nth-of-type(3) input'), 'client-id-1');
    };

    it('lists the roles with their default names, collapsed; a name typed is saved, trimmed, and a blank one not at all', async () => {
      await mount();
      expect(container.querySelector('.connection details')).toBeNull(); // only for Marketo
      type(field('.connection select'), 'marketo', 'change');
      expect(fieldNames().open).toBe(false);
      expect(fieldNames().querySelector('summary')!.textContent).toBe('Field names');
      act(() => fieldNames().querySelector('summary')!.click());
      expect(fieldNames().open).toBe(true);
      const labels = [...fieldNames().querySelectorAll('label')].map((label) => label.firstChild?.textContent);
      expect(labels).toEqual([
        'MQL date',
        "Lead owner's email address",
        "Rep's verdict",
        'Handoff action (accept, contacted, reject)',
        'Reason',
        'Note',
        'When the rep acted',
        'Write key (keeps a write from landing twice)',
        'Custom activity type ID for LeadLens feedback (optional: Admin > Marketo Custom Activities)',
      ]);
      expect([...fieldNames().querySelectorAll('input')].map((input) => input.placeholder)).toEqual([
        'mqlDate', 'leadOwnerEmailAddress', 'leadLensVerdict', 'leadLensAction', 'leadLensReason', 'leadLensNote', 'leadLensActedAt', 'leadLensKey', '',
      ]);
      connectMarketo();
      type(nameInput('MQL date'), ' MQL_Date__c ');
      type(nameInput('Note'), 'Sales_Note__c');
      type(nameInput('Note'), '   ');
      await act(async () => button('Save').click());
      await vi.waitFor(() => expect(calls.at(-1)?.kind).toBe('save'));
      const saved = calls.at(-1)!.args as Record<string, unknown>;
      expect(saved).toMatchObject({ kind: 'marketo', baseUrl: 'https://123-ABC-456.mktorest.com', clientId: 'client-id-1' });
      expect(saved.marketoFields).toStrictEqual({ mqlDate: 'MQL_Date__c' });
    });

    it('shows the saved names, and sends none once they are cleared', async () => {
      const source = { kind: 'marketo' as const, baseUrl: 'https://123-ABC-456.mktorest.com', clientId: 'client-id-1', demoSeed: 1, marketoFields: { mqlDate: 'MQL_Date__c' } };
      await mount(undefined, { ...DEFAULT_SETTINGS, source });
      expect(nameInput('MQL date').value).toBe('MQL_Date__c');
      expect(nameInput('Reason').value).toBe('');
      type(nameInput('MQL date'), '');
      await act(async () => button('Test connection').click());
      await vi.waitFor(() => expect(calls.at(-1)?.kind).toBe('test'));
      expect(calls.at(-1)!.args).toHaveProperty('marketoFields', undefined);
    });

    it('saves the custom activity type for feedback, keeps a saved one, and refuses one that is no ID', async () => {
      const source = { kind: 'marketo' as const, baseUrl: 'https://123-ABC-456.mktorest.com', clientId: 'client-id-1', demoSeed: 1, activityTypeId: 100001 };
      await mount(undefined, { ...DEFAULT_SETTINGS, source });
      const activityType = () => nameInput('Custom activity type ID for LeadLens feedback (optional: Admin > Marketo Custom Activities)');
      expect(activityType().value).toBe('100001');
      await act(async () => button('Save').click());
      await vi.waitFor(() => expect(calls.at(-1)?.kind).toBe('save'));
      expect(calls.at(-1)!.args).toHaveProperty('activityTypeId', 100001); // saving the connection again keeps it

      type(activityType(), '100002');
      await act(async () => button('Test connection').click());
      await vi.waitFor(() => expect(calls.at(-1)?.kind).toBe('test'));
      expect(calls.at(-1)!.args).toHaveProperty('activityTypeId', 100002);

      // Saving, the browser's own check of the number field stops 1.5; testing has no form check but ours.
      const asked = calls.length;
      type(activityType(), '1.5');
      await act(async () => button('Test connection').click());
      expect(field('.connection [role="alert"]').textContent).toMatch(/^Not saved: Custom activity type ID .*: 1\.5$/);
      expect(calls.length).toBe(asked);
      type(activityType(), '');
      await act(async () => button('Save').click());
      await vi.waitFor(() => expect(calls.length).toBeGreaterThan(asked));
      expect(calls.at(-1)!.args).toHaveProperty('activityTypeId', undefined);
    });

    it('refuses a name Marketo could not have, or one name for two roles, before asking anything', async () => {
      await mount();
      type(field('.connection select'), 'marketo', 'change');
      connectMarketo();
      type(nameInput('When the rep acted'), 'Acted At');
      await act(async () => button('Save').click());
      expect(field('.connection [role="alert"]').textContent).toMatch(/^Not saved: Field names: actedAt: must be a Marketo REST API field name/);
      type(nameInput('When the rep acted'), 'Sales_Outcome__c');
      type(nameInput("Rep's verdict"), 'Sales_Outcome__c');
      await act(async () => button('Test connection').click());
      expect(field('.connection [role="alert"]').textContent).toMatch(/actedAt: Sales_Outcome__c is already the field for verdict/);
      expect(calls).toEqual([]);
    });
  });

  it('saves nothing when the user refuses access to the site', async () => {
    await mount();
    accessGranted = false;
    type(field('.connection select'), 'http', 'change');
    type(field('.connection input[type="url"]'), 'https://leads.example.com');
    await act(async () => button('Save').click());
    await vi.waitFor(() =>
      expect(field('.connection [role="alert"]').textContent).toBe('LeadLens needs your permission to reach https://leads.example.com.'),
    );
    expect(calls.map((call) => call.kind)).toEqual(['access']);
  });

  it('turns a CRM on only once its site is granted, and saves the choice', async () => {
    const saved = await mount();
    const box = (name: string) =>
      [...container.querySelectorAll('label')].find((label) => label.textContent?.trim() === name)!.querySelector('input')!;
    accessGranted = false;
    await act(async () => box('HubSpot').click());
    expect(box('HubSpot').checked).toBe(false);
    accessGranted = true;
    await act(async () => box('Salesforce (Lightning)').click());
    await vi.waitFor(() => expect(box('Salesforce (Lightning)').checked).toBe(true));
    // Each site's own origins, as the page adapter declares them (lib/pages/sites.ts).
    const originsOf = (id: string) => OPTIONAL_SITES.find((site) => site.id === id)!.origins;
    expect(calls.filter((call) => call.kind === 'access').map((call) => call.args)).toEqual([originsOf('hubspot'), originsOf('salesforce')]);
    expect(originsOf('salesforce')).toEqual(['https://*.lightning.force.com/*']);
    await submit();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.sites).toEqual(['salesforce']);
  });

  it('says when stored settings were broken and the defaults are in use', async () => {
    await mount('Settings: calendar.timeZone: not an IANA time zone');
    expect(field('[role="alert"]').textContent).toMatch(/could not be read, so the defaults are in use: .*timeZone/);
  });

  it('edits, orders, adds and removes SLA rules, and refuses a rule without a deadline', async () => {
    const saved = await mount();
    const rules = () => [...container.querySelectorAll<HTMLLIElement>('.rule')];
    expect(rules().map((rule) => rule.getAttribute('aria-label'))).toEqual(DEFAULT_SETTINGS.slaPolicy.rules.map((rule) => rule.name));
    const mql = rules()[2]!;
    type(mql.querySelector('input')!, 'MQL from events');
    act(() => button('Add rule').click());
    expect(rules()).toHaveLength(5);
    expect(rules()[3]!.getAttribute('aria-label')).toBe('New rule'); // added before the catch-all
    act(() => rules()[3]!.querySelector<HTMLButtonElement>('button[aria-label="Move New rule up"]')!.click());
    expect(rules()[2]!.getAttribute('aria-label')).toBe('New rule');
    const added = rules()[2]!;
    type(added.querySelector<HTMLInputElement>(':scope > label:nth-of-type(2) input')!, 'a1, b1', 'change');
    type(added.querySelector<HTMLInputElement>(':scope > label:nth-of-type(3) input')!, '75');
    type(added.querySelector<HTMLInputElement>(':scope > label:nth-of-type(4) input')!, '2');
    type(added.querySelector<HTMLInputElement>(':scope > label:nth-of-type(5) input')!, '4, 8', 'change');
    act(() => [...added.querySelectorAll<HTMLInputElement>('.rule-match input')][2]!.click()); // MQL
    act(() => [...rules()[0]!.querySelectorAll('button')].find((b) => b.textContent === 'Remove rule')!.click());
    await submit();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    const policy = saved[0]!.slaPolicy;
    expect(policy.rules.map((rule) => rule.name)).toEqual(['Hot lead: score 80 and over', 'New rule', 'MQL from events', 'Every other handoff']);
    expect(policy.rules[1]).toMatchObject({ match: { grades: ['A1', 'B1'], minScore: 75, stages: ['mql'] }, firstContactHours: 2, followUpHours: [4, 8] });

    type(rules()[1]!.querySelector<HTMLInputElement>(':scope > label:nth-of-type(4) input')!, '');
    await submit();
    expect(field('[role="alert"]').textContent).toMatch(/slaPolicy\.rules\.1\.firstContactHours/);
    expect(saved).toHaveLength(1);
  });

  it('rewords, adds and removes feedback reasons per verdict', async () => {
    const saved = await mount();
    const section = (name: string) => container.querySelector<HTMLElement>(`.reasons section[aria-label="${name}"]`)!;
    const notAFit = section('Not a fit');
    expect([...notAFit.querySelectorAll('li input')].map((input) => (input as HTMLInputElement).placeholder)).toEqual(['Company too small', 'Wrong industry', 'No budget']);
    type(notAFit.querySelector<HTMLInputElement>('li input')!, 'Under 50 employees');
    type(notAFit.querySelector<HTMLInputElement>('.add-reason input')!, 'Student or job seeker!');
    act(() => notAFit.querySelector<HTMLButtonElement>('.add-reason button')!.click());
    act(() => section('Bad timing').querySelector<HTMLButtonElement>('button[aria-label="Remove Under contract with a vendor"]')!.click());
    await submit();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    const reasons = saved[0]!.feedbackReasons;
    expect(reasons.find((reason) => reason.code === 'too_small')).toEqual({ code: 'too_small', verdict: 'not_a_fit', label: 'Under 50 employees' });
    expect(reasons.at(-1)).toEqual({ code: 'student_or_job_seeker', verdict: 'not_a_fit', label: 'Student or job seeker!' });
    expect(reasons.map((reason) => reason.code)).not.toContain('has_vendor');
  });

  it('turns reminders on only once notifications are allowed', async () => {
    const saved = await mount();
    const remindersBox = [...container.querySelectorAll('label')].find((label) => label.textContent?.trim() === 'Notify me before handoff deadlines')!.querySelector('input')!;
    expect(remindersBox.checked).toBe(false); // off until the rep allows notifications
    notificationsGranted = false;
    await act(async () => remindersBox.click());
    expect(remindersBox.checked).toBe(false);
    notificationsGranted = true;
    await act(async () => remindersBox.click());
    await vi.waitFor(() => expect(remindersBox.checked).toBe(true));
    type([...container.querySelectorAll<HTMLInputElement>('input[type="number"]')][0]!, '45');
    await submit();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.reminders).toEqual({ enabled: true, beforeMinutes: 45, atBreach: true });
    expect(calls.filter((call) => call.kind === 'notifications')).toHaveLength(2);
    act(() => remindersBox.click()); // turning them off asks nothing
    expect(remindersBox.checked).toBe(false);
    expect(calls.filter((call) => call.kind === 'notifications')).toHaveLength(2);
  });

  describe('lead grading', () => {
    const grading = () => field<HTMLFieldSetElement>('fieldset.grading');
    const minimum = (name: string) => grading().querySelector<HTMLInputElement>(`input[aria-label="${name}"]`)!;
    const custom = { fit: [80, 55, 30] as [number, number, number], readiness: [85, 65, 45] as [number, number, number], targetIndustries: ['Retail', '小売'] };

    it('shows the current grading, says which sources it applies to, and saves edits', async () => {
      const saved = await mount(undefined, { ...DEFAULT_SETTINGS, grading: custom });
      expect(grading().querySelector('legend')!.textContent).toBe('Lead grading');
      expect(grading().querySelector('.hint')!.textContent).toBe(
        "LeadLens works out grades for HubSpot, Marketo and the demo; the Lead Context API sends marketing's own.",
      );
      expect(['A', 'B', 'C'].map((letter) => minimum(`Lowest fit points for ${letter}`).value)).toEqual(['80', '55', '30']);
      expect(['1', '2', '3'].map((digit) => minimum(`Lowest score for readiness ${digit}`).value)).toEqual(['85', '65', '45']);
      expect(grading().querySelector('textarea')!.value).toBe('Retail\n小売');

      type(minimum('Lowest score for readiness 1'), '95');
      type(minimum('Lowest fit points for C'), '20');
      type(grading().querySelector('textarea')!, ' Healthcare \n\nmedical\r\n医療', 'change');
      await submit();
      await vi.waitFor(() => expect(saved).toHaveLength(1));
      expect(saved[0]!.grading).toEqual({ fit: [80, 55, 20], readiness: [95, 65, 45], targetIndustries: ['Healthcare', 'medical', '医療'] });
    });

    // A number over 100 the browser refuses itself, by the input's max, before the form is submitted.
    it('stores nothing and names the field when the minimums are out of order or one is left empty', async () => {
      const saved = await mount();
      type(minimum('Lowest score for readiness 3'), '70');
      type(minimum('Lowest fit points for A'), '');
      await submit();
      const alert = field('[role="alert"]').textContent!;
      expect(alert).toMatch(/grading\.readiness: the three minimums must go from highest to lowest/);
      expect(alert).toMatch(/grading\.fit\.0: must be a number from 0 to 100/);
      expect(saved).toEqual([]);
    });
  });

  it('shows the loop report with its charts, for the period chosen', async () => {
    await mount();
    await vi.waitFor(() => expect(container.querySelector('[data-metric="met"]')?.textContent).toBe('3'));
    expect(container.querySelector('[data-metric="met-rate"]')!.textContent).toBe('75%');
    expect(container.querySelector('[data-metric="median"]')!.textContent).toBe('1h 30m');
    expect([...container.querySelectorAll('.report svg')].map((svg) => svg.getAttribute('aria-label'))).toEqual([
      'Handoffs by SLA outcome',
      'Verdicts by campaign',
      'Verdicts by reason',
    ]);
    expect(container.querySelector('.report svg[aria-label="Verdicts by reason"]')!.textContent).toContain('Company too small');
    expect(periods).toEqual([30 * 86_400_000 + 1]);
    type(container.querySelector<HTMLSelectElement>('.report select')!, '7', 'change');
    await vi.waitFor(() => expect(periods).toEqual([30 * 86_400_000 + 1, 7 * 86_400_000 + 1]));
  });
});
