// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../components/options/OptionsPage';
import { DEFAULT_SETTINGS } from '../../lib/default-settings';
import type { Settings } from '../../lib/model';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

const calls: { kind: string; args: unknown }[] = [];
let accessGranted = true;
const connection = {
  onSave: async (args: unknown) => (calls.push({ kind: 'save', args }), { tokenSaved: true }),
  onTest: async (args: unknown) => (calls.push({ kind: 'test', args }), { ok: false, message: 'The Lead Context API refused the API token (401).' }),
  requestAccess: async (origins: string[]) => (calls.push({ kind: 'access', args: origins }), accessGranted),
};

async function mount(problem?: string) {
  calls.length = 0;
  accessGranted = true;
  const saved: Settings[] = [];
  container = document.createElement('div');
  document.body.append(container);
  await act(async () =>
    render(
      <OptionsPage
        load={async () => ({ settings: DEFAULT_SETTINGS, problem })}
        save={async (settings) => void saved.push(settings)}
        connection={connection}
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
    type(field<HTMLSelectElement>('form:not(.connection) fieldset select'), 'America/New_York', 'change');
    type(field<HTMLSelectElement>('form:not(.connection) fieldset label:nth-of-type(2) select'), 'US', 'change');
    const saturday = container.querySelectorAll<HTMLInputElement>('.week input[type="checkbox"]')[5]!;
    act(() => saturday.click());
    type(field('input[aria-label="Monday Opens"]'), '08:30');
    type(field('form:not(.connection) fieldset textarea'), '2026-12-29\n2026-12-30', 'change');
    await submit();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.language).toBe('ja');
    expect(saved[0]!.calendar).toMatchObject({
      timeZone: 'America/New_York',
      holidayCountry: 'US',
      closedDates: ['2026-12-29', '2026-12-30'],
    });
    expect(saved[0]!.calendar.week[0]).toEqual({ start: '08:30', end: '18:00' });
    expect(saved[0]!.calendar.week[5]).toEqual({ start: '09:00', end: '18:00' });
    expect(field('[role="status"]').textContent).toBe('Settings saved.');
  });

  it('stores nothing and names the field when the input is wrong', async () => {
    const saved = await mount();
    type(field('input[aria-label="Tuesday Closes"]'), '07:00');
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
      { kind: 'test', args: { kind: 'http', baseUrl: 'http://127.0.0.1:8787/api', token: 'secret' } },
    ]);
    await act(async () => button('Save').click());
    await vi.waitFor(() => expect(field('.connection [role="status"]').textContent).toBe('Connection saved. Syncing…'));
    expect(calls.at(-1)).toEqual({ kind: 'save', args: { kind: 'http', baseUrl: 'http://127.0.0.1:8787/api', token: 'secret' } });
    expect(field<HTMLInputElement>('.connection input[type="password"]').value).toBe('');
    expect(container.textContent).toContain('A token is saved. Leave this empty to keep it.');
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
    expect(calls.filter((call) => call.kind === 'access').map((call) => call.args)).toEqual([
      ['https://app.hubspot.com/*'],
      ['https://*.lightning.force.com/*'],
    ]);
    await submit();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.sites).toEqual(['salesforce']);
  });

  it('says when stored settings were broken and the defaults are in use', async () => {
    await mount('Settings: calendar.timeZone: not an IANA time zone');
    expect(field('[role="alert"]').textContent).toMatch(/could not be read, so the defaults are in use: .*timeZone/);
  });
});
