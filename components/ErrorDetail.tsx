// The system's own words about a failure, under the rep's-language sentence that says what it means
// (lib/ui/errors.ts): closed by default, there for the admin or a support ticket.
import { t } from '../lib/ui/i18n';

export function ErrorDetail({ detail }: { detail: string }) {
  if (!detail) return null;
  return (
    <details class="error-detail">
      <summary>{t('errorDetails')}</summary>
      <bdi>{detail}</bdi>
    </details>
  );
}
