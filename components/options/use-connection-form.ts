// The connection form's state and its two actions. The connection is checked here before the
// background sees it, since the background would refuse a bad value without the form saying why;
// access to the API's site is asked for only then, at the moment it is needed.
import { useState } from 'preact/hooks';
import { describeError } from '../../lib/ui/errors';
import { t } from '../../lib/ui/i18n';
import { parse } from '../../lib/domain/model';
import { HubSpotPropertyName, MarketoFields, RecentActivityDays, type Settings } from '../../lib/domain/settings-schema';
import type { ConnectionTestAnswer, HubSpotPropertiesAnswer } from '../../lib/messaging/messages';
import { DEFAULT_BASE_URLS } from '../../lib/sources/source';
import type { MarketoFieldInputs } from './MarketoFieldsEditor';

export interface Connection {
  kind: Settings['source']['kind'];
  baseUrl?: string;
  /** Marketo's client ID. */
  clientId?: string;
  /** Marketo's names for its custom lead fields: only the roles given a name, trimmed. */
  marketoFields?: Settings['source']['marketoFields'];
  /** Marketo's custom activity type for LeadLens feedback, when an admin made one. */
  activityTypeId?: number;
  /** HubSpot's score and MQL date properties; undefined for the defaults. */
  hubspotScoreProperty?: string;
  hubspotMqlDateProperty?: string;
  /** HubSpot and Marketo: days of activity that keep a lead locally; undefined for 30. */
  recentActivityDays?: number;
  token?: string;
}

export interface ConnectionFormProps {
  initial: Settings['source'];
  onSave: (connection: Connection) => Promise<{ tokenSaved: boolean }>;
  onTest: (connection: Connection) => Promise<ConnectionTestAnswer>;
  /** HubSpot's contact properties, read with the token typed or the one saved for this base URL. */
  listHubSpotProperties: (request: { baseUrl?: string; token?: string }) => Promise<HubSpotPropertiesAnswer>;
  /** The organisation's policy sets the connection: its kind and address are shown, not edited. */
  locked?: boolean;
  /** The organisation's policy set the Marketo client ID too: shown, not editable. */
  clientIdLocked?: boolean;
  /** The organisation's policy gives the token: no field for one. */
  tokenFromOrganisation?: boolean;
  /** Asks the browser for access to these origins (match patterns); false when the user says no. */
  requestAccess: (origins: string[]) => Promise<boolean>;
}

/** The form's fields as typed: untrimmed, possibly wrong, until saved or tested. */
export interface ConnectionInputs {
  kind: Connection['kind'];
  baseUrl: string;
  clientId: string;
  marketoFields: MarketoFieldInputs;
  activityTypeId: string;
  hubspotScoreProperty: string;
  hubspotMqlDateProperty: string;
  /** As typed: blank for the default. */
  recentActivityDays: string;
  /** Never filled from storage: a saved token is never shown again. */
  token: string;
}

export interface ConnectionStatus {
  ok: boolean;
  text: string;
  /** The system's own words when the test failed on the way (lib/ui/errors.ts). */
  detail?: string;
  /** Test connection's findings one by one, when the source checks itself. */
  problems?: string[];
  notes?: string[];
}

/** The connection as typed and the site to ask access to (none for the demo), or why it is wrong. */
type Checked = { ok: true; connection: Connection; origin: string | null } | { ok: false; problem: string };

/** Checks what was typed, in the order the form reports it: Marketo's field names and activity type, then the address. */
export function checkConnection(inputs: ConnectionInputs): Checked {
  const { kind } = inputs;
  if (kind === 'demo') return { ok: true, connection: { kind }, origin: null };
  const marketo = kind === 'marketo' ? checkMarketo(inputs) : NOT_MARKETO;
  if (!marketo.ok) return marketo;
  const tuning = checkTuning(inputs);
  if (!tuning.ok) return tuning;
  const origin = originOf(inputs.baseUrl.trim() || DEFAULT_BASE_URLS[kind] || '');
  if (!origin) return { ok: false, problem: t('settingsInvalid', `${t('apiBaseUrl')}: ${inputs.baseUrl}`) };
  const connection: Connection = {
    kind,
    baseUrl: inputs.baseUrl.trim() || undefined,
    clientId: kind === 'marketo' ? inputs.clientId.trim() || undefined : undefined,
    marketoFields: marketo.fields,
    activityTypeId: marketo.activityTypeId,
    ...tuning.fields,
    token: inputs.token || undefined,
  };
  return { ok: true, connection, origin };
}

const NOT_MARKETO = { ok: true, fields: undefined, activityTypeId: undefined } as const;

