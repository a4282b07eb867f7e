// Which CRMs LeadLens reads. Turning one on asks the browser for that site's access, then and
// only then; turning it off stops LeadLens there at once.
import { t, type MessageKey } from '../../lib/ui/i18n';
import { OPTIONAL_SITES } from '../../lib/pages/sites';
import { GrantedCheckbox } from './GrantedCheckbox';

const LABELS: Record<string, MessageKey> = {
  salesforce: 'siteSalesforce',
  hubspot: 'siteHubspot',
  dynamics: 'siteDynamics',
  pipedrive: 'sitePipedrive',
  outlook: 'siteOutlook',
  mailto: 'siteMailto',
};

export interface SitesEditorProps {
  enabled: string[];
  onChange: (enabled: string[]) => void;
  requestAccess: (origins: string[]) => Promise<boolean>;
}

export function SitesEditor({ enabled, onChange, requestAccess }: SitesEditorProps) {
  return (
    <fieldset>
      <legend>
        <h2>{t('sites')}</h2>
      </legend>
      {OPTIONAL_SITES.map((site) => (
        <GrantedCheckbox
          key={site.id}
          checked={enabled.includes(site.id)}
          label={t(LABELS[site.id] ?? 'sites')}
          grant={() => requestAccess(site.origins)}
          onChange={(on) => onChange(on ? [...enabled, site.id] : enabled.filter((id) => id !== site.id))}
        />
      ))}
    </fieldset>
  );
}
