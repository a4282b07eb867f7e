// Which CRMs LeadLens reads. Turning one on asks the browser for that site's access, then and
// only then; turning it off stops LeadLens there at once.
import { t, type MessageKey } from '../../lib/i18n';
import { OPTIONAL_SITES } from '../../lib/sites';

const LABELS: Record<string, MessageKey> = {
  salesforce: 'siteSalesforce',
  hubspot: 'siteHubspot',
  dynamics: 'siteDynamics',
  pipedrive: 'sitePipedrive',
  mailto: 'siteMailto',
};

export interface SitesEditorProps {
  enabled: string[];
  onChange: (enabled: string[]) => void;
  requestAccess: (origins: string[]) => Promise<boolean>;
}

export function SitesEditor({ enabled, onChange, requestAccess }: SitesEditorProps) {
  async function toggle(id: string, on: boolean, origins: string[]) {
    if (on && !(await requestAccess(origins))) return;
    onChange(on ? [...enabled, id] : enabled.filter((site) => site !== id));
  }
  return (
    <fieldset>
      <legend>{t('sites')}</legend>
      {OPTIONAL_SITES.map((site) => (
        <label key={site.id}>
          <input
            type="checkbox"
            checked={enabled.includes(site.id)}
            onChange={(event) => {
              const wanted = event.currentTarget.checked;
              // The box shows what is saved until the browser has granted the site.
              event.currentTarget.checked = enabled.includes(site.id);
              void toggle(site.id, wanted, site.origins);
            }}
          />{' '}
          {t(LABELS[site.id] ?? 'sites')}
        </label>
      ))}
    </fieldset>
  );
}
