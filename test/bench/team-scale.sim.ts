// The team-scale simulation: N reps' browsers syncing one HubSpot portal or one Marketo instance at
// once, each with its own source as the extension makes it, against the contract fakes over real HTTP,
// the fakes keeping the vendors' documented per-account limits on a simulated clock. Each rep syncs as
// the background does: runs of pages on an alarm every 15 minutes, a run ending after two minutes or
// at an error, the next alarm going on from the cursor. Recorded: requests per rep, refusals for
// limits, and when every rep has its own handoffs and has caught up.
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../lib/domain/default-settings';
import { mulberry32 } from '../../lib/sources/demo/source';
import { createHubSpotSource } from '../../lib/sources/hubspot/source';
import { createMarketoSource } from '../../lib/sources/marketo/source';
import { NO_WAITS } from '../../lib/sources/rate-waits';
import type { LeadSource } from '../../lib/sources/source';
import { syncOffsetMinutes } from '../../lib/sources/sync-offset';
import { startFakeHubSpotApi } from '../fakes/hubspot-api';
import { startFakeMarketoApi } from '../fakes/marketo-api';
import { hubspotPortal, marketoInstance, repEmail, type Handoffs, type PortalSize } from './team-scale-portals';
import { VirtualTime } from './virtual-time';

const START = Date.UTC(2026, 10, 16, 0, 0); // a Monday, 09:00 in Tokyo: every browser comes up at once
const MINUTE = 60_000;
const INTERVAL_MS = 15 * MINUTE; // the default sync interval
const RUN_LIMIT_MS = 2 * MINUTE; // the background's limit on one run (SYNC_LIMITS.maxRunMs)
const PAGE_SIZE = 1000; // what the background asks for; HubSpot gives 200, Marketo 300
const HORIZON_MS = 24 * 60 * MINUTE;

/**
 * today: every rep syncs the whole portal and a refusal ends the run; scoped: the rep's scope and
 * waits inside a run; scoped+spread: that, with each rep's alarm at its own offset in the interval;
 * scoped+spread+7d: that, with a recent-activity window of 7 days instead of the default 30.
 */
export type Design = 'today' | 'scoped' | 'scoped+spread' | 'scoped+spread+7d';
export const DESIGNS: Design[] = ['today', 'scoped', 'scoped+spread', 'scoped+spread+7d'];
const spread = (design: Design) => design.startsWith('scoped+spread');
const options = (design: Design) => ({ ...(design === 'today' && { scope: 'portal' as const, waits: NO_WAITS }), ...(design.endsWith('+7d') && { recentDays: 7, lookbackDays: 7 }) });

export interface TeamScaleRow {
  vendor: 'HubSpot' | 'Marketo';
  design: Design;
  reps: number;
  requestsPerRep: number;
  /** Calls refused for a limit: HubSpot's 429s; Marketo's 606, 615 and 607. */
  refused: number;
  /** From the first alarm until the last rep has all of its handoffs; null: not within 24 h. */
  handoffsMinutes: number | null;
  /** The longest any rep waited for its handoffs after its own first alarm (the spread's offset left out). */
  handoffsAfterAlarmMinutes: number | null;
  /** Until the last rep's first sync is complete. */
  caughtUpMinutes: number | null;
  failedRuns: number;
}

/** The documented limits: HubSpot per private app (Starter) and per account for search; Marketo per instance. */
export const LIMITS = {
  hubspot: { burstPer10s: 100, searchPerSecond: 5 },
  marketo: { callsPer20s: 100, concurrent: 10, dailyQuota: 50_000 },
};
/** Assumed service times: not documented by either vendor. */
const SERVICE_MS = { hubspot: 150, marketo: 400 };

export const DEFAULT_PORTAL: PortalSize = { records: 4000, activities: 6000 };

export async function simulateHubSpot(reps: number, design: Design, size = DEFAULT_PORTAL): Promise<TeamScaleRow> {
  const time = new VirtualTime(START);
  const portal = hubspotPortal(START, size);
  const fake = await startFakeHubSpotApi({ owners: portal.owners, contacts: portal.contacts, limits: LIMITS.hubspot, serviceMs: SERVICE_MS.hubspot, clock: { now: () => time.now, serve: time.serve } });
  try {
    const sourceFor = (n: number) =>
      createHubSpotSource({
        token: fake.token, baseUrl: fake.baseUrl, fetch: time.fetch, repEmail: repEmail(n), calendar: DEFAULT_CALENDAR, policy: DEFAULT_SLA_POLICY,
        now: () => time.now, pauses: { sleep: time.sleep, random: mulberry32(n) }, ...options(design),
      });
    const outcome = await time.run(team(time, reps, design, sourceFor, portal.handoffs));
    return { vendor: 'HubSpot', design, reps, requestsPerRep: fake.stats.requests / reps, refused: fake.stats.limited, ...outcome };
  } finally {
    await fake.close();
  }
}

