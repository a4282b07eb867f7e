// The page the overlay runtime tests run in: a saved page put into happy-dom's own document (the
// runtime watches `document`), a background that answers from memory, and what LeadLens drew.
import { shadowOf } from '../../shadow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { ask } from '../../../lib/messaging/client';
import type { Request } from '../../../lib/messaging/messages';
import type { Lead } from '../../../lib/domain/model';
import { crmKeysOf } from '../../../lib/cache/crm-keys';
import { crmRecordKey } from '../../../lib/domain/crm-record';
import type { PageFixture } from '../../fixtures/pages';
import { FIXTURES_DIR } from '../pages/load';

/** Replaces the test document's body with the saved page's, at the page's URL. */
export function showPage(fixture: Pick<PageFixture, 'file' | 'url'>): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(fixture.url);
  const saved = new DOMParser().parseFromString(readFileSync(join(FIXTURES_DIR, fixture.file), 'utf8'), 'text/html');
  document.body.innerHTML = saved.body.innerHTML;
}

/** A Gmail message as the saved threads hold one: the sender is `span[email]` inside the header's h3.iw. */
export function gmailMessage(email: string): HTMLElement {
  const message = document.createElement('div');
  message.className = 'adn ads';
  message.innerHTML = `<div class="gs"><div class="gE iv gt"><table class="cf gJ"><tbody><tr class="acZ">
    <td class="gF gK"><h3 class="iw"><span class="qu"><span class="gD" name="Sender">Sender</span></span></h3></td>
    <td class="gH bAk"><span class="g3" title="Nov 20">Nov 20</span></td></tr></tbody></table></div></div>
    <div class="gs"><div class="ii gt"><div class="a3s aiL">The body.</div></div></div>`;
  message.querySelector('.gD')!.setAttribute('email', email);
  return message;
}

/** The background: every address and CRM record unknown to marketing unless `leads` has it. */
export function fakeAsk(leads: Lead[] = []) {
  return vi.fn(async (request: Request) => {
    if (request.type !== 'chips') return { queuedId: 'queued-1' };
    const chipOf = (email: string, lead: Lead | undefined) => ({ email, lead: lead ? { name: lead.name, grade: lead.grade, score: lead.score } : null });
    const chips = (request.emails ?? []).map((email) => chipOf(email, leads.find((candidate) => candidate.email === email)));
    const records = (request.records ?? []).map((ref) => {
      const key = crmRecordKey(ref)!;
      const lead = leads.find((candidate) => crmKeysOf(candidate).includes(key));
      return { key, chip: lead ? chipOf(lead.email, lead) : null };
    });
    return { chips, records, language: 'en' };
  }) as unknown as typeof ask & ReturnType<typeof vi.fn>;
}

export const hosts = () => [...document.querySelectorAll('leadlens-overlay')];
export const chips = () => hosts().flatMap((host) => [...shadowOf(host)!.querySelectorAll('.ll-chip')]);
/** Lets the mutation observer, the background's answers and the redraws run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
