// The options page: the connection, who the rep is, the language, the CRM sites, reminders, the
// business calendar, the lead grading, the SLA rules and the feedback reasons; below them, the team's
// Definitions and the loop report. Nothing is stored until it parses as Settings; a problem is shown in
// words and the form keeps what was typed. What a policy sets is shown with where it comes from, not
// editable, and the page follows the settings and policies as they change in storage.
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, t } from '../../lib/ui/i18n';
import { parse } from '../../lib/domain/model';
import { Settings } from '../../lib/domain/settings-schema';
import type { LoadedSettingsWithOrigins, SaveResult } from '../../lib/cache/settings';
import { sameJson } from '../../lib/domain/policy';
import { CalendarEditor } from './CalendarEditor';
import { ConnectionForm, type ConnectionFormProps } from './ConnectionForm';
import { Definitions } from './Definitions';
import { GradingEditor } from './GradingEditor';
import { LoopReport, type LoopReportProps } from './LoopReport';
import { ReasonsEditor } from './ReasonsEditor';
import { RemindersEditor } from './RemindersEditor';
import { ignoredNames, lockNote, PolicyNotice } from './policy';
import { SitesEditor } from './SitesEditor';
import { reasonName } from './strings';
import { SlaRulesEditor } from './SlaRulesEditor';
import { SyncStatusSection, type SyncStatusSectionProps } from './SyncStatusSection';

export interface OptionsPageProps {
  load: () => Promise<LoadedSettingsWithOrigins>;
  save: (settings: Settings) => Promise<SaveResult | void>;
  /** Calls back when the settings or a policy change in storage; returns how to stop. */
  watch?: (changed: () => void) => () => void;
  connection: Omit<ConnectionFormProps, 'initial' | 'locked' | 'tokenFromOrganisation'> & {
    /** Whether the browser already lets LeadLens read these origins. */
    hasAccess: (origins: string[]) => Promise<boolean>;
  };
  requestNotifications: () => Promise<boolean>;
  report: Omit<LoopReportProps, 'reasonLabel'>;
  syncStatus: SyncStatusSectionProps;
}

export function OptionsPage({ load, save, watch, connection, requestNotifications, report, syncStatus }: OptionsPageProps) {
  const { loaded, draft, setDraft } = useSettingsDraft(load, watch);
  const { status, submit } = useSubmit(load, save);
  if (!draft || !loaded) return null;
  const { fields, policy } = loaded;
  const lock = (field: keyof Settings) => lockNote(fields[field], policy.marketingFetchedAt);

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {loaded.problem && <p role="alert">{t('storedSettingsBroken', loaded.problem)}</p>}
      <PolicyNotice problems={policy.problems} />
      <ConnectionForm
        key={JSON.stringify([loaded.settings.source, fields.source.locked])}
        initial={loaded.settings.source}
        {...connection}
        locked={fields.source.locked}
        clientIdLocked={fields.source.lockedItems?.includes('clientId')}
        lock={lock('source')}
        tokenFromOrganisation={policy.tokenFromOrganisation}
      />
      <SyncStatusSection {...syncStatus} />
      <form onSubmit={(event) => submit(event, draft)}>
        <GeneralSettings draft={draft} setDraft={setDraft} />
        <SitesEditor
          enabled={draft.sites}
          onChange={(sites) => setDraft({ ...draft, sites })}
          requestAccess={(origins) => connection.requestAccess(origins)}
          hasAccess={connection.hasAccess}
          lockedItems={fields.sites.lockedItems}
        />
        <RemindersEditor reminders={draft.reminders} onChange={(reminders) => setDraft({ ...draft, reminders })} requestNotifications={requestNotifications} />
        <CalendarEditor calendar={draft.calendar} lock={lock('calendar')} onChange={(calendar) => setDraft({ ...draft, calendar })} />
        <GradingEditor grading={draft.grading} lock={lock('grading')} onChange={(grading) => setDraft({ ...draft, grading })} />
        <SlaRulesEditor policy={draft.slaPolicy} lock={lock('slaPolicy')} onChange={(slaPolicy) => setDraft({ ...draft, slaPolicy })} />
        <ReasonsEditor reasons={draft.feedbackReasons} lock={lock('feedbackReasons')} onChange={(feedbackReasons) => setDraft({ ...draft, feedbackReasons })} />
        <div class="save-bar">
          <button type="submit">{t('saveSettings')}</button>
          {status && (
            <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'ok' : 'error'}>
              {status.text}
            </p>
          )}
        </div>
      </form>
      <Definitions loaded={loaded} />
      <LoopReport {...report} reasonLabel={(code) => reasonName(code, loaded.settings.feedbackReasons)} />
    </main>
  );
}

