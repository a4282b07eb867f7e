// Horizontal stacked bars in SVG for the loop report. The axis runs to a round number at or above
// the largest row (never less than MIN_AXIS, so one verdict does not fill the width), every part
// wide enough carries its number and every row its total; long labels wrap to two lines and are cut
// with the whole in a tooltip and in the table for screen readers. The SVG scales to the page.
export interface BarPart {
  name: string;
  value: number;
  color: string;
  /** The number's colour on this part's fill: 4.5:1 or more. */
  ink: string;
}

export interface BarRow {
  label: string;
  parts: BarPart[];
}

const WIDTH = 640;
const LABEL_WIDTH = 220;
const BAR_LEFT = LABEL_WIDTH + 8;
const BAR_WIDTH = WIDTH - BAR_LEFT - 44;
const LINE = 17;
const FONT = 13;
/** An axis never shorter than this: a count of 1 is a short bar, not a full one. */
export const MIN_AXIS = 5;

/** The axis end: 5, 10, 20, 25, 50, 100, 200, 250, 500... at or above the largest count. */
export function axisMax(largest: number): number {
  const target = Math.max(MIN_AXIS, largest);
  const power = 10 ** Math.floor(Math.log10(target));
  return [1, 2, 2.5, 5, 10].map((step) => step * power).find((candidate) => candidate >= target)!;
}

/** The label in at most two lines that fit the label column: wide (CJK) characters take about twice a narrow one. */
export function wrapLabel(label: string, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const char of label) {
    const charWidth = char.codePointAt(0)! > 0x2e80 ? FONT : FONT * 0.52;
    if (width + charWidth > LABEL_WIDTH - 8) {
      if (lines.length === maxLines - 1) return [...lines, `${line.slice(0, -1)}…`];
      // Break at the last space when there is one in the second half of the line.
      const space = line.lastIndexOf(' ');
      const cut = space > line.length / 2 ? space : line.length;
      lines.push(line.slice(0, cut).trimEnd());
      line = line.slice(cut).trimStart();
      width = [...line].reduce((sum, c) => sum + (c.codePointAt(0)! > 0x2e80 ? FONT : FONT * 0.52), 0);
    }
    line += char;
    width += charWidth;
  }
  return [...lines, line];
}

const sum = (parts: BarPart[]) => parts.reduce((total, part) => total + part.value, 0);

export function BarChart({ label, rows, legend }: { label: string; rows: BarRow[]; legend: { name: string; color: string; value?: number }[] }) {
  const max = axisMax(Math.max(0, ...rows.map((row) => sum(row.parts))));
  const scale = BAR_WIDTH / max;
  const labels = rows.map((row) => wrapLabel(row.label));
  const heights = labels.map((lines) => Math.max(28, lines.length * LINE + 10));
  const top = 22; // room for the axis numbers
  const height = top + heights.reduce((total, h) => total + h, 0) + 4;
  let y = top;
  return (
    <figure class="chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {(Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max]).map((tick) => (
          <g key={tick}>
            <line class="axis" x1={BAR_LEFT + tick * scale} x2={BAR_LEFT + tick * scale} y1={top - 4} y2={height - 2} stroke-width="1" />
            <text class="tick" x={BAR_LEFT + tick * scale} y={top - 8} text-anchor={tick === 0 ? 'start' : tick === max ? 'end' : 'middle'} font-size={FONT}>
              {tick}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const rowTop = y;
          y += heights[index]!;
          return <BarRowGroup key={row.label} row={row} lines={labels[index]!} top={rowTop} height={heights[index]!} scale={scale} />;
        })}
      </svg>
      {legend.length > 0 && (
        <ul class="legend">
          {legend.map((entry) => (
            <li key={entry.name}>
              <i style={{ background: entry.color }} aria-hidden="true" />
              {entry.value === undefined ? entry.name : `${entry.name}: ${entry.value}`}
            </li>
          ))}
        </ul>
      )}
      {/* Hidden by a block around it: a table is as wide as its nowrap rows whatever its own width, and would widen the page. */}
      <div class="visually-hidden">
        <table>
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
      </div>
    </figure>
  );
}

function BarRowGroup({ row, lines, top, height, scale }: { row: BarRow; lines: string[]; top: number; height: number; scale: number }) {
  const barHeight = 20;
  const barTop = top + (height - barHeight) / 2;
  const textTop = top + (height - lines.length * LINE) / 2 + FONT;
  let x = BAR_LEFT;
  // One part's number is the row's total, written once after the bar.
  const numbered = row.parts.filter((part) => part.value > 0).length > 1;
  return (
    <g>
      <text x={LABEL_WIDTH} y={textTop} text-anchor="end" font-size={FONT} fill="currentColor">
        <title>{row.label}</title>
        {lines.map((line, index) => (
          <tspan key={index} x={LABEL_WIDTH} dy={index === 0 ? 0 : LINE}>
            {line}
          </tspan>
        ))}
      </text>
      {row.parts.map((part) => {
        const width = part.value * scale;
        const left = x;
        x += width;
        if (part.value === 0) return null;
        return (
          <g key={part.name}>
            <rect x={left} y={barTop} width={width} height={barHeight} fill={part.color}>
              <title>{`${row.label} · ${part.name}: ${part.value}`}</title>
            </rect>
            {numbered && width >= 22 && (
              <text x={left + width / 2} y={barTop + 15} text-anchor="middle" font-size={FONT} font-weight="600" fill={part.ink}>
                {part.value}
              </text>
            )}
          </g>
        );
      })}
      <text x={x + 6} y={barTop + 15} font-size={FONT} fill="currentColor">
        {sum(row.parts)}
      </text>
    </g>
  );
}
