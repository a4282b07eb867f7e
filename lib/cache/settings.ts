// The user's settings, kept in extension storage. Stored values are parsed on every read: a bad
// or outdated value falls back to the defaults and says why, and the stored value is left alone.
import { storage } from 'wxt/utils/storage';
import { parse } from '../domain/model';
import { Settings } from '../domain/settings-schema';
import { DEFAULT_SETTINGS } from '../domain/default-settings';

export { DEFAULT_SETTINGS };

export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export interface LoadedSettings {
  settings: Settings;
  /** Why the stored settings could not be used, when they could not. */
  problem?: string;
}

export async function loadSettings(): Promise<LoadedSettings> {
  const parsed = parse(Settings, 'Settings', await settingsItem.getValue());
  return parsed.ok ? { settings: parsed.value } : { settings: DEFAULT_SETTINGS, problem: parsed.error.message };
}

export async function saveSettings(settings: Settings): Promise<void> {
  const parsed = parse(Settings, 'Settings', settings);
  if (!parsed.ok) throw parsed.error;
  await settingsItem.setValue(parsed.value);
}
