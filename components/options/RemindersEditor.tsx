// Reminders before a deadline and at breach. Turning them on asks the browser for notifications,
// then and only then.
import { t } from '../../lib/i18n';
import type { Reminders } from '../../lib/model';

export interface RemindersEditorProps {
  reminders: Reminders;
  onChange: (next: Reminders) => void;
  requestNotifications: () => Promise<boolean>;
}

export function RemindersEditor({ reminders, onChange, requestNotifications }: RemindersEditorProps) {
  async function toggle(on: boolean) {
    if (on && !(await requestNotifications())) return;
    onChange({ ...reminders, enabled: on });
  }
  return (
    <fieldset>
      <legend>{t('reminders')}</legend>
      <label>
        <input
          type="checkbox"
          checked={reminders.enabled}
          onChange={(event) => {
            const wanted = event.currentTarget.checked;
            event.currentTarget.checked = reminders.enabled; // until the browser said yes
            void toggle(wanted);
          }}
        />{' '}
        {t('remindersOn')}
      </label>
      <label>
        {t('remindBefore')}{' '}
        <input
          type="number"
          min={0}
          max={1440}
          step={5}
          disabled={!reminders.enabled}
          value={reminders.beforeMinutes}
          onInput={(event) => onChange({ ...reminders, beforeMinutes: event.currentTarget.valueAsNumber })}
        />{' '}
        {t('minutesBeforeDeadline')}
      </label>
      <label>
        <input
          type="checkbox"
          disabled={!reminders.enabled}
          checked={reminders.atBreach}
          onChange={(event) => onChange({ ...reminders, atBreach: event.currentTarget.checked })}
        />{' '}
        {t('remindAtBreach')}
      </label>
    </fieldset>
  );
}
