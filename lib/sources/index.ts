// The registry of marketing systems: a new source is one file and one line here.
import type { OutboxItem } from '../domain/model';
import type { Settings } from '../domain/settings-schema';
import { createDemoSource } from './demo/source';
import { createHubSpotSource } from './hubspot/source';
import { createHttpSource } from './http';
import { createMarketoSource, DEFAULT_FIELD_NAMES } from './marketo/source';
import { DEFAULT_BASE_URLS, SourceError, type LeadSource } from './source';

export interface SourceContext {
  now: () => number;
  /** The API token saved for the source, if any. */
  token?: string;
  /** Where the demo's marketing system keeps what it receives. */
  demoInbox?: (item: OutboxItem) => Promise<void>;
}

export function sourceFor(settings: Settings, context: SourceContext): LeadSource {
  const { kind, baseUrl } = settings.source;
  /** What the adapters that work out handoffs and grades themselves need: deadlines and grading. */
  const business = { repEmail: settings.repEmail, calendar: settings.calendar, policy: settings.slaPolicy, grading: settings.grading };
  switch (kind) {
    case 'demo':
      return createDemoSource({ seed: settings.source.demoSeed, now: context.now, inbox: context.demoInbox, ...business });
    case 'http':
      if (!baseUrl) throw new SourceError('Set the API base URL of your Lead Context API in LeadLens options.', 'not_configured');
      if (!context.token) throw new SourceError('Set the API token of your Lead Context API in LeadLens options.', 'not_configured');
      return createHttpSource({ baseUrl, token: context.token });
    case 'hubspot':
      if (!context.token) throw new SourceError('Set the access token of your HubSpot service key or private app in LeadLens options.', 'not_configured');
      return createHubSpotSource({
        token: context.token,
        baseUrl: baseUrl ?? DEFAULT_BASE_URLS.hubspot,
        properties: { score: settings.source.hubspotScoreProperty, mqlDate: settings.source.hubspotMqlDateProperty },
        recentDays: settings.source.recentActivityDays,
        now: context.now,
        ...business,
      });
    case 'marketo': {
      const { clientId, activityTypeId, marketoFields: fields } = settings.source;
      if (!baseUrl) throw new SourceError('Set the REST endpoint of your Marketo instance (Admin > Web Services) in LeadLens options.', 'not_configured');
      if (!clientId || !context.token) throw new SourceError('Set the Marketo client ID and client secret in LeadLens options.', 'not_configured');
      // Settings refuse one name typed for two roles; one that is another role's default is caught here,
      // before the two roles' write-backs overwrite each other.
      const names = Object.values({ ...DEFAULT_FIELD_NAMES, ...fields });
      const shared = names.find((name, index) => names.indexOf(name) !== index);
      if (shared) throw new SourceError(`Two Marketo field roles use the field ${shared}: give each its own in LeadLens options (Field names).`, 'not_configured');
      return createMarketoSource({ baseUrl, clientId, clientSecret: context.token, activityTypeId, fields, lookbackDays: settings.source.recentActivityDays, now: context.now, ...business });
    }
  }
}
