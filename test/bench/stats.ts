// Small statistics and the report the benchmark writes.
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { METHODS } from './methods';

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
  /** What the browser itself costs for the same thing, where the budget is set against it. */
  floor?: string;
  met: boolean | null;
  detail?: string;
}

export function writeReport(dir: string, browserVersion: string, measurements: Measurement[]) {
  mkdirSync(dir, { recursive: true });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${browserVersion}`;
  const date = new Date().toISOString();
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify({ date, machine, measurements }, null, 2)}\n`);
  const rows = measurements.map(
    (m) => `| ${m.name} | ${format(m.value)}${m.unit ? ` ${m.unit}` : ''} | ${m.budget} | ${m.floor ?? ''} | ${m.met === null ? 'not judged' : m.met ? 'met' : '**missed**'} | ${m.detail ?? ''} |`,
  );
  writeFileSync(
    join(dir, 'README.md'),
    [
      '# LeadLens benchmark',
      '',
      'Written by `npm run bench`: the built extension in Debian\'s Chromium, driven by playwright-core,',
      'against a generated Gmail-sized page, the saved pages in test/fixtures/pages and the Lead Context',
      'API fake in test/fakes. Each budget is a ratio to a floor measured in the same run (see below).',
      'Each figure is the median of several runs unless it says otherwise. Timings on a shared two-core',
      'machine wander: read them against their floors, not to the millisecond.',
      '',
      `- Date: ${date}`,
      `- Machine: ${machine}`,
      '',
      '| measure | result | budget | floor | verdict | detail |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      METHODS,
      teamScale(dir),
    ].join('\n'),
  );
}

/** The team-scale simulation's figures (bench/team-scale.md, from its own ten-minute run), kept in the report. */
function teamScale(dir: string): string {
  const file = join(dir, 'team-scale.md');
  return existsSync(file) ? `\n${readFileSync(file, 'utf8')}` : '';
}

function format(value: number): string {
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en');
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}
