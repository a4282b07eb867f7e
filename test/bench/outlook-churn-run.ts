// The churn benchmark on Outlook on the web, measured as Gmail's is (gmail-churn-run.ts): the generated
// Outlook page (outlook-churn.ts) at its real URL, in the four configurations taking turns. LeadLens
// reads Outlook only once the rep turns it on: its build with the optional sites' hosts granted (the
// code is the same; a test cannot click the browser's permission prompt) has Outlook turned on in the
// options before each run, and its sites content script, registered then, is the one measured.
import { observeOptions } from '../../lib/content/mutations';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { outlook } from '../../lib/pages/outlook';
import { OUTLOOK_FIXTURES } from '../fixtures/pages/outlook-fixtures';
import { contentScriptMatches, coversUrl } from '../e2e/content-scripts';
import { GRANTED_EXTENSION_DIR, type LoadedExtension } from '../e2e/extension';
import { OptionsPage } from '../e2e/pages/options-page';
import type { MeasuredSite } from './configurations';
import { churnFigures } from './gmail-churn-figures';
import { churnRounds, OBSERVER_BATCHES, type ChurnSite } from './gmail-churn-run';
import { CONVERSATION_ADDRESSES, OUTLOOK_CHURN_URL, outlookChurnPage } from './outlook-churn';
import type { Measurement } from './stats';
import type { Person } from './gmail-churn';

/** Turns Outlook on in the options, as the rep does, and waits for the sites script to be registered for it. */
async function turnOnOutlook(extension: LoadedExtension) {
  const options = await OptionsPage.open(extension);
  await options.turnOnSites('Outlook on the web');
  const registered = async () => coversUrl(await extension.serviceWorker.evaluate(contentScriptMatches), OUTLOOK_CHURN_URL);
  for (let tries = 0; !(await registered()); tries++) {
    if (tries === 100) throw new Error('The sites script was not registered for Outlook within 10 s of turning it on.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await options.page.close();
}

/** Outlook's hosts, as its adapter matches them (the saved pages are served on each). */
const OUTLOOK_MATCHES = [...new Set(OUTLOOK_FIXTURES.map((fixture) => `${new URL(fixture.url).origin}/mail/*`))];
const OUTLOOK_SITE: MeasuredSite = { matches: OUTLOOK_MATCHES, observe: observeOptions(outlook.watch), extensionDir: GRANTED_EXTENSION_DIR, prepare: turnOnOutlook };

/** The Outlook figures: the page from the seed, 7 runs of each configuration. */
export async function outlookChurn(people: Person[]): Promise<Measurement[]> {
  const page = outlookChurnPage({ seed: 17, people: [{ email: DEFAULT_SETTINGS.repEmail, name: 'LeadLens Rep' }, ...people] });
  const site: ChurnSite = {
    name: 'Outlook',
    view: 'conversation',
    url: OUTLOOK_CHURN_URL,
    measured: OUTLOOK_SITE,
    contentScript: 'content-scripts/sites.js',
    // The sites script holds every optional site's adapter: Outlook's find is the one that asks for its mail module.
    markers: [{ name: 'scans', is: (name, text) => name === 'find' && text.includes('.mainModule') }, OBSERVER_BATCHES],
    chipsOnLoad: page.addressesOnLoad,
    chipsOnNavigation: CONVERSATION_ADDRESSES,
  };
  return churnFigures(await churnRounds(page.html, site), page.knownBeforeNavigation, site);
}
