// The popup's first paint checks what it reads by hand, since zod would swamp its chunk (the reason
// is at the top of lib/cache/first-screen.ts). Each check is held here to a zod schema of the same
// shape, case by case, so the two cannot drift apart; and to the real schemas, so the first paint
// never refuses what the live view would take.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { snapshotOf, usableSettings, usableSnapshot, usableSyncState } from '../../../lib/cache/first-screen';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { Settings } from '../../../lib/domain/settings-schema';
import { Handoff, Lead } from '../../../lib/domain/model';
import type { SyncState } from '../../../lib/cache/db-name';
import { disagreements, mutants, type Case } from '../../fixtures/drift';
import { makeHandoff, makeLead } from '../../fixtures/factories';

const REP = 'rep@acme.example.com';
const snapshot = snapshotOf(
  [{ handoff: makeHandoff(1), lead: makeLead(1), account: { key: 'domain:acme.example.com', name: 'Acme' } }, { handoff: makeHandoff(2), lead: null }],
  REP,
);
const syncState: SyncState = { status: 'error', sourceId: 'http', lastSuccessAt: 1_700_000_000_000, recordsSynced: 12, quarantined: 1, error: '503' };

/** What usableSettings reads to draw the queue. */
const DrawableSettings = z.object({
  repEmail: z.string(),
  calendar: z.object({ timeZone: z.string(), week: z.array(z.unknown()), closedDates: z.array(z.unknown()).optional() }),
  slaPolicy: z.object({ rules: z.array(z.unknown()).min(1) }),
});

/** What usableSnapshot reads: this version, this rep, rows with a key, a deadline and a lead or none. */
const DrawableEntry = z.object({
  handoff: z.object({ id: z.string(), firstContactDueAt: z.number() }),
  lead: z.object({}).nullable(),
  account: z.object({ key: z.string(), name: z.string() }).optional(),
});
const DrawableSnapshot = z.object({ version: z.literal(snapshot.version), repEmail: z.literal(REP), entries: z.array(DrawableEntry), total: z.number() });

/** What usableSyncState reads for the sync line. */
const WordableSyncState = z.object({
  status: z.enum(['idle', 'syncing', 'error']),
  recordsSynced: z.number(),
  lastSuccessAt: z.number().optional(),
  error: z.string().optional(),
});

const GUARDS = [
  {
    name: 'settings',
    guard: (value: unknown) => usableSettings(value, DEFAULT_SETTINGS) !== null,
    schema: DrawableSettings,
    cases: mutants(DEFAULT_SETTINGS),
  },
  {
    name: 'snapshot',
    guard: (value: unknown) => usableSnapshot(value, REP) !== null,
    schema: DrawableSnapshot,
    cases: [
      ...mutants(snapshot),
      { name: 'another version', value: { ...snapshot, version: snapshot.version + 1 } },
      { name: "another rep's", value: { ...snapshot, repEmail: 'taro@acme.example.com' } },
      { name: 'no rows', value: { ...snapshot, entries: [], total: 0 } },
    ],
  },
  {
    name: 'sync state',
    guard: (value: unknown) => usableSyncState(value) !== null,
    schema: WordableSyncState,
    cases: [...mutants(syncState), { name: 'another status', value: { ...syncState, status: 'asleep' } }],
  },
];

const names = (cases: Case[]) => cases.map((one) => one.name);

describe("the first paint's hand-written checks", () => {
  it.each(GUARDS)('take the same $name as a zod schema of their shape: valid, each field wrong, missing or extra', ({ guard, schema, cases }) => {
    expect(disagreements(guard, schema, cases)).toEqual([]);
    // Both sides of the line are exercised, or agreeing would prove nothing.
    expect(names(cases.filter((one) => guard(one.value)))).toContain('valid');
    expect(cases.filter((one) => !guard(one.value)).length).toBeGreaterThan(5);
  });

  it('draw with whatever the real schemas take', () => {
    // An account is a TypeScript shape (lib/domain/account-name.ts): a key and a name, both text.
    const Account = z.object({ key: z.string().min(1), name: z.string() });
    const RealSnapshot = DrawableSnapshot.extend({ entries: z.array(z.object({ handoff: Handoff, lead: Lead.nullable(), account: Account.optional() })) });
    const settings = mutants(DEFAULT_SETTINGS).filter((one) => Settings.safeParse(one.value).success);
    const snapshots = mutants(snapshot).filter((one) => RealSnapshot.safeParse(one.value).success);
    expect(names(settings)).toEqual(expect.arrayContaining(['valid', 'calendar with an extra field', 'reminders missing']));
    expect(names(snapshots)).toEqual(expect.arrayContaining(['valid', 'entries.0.lead = null', 'entries empty', 'entries.0.account missing']));
    expect(names(settings.filter((one) => !usableSettings(one.value, DEFAULT_SETTINGS)))).toEqual([]);
    expect(names(snapshots.filter((one) => !usableSnapshot(one.value, REP)))).toEqual([]);
  });
});
