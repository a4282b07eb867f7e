// Every unit test starts from a clean fake browser and a fresh in-memory IndexedDB.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useMessages } from '../lib/ui/i18n';
import english from '../public/_locales/en/messages.json';
import { keepShadowRoots } from './shadow';

keepShadowRoots();
// The card's frame (an extension page) is not loaded in happy-dom: the browser tests load it.
const happyDOM = (globalThis as { happyDOM?: { settings: { disableIframePageLoading: boolean } } }).happyDOM;
if (happyDOM) happyDOM.settings.disableIframePageLoading = true;

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no i18n: tests read the English table, as an English browser would.
  useMessages('en', english);
});
