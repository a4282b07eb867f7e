// An address the cache does not know yet, in the built extension: the background asks the source
// for it, and the chip on the page turns from a stranger's into the lead's without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { startFakeLeadContextApi, type FakeLeadContextApi } from '../fakes/lead-context-api';
import { wireLead } from '../fakes/wire';
import { makeLead } from '../fixtures/factories';
import { GRANTED_EXTENSION_DIR, launchWithExtension, type LoadedExtension } from './extension';
import { HostPage } from './pages/host-page';
import { OptionsPage } from './pages/options-page';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!;
let extension: LoadedExtension;
let fake: FakeLeadContextApi;
beforeAll(async () => {
  const newcomer = makeLead(1, { email: 'stranger@unknown-corp.example.com', name: 'Kenji Newcomer', grade: 'A2', score: 77 });
  fake = await startFakeLeadContextApi({ token: 'e2e-token', records: { leads: [] }, unsynced: [wireLead(newcomer)] });
  extension = await launchWithExtension(GRANTED_EXTENSION_DIR);
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

describe('a lead the last sync has not brought', () => {
  it('is looked up at the source when its address shows, and its chip appears without a reload', async () => {
    const options = await OptionsPage.open(extension);
    await options.connectLeadContextApi(fake);

    const gmail = await HostPage.open(extension, thread);
    await expect.poll(() => gmail.chip(/^LeadLens: Kenji Newcomer, A2 · 77$/).count(), { timeout: 15_000 }).toBe(1);
    expect(await gmail.chip(/stranger@unknown-corp\.example\.com is not known/).count()).toBe(0);
    await Promise.all([gmail.page.close(), options.page.close()]);
  });
});
