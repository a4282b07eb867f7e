// Connecting LeadLens to marketing's system: which source, and what each asks for in its vendor's
// words. The state, the checks and the two actions are in use-connection-form.ts; the token goes to
// the background and is never shown again. A connection the organisation sets shows its kind and
// address read-only, and no token field when the policy gives the token.
import { useEffect, useState } from 'preact/hooks';
import { ErrorDetail } from '../ErrorDetail';
import { t, type MessageKey } from '../../lib/ui/i18n';
import { DEFAULT_BASE_URLS } from '../../lib/sources/source';
import { HubSpotPropertyPickers, type PropertiesRequest } from './HubSpotPropertyPickers';
import { MarketoFieldsEditor } from './MarketoFieldsEditor';
import { LockNote } from './policy';
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

export function ConnectionForm(props: ConnectionFormProps & { lock?: string }) {
  const form = useConnectionForm(props);
  const { kind } = form.inputs;
  return (
    <form class="connection" onSubmit={form.save}>
      <fieldset>
        <legend>
          <h2>{t('connection')}</h2>
        </legend>
        <LockNote text={props.lock} />
        {props.locked ? <ReadOnly label={t('source')} value={t(kind === 'demo' ? 'sourceDemo' : SOURCE_NAMES[kind])} /> : <SourceSelect kind={kind} onChange={(chosen) => form.edit({ kind: chosen })} />}
        {kind !== 'demo' && <SourceFields kind={kind} form={form} props={props} />}
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
  props: ConnectionFormProps;
}

function SourceFields({ kind, form, props }: FieldsProps & { kind: ApiKind }) {
  if (kind === 'http') return <LeadContextApiFields form={form} props={props} />;
  if (kind === 'hubspot') return <HubSpotFields form={form} props={props} />;
  return <MarketoSourceFields form={form} props={props} />;
}

/** A value the organisation sets: shown, selectable, not editable. */
function ReadOnly({ label, value }: { label: string; value: string }) {
  return (
    <label class="stacked">
      {label}
      <input readOnly value={value} />
    </label>
  );
}

/** The company's own middleware: its address has no default. */
function LeadContextApiFields({ form, props }: FieldsProps) {
  return (
    <>
      <BaseUrlField kind="http" placeholder="https://leads.example.com" form={form} props={props} />
      {props.tokenFromOrganisation ? <p class="hint">{t('tokenFromOrganisation')}</p> : <SecretField label={t('apiToken')} form={form} props={props} />}
    </>
  );
}

/** A private app's token; the API's address has a default; the portal's properties to read the score and MQL date from. */
function HubSpotFields({ form, props }: FieldsProps) {
  // Read quietly with a saved token at first; again, out loud, once a token is typed or saved.
  const [request, setRequest] = useState<PropertiesRequest>({ quiet: true });
  useEffect(() => {
    if (form.tokenSaved) setRequest({ quiet: false });
  }, [form.tokenSaved]);
  return (
    <>
      <p class="hint">{t('hubspotHint')}</p>
      <BaseUrlField kind="hubspot" placeholder="https://api.hubapi.com" form={form} props={props} />
      <SecretField label={t('apiToken')} form={form} props={props} onCommit={(token) => token && setRequest({ token, quiet: false })} />
      <HubSpotPropertyPickers inputs={form.inputs} edit={form.edit} list={props.listHubSpotProperties} request={request} />
      <RecentActivityField form={form} props={props} />
    </>
  );
}

/** How far back marketing activity keeps a lead on this computer (HubSpot and Marketo). */
function RecentActivityField({ form }: FieldsProps) {
  return (
    <label class="stacked">
      {t('recentActivityDays')}
      <input
        type="number"
        min={1}
        max={365}
        step={1}
        inputMode="numeric"
        placeholder="30"
        aria-describedby="recent-activity-hint"
        value={form.inputs.recentActivityDays}
        onInput={(event) => form.edit({ recentActivityDays: event.currentTarget.value })}
      />
      <small id="recent-activity-hint">{t('recentActivityDaysHint')}</small>
    </label>
  );
}

/** The instance's REST endpoint, a LeadLens API user's client ID and secret, and the admin's field names. */
function MarketoSourceFields({ form, props }: FieldsProps) {
  const { inputs, edit } = form;
  return (
    <>
      <p class="hint">{t('marketoHint')}</p>
      <BaseUrlField kind="marketo" placeholder="https://123-ABC-456.mktorest.com" form={form} props={props} />
      {props.clientIdLocked ? (
        <ReadOnly label={t('clientId')} value={inputs.clientId} />
      ) : (
        <label class="stacked">
          {t('clientId')}
          <input required value={inputs.clientId} autocomplete="off" onInput={(event) => edit({ clientId: event.currentTarget.value })} />
        </label>
      )}
      <SecretField label={t('clientSecret')} form={form} props={props} />
      <RecentActivityField form={form} props={props} />
      <MarketoFieldsEditor
        names={inputs.marketoFields}
        onChange={(marketoFields) => edit({ marketoFields })}
        activityTypeId={inputs.activityTypeId}
        onActivityTypeId={(activityTypeId) => edit({ activityTypeId })}
      />
    </>
  );
}

function BaseUrlField({ kind, placeholder, form, props }: FieldsProps & { kind: ApiKind; placeholder: string }) {
  if (props.locked) return <ReadOnly label={t('apiBaseUrl')} value={form.inputs.baseUrl || DEFAULT_BASE_URLS[kind] || ''} />;
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
function SecretField({ label, form, onCommit }: FieldsProps & { label: string; onCommit?: (token: string) => void }) {
  return (
    <label class="stacked">
      {label}
      <input
        type="password"
        autocomplete="off"
        value={form.inputs.token}
        onInput={(event) => form.edit({ token: event.currentTarget.value })}
        onChange={(event) => onCommit?.(event.currentTarget.value)}
      />
      {form.tokenSaved && <small>{t('tokenKept')}</small>}
    </label>
  );
}

/** The verdict; Test connection's problems as a list, and what deserves a look under it. */
function StatusLine({ status }: { status: ConnectionStatus }) {
  return (
    <div role={status.ok ? 'status' : 'alert'} class="connection-status">
      <p class={status.ok ? 'ok' : 'error'}>{status.text}</p>
      {!status.ok && <ErrorDetail detail={status.detail ?? ''} />}
      {status.problems && (
        <ul class="error">
          {status.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {status.notes && status.notes.length > 0 && (
        <>
          <p>{t('testNotes')}</p>
          <ul>
            {status.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
