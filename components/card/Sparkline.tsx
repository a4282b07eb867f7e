// The account's touches per week as a small line, oldest week on the left. The picture is for the
// eye; its text alternative (the SVG's name) reads every week's count and the total, so nothing is
// only in the shape. The total also stands beside it in words.
import { t } from '../../lib/ui/i18n';

const WIDTH = 104;
const HEIGHT = 22;
/** Room for the dot on the latest week, so it is not cut at the edge. */
const PAD = 2.5;

/** The line's points: x spread evenly, y from the bottom up to the busiest week (an empty account lies flat). */
export function sparklinePoints(counts: readonly number[]): Array<[number, number]> {
  const most = Math.max(1, ...counts);
  const step = counts.length > 1 ? (WIDTH - 2 * PAD) / (counts.length - 1) : 0;
  return counts.map((count, index) => [round(PAD + index * step), round(HEIGHT - PAD - (count / most) * (HEIGHT - 2 * PAD))]);
}

const round = (value: number) => Math.round(value * 10) / 10;

export function Sparkline({ counts }: { counts: readonly number[] }) {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const points = sparklinePoints(counts);
  const last = points.at(-1);
  const summary = t('accountWeeklySummary', counts.length, counts.join(t('listSeparator')), total);
  return (
    <p class="ll-trend">
      <span class="ll-muted">{t('accountWeeklyLabel')}</span>
      <svg class="ll-spark" role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
        <title>{summary}</title>
        <line class="ll-spark-base" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} />
        <polyline class="ll-spark-line" points={points.map(([x, y]) => `${x},${y}`).join(' ')} />
        {last && <circle class="ll-spark-dot" cx={last[0]} cy={last[1]} r="2.2" />}
      </svg>
      <span aria-hidden="true">{t('accountWeeklyTotal', total, counts.length)}</span>
    </p>
  );
}