export async function simulateMarketo(reps: number, design: Design, size = DEFAULT_PORTAL): Promise<TeamScaleRow> {
  const time = new VirtualTime(START);
  const instance = marketoInstance(START, size);
  const fake = await startFakeMarketoApi({ leads: instance.leads, activities: instance.activities, limits: LIMITS.marketo, serviceMs: SERVICE_MS.marketo, clock: { now: () => time.now, serve: time.serve } });
  try {
    const sourceFor = (n: number) =>
      createMarketoSource({
        baseUrl: fake.baseUrl, clientId: fake.clientId, clientSecret: fake.clientSecret, fetch: time.fetch, repEmail: repEmail(n), calendar: DEFAULT_CALENDAR,
        policy: DEFAULT_SLA_POLICY, now: () => time.now, pauses: { sleep: time.sleep, random: mulberry32(n) }, ...options(design),
      });
    const outcome = await time.run(team(time, reps, design, sourceFor, instance.handoffs));
    return { vendor: 'Marketo', design, reps, requestsPerRep: fake.stats.requests / reps, refused: fake.stats.limited, ...outcome };
  } finally {
    await fake.close();
  }
}

type Outcome = Pick<TeamScaleRow, 'handoffsMinutes' | 'handoffsAfterAlarmMinutes' | 'caughtUpMinutes' | 'failedRuns'>;

async function team(time: VirtualTime, reps: number, design: Design, sourceFor: (n: number) => LeadSource, handoffs: Handoffs): Promise<Outcome> {
  const results = await Promise.all(
    Array.from({ length: reps }, (_, n) => {
      const offset = spread(design) ? syncOffsetMinutes(repEmail(n), INTERVAL_MS / MINUTE) * MINUTE : 0;
      return rep(time, sourceFor(n), START + offset, new Set(handoffs.get(repEmail(n))));
    }),
  );
  const latest = (key: 'handoffsAt' | 'caughtUpAt', from: (result: (typeof results)[number]) => number = () => START) =>
    results.some((result) => result[key] === undefined) ? null : Math.max(...results.map((result) => result[key]! - from(result))) / MINUTE;
  return {
    handoffsMinutes: latest('handoffsAt'),
    handoffsAfterAlarmMinutes: latest('handoffsAt', (result) => result.firstAlarm),
    caughtUpMinutes: latest('caughtUpAt'),
    failedRuns: results.reduce((sum, result) => sum + result.failedRuns, 0),
  };
}

/** One rep's browser: runs on its alarm until its first sync is complete, or the horizon. */
async function rep(time: VirtualTime, source: LeadSource, firstAlarm: number, wanted: Set<string>) {
  const result: { firstAlarm: number; handoffsAt?: number; caughtUpAt?: number; failedRuns: number } = { firstAlarm, failedRuns: 0 };
  let cursor: string | null = null;
  for (let alarm = firstAlarm; alarm < START + HORIZON_MS; alarm += INTERVAL_MS) {
    await time.at(alarm);
    try {
      for (const runStart = time.now; ; ) {
        const page = await source.changes(cursor, PAGE_SIZE);
        cursor = page.nextCursor;
        page.handoffs.forEach((handoff) => wanted.delete(handoff.id));
        if (wanted.size === 0) result.handoffsAt ??= time.now;
        if (!page.hasMore) {
          result.caughtUpAt = time.now;
          return result;
        }
        if (time.now - runStart >= RUN_LIMIT_MS) break;
      }
    } catch {
      result.failedRuns++;
    }
  }
  return result;
}

/** Every design for each team size, both vendors: the bench's table. */
export async function runTeamScale(sizes = [1, 50, 200], size = DEFAULT_PORTAL): Promise<TeamScaleRow[]> {
  const rows: TeamScaleRow[] = [];
  for (const simulate of [simulateHubSpot, simulateMarketo]) {
    for (const reps of sizes) for (const design of DESIGNS) rows.push(await simulate(reps, design, size));
  }
  return rows;
}

export function teamScaleTable(rows: TeamScaleRow[]): string {
  const minutes = (value: number | null) => (value === null ? '> 24 h' : value < 1 ? `${Math.round(value * 60)} s` : `${value.toFixed(1)} min`);
  const lines = rows.map((row) => `| ${row.vendor} | ${row.design} | ${row.reps} | ${row.requestsPerRep.toFixed(1)} | ${row.refused} | ${minutes(row.handoffsMinutes)} | ${minutes(row.handoffsAfterAlarmMinutes)} | ${minutes(row.caughtUpMinutes)} | ${row.failedRuns} |`);
  const head = '| vendor | design | reps | requests per rep | refused for limits | every rep has its handoffs | slowest rep, from its first alarm | every rep caught up | failed runs |';
  return [head, '| --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...lines].join('\n');
}
