// The organisation's policy in a real Chromium: IT's JSON file in /etc/chromium/policies/managed
// names LeadLens by the granted build's fixed id (the manifest key, wxt.config.ts) under "3rdparty",
// Chromium hands it to storage.managed, and LeadLens works by it: the popup's deadlines follow its
// SLA rules, the rep's own saves do not change them, a change IT makes reaches the running browser,
// and the connection it names is used with its token. The policy is the README's example.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { createBusinessClock } from '../../lib/time/sla';
import { startFakeLeadContextApi } from '../fakes/lead-context-api';
import { wireHandoff, wireLead } from '../fakes/wire';
import { makeHandoff, makeLead } from '../fixtures/factories';
import { expectedDemoQueue } from './demo-queue';
import { GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension } from './extension';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import example from './policy-example.json';
import { canWritePolicies, extensionIdOf, MANAGED_POLICY_DIR, removePolicy, writePolicy } from './policy-files';

/** The part of Chrome's API these tests call in the service worker. */
declare const chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> }; local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };

const HOUR = 3_600_000;
const clock = createBusinessClock(DEFAULT_SETTINGS.calendar);
/** The example without its connection: this machine has no network, so the demo stays the source. */
const { source: _connection, ...policy } = example;
const POLICY_RULES = policy.slaPolicy.rules.map((rule) => rule.name);

if (!canWritePolicies()) console.warn(`Skipping the enterprise policy tests: writing ${MANAGED_POLICY_DIR} needs root (CI runs them as root).`);

type Row = Awaited<ReturnType<PopupPage['handoffs']>>[number];

/**
 * The popup's rows once its live view, which reads the settings in effect, has taken over: those it
 * draws, the top of the queue (a long queue draws the rest as it scrolls).
 */
async function popupRows(extension: LoadedExtension): Promise<Row[]> {
  const popup = await PopupPage.open(extension);
  await popup.items().first().waitFor();
  await popup.waitForLiveView();
  const rows = await popup.handoffs();
  await popup.page.close();
  return rows;
}

/** The most business time any open handoff has left, in hours. */
const longestLeft = (rows: Row[], now = Date.now()) => Math.max(...rows.map((row) => clock.between(now, row.due) / HOUR));

const managedPolicy = (extension: LoadedExtension) => extension.serviceWorker.evaluate(() => chrome.storage.managed.get());

