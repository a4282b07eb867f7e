// Reminders before a deadline and at breach. Turning them on asks the browser for notifications,
// then and only then.
import { t } from '../../lib/ui/i18n';
import type { Reminders } from '../../lib/domain/settings-schema';
import { GrantedCheckbox } from './GrantedCheckbox';

export interface RemindersEditorProps {
  reminders: Reminders;
  onChange: (next: Reminders) => void;
  requestNotifications: () => Promise<boolean>;
}

export function RemindersEditor({ reminders, onChange, requestNotifications }: RemindersEditorProps) {
  return (
    <fieldset>
      <legend>
        <h2>{t('reminders')}</h2>
      </legend>
      <GrantedCheckbox
        checked={reminders.enabled}
        label={t('remindersOn')}
        grant={requestNotifications}
        onChange={(enabled) => onChange({ ...reminders, enabled })}
      />
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
