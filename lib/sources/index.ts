// The registry of marketing systems: a new source is one file and one line here.
import type { Settings } from '../model';
import { createDemoSource } from './demo';
import { SourceError, type LeadSource } from './source';

export function sourceFor(settings: Settings, now: () => number): LeadSource {
  switch (settings.source.kind) {
    case 'demo':
      return createDemoSource({
        seed: settings.source.demoSeed,
        repEmail: settings.repEmail,
        calendar: settings.calendar,
        policy: settings.slaPolicy,
        now,
      });
    default:
      throw new SourceError(`The ${settings.source.kind} source is not available in this version of LeadLens.`, 'unavailable');
  }
}
