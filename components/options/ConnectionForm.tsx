// Connecting LeadLens to marketing's system. The token goes to the background and is never shown
// again; access to the API's site is asked for here, at the moment it is needed.
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/ui/i18n';
import { parse } from '../../lib/domain/model';
import { MarketoFields, type Settings } from '../../lib/domain/settings-schema';
import { DEFAULT_BASE_URLS } from '../../lib/sources/source';
import { MarketoFieldsEditor, type MarketoFieldInputs } from './MarketoFieldsEditor';

export interface Connection {
  kind: Settings['source']['kind'];
  baseUrl?: string;
  /** Marketo's client ID. */
  clientId?: string;
  /** Marketo's names for its custom lead fields: only the roles given a name, trimmed. */
  marketoFields?: Settings['source']['marketoFields'];
  /** Marketo's custom activity type for LeadLens feedback, when an admin made one. */
  activityTypeId?: number;
  token?: string;
}

/** What each source asks for, in its vendor's words. */
const FORMS = {
  demo: null,
  http: { option: 'sourceHttp', placeholder: 'https://leads.example.com', token: 'apiToken', hint: null },
  hubspot: { option: 'sourceHubspot', placeholder: 'https://api.hubapi.com', token: 'apiToken', hint: 'hubspotHint' },
  marketo: { option: 'sourceMarketo', placeholder: 'https://123-ABC-456.mktorest.com', token: 'clientSecret', hint: 'marketoHint' },
} as const satisfies Record<Connection['kind'], { option: MessageKey; placeholder: string; token: MessageKey; hint: MessageKey | null } | null>;

export interface ConnectionFormProps {
  initial: Settings['source'];
  onSave: (connection: Connection) => Promise<{ tokenSaved: boolean }>;
  onTest: (connection: Connection) => Promise<{ ok: boolean; message: string }>;
  /** Asks the browser for access to these origins (match patterns); false when the user says no. */
  requestAccess: (origins: string[]) => Promise<boolean>;
}

export function ConnectionForm({ initial, onSave, onTest, requestAccess }: ConnectionFormProps) {
  const [kind, setKind] = useState<Connection['kind']>(initial.kind);
  const [baseUrl, setBaseUrl] = useState(initial.baseUrl ?? '');
  const [clientId, setClientId] = useState(initial.clientId ?? '');
  const [marketoFields, setMarketoFields] = useState<MarketoFieldInputs>(initial.marketoFields ?? {});
  const [activityTypeId, setActivityTypeId] = useState(initial.activityTypeId?.toString() ?? '');
  const form = FORMS[kind];
  const [token, setToken] = useState('');
  const [tokenSaved, setTokenSaved] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  /** The connection as typed, once the browser lets LeadLens reach it. */
  async function ready(): Promise<Connection | null> {
    if (kind === 'demo') return { kind };
    // Checked before asking the background, which would refuse a bad name without the form saying why.
    const fields = kind === 'marketo' ? parse(MarketoFields, t('marketoFieldNames'), marketoFields) : null;
    if (fields && !fields.ok) {
      setStatus({ ok: false, text: t('settingsInvalid', fields.error.message) });
      return null;
    }
    const activityType = kind === 'marketo' && activityTypeId.trim() ? Number(activityTypeId) : undefined;
    if (activityType !== undefined && !(Number.isInteger(activityType) && activityType > 0)) {
      setStatus({ ok: false, text: t('settingsInvalid', `${t('marketoActivityTypeId')}: ${activityTypeId}`) });
      return null;
    }
    const url = baseUrl.trim() || DEFAULT_BASE_URLS[kind] || '';
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      setStatus({ ok: false, text: t('settingsInvalid', `${t('apiBaseUrl')}: ${baseUrl}`) });
      return null;
    }
    if (!(await requestAccess([`${origin}/*`]))) {
      setStatus({ ok: false, text: t('accessDenied', origin) });
      return null;
    }
    return {
      kind,
      baseUrl: baseUrl.trim() || undefined,
      clientId: kind === 'marketo' ? clientId.trim() || undefined : undefined,
      marketoFields: fields?.value,
      activityTypeId: activityType,
      token: token || undefined,
    };
  }

  async function save(event: Event) {
    event.preventDefault();
    const connection = await ready();
    if (!connection) return;
    const result = await onSave(connection);
    setTokenSaved(result.tokenSaved);
    setToken('');
    setStatus({ ok: true, text: t('connectionSaved') });
  }

  async function test() {
    const connection = await ready();
    if (!connection) return;
    const result = await onTest(connection);
    setStatus({ ok: result.ok, text: result.ok ? t('connectionOk') : result.message });
  }

  return (
    <form class="connection" onSubmit={save}>
      <fieldset>
        <legend>{t('connection')}</legend>
        <label>
          {t('source')}{' '}
          <select value={kind} onChange={(event) => setKind(event.currentTarget.value as Connection['kind'])}>
            <option value="demo">{t('sourceDemo')}</option>
            {(['http', 'hubspot', 'marketo'] as const).map((option) => (
              <option key={option} value={option}>
                {t(FORMS[option].option)}
              </option>
            ))}
          </select>
        </label>
        {form && (
          <>
            {form.hint && <p class="hint">{t(form.hint)}</p>}
            <label class="stacked">
              {t('apiBaseUrl')}
              <input
                type="url"
                required={!DEFAULT_BASE_URLS[kind]}
                value={baseUrl}
                placeholder={form.placeholder}
                onInput={(event) => setBaseUrl(event.currentTarget.value)}
              />
            </label>
            {kind === 'marketo' && (
              <label class="stacked">
                {t('clientId')}
                <input required value={clientId} autocomplete="off" onInput={(event) => setClientId(event.currentTarget.value)} />
              </label>
            )}
            <label class="stacked">
              {t(form.token)}
              <input type="password" autocomplete="off" value={token} onInput={(event) => setToken(event.currentTarget.value)} />
              {tokenSaved && <small>{t('tokenKept')}</small>}
            </label>
            {kind === 'marketo' && (
              <MarketoFieldsEditor names={marketoFields} onChange={setMarketoFields} activityTypeId={activityTypeId} onActivityTypeId={setActivityTypeId} />
            )}
          </>
        )}
        <button type="submit">{t('save')}</button>{' '}
        {form && (
          <button type="button" onClick={() => void test()}>
            {t('testConnection')}
          </button>
        )}
        {status && (
          <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'ok' : 'error'}>
            {status.text}
          </p>
        )}
      </fieldset>
    </form>
  );
}