describe.skipIf(!canWritePolicies())(`LeadLens under the organisation's policy (${MANAGED_POLICY_DIR}, needs root)`, () => {
  const id = extensionIdOf(GRANTED_EXTENSION_DIR);
  let before: Row[];
  let extension: LoadedExtension;

  beforeAll(async () => {
    removePolicy(); // a run cut short may have left one
    const unmanaged = await launchWithExtension(GRANTED_EXTENSION_DIR);
    try {
      expect(unmanaged.extensionId).toBe(id);
      await PopupPage.waitForFirstSync(unmanaged);
      before = await popupRows(unmanaged);
    } finally {
      await unmanaged.close();
    }
    writePolicy(id, policy);
    extension = await launchWithExtension(GRANTED_EXTENSION_DIR);
  });
  afterAll(async () => {
    await extension?.close();
    removePolicy();
  });

  it("lays the rep's queue out on the policy's SLA rules", async () => {
    // Chromium hands an extension its policy a moment after it starts; LeadLens follows when it comes.
    await expect.poll(async () => (await managedPolicy(extension)).slaPolicy, { timeout: 15_000 }).toEqual(policy.slaPolicy);
    // Without the policy some handoffs had more than 2 business hours left (the defaults give 4 to 16)...
    expect(longestLeft(before)).toBeGreaterThan(2);
    // ...with it, none has more than its rule's 1 or 2: the same leads, on the policy's deadlines.
    await expect.poll(async () => longestLeft(await popupRows(extension)), { timeout: 20_000 }).toBeLessThanOrEqual(2);
    // The same leads as the demo always hands the rep.
    const demoLeads = expectedDemoQueue();
    expect((await popupRows(extension)).every((row) => demoLeads.includes(row.name))).toBe(true);
  });

  it('shows the policy\'s rules in the options, and a save by the rep does not change them', async () => {
    const options = await OptionsPage.open(extension);
    const rules = options.page.getByRole('listitem', { name: POLICY_RULES[1] });
    await rules.waitFor();
    expect(await options.page.getByRole('listitem', { name: 'Marketing qualified' }).count()).toBe(0);
    const rowsBefore = await popupRows(extension);

    // Saving the page as shown keeps the rep's own rules underneath: the policy's do not become the rep's.
    await options.save();
    const own = await extension.serviceWorker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { slaPolicy: { rules: { name: string }[] } });
    expect(own.slaPolicy.rules.map((rule) => rule.name)).toEqual(DEFAULT_SETTINGS.slaPolicy.rules.map((rule) => rule.name));

    // The rep's own settings saved with another rule: the policy's still apply, in the options and the queue.
    await extension.serviceWorker.evaluate(async (settings) => chrome.storage.local.set({ settings }), {
      ...own,
      slaPolicy: { rules: [{ id: 'mine', name: 'My own rule: 12 business hours', match: {}, firstContactHours: 12, followUpHours: [] }], dueSoonMinutes: 30 },
    });
    await options.page.reload();
    await rules.waitFor();
    expect(await options.page.getByRole('listitem', { name: 'My own rule: 12 business hours' }).count()).toBe(0);
    // Both reads show the top of the same queue (how many rows each draws may differ; names may repeat).
    // A read of the first paint's 30 may lack an account's later handoff that the live view gathers
    // among them (components/popup/account-groups.ts): the rows both hold are compared, in order.
    const rowsAfter = await popupRows(extension);
    const key = (row: Row) => `${row.name} ${row.due}`;
    const inBoth = (rows: Row[], other: Row[]) => rows.filter((row) => other.some((candidate) => key(candidate) === key(row)));
    expect(inBoth(rowsBefore, rowsAfter).length).toBeGreaterThan(20);
    expect(inBoth(rowsAfter, rowsBefore)).toEqual(inBoth(rowsBefore, rowsAfter));
    await options.page.close();
  });

  it('follows a change IT makes while the browser runs', async () => {
    expect((await popupRows(extension)).some((row) => row.state === 'on_track')).toBe(true);
    // Due soon four business hours ahead: every open handoff, on rules of 1 and 2 hours.
    writePolicy(id, { ...policy, slaPolicy: { ...policy.slaPolicy, dueSoonMinutes: 240 } });
    await expect.poll(async () => ((await managedPolicy(extension)).slaPolicy as { dueSoonMinutes: number }).dueSoonMinutes, { timeout: 30_000 }).toBe(240);
    await expect.poll(async () => (await popupRows(extension)).filter((row) => row.state === 'on_track').length, { timeout: 15_000 }).toBe(0);
  });
});

describe.skipIf(!canWritePolicies())("LeadLens connected by the organisation's policy, with its token", () => {
  it('syncs from the Lead Context API the policy names, sending the token the policy gives', async () => {
    const lead = makeLead(1, { email: 'sakura.ito@sakura-seiki.example.jp', name: 'Sakura Ito' });
    const handoff = makeHandoff(1, { email: lead.email, assigneeEmail: DEFAULT_SETTINGS.repEmail, firstContactDueAt: Date.now() + 30 * 60_000 });
    const fake = await startFakeLeadContextApi({ token: 'team-token', records: { leads: [wireLead(lead)], handoffs: [wireHandoff(handoff)] } });
    writePolicy(extensionIdOf(GRANTED_EXTENSION_DIR), { ...example, source: { kind: 'http', baseUrl: fake.baseUrl, token: 'team-token' } });
    const extension = await launchWithExtension(GRANTED_EXTENSION_DIR);
    try {
      await expect.poll(async () => (await popupRows(extension)).map((row) => row.name), { timeout: 30_000 }).toEqual(['Sakura Ito']);
      // The fake answers 401 to any other token: these went through with the policy's.
      expect(fake.received.filter((request) => request.path === '/v1/changes').length).toBeGreaterThan(0);
      expect(fake.received.some((request) => request.path === '/v1/policy')).toBe(true);
    } finally {
      await extension.close();
      await fake.close();
      removePolicy();
    }
  });
});
