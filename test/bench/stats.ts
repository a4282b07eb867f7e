// Small statistics and the report the benchmark writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (values: number[]) => percentile(values, 50);

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  /** e.g. "p95 ≤ 16 ms" */
  budget: string;
  met: boolean | null;
  detail?: string;
}

export function writeReport(dir: string, browserVersion: string, measurements: Measurement[]) {
  mkdirSync(dir, { recursive: true });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${browserVersion}`;
  const date = new Date().toISOString();
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify({ date, machine, measurements }, null, 2)}\n`);
  const rows = measurements.map(
    (m) => `| ${m.name} | ${format(m.value)} ${m.unit} | ${m.budget} | ${m.met === null ? 'not judged' : m.met ? 'met' : '**missed**'} | ${m.detail ?? ''} |`,
  );
  writeFileSync(
    join(dir, 'README.md'),
    [
      '# LeadLens benchmark',
      '',
      'Written by `npm run bench`: the built extension in Debian\'s Chromium, driven by playwright-core,',
      'against the saved pages in test/fixtures/pages and the Lead Context API fake in test/fakes.',
      'Each figure is the median of several runs unless it says otherwise. Timings on a shared two-core',
      'machine wander: read them as orders of magnitude against the budgets, not to the millisecond.',
      '',
      `- Date: ${date}`,
      `- Machine: ${machine}`,
      '',
      '| measure | result | budget | verdict | detail |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(value >= 10 ? 1 : 2);
}
