// @vitest-environment happy-dom
// HubSpot's connection form: the score and MQL date pickers filled from the portal's properties once
// a token is typed (quietly with a saved one at first), the legacy score marked, errors inline, and
// the activity window for HubSpot and Marketo; Test connection's problems as a list, notes under it.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionForm, type Connection } from '../../../components/options/ConnectionForm';
import type { HubSpotPropertiesAnswer } from '../../../lib/messaging/messages';
import { BackgroundError } from '../../../lib/messaging/client';
import { useMessages } from '../../../lib/ui/i18n';
import japanese from '../../../public/_locales/ja/messages.json';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

const PROPERTIES: HubSpotPropertiesAnswer = {
  ok: true,
  numbers: [
    { name: 'lead_score_engagement', label: 'Engagement score', type: 'number' },
    { name: 'hubspotscore', label: 'HubSpot Score', type: 'number' },
  ],
  dates: [{ name: 'mql_handoff_date', label: 'MQL handoff date', type: 'date' }],
};

function mount(list: (request: { baseUrl?: string; token?: string }) => Promise<HubSpotPropertiesAnswer>, initial = { kind: 'hubspot' as const, demoSeed: 1 }, locks = {}) {
  const saved: Connection[] = [];
  const test = vi.fn(async (_: Connection) => ({
    ok: false,
    message: 'two problems',
    problems: ['The HubSpot token lacks the scope crm.objects.owners.read.', 'HubSpot has no contact property mql_date (the MQL date).'],
    notes: ['The score comes from hubspotscore, which stopped updating.'],
  }));
  container = document.createElement('div');
  document.body.append(container);
  act(() =>
    render(
      <ConnectionForm
        initial={initial}
        onSave={async (connection) => (saved.push(connection), { tokenSaved: true })}
        onTest={test}
        listHubSpotProperties={list}
        requestAccess={async () => true}
        {...locks}
      />,
      container,
    ),
  );
  return { saved, test };
}

