// The person a CRM record page's URL names (PageAdapter.record), shown before and without the page's
// markup: asked of the background by the record at the start and at each navigation, and drawn in a
// view of its own (ViewFactory.record: a tab at the viewport's edge). When the page's markup shows the
// same person, the view beside the address is the one kept: the tab goes, and comes back with the
// address gone. Another record in the URL takes the tab with it.
import { crmRecordKey, type CrmRecordRef } from '../domain/crm-record';
import type { PageAdapter } from '../pages/types';
import type { LeadContexts } from './contexts';
import type { ViewFactory } from './view';
import type { Drawn, MountedViews } from './views';

export interface RecordTabDeps {
  views: MountedViews;
  contexts: LeadContexts;
  /** The adapter for the page as it is now: its record() reads the URL. */
  adapter(): PageAdapter | undefined;
  createView: ViewFactory['record'];
  draw(drawn: Drawn): void;
}

/** The record the URL names now: its key, its person once known, and the tab while it is shown. */
interface Current {
  ref: CrmRecordRef;
  key: string;
  email: string | null;
  tab: Drawn | null;
}

export type RecordTab = ReturnType<typeof createRecordTab>;

export function createRecordTab({ views, contexts, adapter, createView, draw }: RecordTabDeps) {
  let current: Current | null = null;

  async function ask(asked: Current) {
    const context = await contexts.fetchRecord(asked.ref, asked.key);
    // The page moved to another record while the background answered.
    if (current !== asked) return;
    asked.email = context?.lead ? context.email : null;
    reconcile();
    if (asked.tab) draw(asked.tab);
  }

  /** The tab is there exactly when the record's person is known and no view beside an address is them. */
  function reconcile() {
    if (!current) return;
    const { email } = current;
    const wanted = email !== null && !views.all().some((view) => view.email === email);
    if (current.tab && (!wanted || current.tab.email !== email)) hide(current);
    if (wanted && !current.tab) {
      current.tab = { email, inline: false, view: createView() };
      draw(current.tab);
    }
  }

  function hide(of: Current) {
    if (!of.tab) return;
    if (views.expanded === of.tab) views.expanded = null;
    of.tab.view.remove();
    of.tab = null;
  }

  return {
    /** The record the page's URL names now, read from the URL alone: a new one is asked about, the old one's tab goes. */
    followUrl() {
      const ref = recordOf(adapter());
      const key = ref ? crmRecordKey(ref) : null;
      if (key === (current?.key ?? null)) return;
      if (current) hide(current);
      current = ref && key ? { ref, key, email: null, tab: null } : null;
      if (current) void ask(current);
    },
    /** Asks about the record again; given keys (what the background found behind the page's back), only if it is one of them. */
    refresh(keys?: string[]) {
      if (current && (!keys || keys.includes(current.key))) void ask(current);
    },
    reconcile,
    /** The tab, while it is on the page. */
    drawn: (): Drawn[] => (current?.tab ? [current.tab] : []),
    stop() {
      if (current) hide(current);
      current = null;
    },
  };
}

/** Adapters whose record() failed once: the console hears of each once. */
const failedBefore = new WeakSet<PageAdapter>();

/** The record an adapter reads from the page's URL; a bug in it costs the record, not the page. */
function recordOf(adapter: PageAdapter | undefined): CrmRecordRef | null {
  if (!adapter?.record) return null;
  try {
    return adapter.record(new URL(location.href));
  } catch (error) {
    if (!failedBefore.has(adapter)) console.warn(`LeadLens could not read the record in this page's address (${adapter.id}).`, error);
    failedBefore.add(adapter);
    return null;
  }
}
