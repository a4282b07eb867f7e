// The team-scale simulation's machinery, on a small team and portal: that it runs to the end on
// simulated time and records what it sees. The numbers themselves are the bench's (team-scale.run.ts).
import { describe, expect, it } from 'vitest';
import { simulateHubSpot, simulateMarketo, teamScaleTable } from './team-scale.sim';
import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from '../fakes/loopback';
import { VirtualTime } from './virtual-time';

const SMALL = { records: 600, activities: 400 };

describe('simulated time', () => {
  it('moves while a fake serves a request, and not while a request is on the wire', async () => {
    const time = new VirtualTime(0);
    const server = createServer((_request, response) => void time.serve(1000).then(() => response.end('done')));
    const base = await listenOnLoopback(server);
    const seen: string[] = [];
    try {
      await time.run(Promise.all([
        time.fetch(base).then(async (response) => seen.push(`${await response.text()} at ${time.now}`)),
        time.sleep(500).then(() => seen.push(`slept until ${time.now}`)),
        time.sleep(20_000).then(() => seen.push(`alarm at ${time.now}`)),
      ]));
    } finally {
      await closeServer(server);
    }
    expect(seen).toEqual(['slept until 500', 'done at 1000', 'alarm at 20000']);
  });
});

describe('the team-scale simulation', () => {
  it('runs a small HubSpot team to the end, on simulated hours, in seconds', async () => {
    const today = await simulateHubSpot(3, 'today', SMALL);
    const scoped = await simulateHubSpot(3, 'scoped+spread', SMALL);
    expect(scoped).toMatchObject({ vendor: 'HubSpot', reps: 3, failedRuns: 0 });
    expect(scoped.handoffsMinutes).not.toBeNull();
    expect(scoped.caughtUpMinutes).toBeLessThan(15);
    expect(scoped.requestsPerRep).toBeLessThan(today.requestsPerRep);
  });

  it('runs a small Marketo team to the end, and prints a table', async () => {
    const row = await simulateMarketo(3, 'scoped', SMALL);
    expect(row).toMatchObject({ vendor: 'Marketo', reps: 3, failedRuns: 0 });
    expect(row.handoffsAfterAlarmMinutes).toBeLessThan(1);
    expect(teamScaleTable([row])).toMatch(/^\| vendor \| design \|.*\n\| --- .*\n\| Marketo \| scoped \| 3 \| /);
  });
});
