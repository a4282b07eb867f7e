// Issue 12.6 for reminders: a notification's text cannot be read back in a browser test, so the hostile
// values of test/e2e/hostile-data.test.ts go through the notices' words here, as the sync would store them.
import { describe, expect, it } from 'vitest';
import { noticesFor } from '../../../lib/background/reminder-notices';
import type { Reminder } from '../../../lib/background/reminders';
import { Lead } from '../../../lib/domain/model';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { createBusinessClock } from '../../../lib/time/sla';
import { formatDeadline } from '../../../lib/ui/format';
import { useMessages } from '../../../lib/ui/i18n';
import japanese from '../../../public/_locales/ja/messages.json';
import { makeHandoff, makeLead } from '../../fixtures/factories';
import { HOSTILE_IMG, HOSTILE_SCRIPT, hostile, hostileName, stripped } from '../../fixtures/hostile-text';

const NOW = Date.UTC(2026, 10, 16, 3, 0);
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const CLOCK = { clock: createBusinessClock(DEFAULT_SETTINGS.calendar), policy: DEFAULT_SETTINGS.slaPolicy };

describe('reminder notices with hostile lead data', () => {
  // Parsed at the boundary as a source's lead is: bidi controls dropped there, the rest kept as sent.
  const lead = Lead.parse({ ...makeLead(1, { name: hostileName('=HYPERLINK("x")'), company: hostile('@Evil Corp') }) });
  const handoff = makeHandoff(1, { email: lead.email });
  const reminder = (kind: Reminder['kind']): Reminder => ({ handoffId: handoff.id, email: lead.email, kind, at: NOW, dueAt: NOW + 30 * 60_000 });

  it.each(['breach', 'before'] as const)('a %s notice carries the text as text: no bidi control, the markup verbatim', (kind) => {
    const [notice] = noticesFor([reminder(kind)], [{ handoff, lead }], NOW, CLOCK);
    expect(notice!.title).toContain(stripped(lead.name));
    expect(notice!.message).toContain(stripped(lead.company));
    for (const text of [notice!.title, notice!.message]) {
      expect(text).not.toMatch(BIDI);
      // Notifications are plain text: the markup stays as the characters it is, neither escaped nor dropped.
      expect(text).toContain(HOSTILE_IMG);
      expect(text).toContain(HOSTILE_SCRIPT);
    }
  });
});

describe('reminder notices', () => {
  // Tokyo, the default calendar: 17:45 on Monday 16 November, working hours 9:00-18:00.
  const evening = Date.UTC(2026, 10, 16, 8, 45);
  const nextMorning = Date.UTC(2026, 10, 17, 0, 15); // 9:15 on Tuesday: 30 working minutes away
  const lead = makeLead(1, { name: 'Aiko Tanaka', company: 'Sakura Seiki' });
  const handoff = makeHandoff(1, { email: lead.email, firstContactDueAt: nextMorning });
  const before: Reminder = { handoffId: handoff.id, email: lead.email, kind: 'before', at: evening, dueAt: nextMorning };

  it('count the working time left, as the popup does, with the clock deadline beside it', () => {
    const [notice] = noticesFor([before], [{ handoff, lead }], evening, CLOCK);
    // Not the night's "15h 30m": the popup would say 30m left for the same handoff.
    expect(notice!.title).toBe(`First contact with Aiko Tanaka: 30m left · due ${formatDeadline(nextMorning, evening)}`);
    expect(formatDeadline(nextMorning, evening)).toMatch(/\d:15$/);
  });

  it('say when a passed deadline was, and speak the language in use', () => {
    const late = nextMorning + 60 * 60_000;
    useMessages('ja', japanese);
    const [breach] = noticesFor([{ ...before, kind: 'breach', at: nextMorning }], [{ handoff, lead }], late, CLOCK);
    expect(breach!.title).toBe('期限超過: Aiko Tanaka にまだ連絡していません');
    expect(breach!.message).toBe(`1時間超過・期限 ${formatDeadline(nextMorning, late)}\nSakura Seiki · ${lead.grade} · ${lead.score}`);
    const [warning] = noticesFor([before], [{ handoff, lead }], evening, CLOCK);
    expect(warning!.title).toBe(`Aiko Tanaka への初回連絡: 残り30分・${formatDeadline(nextMorning, evening)}まで`);
  });
});
