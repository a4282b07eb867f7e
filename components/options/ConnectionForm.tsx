// Connecting LeadLens to marketing's system. The token goes to the background and is never shown
// again; access to the API's site is asked for here, at the moment it is needed.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/model';

export interface Connection {
  kind: 'demo' | 'http';
  baseUrl?: string;
  token?: string;
}

export interface ConnectionFormProps {
  initial: Settings['source'];
  onSave: (connection: Connection) => Promise<{ tokenSaved: boolean }>;
  onTest: (connection: Connection) => Promise<{ ok: boolean; message: string }>;
  /** Asks the browser for access to these origins (match patterns); false when the user says no. */
  requestAccess: (origins: string[]) => Promise<boolean>;
}

export function ConnectionForm({ initial, onSave, onTest, requestAccess }: ConnectionFormProps) {
  const [kind, setKind] = useState<Connection['kind']>(initial.kind === 'http' ? 'http' : 'demo');
  const [baseUrl, setBaseUrl] = useState(initial.baseUrl ?? '');
  const [token, setToken] = useState('');
  const [tokenSaved, setTokenSaved] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  /** The connection as typed, once the browser lets LeadLens reach it. */
  async function ready(): Promise<Connection | null> {
    if (kind === 'demo') return { kind };
    let origin: string;
    try {
      origin = new URL(baseUrl).origin;
    } catch {
      setStatus({ ok: false, text: t('settingsInvalid', `${t('apiBaseUrl')}: ${baseUrl}`) });
      return null;
    }
    if (!(await requestAccess([`${origin}/*`]))) {
      setStatus({ ok: false, text: t('accessDenied', origin) });
      return null;
    }
    return { kind, baseUrl, token: token || undefined };
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
            <option value="http">{t('sourceHttp')}</option>
          </select>
        </label>
        {kind === 'http' && (
          <>
            <label class="stacked">
              {t('apiBaseUrl')}
              <input type="url" required value={baseUrl} placeholder="https://leads.example.com" onInput={(event) => setBaseUrl(event.currentTarget.value)} />
            </label>
            <label class="stacked">
              {t('apiToken')}
              <input type="password" autocomplete="off" value={token} onInput={(event) => setToken(event.currentTarget.value)} />
              {tokenSaved && <small>{t('tokenKept')}</small>}
            </label>
          </>
        )}
        <button type="submit">{t('save')}</button>{' '}
        {kind === 'http' && (
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
