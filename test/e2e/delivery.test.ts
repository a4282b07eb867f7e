// A verdict given from the card in Gmail reaches the company's marketing system over real HTTP: the
// built extension connected to the Lead Context API fake on 127.0.0.1 (the granted build may reach
// http://127.0.0.1/*), the outbox delivering it once, with its idempotency key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { startFakeLeadContextApi, type FakeLeadContextApi } from '../fakes/lead-context-api';
import { wireHandoff, wireLead } from '../fakes/wire';
import { makeHandoff, makeLead } from '../fixtures/factories';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension, outboxSize as outboxSizeOf } from './extension';
import { HostPage } from './pages/host-page';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!;
const NOAH = 'noah.wright@orbitlabs.example.com';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let extension: LoadedExtension;
let fake: FakeLeadContextApi;
beforeAll(async () => {
  // Noah Wright of the saved thread, as the company's own system knows him, with a handoff to the rep.
  const noah = makeLead(1, { email: NOAH, name: 'Noah Wright', company: 'Orbit Labs', score: 81 });
  const handoff = makeHandoff(1, { id: 'lca-handoff-7', email: NOAH, assigneeEmail: DEFAULT_SETTINGS.repEmail, source: 'Lead Context API' });
  fake = await startFakeLeadContextApi({ token: 'e2e-token', records: { leads: [wireLead(noah)], handoffs: [wireHandoff(handoff)] } });
  extension = await launchWithExtension(GRANTED_EXTENSION_DIR);
  // As a rep would: the demo first, then the company's own system.
  await PopupPage.waitForFirstSync(extension);
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

const outboxSize = () => outboxSizeOf(extension);

describe('a verdict from the card, delivered to the Lead Context API', () => {
  it('posts "Not a fit" with its reason to /v1/feedback once, with an Idempotency-Key', async () => {
    const options = await OptionsPage.open(extension);
    await options.connectLeadContextApi(fake);

    const gmail = await HostPage.open(extension, thread);
    // The fake's score: the chip shows him as the company's system knows him (LeadLens grades him itself).
    await gmail.chip(/^LeadLens: Noah Wright, [A-D][1-4] · 81$/).click();
    const card = gmail.card('LeadLens: Noah Wright');
    await expect.poll(() => card.isVisible()).toBe(true);
    const clickedFrom = Date.now();
    await card.getByRole('textbox').fill('Budget frozen until April');
    await card.getByRole('button', { name: 'Not a fit' }).click();
    await card.getByRole('button', { name: 'Company too small' }).click();
    await expect.poll(() => card.getByRole('status').last().textContent()).toBe('Saved: Not a fit: Company too small');

    // Delivered: the fake applied it and the outbox let it go, so nothing is left to send again.
    await expect.poll(async () => fake.effects.length > 0 && (await outboxSize()) === 0, { timeout: 15_000 }).toBe(true);
    expect(fake.effects).toHaveLength(1);
    const posts = fake.received.filter((request) => request.method === 'POST' && request.path === '/v1/feedback');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.idempotencyKey).toMatch(UUID);
    expect(fake.stats.replays).toBe(0);
    const [effect] = fake.effects;
    expect(effect).toMatchObject({ key: posts[0]!.idempotencyKey, path: '/v1/feedback' });
    expect(effect!.body).toMatchObject({
      email: NOAH,
      handoffId: 'lca-handoff-7',
      verdict: 'not_a_fit',
      reasonCode: 'too_small',
      note: 'Budget frozen until April',
    });
    // `at` is when the rep clicked, in ISO-8601.
    expect(effect!.body.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    expect(Date.parse(effect!.body.at as string)).toBeGreaterThanOrEqual(clickedFrom);
    expect(Date.parse(effect!.body.at as string)).toBeLessThanOrEqual(Date.now());
    await Promise.all([gmail.page.close(), options.page.close()]);
  });
});
