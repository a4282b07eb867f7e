// What loadSettings answers the options page, built from the rep's own settings and the policies over
// them as lib/domain/policy.ts lays them, for component tests.
import type { LoadedSettingsWithOrigins } from '../../../lib/cache/settings';
import { effectiveSettings, fieldStates, NO_POLICY, policyToken, type PolicyLayers } from '../../../lib/domain/policy';
import type { Settings } from '../../../lib/domain/settings-schema';

export interface LoadedOptions {
  problem?: string;
  layers?: PolicyLayers;
  problems?: string[];
  marketingFetchedAt?: number;
}

export function loaded(own: Settings, { problem, layers = NO_POLICY, problems = [], marketingFetchedAt }: LoadedOptions = {}): LoadedSettingsWithOrigins {
  const settings = effectiveSettings(own, layers);
  return {
    settings,
    ...(problem === undefined ? {} : { problem }),
    fields: fieldStates(own, layers),
    policy: { problems, ...(marketingFetchedAt === undefined ? {} : { marketingFetchedAt }), tokenFromOrganisation: policyToken(layers, settings.source) !== undefined },
  };
}
