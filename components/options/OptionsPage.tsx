// The options page: the connection, who the rep is, the language, the CRM sites, reminders, the
// business calendar, the lead grading, the SLA rules and the feedback reasons; below them, the loop report. Nothing
// is stored until it parses as Settings; a problem is shown in words and the form keeps what was typed.
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, t } from '../../lib/ui/i18n';
import { parse } from '../../lib/domain/model';
import { Settings } from '../../lib/domain/settings-schema';
import type { LoadedSettings } from '../../lib/cache/settings';
import { CalendarEditor } from './CalendarEditor';
import { ConnectionForm, type ConnectionFormProps } from './ConnectionForm';
import { GradingEditor } from './GradingEditor';
import { LoopReport, type LoopReportProps } from './LoopReport';
import { ReasonsEditor } from './ReasonsEditor';
import { RemindersEditor } from './RemindersEditor';
import { SitesEditor } from './SitesEditor';
import { reasonName } from './strings';
import { SlaRulesEditor } from './SlaRulesEditor';
import { SyncStatusSection, type SyncStatusSectionProps } from './SyncStatusSection';

export interface OptionsPageProps {
  load: () => Promise<LoadedSettings>;
  save: (settings: Settings) => Promise<void>;
  connection: Omit<ConnectionFormProps, 'initial'>;
  requestNotifications: () => Promise<boolean>;
  report: Omit<LoopReportProps, 'reasonLabel'>;
  syncStatus: SyncStatusSectionProps;
}

export function OptionsPage({ load, save, connection, requestNotifications, report, syncStatus }: OptionsPageProps) {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void load().then((result) => {
      setLoaded(result);
      setDraft(result.settings);
    });
  }, [load]);
  useEffect(() => {
    if (draft) focusSection(location.hash);
  }, [draft === null]);
  if (!draft) return null;

  async function submit(event: Event) {
    event.preventDefault();
    const parsed = parse(Settings, 'Settings', draft);
    if (!parsed.ok) return setStatus({ ok: false, text: t('settingsInvalid', parsed.error.message) });
    try {
      // The connection has its own form: keep whatever it last saved.
      await save({ ...parsed.value, source: (await load()).settings.source });
      setStatus({ ok: true, text: t('savedSettings') });
    } catch (error) {
      setStatus({ ok: false, text: t('settingsInvalid', error instanceof Error ? error.message : String(error)) });
    }
  }

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {loaded?.problem && <p role="alert">{t('storedSettingsBroken', loaded.problem)}</p>}
      <ConnectionForm initial={draft.source} {...connection} />
      <SyncStatusSection {...syncStatus} />
      <form onSubmit={submit}>
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
        <SitesEditor
          enabled={draft.sites}
          onChange={(sites) => setDraft({ ...draft, sites })}
          requestAccess={(origins) => connection.requestAccess(origins)}
        />
        <RemindersEditor reminders={draft.reminders} onChange={(reminders) => setDraft({ ...draft, reminders })} requestNotifications={requestNotifications} />
        <CalendarEditor calendar={draft.calendar} onChange={(calendar) => setDraft({ ...draft, calendar })} />
        <GradingEditor grading={draft.grading} onChange={(grading) => setDraft({ ...draft, grading })} />
        <SlaRulesEditor policy={draft.slaPolicy} onChange={(slaPolicy) => setDraft({ ...draft, slaPolicy })} />
        <ReasonsEditor reasons={draft.feedbackReasons} onChange={(feedbackReasons) => setDraft({ ...draft, feedbackReasons })} />
        <div class="save-bar">
          <button type="submit">{t('saveSettings')}</button>
          {status && (
            <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'ok' : 'error'}>
              {status.text}
            </p>
          )}
        </div>
      </form>
      <LoopReport
        {...report}
        reasonLabel={(code) => reasonName(code, loaded?.settings.feedbackReasons ?? [])}
      />
    </main>
  );
}

/** A link to a section (the popup's "change the address", "connect a marketing system") lands on its first field. */
function focusSection(hash: string) {
  const field = hash === '#rep-email' ? document.getElementById('rep-email') : hash === '#connection' ? document.querySelector<HTMLElement>('.connection select') : null;
  field?.scrollIntoView({ block: 'center' });
  field?.focus();
}
