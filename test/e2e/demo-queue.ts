// What the popup lists once the install sync has brought the demo: the default rep's open handoffs,
// by lead name, worked out from the demo's generator with the open statuses written out here rather
// than taken from the code under test.
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { generateDemo } from '../../lib/sources/demo/source';

export function expectedDemoQueue(now = Date.now()): string[] {
  const demo = generateDemo({ seed: DEFAULT_SETTINGS.source.demoSeed, now, repEmail: DEFAULT_SETTINGS.repEmail });
  const leadNames = new Map(demo.leads.map((lead) => [lead.email, lead.name]));
  return demo.handoffs
    .filter((handoff) => handoff.assigneeEmail === DEFAULT_SETTINGS.repEmail && ['pending', 'accepted'].includes(handoff.status))
    .map((handoff) => leadNames.get(handoff.email)!);
}
