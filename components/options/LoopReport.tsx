// The loop report, for the marketing and sales meeting: SLA met and missed, median time to first
// contact, and the rep's verdicts by campaign, by reason and by account, as small charts and as CSV.
import { useEffect, useState } from 'preact/hooks';
import { formatDuration } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import { reportCsv, type LoopReport as Report, type ReportPeriod } from '../../lib/cache/report';
import { VERDICTS } from '../../lib/domain/vocabulary';
import { AccountReport } from './AccountReport';
import { BarChart, type BarPart } from './BarChart';
import { OUTCOME_COLORS, verdictLegend, verdictPart } from './report-parts';

export interface LoopReportProps {
  load: (period: ReportPeriod) => Promise<Report>;
  reasonLabel: (code: string) => string;
  now: () => number;
}

const DAY = 86_400_000;
const PERIODS = [7, 30, 90] as const;
export function LoopReport({ load, reasonLabel, now }: LoopReportProps) {
  const [days, setDays] = useState<number>(30);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const to = now();
    load({ from: to - days * DAY, to: to + 1 }).then(setReport, (failure: unknown) => setError(String(failure instanceof Error ? failure.message : failure)));
  }, [days, load, now]);

  function exportCsv() {
    if (!report) return;
    const url = URL.createObjectURL(new Blob(['\uFEFF', reportCsv(report, reasonLabel)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `leadlens-report-${new Date(report.period.to).toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <section class="report" aria-labelledby="report-title">
      <h2 id="report-title">{t('reportTitle')}</h2>
      <div class="report-bar">
        <label>
          {t('reportPeriod')}{' '}
          <select value={days} onChange={(event) => setDays(Number(event.currentTarget.value))}>
            {PERIODS.map((period) => (
              <option key={period} value={period}>
                {t('lastDays', period)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={exportCsv} disabled={!report}>
          {t('exportCsv')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {report && <ReportBody report={report} reasonLabel={reasonLabel} />}
    </section>
  );
}

function ReportBody({ report, reasonLabel }: { report: Report; reasonLabel: (code: string) => string }) {
  const { met, missed, open } = report;
  const slaParts: BarPart[] = [
    { name: t('slaMet'), value: met, color: OUTCOME_COLORS.met, ink: '#000' },
    { name: t('slaMissed'), value: missed, color: OUTCOME_COLORS.missed, ink: '#000' },
    { name: t('reportOpen'), value: open, color: OUTCOME_COLORS.open, ink: '#000' },
  ];
  return (
    <>
      <ReportTiles report={report} />
      <h3>{t('reportSla')}</h3>
      <BarChart
        label={t('reportSla')}
        rows={[{ label: t('reportHandoffs', met + missed + open), parts: slaParts }]}
        legend={slaParts.map(({ name, color, value }) => ({ name, color, value }))}
      />
      <h3>{t('reportByCampaign')}</h3>
      {report.byCampaign.length === 0 ? (
        <p class="hint">{t('reportNoVerdicts')}</p>
      ) : (
        <BarChart
          label={t('reportByCampaign')}
          rows={report.byCampaign.map(({ campaign, counts }) => ({
            label: campaign ?? t('reportNoCampaign'),
            parts: VERDICTS.map((verdict) => verdictPart(verdict, counts[verdict])),
          }))}
          legend={verdictLegend(VERDICTS)}
        />
      )}
      <h3>{t('reportByReason')}</h3>
      {report.byReason.length === 0 ? (
        <p class="hint">{t('reportNoVerdicts')}</p>
      ) : (
        <BarChart
          label={t('reportByReason')}
          rows={report.byReason.map(({ reasonCode, verdict, count }) => ({ label: reasonLabel(reasonCode), parts: [verdictPart(verdict, count)] }))}
          legend={verdictLegend(VERDICTS.filter((verdict) => report.byReason.some((reason) => reason.verdict === verdict)))}
        />
      )}
      <AccountReport report={report} />
    </>
  );
}

/** The SLA met and missed, the rate met of those answered, and the median time to first contact. */
function ReportTiles({ report }: { report: Report }) {
  const { met, missed, medianBusinessMsToContact: median } = report;
  const answered = met + missed;
  return (
    <dl class="tiles">
      <div>
        <dt>{t('slaMet')}</dt>
        <dd data-metric="met">{met}</dd>
      </div>
      <div>
        <dt>{t('slaMissed')}</dt>
        <dd data-metric="missed">{missed}</dd>
      </div>
      <div>
        <dt>{t('reportMetRate')}</dt>
        <dd data-metric="met-rate">{answered === 0 ? '–' : `${Math.round((met / answered) * 100)}%`}</dd>
      </div>
      <div>
        <dt>{t('reportMedianContact')}</dt>
        <dd data-metric="median">{median === null ? '–' : formatDuration(median)}</dd>
      </div>
    </dl>
  );
}
