// The loop report, for the marketing and sales meeting: SLA met and missed, median time to first
// contact, and the rep's verdicts by campaign and by reason, as small charts and as CSV.
import { useEffect, useState } from 'preact/hooks';
import { formatDuration } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import type { Verdict } from '../../lib/domain/model';
import { reportCsv, type LoopReport as Report, type ReportPeriod } from '../../lib/cache/report';
import { VERDICTS } from '../../lib/domain/vocabulary';
import { VERDICT_LABELS } from '../card/strings';

export interface LoopReportProps {
  load: (period: ReportPeriod) => Promise<Report>;
  reasonLabel: (code: string) => string;
  now: () => number;
}

const DAY = 86_400_000;
const PERIODS = [7, 30, 90] as const;
/** Colour-blind-safe hues (Okabe-Ito), each verdict always the same. */
export const VERDICT_COLORS: Record<Verdict, string> = { good_lead: '#009E73', not_a_fit: '#D55E00', bad_timing: '#E69F00', wrong_contact: '#0072B2' };
const OUTCOME_COLORS = { met: '#009E73', missed: '#D55E00', open: '#8c959f' } as const;

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
  const { met, missed, open, medianBusinessMsToContact: median } = report;
  const answered = met + missed;
  return (
    <>
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
      <h3>{t('reportSla')}</h3>
      <BarChart
        label={t('reportSla')}
        rows={[{ label: t('reportHandoffs', met + missed + open), parts: [
          { name: t('slaMet'), value: met, color: OUTCOME_COLORS.met },
          { name: t('slaMissed'), value: missed, color: OUTCOME_COLORS.missed },
          { name: t('reportOpen'), value: open, color: OUTCOME_COLORS.open },
        ] }]}
      />
      <h3>{t('reportByCampaign')}</h3>
      {report.byCampaign.length === 0 ? (
        <p class="hint">{t('reportNoVerdicts')}</p>
      ) : (
        <BarChart
          label={t('reportByCampaign')}
          rows={report.byCampaign.map(({ campaign, counts }) => ({
            label: campaign ?? t('reportNoCampaign'),
            parts: VERDICTS.map((verdict) => ({ name: t(VERDICT_LABELS[verdict]), value: counts[verdict], color: VERDICT_COLORS[verdict] })),
          }))}
        />
      )}
      <h3>{t('reportByReason')}</h3>
      {report.byReason.length === 0 ? (
        <p class="hint">{t('reportNoVerdicts')}</p>
      ) : (
        <BarChart
          label={t('reportByReason')}
          rows={report.byReason.map(({ reasonCode, verdict, count }) => ({
            label: reasonLabel(reasonCode),
            parts: [{ name: t(VERDICT_LABELS[verdict]), value: count, color: VERDICT_COLORS[verdict] }],
          }))}
        />
      )}
    </>
  );
}

interface BarRow {
  label: string;
  parts: { name: string; value: number; color: string }[];
}

const LABEL_WIDTH = 220;

/** The label cut to fit the label column: wide (CJK) characters take about twice a narrow one. */
function fit(label: string): string {
  let width = 0;
  for (let index = 0; index < label.length; index++) {
    width += label.charCodeAt(index) > 0x2e80 ? 12 : 7;
    if (width > LABEL_WIDTH - 16) return `${label.slice(0, index)}…`;
  }
  return label;
}

/** Horizontal stacked bars in SVG, scaled to the largest row; the numbers are in the titles and a table for screen readers. */
function BarChart({ label, rows }: { label: string; rows: BarRow[] }) {
  const width = 400;
  const rowHeight = 22;
  const max = Math.max(1, ...rows.map((row) => row.parts.reduce((sum, part) => sum + part.value, 0)));
  const legend = rows[0]?.parts ?? [];
  return (
    <figure class="chart">
      <svg role="img" aria-label={label} width={width + LABEL_WIDTH + 40} height={rows.length * rowHeight + 4} viewBox={`0 0 ${width + LABEL_WIDTH + 40} ${rows.length * rowHeight + 4}`}>
        {rows.map((row, index) => {
          let x = LABEL_WIDTH;
          const y = index * rowHeight + 2;
          return (
            <g key={row.label}>
              <text x={LABEL_WIDTH - 8} y={y + 14} text-anchor="end" font-size="12" fill="currentColor">
                <title>{row.label}</title>
                {fit(row.label)}
              </text>
              {row.parts.map((part) => {
                const w = (part.value / max) * width;
                const rect = (
                  <rect key={part.name} x={x} y={y} width={w} height={rowHeight - 6} fill={part.color}>
                    <title>{`${row.label} · ${part.name}: ${part.value}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + 14} font-size="12" fill="currentColor">
                {row.parts.reduce((sum, part) => sum + part.value, 0)}
              </text>
            </g>
          );
        })}
      </svg>
      {legend.length > 1 && (
        <figcaption class="legend">
          {legend.map((part) => (
            <span key={part.name}>
              <i style={{ background: part.color }} /> {part.name}
            </span>
          ))}
        </figcaption>
      )}
      <table class="visually-hidden">
        <caption>{label}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.parts.map((part) => (
                <td key={part.name}>{`${part.name}: ${part.value}`}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
