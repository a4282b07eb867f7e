// HubSpot's score and MQL date properties, picked from the portal's own: number properties for the
// score, date and datetime properties for the MQL date, each "label (name)". The list is read once a
// token is typed or saved (or, quietly, with the one already saved); blank keeps the default.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/ui/i18n';
import { describeError } from '../../lib/ui/errors';
import { ErrorDetail } from '../ErrorDetail';
import { DEFAULT_PROPERTIES, LEGACY_SCORE } from '../../lib/sources/hubspot/map';
import type { HubSpotPropertiesAnswer, HubSpotPropertyChoice } from '../../lib/messaging/messages';
import type { ConnectionFormProps, ConnectionInputs } from './use-connection-form';

/** Which token to read the list with: the one typed, else the saved one; a quiet read shows no error. */
export interface PropertiesRequest {
  token?: string;
  quiet: boolean;
}

export interface HubSpotPropertyPickersProps {
  inputs: Pick<ConnectionInputs, 'baseUrl' | 'hubspotScoreProperty' | 'hubspotMqlDateProperty'>;
  edit: (change: Partial<ConnectionInputs>) => void;
  list: ConnectionFormProps['listHubSpotProperties'];
  request: PropertiesRequest;
}

type Failed = { state: 'failed'; message: string; code?: string; quiet: boolean };
type Listed = { state: 'idle' | 'loading' } | Failed | (Extract<HubSpotPropertiesAnswer, { ok: true }> & { state: 'listed' });

export function HubSpotPropertyPickers({ inputs, edit, list, request }: HubSpotPropertyPickersProps) {
  const [listed, setListed] = useState<Listed>({ state: 'idle' });
  useEffect(() => {
    let current = true;
    setListed({ state: 'loading' });
    void list({ baseUrl: inputs.baseUrl.trim() || undefined, token: request.token }).then(
      (answer) => current && setListed(answer.ok ? { ...answer, state: 'listed' } : { state: 'failed', message: answer.message, code: answer.code, quiet: request.quiet }),
      (error: unknown) => current && setListed({ state: 'failed', ...failureOf(error), quiet: request.quiet }),
    );
    return () => {
      current = false;
    };
  }, [request]);
  const choices = listed.state === 'listed' ? listed : { numbers: [], dates: [] };
  return (
    <div class="hubspot-properties" aria-busy={listed.state === 'loading'}>
      <PropertySelect
        label={t('hubspotScoreProperty')}
        value={inputs.hubspotScoreProperty}
        fallback={DEFAULT_PROPERTIES.score}
        choices={choices.numbers}
        onChange={(hubspotScoreProperty) => edit({ hubspotScoreProperty })}
      />
      <PropertySelect
        label={t('hubspotMqlDateProperty')}
        value={inputs.hubspotMqlDateProperty}
        fallback={DEFAULT_PROPERTIES.mqlDate}
        choices={choices.dates}
        onChange={(hubspotMqlDateProperty) => edit({ hubspotMqlDateProperty })}
      />
      {listed.state === 'loading' && <p class="hint">{t('propertiesLoading')}</p>}
      {listed.state === 'failed' && (listed.quiet ? <p class="hint">{t('propertiesHint')}</p> : <ListFailure failed={listed} />)}
    </div>
  );
}

/** A refusal from the background itself (the router's), with the code it carries. */
const failureOf = (error: unknown) => ({
  message: error instanceof Error ? error.message : String(error),
  code: (error as { code?: string } | null)?.code,
});

/** Why the list could not be read, in the rep's language; HubSpot's own words under Details. */
function ListFailure({ failed }: { failed: Failed }) {
  const described = describeError(failed.code, failed.message);
  return (
    <div role="alert">
      <p class="error">{t('propertiesFailed', described.text)}</p>
      <ErrorDetail detail={described.detail} />
    </div>
  );
}

interface PropertySelectProps {
  label: string;
  /** The property chosen, '' for the default. */
  value: string;
  fallback: string;
  choices: HubSpotPropertyChoice[];
  onChange: (name: string) => void;
}

/** "Label (name)"; the legacy score marked as no longer updated. */
const choiceText = (name: string, label?: string) => {
  const text = label && label !== name ? `${label} (${name})` : name;
  return name === LEGACY_SCORE ? t('propertyLegacy', text) : text;
};

function PropertySelect({ label, value, fallback, choices, onChange }: PropertySelectProps) {
  // A saved choice stays on offer before the list is read, or when the portal no longer has it.
  const offered = value && !choices.some((choice) => choice.name === value) ? [{ name: value, label: '', type: '' }, ...choices] : choices;
  return (
    <label class="stacked">
      {label}
      <select value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{t('propertyDefault', choiceText(fallback))}</option>
        {offered.map((choice) => (
          <option key={choice.name} value={choice.name}>
            {choiceText(choice.name, choice.label)}
          </option>
        ))}
      </select>
    </label>
  );
}
