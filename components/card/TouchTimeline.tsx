// The marketing touches, latest first; a few at first, all on request.
import { useState } from 'preact/hooks';
import type { Touch } from '../../lib/domain/model';
import { t, uiLocale } from '../../lib/ui/i18n';
import { TOUCH_LABELS } from './strings';

const FIRST_SHOWN = 3;

export function TouchTimeline({ touches }: { touches: Touch[] }) {
  const [showAll, setShowAll] = useState(false);
  if (touches.length === 0) return <p class="ll-muted">{t('noTouches')}</p>;
  const shown = showAll ? touches : touches.slice(0, FIRST_SHOWN);
  return (
    <div>
      <ol class="ll-timeline">
        {shown.map((touch) => (
          <li key={touch.id} class="ll-touch" data-type={touch.type}>
            <time dateTime={new Date(touch.at).toISOString()}>{formatDay(touch.at)}</time>
            <span class="ll-touch-type">{t(TOUCH_LABELS[touch.type])}</span>
            {touch.url ? (
              <a href={touch.url} target="_blank" rel="noopener noreferrer">
                {touch.title}
              </a>
            ) : (
              <span>{touch.title}</span>
            )}
            {touch.campaign && <span class="ll-muted"> · {touch.campaign}</span>}
          </li>
        ))}
      </ol>
      {!showAll && touches.length > FIRST_SHOWN && (
        <button type="button" class="ll-link" onClick={() => setShowAll(true)}>
          {t('showAll', touches.length)}
        </button>
      )}
    </div>
  );
}

function formatDay(at: number): string {
  return new Date(at).toLocaleDateString(uiLocale(), { month: 'short', day: 'numeric' });
}