/** The stored settings and the rep's draft of them, following storage as it changes. */
function useSettingsDraft(load: OptionsPageProps['load'], watch: OptionsPageProps['watch']) {
  const [loaded, setLoaded] = useState<LoadedSettingsWithOrigins | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  useEffect(() => {
    let previous: LoadedSettingsWithOrigins | null = null;
    const refresh = () =>
      void load().then((result) => {
        setLoaded(result);
        setDraft((draft) => (draft && previous ? followStorage(draft, previous, result) : result.settings));
        previous = result;
      });
    refresh();
    return watch?.(refresh);
  }, [load, watch]);
  useEffect(() => {
    if (draft) focusSection(location.hash);
  }, [draft === null]);
  return { loaded, draft, setDraft };
}

/** Saving the draft once it parses as Settings, and what the save came to. */
function useSubmit(load: OptionsPageProps['load'], save: OptionsPageProps['save']) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(event: Event, draft: Settings) {
    event.preventDefault();
    const parsed = parse(Settings, 'Settings', draft);
    if (!parsed.ok) return setStatus({ ok: false, text: t('settingsInvalid', parsed.error.message) });
    try {
      // The connection has its own form: keep whatever it last saved.
      const result = await save({ ...parsed.value, source: (await load()).settings.source });
      const ignored = result?.ignored ?? [];
      setStatus({ ok: true, text: ignored.length > 0 ? t('savedSettingsIgnored', ignoredNames(ignored)) : t('savedSettings') });
    } catch (error) {
      setStatus({ ok: false, text: t('settingsInvalid', error instanceof Error ? error.message : String(error)) });
    }
  }
  return { status, submit };
}

/** The language and the rep's own address. */
function GeneralSettings({ draft, setDraft }: { draft: Settings; setDraft: (settings: Settings) => void }) {
  return (
    <fieldset>
      <legend>
        <h2>{t('generalSettings')}</h2>
      </legend>
      <label>
        {t('language')}{' '}
        <select value={draft.language} onChange={(event) => setDraft({ ...draft, language: event.currentTarget.value as Settings['language'] })}>
          <option value="auto">{t('languageAuto')}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {new Intl.DisplayNames([language], { type: 'language' }).of(language)}
            </option>
          ))}
        </select>
      </label>
      <label class="stacked">
        {t('yourEmail')}
        <input type="email" id="rep-email" autocomplete="email" value={draft.repEmail} onInput={(event) => setDraft({ ...draft, repEmail: event.currentTarget.value })} />
      </label>
    </fieldset>
  );
}

/**
 * The settings after a change in storage: what a policy now locks, and what the rep had not touched,
 * follow storage; the rep's unsaved edits elsewhere stay.
 */
function followStorage(draft: Settings, before: LoadedSettingsWithOrigins, after: LoadedSettingsWithOrigins): Settings {
  const next = { ...draft };
  for (const field of Object.keys(after.settings) as (keyof Settings)[]) {
    if (after.fields[field]?.locked || sameJson(draft[field], before.settings[field])) Object.assign(next, { [field]: after.settings[field] });
  }
  return next;
}

/** A link to a section (the popup's "change the address", "connect a marketing system", the card's "Qualified by") lands on it. */
function focusSection(hash: string) {
  const targets: Record<string, () => HTMLElement | null> = {
    '#rep-email': () => document.getElementById('rep-email'),
    '#connection': () => document.querySelector<HTMLElement>('.connection select, .connection input'),
    '#definitions': () => document.getElementById('definitions'),
  };
  const field = targets[hash]?.() ?? null;
  // A field is brought to the middle; a whole section, the Definitions, from its heading.
  field?.scrollIntoView({ block: hash === '#definitions' ? 'start' : 'center' });
  field?.focus({ preventScroll: true });
}
