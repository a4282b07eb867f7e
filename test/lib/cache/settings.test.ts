import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, settingsItem } from '../../../lib/cache/settings';

describe('settings', () => {
  it('starts from the defaults: the demo, Tokyo hours, Japanese holidays', async () => {
    const { settings, problem } = await loadSettings();
    expect(problem).toBeUndefined();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.source.kind).toBe('demo');
    expect(settings.calendar).toMatchObject({ timeZone: 'Asia/Tokyo', holidayCountry: 'JP' });
  });

  it('saves valid settings and reads them back', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, repEmail: 'Hanako.Yamada@Example.co.jp' });
    expect((await loadSettings()).settings.repEmail).toBe('hanako.yamada@example.co.jp');
  });

  it('refuses to save bad settings, naming the field', async () => {
    await expect(saveSettings({ ...DEFAULT_SETTINGS, syncIntervalMinutes: 0 })).rejects.toThrow(/syncIntervalMinutes/);
  });

  it('falls back to the defaults when what is stored is broken, says why, and keeps what was stored', async () => {
    const broken = { ...DEFAULT_SETTINGS, calendar: { ...DEFAULT_SETTINGS.calendar, timeZone: 'Nowhere/Land' } };
    await settingsItem.setValue(broken);
    const { settings, problem } = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problem).toMatch(/calendar\.timeZone: not an IANA time zone/);
    expect(await settingsItem.getValue()).toEqual(broken);
  });
});
