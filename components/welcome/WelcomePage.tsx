// The page a new install opens: what LeadLens does, that it shows demo data until a marketing
// system is connected (and where to connect one), and the rep's work email, which decides whose
// handoffs the queue shows. The email is checked here and saved with the rest of the settings.
import { useRef, useState } from 'preact/hooks';
import { t } from '../../lib/ui/i18n';
import { Email } from '../../lib/domain/model';

export interface WelcomePageProps {
  /** The address saved now: the default until the rep gives theirs. */
  repEmail: string;
  /** True while LeadLens runs on its built-in demo. */
  demo: boolean;
  saveEmail: (email: string) => Promise<void>;
}

type Status = { ok: true; text: string } | { ok: false; text: string; field: boolean };

export function WelcomePage({ repEmail, demo, saveEmail }: WelcomePageProps) {
  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeIntro')}</p>
      <section aria-labelledby="what-title">
        <h2 id="what-title">{t('welcomeWhatTitle')}</h2>
        <ul class="what">
          <li>{t('welcomeCard')}</li>
          <li>{t('welcomeQueue')}</li>
          <li>{t('welcomeFeedback')}</li>
        </ul>
      </section>
      <EmailSection repEmail={repEmail} saveEmail={saveEmail} />
      {demo && (
        <section id="demo" aria-labelledby="demo-title" class="demo">
          <h2 id="demo-title">{t('welcomeDemoTitle')}</h2>
          <p>{t('welcomeDemo')}</p>
          <p>
            <a href="/options.html#connection">{t('demoConnect')}</a>
          </p>
        </section>
      )}
      <p class="next">{t('welcomeNext')}</p>
    </main>
  );
}

/** The rep's work email, checked before it is saved; a bad one takes the focus back. */
function useEmailForm(repEmail: string, saveEmail: WelcomePageProps['saveEmail']) {
  const [email, setEmail] = useState(repEmail);
  const [status, setStatus] = useState<Status | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const parsed = Email.safeParse(email);
    if (!parsed.success) {
      setStatus({ ok: false, text: t('emailInvalid'), field: true });
      input.current?.focus();
      return;
    }
    try {
      await saveEmail(parsed.data);
      setEmail(parsed.data);
      setStatus({ ok: true, text: t('welcomeSaved', parsed.data) });
    } catch (error) {
      setStatus({ ok: false, text: t('notSaved', error instanceof Error ? error.message : String(error)), field: false });
    }
  }
  return { email, setEmail, status, input, submit };
}

function EmailSection({ repEmail, saveEmail }: Pick<WelcomePageProps, 'repEmail' | 'saveEmail'>) {
  const { email, setEmail, status, input, submit } = useEmailForm(repEmail, saveEmail);
  const invalid = status?.ok === false && status.field;
  return (
    <section aria-labelledby="email-title">
      <h2 id="email-title">{t('welcomeEmailTitle')}</h2>
      <p class="hint" id="email-hint">
        {t('welcomeEmailHint')}
      </p>
      <form class="email-form" onSubmit={submit} noValidate>
        <label for="rep-email">{t('welcomeEmailLabel')}</label>
        <div class="email-row">
          <input
            ref={input}
            id="rep-email"
            type="email"
            autocomplete="email"
            spellcheck={false}
            value={email}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'email-hint email-error' : 'email-hint'}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
          <button type="submit">{t('save')}</button>
        </div>
        {status && (
          <p id={invalid ? 'email-error' : undefined} role={status.ok ? 'status' : 'alert'} class={status.ok ? 'ok' : 'error'}>
            {status.text}
          </p>
        )}
      </form>
    </section>
  );
}