/** Marketo's field names and activity type: a name Marketo could not have, or one that is no ID, stops here. */
function checkMarketo(inputs: ConnectionInputs) {
  const fields = parse(MarketoFields, t('marketoFieldNames'), inputs.marketoFields);
  if (!fields.ok) return { ok: false as const, problem: t('settingsInvalid', fields.error.message) };
  const typed = inputs.activityTypeId;
  const activityTypeId = typed.trim() ? Number(typed) : undefined;
  if (activityTypeId !== undefined && !(Number.isInteger(activityTypeId) && activityTypeId > 0)) {
    return { ok: false as const, problem: t('settingsInvalid', `${t('marketoActivityTypeId')}: ${typed}`) };
  }
  return { ok: true as const, fields: fields.value, activityTypeId };
}

/** HubSpot's properties and the activity window (HubSpot and Marketo), each named by its label when wrong; blank is the default. */
function checkTuning(inputs: ConnectionInputs): { ok: true; fields: Tuning } | { ok: false; problem: string } {
  const { kind } = inputs;
  const typed: Record<keyof Tuning, unknown> = {
    hubspotScoreProperty: kind === 'hubspot' ? inputs.hubspotScoreProperty.trim() || undefined : undefined,
    hubspotMqlDateProperty: kind === 'hubspot' ? inputs.hubspotMqlDateProperty.trim() || undefined : undefined,
    recentActivityDays: kind === 'hubspot' || kind === 'marketo' ? numberOrUndefined(inputs.recentActivityDays) : undefined,
  };
  const fields: Tuning = {};
  for (const [field, [schema, label]] of Object.entries(TUNING) as [keyof Tuning, (typeof TUNING)[keyof Tuning]][]) {
    const parsed = parse(schema, t(label), typed[field]);
    if (!parsed.ok) return { ok: false, problem: t('settingsInvalid', parsed.error.message) };
    Object.assign(fields, { [field]: parsed.value });
  }
  return { ok: true, fields };
}

type Tuning = Pick<Connection, 'hubspotScoreProperty' | 'hubspotMqlDateProperty' | 'recentActivityDays'>;
const TUNING = {
  hubspotScoreProperty: [HubSpotPropertyName, 'hubspotScoreProperty'],
  hubspotMqlDateProperty: [HubSpotPropertyName, 'hubspotMqlDateProperty'],
  recentActivityDays: [RecentActivityDays, 'recentActivityDays'],
} as const;

const numberOrUndefined = (typed: string) => (typed.trim() ? Number(typed) : undefined);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The saved connection as the form shows it; the token never comes back. */
const inputsOf = (saved: Settings['source']): ConnectionInputs => ({
  kind: saved.kind,
  baseUrl: saved.baseUrl ?? '',
  clientId: saved.clientId ?? '',
  marketoFields: saved.marketoFields ?? {},
  activityTypeId: saved.activityTypeId?.toString() ?? '',
  hubspotScoreProperty: saved.hubspotScoreProperty ?? '',
  hubspotMqlDateProperty: saved.hubspotMqlDateProperty ?? '',
  recentActivityDays: saved.recentActivityDays?.toString() ?? '',
  token: '',
});

export function useConnectionForm({ initial, onSave, onTest, requestAccess }: ConnectionFormProps) {
  const [inputs, setInputs] = useState(() => inputsOf(initial));
  const [tokenSaved, setTokenSaved] = useState(false);
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const edit = (change: Partial<ConnectionInputs>) => setInputs((current) => ({ ...current, ...change }));

  /** The connection as typed, once the browser lets LeadLens reach it. */
  async function ready(): Promise<Connection | null> {
    const checked = checkConnection(inputs);
    if (!checked.ok) {
      setStatus({ ok: false, text: checked.problem });
      return null;
    }
    if (checked.origin && !(await requestAccess([`${checked.origin}/*`]))) {
      setStatus({ ok: false, text: t('accessDenied', checked.origin) });
      return null;
    }
    return checked.connection;
  }

  async function save(event: Event) {
    event.preventDefault();
    const connection = await ready();
    if (!connection) return;
    await answered(async () => {
      const result = await onSave(connection);
      setTokenSaved(result.tokenSaved);
      edit({ token: '' });
      setStatus({ ok: true, text: t('connectionSaved') });
    });
  }

  async function test() {
    const connection = await ready();
    if (!connection) return;
    await answered(async () => {
      const result = await onTest(connection);
      const { problems = [], notes = [] } = result;
      const listed = problems.length > 1 ? problems : undefined;
      const failed = describeError(result.code, result.message);
      setStatus({ ok: result.ok, text: result.ok ? t('connectionOk') : listed ? t('testProblems') : failed.text, detail: failed.detail, problems: listed, notes });
    });
  }

  /** A refusal from the background (a connection the organisation sets, say) is shown, not dropped. */
  async function answered(act: () => Promise<void>) {
    try {
      await act();
    } catch (error) {
      const failed = describeError((error as { code?: string } | null)?.code, error instanceof Error ? error.message : String(error));
      setStatus({ ok: false, text: failed.text, detail: failed.detail });
    }
  }

  return { inputs, edit, tokenSaved, status, save, test };
}

export type ConnectionFormState = ReturnType<typeof useConnectionForm>;
