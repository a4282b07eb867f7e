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

/** The busiest accounts drawn: the charts stay readable. */
export const ACCOUNTS_SHOWN = 10;

type AccountRow = LoopReport['byAccount'][number];

export function AccountReport({ report }: { report: LoopReport }) {
  // The report lists the accounts the busiest first (lib/cache/report-accounts.ts).
  const shown = report.byAccount.slice(0, ACCOUNTS_SHOWN);
  return (
    <div class="account-report" data-accounts={report.byAccount.length}>
      <h3>{t('reportByAccount')}</h3>
      {shown.length === 0 ? <p class="hint">{t('reportNoAccounts')}</p> : <AccountCharts rows={shown} />}
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

function AccountCharts({ rows }: { rows: AccountRow[] }) {
  const handoffParts = (row: AccountRow): BarPart[] => [
    { name: t('slaMet'), value: row.metSla, color: OUTCOME_COLORS.met, ink: '#000' },
    { name: t('slaMissed'), value: row.missedSla, color: OUTCOME_COLORS.missed, ink: '#000' },
    { name: t('reportOpen'), value: Math.max(0, row.handoffs - row.metSla - row.missedSla), color: OUTCOME_COLORS.open, ink: '#000' },
  ];
  const outcomes = handoffParts(rows[0]!).map(({ name, color }) => ({ name, color }));
  const withVerdicts = rows.filter((row) => VERDICTS.some((verdict) => row.verdicts[verdict] > 0));
  return (
    <>
      {rows.some((row) => row.handoffs > 0) && (
        <BarChart
          label={t('reportAccountHandoffs')}
          rows={rows.filter((row) => row.handoffs > 0).map((row) => ({ label: row.name, parts: handoffParts(row) }))}
          legend={outcomes}
        />
      )}
      {withVerdicts.length > 0 && (
        <BarChart
          label={t('reportAccountVerdicts')}
          rows={withVerdicts.map((row) => ({ label: row.name, parts: VERDICTS.map((verdict) => verdictPart(verdict, row.verdicts[verdict])) }))}
          legend={verdictLegend(VERDICTS)}
        />
      )}
    </>
  );
}

const rejectionPart = (value: number): BarPart => ({ name: t('reportRejections'), value, color: OUTCOME_COLORS.missed, ink: '#000' });
