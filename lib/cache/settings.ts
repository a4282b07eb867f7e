// The settings, kept in extension storage as the rep left them and answered as LeadLens uses them:
// overlaid by the marketing system's policy and the organisation's (lib/domain/policy.ts), so that
// every reader follows a policy. Stored values are parsed on every read: bad or outdated settings
// fall back to the defaults and say why, and the stored value is left alone.
import { storage } from 'wxt/utils/storage';
import { parse } from '../domain/model';
import { effectiveSettings, fieldStates, keepLockedFields, policyToken, type FieldStates } from '../domain/policy';
import { Settings } from '../domain/settings-schema';
import { DEFAULT_SETTINGS } from '../domain/default-settings';
import { browserPolicyReaders, readPolicies, type PolicyReaders } from './policy';

export { DEFAULT_SETTINGS };

/** The rep's own settings: what the rep set, under whatever a policy sets. */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export interface LoadedSettings {
  /** The settings in effect: the rep's own under the policies. */
  settings: Settings;
  /** Why the rep's stored settings could not be used, when they could not. */
  problem?: string;
}

/** What loadSettings answers: the settings in effect, and for the options page where each comes from. */
export interface LoadedSettingsWithOrigins extends LoadedSettings {
  /** Each field with where its value comes from and whether the rep may change it. */
  fields: FieldStates;
  policy: {
    /** What the policies held that could not be applied, one line each. */
    problems: string[];
    /** When the marketing system's policy in use was fetched. */
    marketingFetchedAt?: number;
    /** The organisation's policy gives the connection its token: the rep need not enter one. */
    tokenFromOrganisation: boolean;
  };
}

interface OwnSettings {
  settings: Settings;
  problem?: string;
}

async function loadOwnSettings(): Promise<OwnSettings> {
  const parsed = parse(Settings, 'Settings', await settingsItem.getValue());
  return parsed.ok ? { settings: parsed.value } : { settings: DEFAULT_SETTINGS, problem: parsed.error.message };
}

export async function loadSettings(readers: PolicyReaders = browserPolicyReaders()): Promise<LoadedSettingsWithOrigins> {
  const own = await loadOwnSettings();
  const { layers, problems, marketingFetchedAt } = await readPolicies(readers, own.settings);
  const settings = effectiveSettings(own.settings, layers);
  return {
    settings,
    ...(own.problem === undefined ? {} : { problem: own.problem }),
    fields: fieldStates(own.settings, layers),
    policy: { problems, ...(marketingFetchedAt === undefined ? {} : { marketingFetchedAt }), tokenFromOrganisation: policyToken(layers, settings.source) !== undefined },
  };
}

export interface SaveResult {
  /** Fields a policy locks that the saved settings tried to change: they stay as the policy has them. */
  ignored: (keyof Settings)[];
}

/**
 * Saves the settings as the options page edited them (the effective ones, changed). Invalid
 * settings are refused, naming the field; what a policy locks is kept out of the rep's own.
 */
export async function saveSettings(settings: Settings, readers: PolicyReaders = browserPolicyReaders()): Promise<SaveResult> {
  const parsed = parse(Settings, 'Settings', settings);
  if (!parsed.ok) throw parsed.error;
  const own = await loadOwnSettings();
  const { layers } = await readPolicies(readers, own.settings);
  const kept = keepLockedFields(parsed.value, own.settings, layers);
  await settingsItem.setValue(kept.settings);
  return { ignored: kept.ignored };
}
