// The Marketo lead fields LeadLens reads and writes, under the names this instance's admin gave them.
// Collapsed, since most instances keep the defaults; an empty input keeps the default its placeholder shows.
import { t, type MessageKey } from '../../lib/ui/i18n';
import { MARKETO_FIELD_ROLES, type MarketoFieldRole } from '../../lib/domain/settings-schema';
import { DEFAULT_FIELD_NAMES } from '../../lib/sources/marketo/map';

/** The names as typed: blank or untrimmed until the connection is saved or tested. */
export type MarketoFieldInputs = Partial<Record<MarketoFieldRole, string>>;

const LABELS: Record<MarketoFieldRole, MessageKey> = {
  mqlDate: 'marketoFieldMqlDate',
  ownerEmail: 'marketoFieldOwnerEmail',
  verdict: 'marketoFieldVerdict',
  action: 'marketoFieldAction',
  reason: 'marketoFieldReason',
  note: 'marketoFieldNote',
  actedAt: 'marketoFieldActedAt',
  idempotencyKey: 'marketoFieldIdempotencyKey',
};

export interface MarketoFieldsEditorProps {
  names: MarketoFieldInputs;
  onChange: (names: MarketoFieldInputs) => void;
  /** The custom activity type feedback is also logged as, as typed; blank for none. */
  activityTypeId: string;
  onActivityTypeId: (typed: string) => void;
}

export function MarketoFieldsEditor({ names, onChange, activityTypeId, onActivityTypeId }: MarketoFieldsEditorProps) {
  return (
    <details class="marketo-fields">
      <summary>{t('marketoFieldNames')}</summary>
      <p class="hint">{t('marketoFieldNamesHint')}</p>
      {MARKETO_FIELD_ROLES.map((role) => (
        <label key={role} class="stacked">
          {t(LABELS[role])}
          <input
            value={names[role] ?? ''}
            placeholder={DEFAULT_FIELD_NAMES[role]}
            autocomplete="off"
            spellcheck={false}
            onInput={(event) => onChange({ ...names, [role]: event.currentTarget.value })}
          />
        </label>
      ))}
      <label class="stacked">
        {t('marketoActivityTypeId')}
        <input
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={activityTypeId}
          autocomplete="off"
          onInput={(event) => onActivityTypeId(event.currentTarget.value)}
        />
      </label>
    </details>
  );
}
