// The loop report by account, for account-based marketing: the handoffs to each account and how
// the SLA went, the rep's verdicts on its people (as by campaign), and the accounts whose leads
// sales rejected most, so marketing sees which target accounts sales does not want. The same charts
// as the rest of the report (BarChart: legends, numbered parts, width that follows the page, long
// names wrapped and whole in a tooltip and the chart's table).
import { t } from '../../lib/ui/i18n';
import type { LoopReport } from '../../lib/cache/report';
import { VERDICTS } from '../../lib/domain/vocabulary';
import { BarChart, type BarPart } from './BarChart';
import { OUTCOME_COLORS, verdictLegend, verdictPart } from './report-parts';

/** The busiest accounts drawn in each chart: the charts stay readable. */
export const ACCOUNTS_SHOWN = 10;

type AccountRow = LoopReport['byAccount'][number];

export function AccountReport({ report }: { report: LoopReport }) {
  // The report lists the accounts the busiest first (lib/cache/report-accounts.ts).
  const withHandoffs = report.byAccount.filter((row) => row.handoffs > 0).slice(0, ACCOUNTS_SHOWN);
  const withVerdicts = report.byAccount.filter((row) => VERDICTS.some((verdict) => row.verdicts[verdict] > 0)).slice(0, ACCOUNTS_SHOWN);
  return (
    <div class="account-report" data-accounts={report.byAccount.length}>
      <h3>{t('reportAccountHandoffs')}</h3>
      {withHandoffs.length === 0 ? (
        <p class="hint">{t('reportNoAccounts')}</p>
      ) : (
        <BarChart
          label={t('reportAccountHandoffs')}
          rows={withHandoffs.map((row) => ({ label: row.name, parts: handoffParts(row) }))}
          legend={handoffParts(withHandoffs[0]!).map(({ name, color }) => ({ name, color }))}
        />
      )}
      <h3>{t('reportAccountVerdicts')}</h3>
      {withVerdicts.length === 0 ? (
        <p class="hint">{t('reportNoVerdicts')}</p>
      ) : (
        <BarChart
          label={t('reportAccountVerdicts')}
          rows={withVerdicts.map((row) => ({ label: row.name, parts: VERDICTS.map((verdict) => verdictPart(verdict, row.verdicts[verdict])) }))}
          legend={verdictLegend(VERDICTS)}
        />
      )}
      <h3>{t('reportMostRejected')}</h3>
      {report.mostRejected.length === 0 ? (
        <p class="hint">{t('reportNoRejections')}</p>
      ) : (
        <BarChart
          label={t('reportMostRejected')}
          rows={report.mostRejected.map((row) => ({ label: row.name, parts: [rejectionPart(row.rejected)] }))}
          legend={[{ name: t('reportRejections'), color: OUTCOME_COLORS.missed }]}
        />
      )}
    </div>
  );
}

const handoffParts = (row: AccountRow): BarPart[] => [
  { name: t('slaMet'), value: row.metSla, color: OUTCOME_COLORS.met, ink: '#000' },
  { name: t('slaMissed'), value: row.missedSla, color: OUTCOME_COLORS.missed, ink: '#000' },
  { name: t('reportOpen'), value: Math.max(0, row.handoffs - row.metSla - row.missedSla), color: OUTCOME_COLORS.open, ink: '#000' },
];

const rejectionPart = (value: number): BarPart => ({ name: t('reportRejections'), value, color: OUTCOME_COLORS.missed, ink: '#000' });
