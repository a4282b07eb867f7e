// Which CRMs LeadLens reads. Turning one on asks the browser for that site's access, then and
// only then; turning it off stops LeadLens there at once. A site a policy turns on stays on: its
// box is ticked and disabled, with a button to allow access while the browser has not granted it
// (a policy cannot grant a host permission; the rep must).
import { useEffect, useState } from 'preact/hooks';
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
  /** Whether the browser already lets LeadLens read these origins. */
  hasAccess: (origins: string[]) => Promise<boolean>;
  /** The sites a policy turns on: the rep cannot turn them off. */
  lockedItems?: string[];
}

export function SitesEditor({ enabled, onChange, requestAccess, hasAccess, lockedItems = [] }: SitesEditorProps) {
  return (
    <fieldset>
      <legend>
        <h2>{t('sites')}</h2>
      </legend>
      {OPTIONAL_SITES.map((site) => {
        const label = t(LABELS[site.id] ?? 'sites');
        if (lockedItems.includes(site.id)) return <PolicySite key={site.id} label={label} origins={site.origins} requestAccess={requestAccess} hasAccess={hasAccess} />;
        return (
          <GrantedCheckbox
            key={site.id}
            checked={enabled.includes(site.id)}
            label={label}
            grant={() => requestAccess(site.origins)}
            onChange={(on) => onChange(on ? [...enabled, site.id] : enabled.filter((id) => id !== site.id))}
          />
        );
      })}
    </fieldset>
  );
}

interface PolicySiteProps {
  label: string;
  origins: string[];
  requestAccess: SitesEditorProps['requestAccess'];
  hasAccess: SitesEditorProps['hasAccess'];
}

/** A site the policy turned on: on for good, and access to allow until the browser has it. */
function PolicySite({ label, origins, requestAccess, hasAccess }: PolicySiteProps) {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    void hasAccess(origins).then(setGranted);
  }, [origins.join(' ')]);
  return (
    <div class="policy-site">
      <label>
        <input type="checkbox" checked disabled /> {label} <small>({t('siteByPolicy')})</small>
      </label>
      {granted === false && (
        <p class="hint">
          {t('siteNeedsAccess')}{' '}
          <button type="button" aria-label={t('allowAccessTo', label)} onClick={() => void requestAccess(origins).then(setGranted)}>
            {t('allowAccess')}
          </button>
        </p>
      )}
    </div>
  );
}
