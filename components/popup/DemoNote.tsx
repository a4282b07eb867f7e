// Until a marketing system is connected, the popup shows the built-in demo: a badge says so, and
// opens a line saying what that means and where to connect the real one.
import { useState } from 'preact/hooks';
import { t } from '../../lib/ui/i18n';

export function DemoNote({ onConnect }: { onConnect: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" class="demo-badge" aria-expanded={open} aria-controls="demo-note" onClick={() => setOpen(!open)}>
        {t('demoBadge')}
      </button>
      {open && (
        <p id="demo-note" class="demo-note">
          {t('demoExplain')}{' '}
          <a
            href="/options.html#connection"
            target="_blank"
            onClick={(event) => {
              event.preventDefault();
              onConnect();
            }}
          >
            {t('demoConnect')}
          </a>
        </p>
      )}
    </>
  );
}
