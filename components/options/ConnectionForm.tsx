// Connecting LeadLens to marketing's system: which source, and what each asks for in its vendor's
// words. The state, the checks and the two actions are in use-connection-form.ts; the token goes to
// the background and is never shown again.
import { t, type MessageKey } from '../../lib/ui/i18n';
import { DEFAULT_BASE_URLS } from '../../lib/sources/source';
import { MarketoFieldsEditor } from './MarketoFieldsEditor';
import {
  useConnectionForm,
  type Connection,
  type ConnectionFormProps,
  type ConnectionFormState,
  type ConnectionStatus,
} from './use-connection-form';

export type { Connection, ConnectionFormProps };

type ApiKind = Exclude<Connection['kind'], 'demo'>;

const SOURCE_NAMES = { http: 'sourceHttp', hubspot: 'sourceHubspot', marketo: 'sourceMarketo' } as const satisfies Record<ApiKind, MessageKey>;

export function ConnectionForm(props: ConnectionFormProps) {
  const form = useConnectionForm(props);
  const { kind } = form.inputs;
  return (
    <form class="connection" onSubmit={form.save}>
      <fieldset>
        <legend>
          <h2>{t('connection')}</h2>
        </legend>
        <SourceSelect kind={kind} onChange={(chosen) => form.edit({ kind: chosen })} />
        {kind !== 'demo' && <SourceFields kind={kind} form={form} />}
        <button type="submit">{t('save')}</button>{' '}
        {kind !== 'demo' && (
          <button type="button" onClick={() => void form.test()}>
            {t('testConnection')}
          </button>
        )}
        {form.status && <StatusLine status={form.status} />}
      </fieldset>
    </form>
  );
}

function SourceSelect({ kind, onChange }: { kind: Connection['kind']; onChange: (kind: Connection['kind']) => void }) {
  return (
    <label>
      {t('source')}{' '}
      <select value={kind} onChange={(event) => onChange(event.currentTarget.value as Connection['kind'])}>
        <option value="demo">{t('sourceDemo')}</option>
        {(Object.keys(SOURCE_NAMES) as ApiKind[]).map((option) => (
          <option key={option} value={option}>
            {t(SOURCE_NAMES[option])}
          </option>
        ))}
      </select>
    </label>
  );
}

interface FieldsProps {
  form: ConnectionFormState;
}

function SourceFields({ kind, form }: FieldsProps & { kind: ApiKind }) {
  if (kind === 'http') return <LeadContextApiFields form={form} />;
  if (kind === 'hubspot') return <HubSpotFields form={form} />;
  return <MarketoSourceFields form={form} />;
}

/** The company's own middleware: its address has no default. */
function LeadContextApiFields({ form }: FieldsProps) {
  return (
    <>
      <BaseUrlField kind="http" placeholder="https://leads.example.com" form={form} />
      <SecretField label={t('apiToken')} form={form} />
    </>
  );
}

/** A private app's token; the API's address has a default. */
function HubSpotFields({ form }: FieldsProps) {
  return (
    <>
      <p class="hint">{t('hubspotHint')}</p>
      <BaseUrlField kind="hubspot" placeholder="https://api.hubapi.com" form={form} />
      <SecretField label={t('apiToken')} form={form} />
    </>
  );
}

/** The instance's REST endpoint, a LeadLens API user's client ID and secret, and the admin's field names. */
function MarketoSourceFields({ form }: FieldsProps) {
  const { inputs, edit } = form;
  return (
    <>
      <p class="hint">{t('marketoHint')}</p>
      <BaseUrlField kind="marketo" placeholder="https://123-ABC-456.mktorest.com" form={form} />
      <label class="stacked">
        {t('clientId')}
        <input required value={inputs.clientId} autocomplete="off" onInput={(event) => edit({ clientId: event.currentTarget.value })} />
      </label>
      <SecretField label={t('clientSecret')} form={form} />
      <MarketoFieldsEditor
        names={inputs.marketoFields}
        onChange={(marketoFields) => edit({ marketoFields })}
        activityTypeId={inputs.activityTypeId}
        onActivityTypeId={(activityTypeId) => edit({ activityTypeId })}
      />
    </>
  );
}

function BaseUrlField({ kind, placeholder, form }: FieldsProps & { kind: ApiKind; placeholder: string }) {
  return (
    <label class="stacked">
      {t('apiBaseUrl')}
      <input
        type="url"
        required={!DEFAULT_BASE_URLS[kind]}
        value={form.inputs.baseUrl}
        placeholder={placeholder}
        onInput={(event) => form.edit({ baseUrl: event.currentTarget.value })}
      />
    </label>
  );
}

/** The token or secret: empty when the page opens, since a saved one is never sent back. */
function SecretField({ label, form }: FieldsProps & { label: string }) {
  return (
    <label class="stacked">
      {label}
      <input type="password" autocomplete="off" value={form.inputs.token} onInput={(event) => form.edit({ token: event.currentTarget.value })} />
      {form.tokenSaved && <small>{t('tokenKept')}</small>}
    </label>
  );
}

function StatusLine({ status }: { status: ConnectionStatus }) {
  return (
    <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'ok' : 'error'}>
      {status.text}
    </p>
  );
}
