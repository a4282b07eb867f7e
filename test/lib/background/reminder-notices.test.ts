// Issue 12.6 for reminders: a notification's text cannot be read back in a browser test, so the hostile
// values of test/e2e/hostile-data.test.ts go through the notices' words here, as the sync would store them.
import { describe, expect, it } from 'vitest';
import { noticesFor } from '../../../lib/background/reminder-notices';
import type { Reminder } from '../../../lib/background/reminders';
import { Lead } from '../../../lib/domain/model';
import { makeHandoff, makeLead } from '../../fixtures/factories';
import { HOSTILE_IMG, HOSTILE_SCRIPT, hostile, hostileName, stripped } from '../../fixtures/hostile-text';

const NOW = Date.UTC(2026, 10, 16, 3, 0);
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

describe('reminder notices with hostile lead data', () => {
  // Parsed at the boundary as a source's lead is: bidi controls dropped there, the rest kept as sent.
  const lead = Lead.parse({ ...makeLead(1, { name: hostileName('=HYPERLINK("x")'), company: hostile('@Evil Corp') }) });
  const handoff = makeHandoff(1, { email: lead.email });
  const reminder = (kind: Reminder['kind']): Reminder => ({ handoffId: handoff.id, email: lead.email, kind, at: NOW, dueAt: NOW + 30 * 60_000 });

  it.each(['breach', 'before'] as const)('a %s notice carries the text as text: no bidi control, the markup verbatim', (kind) => {
    const [notice] = noticesFor([reminder(kind)], [{ handoff, lead }], NOW);
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