const select = (label: string) => [...container.querySelectorAll('label')].find((candidate) => candidate.firstChild?.textContent === label)!.querySelector('select')!;
const optionTexts = (label: string) => [...select(label).options].map((option) => option.textContent);
function change(element: HTMLInputElement | HTMLSelectElement, value: string) {
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
const button = (name: string) => [...container.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!;

describe('the HubSpot connection form', () => {
  it('fills the pickers from the properties read with the token typed, and saves the choices', async () => {
    const asked: { baseUrl?: string; token?: string }[] = [];
    const { saved } = mount(async (request) => (asked.push(request), asked.length === 1 ? { ok: false, message: 'Set the access token.' } : PROPERTIES));
    // No token saved: a quiet hint, not an error.
    await vi.waitFor(() => expect(container.querySelector('.hubspot-properties .hint')?.textContent).toBe('Enter or save the token to choose from your portal’s properties.'));
    expect(container.querySelector('.hubspot-properties [role="alert"]')).toBeNull();
    change(container.querySelector<HTMLInputElement>('input[type="password"]')!, 'pat-na1-typed');
    await vi.waitFor(() => expect(optionTexts('Score property')).toHaveLength(3));
    expect(asked).toEqual([{ baseUrl: undefined, token: undefined }, { baseUrl: undefined, token: 'pat-na1-typed' }]);
    expect(optionTexts('Score property')).toEqual(['Default (hubspotscore — no longer updated)', 'Engagement score (lead_score_engagement)', 'HubSpot Score (hubspotscore) — no longer updated']);
    expect(optionTexts('MQL date property')).toEqual(['Default (hs_lifecyclestage_marketingqualifiedlead_date)', 'MQL handoff date (mql_handoff_date)']);
    change(select('Score property'), 'lead_score_engagement');
    change(select('MQL date property'), 'mql_handoff_date');
    change(container.querySelector<HTMLInputElement>('input[type="number"]')!, '14');
    await act(async () => button('Save').click());
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ kind: 'hubspot', token: 'pat-na1-typed', hubspotScoreProperty: 'lead_score_engagement', hubspotMqlDateProperty: 'mql_handoff_date', recentActivityDays: 14 });
  });

  it('keeps a saved choice on offer, says inline why the list could not be read, and refuses a window out of range', async () => {
    const { saved } = mount(async () => ({ ok: false, message: 'HubSpot refused the token (401).' }), { kind: 'hubspot', demoSeed: 1, hubspotScoreProperty: 'lead_score_engagement' } as never);
    expect(select('Score property').value).toBe('lead_score_engagement');
    change(container.querySelector<HTMLInputElement>('input[type="password"]')!, 'pat-wrong');
    await vi.waitFor(() => expect(container.querySelector('.hubspot-properties [role="alert"]')?.textContent).toBe("Could not read HubSpot’s properties: HubSpot refused the token (401)."));
    change(container.querySelector<HTMLInputElement>('input[type="number"]')!, '400');
    await act(async () => button('Test connection').click());
    expect(container.querySelector('.connection-status')!.textContent).toMatch(/^Not saved: Recent activity window \(days\).*at most 365 days/);
    expect(saved).toEqual([]);
  });

  it("says why the list could not be read in the rep's language, HubSpot's own words under Details", async () => {
    const refused = 'HubSpot refused the access token (401 Unauthorized). Check the HubSpot token in LeadLens options.';
    const failure = () => container.querySelector('.hubspot-properties [role="alert"]');
    mount(async () => ({ ok: false, message: refused, code: 'auth' }));
    change(container.querySelector<HTMLInputElement>('input[type="password"]')!, 'pat-wrong');
    await vi.waitFor(() => expect(failure()?.querySelector('p')?.textContent).toBe("Could not read HubSpot’s properties: The marketing system refused the connection (check the token and its permissions)."));
    expect(failure()!.querySelector('details summary')!.textContent).toBe('Details');
    expect(failure()!.querySelector('details bdi')!.textContent).toBe(refused);
  });

  it('in Japanese, and for a saved token held back for another base URL', async () => {
    useMessages('ja', japanese);
    const elsewhere = 'The saved token belongs to https://api.hubapi.com: LeadLens sends it nowhere else. Enter the token for https://api.example.com.';
    const failure = () => container.querySelector('.hubspot-properties [role="alert"]');
    mount(async () => ({ ok: false, message: elsewhere, code: 'token_elsewhere' }));
    change(container.querySelector<HTMLInputElement>('input[type="password"]')!, 'pat-other');
    await vi.waitFor(() =>
      expect(failure()?.querySelector('p')?.textContent).toBe('HubSpot のプロパティを読み込めませんでした：保存済みのトークンはこの API ベース URL 用ではないため、送信していません。この URL 用のトークンを入力してください。'),
    );
    expect(failure()!.querySelector('details summary')!.textContent).toBe('詳細');
    expect(failure()!.querySelector('details bdi')!.textContent).toBe(elsewhere);
  });

  it("words a refusal from the background itself by the code it carries (lib/messaging/client.ts)", async () => {
    mount(async () => Promise.reject(new BackgroundError('QuotaExceededError: the quota was exceeded.', 'database')));
    change(container.querySelector<HTMLInputElement>('input[type="password"]')!, 'pat');
    await vi.waitFor(() => expect(container.querySelector('.hubspot-properties [role="alert"] p')?.textContent).toBe('Could not read HubSpot’s properties: LeadLens could not use its local cache.'));
    expect(container.querySelector('.hubspot-properties [role="alert"] details bdi')!.textContent).toBe('QuotaExceededError: the quota was exceeded.');
  });

  it("lists Test connection's problems one by one, with its notes under them", async () => {
    const { test } = mount(async () => PROPERTIES);
    change(container.querySelector<HTMLInputElement>('input[type="password"]')!, 'pat');
    await act(async () => button('Test connection').click());
    await vi.waitFor(() => expect(container.querySelector('.connection-status')).not.toBeNull());
    expect(test).toHaveBeenCalledTimes(1);
    const status = container.querySelector('.connection-status')!;
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.querySelector('p')!.textContent).toBe('Test connection found what needs fixing:');
    expect([...status.querySelectorAll('ul.error li')].map((item) => item.textContent)).toHaveLength(2);
    expect([...status.querySelectorAll('ul:not(.error) li')].map((item) => item.textContent)).toEqual(['The score comes from hubspotscore, which stopped updating.']);
  });

  it('asks Marketo for the activity window too, and no HubSpot property', async () => {
    const list = vi.fn(async () => PROPERTIES);
    const { saved } = mount(list, { kind: 'marketo', baseUrl: 'https://123-ABC-456.mktorest.com', clientId: 'id', demoSeed: 1 } as never);
    expect(container.querySelector('.hubspot-properties')).toBeNull();
    change(container.querySelector<HTMLInputElement>('input[type="number"][max="365"]')!, '60');
    await act(async () => button('Save').click());
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ kind: 'marketo', recentActivityDays: 60, hubspotScoreProperty: undefined });
    expect(list).not.toHaveBeenCalled();
  });

  it("shows a client ID the organisation's policy set as read-only, and the rep's own as editable", () => {
    const marketo = { kind: 'marketo', baseUrl: 'https://123-ABC-456.mktorest.com', clientId: 'org-id', demoSeed: 1 } as never;
    const clientIdInput = () => [...container.querySelectorAll('label')].find((label) => label.textContent?.startsWith('Client ID'))!.querySelector('input')!;
    mount(vi.fn(), marketo, { locked: true, clientIdLocked: true });
    expect(clientIdInput().readOnly).toBe(true);
    expect(clientIdInput().value).toBe('org-id');
    act(() => render(null, container));
    mount(vi.fn(), marketo, { locked: true });
    expect(clientIdInput().readOnly).toBe(false);
  });
});
