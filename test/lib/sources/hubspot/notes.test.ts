import { describe, expect, it } from 'vitest';
import { makeOutboxItem } from '../../../fixtures/factories';
import { failure } from '../../../fakes/source-failure';
import { contact, hubspot, T0 } from './helpers';

const reject = (n: number) => makeOutboxItem(n, { payload: { kind: 'handoff_action', handoffId: `hubspot:1:${T0}`, action: 'reject', reasonCode: 'not_a_fit' } });

describe('HubSpot: one note per write, whatever the search index shows', () => {
  it('does not write a second note when the first landed unanswered and search has not indexed it yet', async () => {
    const { fake, newSource } = await hubspot({ contacts: [contact(1)], noteIndexLagMs: 60_000 });
    const source = newSource({ timeoutMs: 300 });
    fake.force('dropAfterEffect', 'POST /crm/v3/objects/notes');
    expect(await failure(source.deliver(reject(1)))).toMatchObject({ kind: 'network' });
    fake.force(null);
    expect(await source.deliver(reject(1))).toBe('delivered');
    expect(fake.notes).toHaveLength(1);
    expect(fake.stats.byRoute['POST /crm/v3/objects/notes/search']).toBeUndefined();
  });

  it('writes the note of another write on the same contact', async () => {
    const { fake, source } = await hubspot({ contacts: [contact(1)], noteIndexLagMs: 60_000 });
    await source.deliver(reject(1));
    await source.deliver(reject(2));
    expect(fake.notes.map((note) => note.properties.hs_note_body?.split('LeadLens key: ')[1])).toEqual(['key-1', 'key-2']);
  });

  it('looks through every note on a busy contact, a hundred at a time', async () => {
    const { fake, source } = await hubspot({ contacts: [contact(1)] });
    for (let n = 1; n <= 105; n++) await source.deliver(reject(n));
    const before = fake.stats.byRoute['POST /crm/v3/objects/notes/batch/read']!;
    await source.deliver(reject(3)); // an early note: in the second hundred read, newest first
    expect(fake.notes).toHaveLength(105);
    expect(fake.stats.byRoute['POST /crm/v3/objects/notes/batch/read']! - before).toBe(2);
  });
});
